import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../components/common/I18n';
import { PhaseTimer } from '../../../components/meeting/PhaseTimer';
import type { TimerState } from '../../../lib/shared-doc/timer';

afterEach(cleanup);

const MIN = 60_000;
/** A paused fifteen-minute phase timer with `left` to go: the same at any clock. */
const pausedWith = (left: number): TimerState => ({
  phaseId: 'inventory',
  durationMs: 15 * MIN,
  elapsedMs: 15 * MIN - left,
  runningSince: null,
  clockOf: 'anna-000000',
});

function timer(left: number, keepsTime: boolean, locale: 'en' | 'nl' = 'en') {
  render(
    <I18nProvider locale={locale}>
      <PhaseTimer timer={pausedWith(left)} offset={0} sound={false} keepsTime={keepsTime} />
    </I18nProvider>,
  );
  return screen.getByRole('timer').parentElement!;
}

describe('the phase timer in its last minutes', () => {
  it('turns amber for everyone, and tells the chair and the timekeeper to round off', () => {
    expect(timer(MIN, true).className).toContain('nearly-up');
    expect(document.body.textContent).toContain('Nearly time: round this phase off.');
    cleanup();
    expect(timer(MIN, false).className).toContain('nearly-up');
    expect(document.body.textContent).not.toContain('Nearly time');
  });

  it('is not nearly up before its last two minutes, nor once time is up', () => {
    expect(timer(2 * MIN + 1000, true).className).not.toContain('nearly-up');
    cleanup();
    const over = timer(-1000, true);
    expect(over.className).not.toContain('nearly-up');
    expect(over.className).toContain('time-up');
    expect(document.body.textContent).toContain('Time is up for this phase.');
    expect(document.body.textContent).not.toContain('Nearly time');
  });

  it('speaks Dutch', () => {
    timer(30_000, true, 'nl');
    expect(document.body.textContent).toContain('Bijna tijd: rond deze fase af.');
  });
});
