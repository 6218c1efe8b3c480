import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { EndMeetingButton } from '../../../components/meeting/EndMeetingButton';
import { EndedView } from '../../../components/meeting/EndedView';
import type { NextMeeting } from '../../../lib/shared-doc/next-meeting';
import { decodeSummary } from '../../../lib/shared-doc/meeting-summary';

/**
 * Issue 14, point 7: "at the end the group records the next chair and the next date". The end
 * dialog asks both; the ended view shows them with what the group keeps.
 */

afterEach(cleanup);

/** 1 December 2026, 20:00 UTC. */
const DEC_1 = Date.UTC(2026, 11, 1, 20);

function renderDialog(suggested: string | null, locale: 'en' | 'nl' = 'en') {
  const ended: NextMeeting[] = [];
  render(
    <I18nProvider locale={locale}>
      <EndMeetingButton
        onEnd={(next) => ended.push(next)}
        names={['Anna', 'Bram', 'Carla']}
        suggested={suggested}
        now={() => DEC_1}
      />
    </I18nProvider>,
  );
  return { ended, user: userEvent.setup() };
}

async function open(user: ReturnType<typeof userEvent.setup>, name = 'End the meeting') {
  await user.click(screen.getByRole('button', { name }));
}

describe('the next chair and date in the end dialog', () => {
  it('preselects the rota suggestion among those present, and ends with it', async () => {
    const { ended, user } = renderDialog('Bram');
    await open(user);
    const chair = screen.getByRole('combobox', { name: 'Next chair' }) as HTMLSelectElement;
    expect(chair.value).toBe('Bram');
    expect([...chair.options].map((o) => o.text)).toEqual([
      'Not agreed yet',
      'Anna',
      'Bram',
      'Carla',
    ]);
    await user.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(ended).toEqual([{ nextChair: 'Bram', nextDate: null }]);
  });

  it('ends with the chair and date the chair picked', async () => {
    const { ended, user } = renderDialog(null);
    await open(user);
    const chair = screen.getByRole('combobox', { name: 'Next chair' }) as HTMLSelectElement;
    expect(chair.value).toBe('');
    await user.selectOptions(chair, 'Carla');
    const date = screen.getByLabelText('Date of the next meeting (may stay empty)');
    expect(date.getAttribute('type')).toBe('date');
    expect(date.getAttribute('min')).toBe('2026-12-02');
    await user.type(date, '2026-12-14');
    await user.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(ended).toEqual([{ nextChair: 'Carla', nextDate: '2026-12-14' }]);
  });

  it('does not end on a date in the past, and says why', async () => {
    const { ended, user } = renderDialog('Bram');
    await open(user);
    await user.type(
      screen.getByLabelText('Date of the next meeting (may stay empty)'),
      '2026-11-14',
    );
    await user.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(ended).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('Pick a day after today');
    expect(document.querySelector('dialog')?.open).toBe(true);
  });

  it('ends with nothing agreed when the chair leaves both open', async () => {
    const { ended, user } = renderDialog(null);
    await open(user);
    await user.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(ended).toEqual([{ nextChair: null, nextDate: null }]);
  });

  it('names the fields in Dutch', async () => {
    const { user } = renderDialog('Bram', 'nl');
    await open(user, 'Beëindig de bijeenkomst');
    expect(screen.getByRole('combobox', { name: 'Volgende voorzitter' })).toBeTruthy();
    expect(screen.getByLabelText('Datum van de volgende bijeenkomst (mag leeg)')).toBeTruthy();
  });
});

describe('the ended view', () => {
  it('shows the next chair and date the group agreed', () => {
    const summary = decodeSummary({
      meetingId: 'meeting-0001',
      startedAt: DEC_1 - 5_400_000,
      endedAt: DEC_1,
      methodId: 'basic',
      chairName: 'Anna',
      nextChair: 'Bram',
      nextDate: '2026-12-14',
    })!;
    render(
      <I18nProvider locale="en">
        <EndedView summary={summary} onBack={() => {}} />
      </I18nProvider>,
    );
    const kept = document.querySelector('dl.kept')!.textContent ?? '';
    expect(kept).toContain('Next chairBram');
    expect(kept).toContain('Next meetingDecember 14');
  });
});
