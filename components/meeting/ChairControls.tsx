import { useId, useState } from 'react';
import type { Member } from '../../lib/shared-doc/presence';
import type { TimerAction } from '../../lib/shared-doc/meeting-commands';
import type { TimerState } from '../../lib/shared-doc/timer';
import { useI18n } from '../common/I18n';

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
  const [confirming, setConfirming] = useState(false);
  const [handTo, setHandTo] = useState('');
  const handId = useId();
  const candidates = members.filter((m) => !m.isSelf && m.memberId !== caseBringerId);
  const paused = timer?.runningSince === null;
  return (
    <div role="group" aria-label={t('chairControls')} className="chair-controls">
      <div className="row">
        <button type="button" onClick={onPrevious} disabled={phaseIndex === 0}>
          {t('previousPhase')}
        </button>
        <button type="button" onClick={onNext} disabled={phaseIndex === phaseCount - 1}>
          {t('nextPhase')}
        </button>
      </div>
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
      {confirming ? (
        <div role="alertdialog" aria-label={t('endMeeting')} className="confirm">
          <p>{t('endMeetingConfirm')}</p>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              onEnd();
            }}
          >
            {t('confirmEnd')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('endMeeting')}
        </button>
      )}
    </div>
  );
}
