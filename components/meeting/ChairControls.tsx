import { useId, useState } from 'react';
import type { Member } from '../../lib/shared-doc/presence';
import type { TimerAction } from '../../lib/shared-doc/meeting-commands';
import type { TimerState } from '../../lib/shared-doc/timer';
import { useI18n } from '../common/I18n';
import { altShift, useShortcut } from '../common/useShortcut';
import { EndMeetingButton } from './EndMeetingButton';

const NEXT = altShift('ArrowRight');
const PREVIOUS = altShift('ArrowLeft');

/** The chair's controls: phases, the timer, handing over the chair, ending the meeting. */
export function ChairControls({
  phaseIndex,
  phaseCount,
  timer,
  members,
  caseBringerId,
  onPrevious,
  onNext,
  onTimer,
  onHandChair,
  onEnd,
}: {
  phaseIndex: number;
  phaseCount: number;
  timer: TimerState | null;
  members: readonly Member[];
  caseBringerId: string | null;
  onPrevious: () => void;
  onNext: () => void;
  onTimer: (action: TimerAction) => void;
  onHandChair: (member: Member) => void;
  onEnd: () => void;
}) {
  const { t } = useI18n();
  const [handTo, setHandTo] = useState('');
  const handId = useId();
  const candidates = members.filter((m) => !m.isSelf && m.memberId !== caseBringerId);
  const paused = timer?.runningSince === null;
  const hasPrevious = phaseIndex > 0;
  const hasNext = phaseIndex < phaseCount - 1;
  useShortcut(PREVIOUS, onPrevious, hasPrevious);
  useShortcut(NEXT, onNext, hasNext);
  return (
    <div role="group" aria-label={t('chairControls')} className="chair-controls">
      <div className="row">
        <button
          type="button"
          onClick={onPrevious}
          disabled={!hasPrevious}
          aria-keyshortcuts={PREVIOUS.aria}
          title={`${t('previousPhase')} (Alt+Shift+←)`}
        >
          {t('previousPhase')}
        </button>
        <button
          type="button"
          onClick={onNext}
          disabled={!hasNext}
          aria-keyshortcuts={NEXT.aria}
          title={`${t('nextPhase')} (Alt+Shift+→)`}
        >
          {t('nextPhase')}
        </button>
      </div>
      <p className="hint shortcut-hint">{t('phaseShortcuts')}</p>
      <div className="row">
        <button type="button" onClick={() => onTimer({ kind: paused ? 'resume' : 'pause' })}>
          {paused ? t('resumeTimer') : t('pauseTimer')}
        </button>
        <button type="button" onClick={() => onTimer({ kind: 'extend', minutes: 1 })}>
          {t('extendTimer')}
        </button>
        <button type="button" onClick={() => onTimer({ kind: 'reset' })}>
          {t('resetTimer')}
        </button>
      </div>
      {candidates.length > 0 && (
        <div className="row">
          <label htmlFor={handId}>{t('handChairTo')}</label>
          <select id={handId} value={handTo} onChange={(e) => setHandTo(e.target.value)}>
            <option value="">—</option>
            {candidates.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {m.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!handTo}
            onClick={() => {
              const member = candidates.find((m) => m.memberId === handTo);
              if (member) onHandChair(member);
              setHandTo('');
            }}
          >
            {t('handChair')}
          </button>
        </div>
      )}
      <EndMeetingButton onEnd={onEnd} />
    </div>
  );
}
