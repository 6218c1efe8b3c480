import { useId, useState } from 'react';
import type { Member } from '../../lib/shared-doc/presence';
import type { TimerAction } from '../../lib/shared-doc/meeting-commands';
import type { TimerState } from '../../lib/shared-doc/timer';
import { ConfirmAction } from '../common/ConfirmAction';
import { useI18n } from '../common/I18n';
import { altShift, useShortcut } from '../common/useShortcut';
import type { NextMeeting } from '../../lib/shared-doc/next-meeting';
import { EndMeetingButton } from './EndMeetingButton';
import { Icon } from '../common/Icon';
import { once } from '../common/repeat-click';
import { memberLabels } from './member-label';
import { TimekeeperChoice } from './Timekeeper';

const NEXT = altShift('ArrowRight');
const PREVIOUS = altShift('ArrowLeft');

/**
 * The chair's previous and next phase, in the sticky phase bar: moving the group on is what the
 * chair does most, so "Next phase" stays in sight and is the one filled button; "Previous" is
 * smaller and quiet, so the two are not mixed up.
 */
export function PhaseControls({
  phaseIndex,
  phaseCount,
  onPrevious,
  onNext,
}: {
  phaseIndex: number;
  phaseCount: number;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const hasPrevious = phaseIndex > 0;
  const hasNext = phaseIndex < phaseCount - 1;
  useShortcut(PREVIOUS, onPrevious, hasPrevious);
  useShortcut(NEXT, onNext, hasNext);
  return (
    <div role="group" aria-label={t('chairControls')} className="chair-toolbar">
      <button
        type="button"
        className="previous-phase"
        onClick={once(onPrevious)}
        disabled={!hasPrevious}
        aria-keyshortcuts={PREVIOUS.aria}
        title={`${t('previousPhase')} (${PREVIOUS.label})`}
      >
        <Icon name="prev" />
        {/* Under 360 px the arrow alone, so that "Next phase" keeps one line. */}
        <span className="previous-label">{t('previousPhase')}</span>
      </button>
      <button
        type="button"
        className="primary next-phase"
        onClick={once(onNext)}
        disabled={!hasNext}
        aria-keyshortcuts={NEXT.aria}
        title={`${t('nextPhase')} (${NEXT.label})`}
      >
        {t('nextPhase')}
        <Icon name="next" />
      </button>
    </div>
  );
}

/**
 * The rest of the chair's controls, below the board: pausing and extending the timer, naming a
 * timekeeper, handing over the chair, and, set apart at the bottom, resetting the timer and ending the meeting. In
 * the last phase ending is not here but under the phase bar (MeetingView): one button of that name.
 */
export function ChairControls({
  timer,
  members,
  caseBringerId,
  timekeeper = null,
  onTimer,
  onTimekeeper,
  onHandChair,
  onEnd,
  nextChairSuggestion = null,
  endElsewhere = false,
}: {
  timer: TimerState | null;
  members: readonly Member[];
  caseBringerId: string | null;
  /** The member the chair named to keep the time too (GroupSnapshot.timekeeper). */
  timekeeper?: string | null;
  onTimer: (action: TimerAction) => void;
  /** Names the timekeeper, or nobody; absent: no choice offered. */
  onTimekeeper?: (memberId: string | null) => void;
  onHandChair: (member: Member) => void;
  onEnd: (next: NextMeeting) => void;
  /** Whose turn it is to chair next by the rota, preselected in the end dialog. */
  nextChairSuggestion?: string | null;
  /** The meeting's end is offered elsewhere on the screen (the last phase): not here too. */
  endElsewhere?: boolean;
}) {
  const { t } = useI18n();
  const [handTo, setHandTo] = useState('');
  const handId = useId();
  const candidates = members.filter((m) => !m.isSelf && m.memberId !== caseBringerId);
  const label = memberLabels(candidates, (name, code) =>
    t('nameWithKey', { name, key: t('fingerprint', { code }) }),
  );
  const handToMember = candidates.find((m) => m.memberId === handTo) ?? null;
  const paused = timer?.runningSince === null;
  return (
    <div className="chair-controls">
      <div className="row">
        <button type="button" onClick={once(() => onTimer({ kind: paused ? 'resume' : 'pause' }))}>
          <Icon name={paused ? 'play' : 'pause'} />
          {paused ? t('resumeTimer') : t('pauseTimer')}
        </button>
        <button type="button" onClick={() => onTimer({ kind: 'extend', minutes: 1 })}>
          <Icon name="plus" />
          {t('extendTimer')}
        </button>
      </div>
      {onTimekeeper && (
        <TimekeeperChoice
          members={members}
          caseBringerId={caseBringerId}
          timekeeper={timekeeper}
          onChange={onTimekeeper}
        />
      )}
      {candidates.length > 0 && (
        <div className="row">
          <label htmlFor={handId}>{t('handChairTo')}</label>
          <select id={handId} value={handTo} onChange={(e) => setHandTo(e.target.value)}>
            <option value="">—</option>
            {candidates.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {label(m)}
              </option>
            ))}
          </select>
          {/* Asked first: once handed over, only the new chair can give the role back. */}
          <ConfirmAction
            disabled={!handToMember}
            question={t('handChairConfirm', { name: handToMember ? label(handToMember) : '' })}
            confirmLabel={t('handChairYes')}
            onConfirm={() => {
              if (handToMember) onHandChair(handToMember);
              setHandTo('');
            }}
          >
            {t('handChair')}
          </ConfirmAction>
        </div>
      )}
      <p className="hint shortcut-hint">{t('phaseShortcuts')}</p>
      {/* Apart from the rest: these two undo what the group has done or spent. */}
      <div className="row end-row">
        {/* Asked first: the time the phase has run is gone for the whole group once reset. */}
        <ConfirmAction
          className="danger"
          question={t('resetTimerConfirm')}
          confirmLabel={t('resetTimerYes')}
          onConfirm={() => onTimer({ kind: 'reset' })}
        >
          <Icon name="reset" />
          {t('resetTimer')}
        </ConfirmAction>
        {!endElsewhere && (
          <EndMeetingButton
            onEnd={onEnd}
            names={members.map((m) => m.name)}
            suggested={nextChairSuggestion}
          />
        )}
      </div>
    </div>
  );
}
