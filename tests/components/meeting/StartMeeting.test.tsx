import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { StartMeeting } from '../../../components/meeting/StartMeeting';
import { findMethod } from '../../../lib/method/method-list';
import { rescalePhaseMinutes, totalMinutes } from '../../../lib/method/phase-times';

afterEach(cleanup);

function start(locale: 'nl' | 'en' = 'en') {
  const onStart = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <StartMeeting suggestedChair={null} present={5} onStart={onStart} />
    </I18nProvider>,
  );
  return { onStart, user: userEvent.setup() };
}

function method(id: string) {
  const found = findMethod(id);
  if (!found) throw new Error(`no method ${id}`);
  return found;
}

const lengthChoice = () =>
  screen.getByRole<HTMLSelectElement>('combobox', { name: 'Time available' });
const startButton = () => screen.getByRole('button', { name: 'Start the meeting as chair' });

// The source: "a meeting lasts at least one and a half hours, two hours is common".
describe('the meeting length the chair starts with', () => {
  it('starts the basic method at 90 minutes, its phases rescaled from their own 85', async () => {
    const { onStart, user } = start();
    expect(totalMinutes(method('basic'))).toBe(85);
    expect(lengthChoice().value).toBe('90');
    await user.click(startButton());
    const [, minutes] = onStart.mock.calls[0] ?? [];
    expect(minutes).toEqual(rescalePhaseMinutes(method('basic'), 90));
    expect((minutes as number[]).reduce((a, b) => a + b, 0)).toBe(90);
  });

  it('keeps the own times of a method that is already longer than 90 minutes', async () => {
    const { onStart, user } = start();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'ten-step');
    expect(lengthChoice().value).toBe('default');
    expect(screen.getByRole('option', { name: "The method's own times (130 min)" })).toBeTruthy();
    await user.click(startButton());
    expect(onStart).toHaveBeenCalledExactlyOnceWith('ten-step', null, false);
  });

  it('labels 60 minutes and a method whose own times are under 90 as short, in English', async () => {
    const { user } = start('en');
    const options = () => [...lengthChoice().options].map((option) => option.textContent);
    expect(options()).toEqual([
      "The method's own times (85 min, short)",
      '60 minutes (short)',
      '90 minutes',
      '120 minutes',
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'first-meeting');
    expect(options()[0]).toBe("The method's own times (90 min)");
    expect(lengthChoice().getAttribute('aria-describedby')).toBeTruthy();
    const hint = document.getElementById(lengthChoice().getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(
      'A meeting takes at least an hour and a half; two hours is common.',
    );
  });

  it('labels 60 minutes as short in Dutch', () => {
    start('nl');
    const choice = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Beschikbare tijd' });
    expect([...choice.options].map((option) => option.textContent)).toEqual([
      'Tijden van de werkvorm (85 min, kort)',
      '60 minuten (kort)',
      '90 minuten',
      '120 minuten',
    ]);
    expect(choice.value).toBe('90');
  });

  it('still lets the chair pick 60 minutes, and keeps that pick when the method changes', async () => {
    const { onStart, user } = start();
    await user.selectOptions(lengthChoice(), '60');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'incident');
    expect(lengthChoice().value).toBe('60');
    await user.click(startButton());
    expect(onStart).toHaveBeenCalledExactlyOnceWith(
      'incident',
      rescalePhaseMinutes(method('incident'), 60),
      false,
    );
  });
});
