import { useEffect, useRef } from 'react';
import { formatRemaining, nearlyUp, remainingMs } from '../../lib/shared-doc/timer';
import type { TimerState } from '../../lib/shared-doc/timer';
import { useI18n } from '../common/I18n';
import { useNow } from '../common/useNow';
import { LiveRegion } from '../common/LiveRegion';

/**
 * The phase's remaining time, the same on every panel (the timer is read on its writer's clock
 * through `offset`). In its last two minutes it turns amber on every panel, and the chair and
 * the timekeeper (`keepsTime`) read a line that says to round off: theirs is to tell the group.
 * When time is up the panel says so, visibly and to screen readers, and plays a short tone if
 * the member switched sound on.
 */
export function PhaseTimer({
  timer,
  offset,
  sound,
  keepsTime = false,
}: {
  timer: TimerState | null;
  offset: number;
  sound: boolean;
  keepsTime?: boolean;
}) {
  const { t } = useI18n();
  const now = useNow(500);
  const left = timer ? remainingMs(timer, now, offset) : null;
  const up = left !== null && left <= 0;
  const nearly = timer !== null && left !== null && nearlyUp(timer, left);
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (!timer || !up) return;
    const key = `${timer.phaseId}:${timer.durationMs}:${timer.elapsedMs}:${timer.runningSince}`;
    if (announced.current === key) return;
    announced.current = key;
    if (sound) playTone();
  }, [timer, up, sound]);
  if (!timer || left === null) return null;
  const paused = timer.runningSince === null;
  // Two parts: the time sits beside the phase count in the phase bar, and the time-up line takes
  // the bar's whole width below the phase name.
  return (
    <>
      <div
        className={`phase-timer${up ? ' time-up' : ''}${nearly ? ' nearly-up' : ''}${paused ? ' paused' : ''}`}
      >
        <span role="timer" aria-label={t('timerLabel')} data-testid="timer">
          {formatRemaining(left)}
        </span>
        {paused && <span className="timer-state">({t('timerPaused')})</span>}
      </div>
      {up && (
        <LiveRegion live="alert" className="time-up-text">
          {t('timeUp')}
        </LiveRegion>
      )}
      {nearly && keepsTime && (
        <LiveRegion className="time-up-text nearly-up-text">{t('timeNearlyUp')}</LiveRegion>
      )}
    </>
  );
}

function playTone(): void {
  try {
    const audio = new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 660;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.8);
    oscillator.onended = () => void audio.close();
  } catch {
    // No audio (autoplay policy, no device): the visual cue is still there.
  }
}
