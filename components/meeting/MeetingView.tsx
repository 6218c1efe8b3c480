import { SecondCaseBanner, SecondCaseControl } from './SecondCase';
import { EarlierCases } from '../boards/EarlierCases';
import { useId } from 'react';
import { soundFor } from '../../lib/device/settings';
import type { SoundSetting } from '../../lib/device/settings';
import type { BoardState } from '../../lib/shared-doc/board-state';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import type { NextMeeting } from '../../lib/shared-doc/next-meeting';
import { suggestNextChair } from '../../lib/device/meeting-history';
import type { Member } from '../../lib/shared-doc/presence';
import { mayDo } from '../../lib/method/roles';
import type { Role } from '../../lib/method/roles';
import type { TimerAction } from '../../lib/shared-doc/meeting-commands';
import type { MeetingState } from '../../lib/shared-doc/meeting-state';
import type { TimerState } from '../../lib/shared-doc/timer';
import type { MessageKey } from '../../lib/i18n/messages';
import { AdviceBoard } from '../boards/AdviceBoard';
import { ChairControls, PhaseControls } from './ChairControls';
import { EndMeetingButton } from './EndMeetingButton';
import { CoreQuestion } from '../boards/CoreQuestion';
import { ScaleBoard, ScaleThen } from '../boards/ScaleBoard';
import { EvaluationBoard } from '../boards/EvaluationBoard';
import { Confidentiality } from './Confidentiality';
import { ListeningBanner } from './ListeningBanner';
import { NoCaseBanner } from './NoCaseBanner';
import { LastMeetingSummary } from './LastMeetingSummary';
import { NotesPane } from '../notes/NotesPane';
import type { NotePlace } from '../notes/NotesPane';
import { LastTakeHome } from './LastTakeHome';
import { SharedLookBack } from './SharedLookBack';
import { TakeHome } from '../notes/TakeHome';
import { PhaseTimer } from './PhaseTimer';
import { TimekeeperControls } from './Timekeeper';
import { PitchBoard } from '../boards/PitchBoard';
import { QuestionBoard } from '../boards/QuestionBoard';
import { ReformulationBoard } from '../boards/ReformulationBoard';
import type { MeetingProps, Run } from '../boards/meeting-props';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useFocusOnChange } from '../common/useFocusOnChange';
import { useNewItemAnnouncements } from './useNewItemAnnouncements';
import type { RejectedSummary } from '../../lib/connection/group-session';
import { Icon } from '../common/Icon';

const ROLE_NAMES: Record<Role, MessageKey> = {
  chair: 'roleChair',
  bringer: 'roleBringer',
  member: 'roleMember',
};

/** What a meeting view can do: the GroupSession's commands, bound to this member. */
export interface MeetingActions {
  readonly run: Run;
  readonly next: () => void;
  readonly previous: () => void;
  /** The chair moves the group to this phase (the way back to confirm a case: NoCaseBanner). */
  readonly goTo: (phaseIndex: number) => void;
  readonly timer: (action: TimerAction) => void;
  /** The chair names the member who keeps the time too, or nobody (null). */
  readonly keepTime: (memberId: string | null) => void;
  readonly handChair: (member: Member) => void;
  readonly takeChair: () => void;
  /** The member whose chair was taken while they were away takes it back. */
  readonly takeChairBack: () => void;
  /** Ends the meeting; the next chair and date the chair recorded go into the summary. */
  readonly endMeeting: (next?: NextMeeting) => void;
}

/**
 * The running meeting, in the order a member needs it: the sticky phase bar (where the group is,
 * the time left, the phase; the chair's Previous and Next), what to do now, the board that phase
 * opens, then the chair's other controls or this member's guidance, and last what only this
 * member sees, set apart so that nobody takes it for the shared board.
 */
export function MeetingView({
  meeting,
  board,
  role,
  members,
  selfId,
  timer,
  timerOffset,
  timekeeper = null,
  chairPresent,
  bringerPresent = true,
  history,
  sound,
  actions,
  place,
  mayTakeBack = false,
  rejected = [],
}: {
  meeting: MeetingState;
  board: BoardState;
  role: Role;
  members: readonly Member[];
  selfId: string;
  timer: TimerState | null;
  timerOffset: number;
  /** The member the chair named to keep the time too (GroupSnapshot.timekeeper). */
  timekeeper?: string | null;
  chairPresent: boolean;
  /** False while the case bringer's panel is gone (GroupSnapshot.bringerPresent). */
  bringerPresent?: boolean;
  history: readonly MeetingSummary[];
  sound: SoundSetting;
  actions: MeetingActions;
  /** Where this member's private notes of this meeting belong. */
  place: NotePlace;
  /** This member's chair was taken while they were away (GroupSnapshot.mayTakeBack). */
  mayTakeBack?: boolean;
  /** Writes this panel refused, for the chair (GroupSnapshot.rejected). */
  rejected?: readonly RejectedSummary[];
}) {
  const { t, locale } = useI18n();
  const { method, phase, phaseIndex } = meeting;
  const total = method.phases.length;
  const props: MeetingProps = { meeting, board, role, members, selfId, run: actions.run };
  const guidance = role === 'chair' ? phase.chairGuidance : phase.memberGuidance;
  // The timekeeper the chair named: the timer's buttons, the tone and a word on the role.
  const keepsTime = role !== 'chair' && timekeeper !== null && timekeeper === selfId;
  const timeIsMine = role === 'chair' || keepsTime;
  const timekeeperName = members.find((m) => m.memberId === timekeeper)?.name ?? null;
  // A new phase, or the case just confirmed, is a new view: its heading takes focus.
  const phaseHeading = useFocusOnChange(
    `${meeting.caseNumber}:${phase.id}:${meeting.caseBringerId ?? ''}`,
    {
      announcement: t('nowInPhase', { index: phaseIndex + 1, total, phase: phase.name[locale] }),
    },
  );
  useNewItemAnnouncements(board, selfId, meeting.method.phases);
  const chairHeadingId = useId();
  const privateLabelId = useId();
  // The shared look back opens the meeting: in a look-back phase it is the board itself.
  const lookBack = phase.activity === 'lookback' || phaseIndex === 0;
  // In the last phase "Next phase" has nowhere to go: ending is what the chair does next, so it
  // moves up from the chair's section to just under the phase bar.
  const endNearTop = role === 'chair' && phaseIndex === total - 1;
  const presentNames = members.map((m) => m.name);
  const nextChair = role === 'chair' ? suggestNextChair(history, presentNames) : null;
  const sharedLookBack = lookBack && (
    <>
      <LastMeetingSummary history={history} selfId={selfId} />
      <SharedLookBack board={board} />
    </>
  );
  return (
    <section aria-labelledby="phase-heading" className="meeting">
      {/* Stays at the top while the board scrolls: where the group is, how long is left. */}
      <div className="phase-bar">
        <PhaseSteps meeting={meeting} />
        <p className="phase-count">
          <span>{t('phaseOf', { index: phaseIndex + 1, total })}</span>
          <span className="role-pill">{t('yourRole', { role: t(ROLE_NAMES[role]) })}</span>
        </p>
        <PhaseTimer
          timer={timer}
          offset={timerOffset}
          sound={soundFor(sound, timeIsMine)}
          keepsTime={timeIsMine}
        />
        <h2 id="phase-heading" ref={phaseHeading} tabIndex={-1} data-testid="current-phase">
          {phase.name[locale]}
        </h2>
        {role === 'chair' && (
          <PhaseControls
            phaseIndex={phaseIndex}
            phaseCount={total}
            onPrevious={actions.previous}
            onNext={actions.next}
          />
        )}
        {keepsTime && <TimekeeperControls timer={timer} onTimer={actions.timer} />}
      </div>
      <p className="phase-explanation" data-testid="phase-explanation">
        {phase.explanation[locale]}
      </p>
      {endNearTop && (
        <div className="last-phase" data-testid="last-phase">
          <p>{t('lastPhaseChair')}</p>
          <EndMeetingButton
            primary
            onEnd={actions.endMeeting}
            names={presentNames}
            suggested={nextChair}
          />
        </div>
      )}
      {keepsTime && <LiveRegion className="hint keeper-hint">{t('timekeeperYou')}</LiveRegion>}
      <Confidentiality {...props} />
      {meeting.chairTakenOver && (
        <LiveRegion>{t('chairTookOver', { name: meeting.chairTakenOver.name })}</LiveRegion>
      )}
      {mayTakeBack && meeting.chairTakenOver && (
        <div className="chair-gone">
          <LiveRegion>{t('chairTakenWhileAway', { name: meeting.chairTakenOver.name })}</LiveRegion>
          <button type="button" onClick={actions.takeChairBack}>
            {t('takeChairBack')}
          </button>
        </div>
      )}
      {!chairPresent && role === 'member' && !mayTakeBack && (
        <div className="chair-gone">
          <LiveRegion>{t('chairGone')}</LiveRegion>
          <button type="button" onClick={actions.takeChair}>
            {t('takeChair')}
          </button>
        </div>
      )}
      {!bringerPresent && role !== 'bringer' && meeting.caseBringerName !== null && (
        <div className="chair-gone" data-testid="bringer-gone">
          <LiveRegion>{t('bringerGone', { name: meeting.caseBringerName })}</LiveRegion>
        </div>
      )}
      <SecondCaseBanner meeting={meeting} />
      <NoCaseBanner meeting={meeting} role={role} onGoTo={actions.goTo} />
      <EarlierCases board={board} method={meeting.method} />
      <ListeningBanner {...props} />
      {/* Where the core question is being worded, its board shows it: not twice on screen. */}
      {phase.activity !== 'reformulating' && <CoreQuestion {...props} />}
      <ScaleThen meeting={meeting} board={board} role={role} />
      {phase.activity === 'lookback' && sharedLookBack}
      {phase.scale === true && <ScaleBoard {...props} />}
      <ActivityBoard {...props} hasHistory={history.length > 0} />
      {phase.activity !== 'lookback' && sharedLookBack}
      {role === 'chair' ? (
        <section aria-labelledby={chairHeadingId} className="chair-panel">
          <h3 id={chairHeadingId}>{t('guidanceForChair')}</h3>
          <p className="guidance-text">{guidance[locale]}</p>
          {rejected.length > 0 && <RejectedWrites rejected={rejected} />}
          <SecondCaseControl {...props} />
          <ChairControls
            timer={timer}
            members={members}
            caseBringerId={meeting.caseBringerId}
            timekeeper={timekeeper}
            onTimer={actions.timer}
            onTimekeeper={actions.keepTime}
            onHandChair={actions.handChair}
            onEnd={actions.endMeeting}
            nextChairSuggestion={nextChair}
            endElsewhere={endNearTop}
          />
        </section>
      ) : (
        <details className="guidance">
          <summary>{t('guidanceForYou')}</summary>
          <p>{guidance[locale]}</p>
        </details>
      )}
      {/* Everything private in one tinted place, so that nobody mistakes it for the board. */}
      <div className="private-zone" role="group" aria-labelledby={privateLabelId}>
        <p className="private-label" id={privateLabelId}>
          <Icon name="lock" />
          {t('privateZone')}
        </p>
        {lookBack && (
          <LastTakeHome groupId={place.groupId} meetingId={place.meetingId} props={props} />
        )}
        {mayDo('take-home', role, phase.activity) && <TakeHome place={place} board={board} />}
        <NotesPane place={place} role={role} />
      </div>
      <p className="meeting-meta">
        {t('meetingMethod', { name: method.name[locale] })}
        {meeting.chairName && <> · {t('chairedBy', { name: meeting.chairName })}</>}
        {timekeeperName && <> · {t('timeKeptBy', { name: timekeeperName })}</>}
        {meeting.caseBringerName && <> · {t('caseBroughtBy', { name: meeting.caseBringerName })}</>}
      </p>
    </section>
  );
}

/**
 * Where the group is among all phases, small enough for 300 px with eleven of them: a numbered
 * dot per phase, done ones ticked, the current one filled. Each names its phase and minutes for
 * screen readers (and on hover); the current phase's name is the heading beside it.
 */
function PhaseSteps({ meeting }: { meeting: MeetingState }) {
  const { t, locale } = useI18n();
  const { method, phaseIndex } = meeting;
  return (
    <nav aria-label={t('phases')}>
      <ol className="stepper">
        {method.phases.map((p, index) => {
          const name = p.name[locale];
          const minutes = t('minutes', { count: meeting.phaseMinutes[index] ?? p.minutes });
          const done = index < phaseIndex;
          return (
            <li
              key={p.id}
              className={done ? 'step step-done' : 'step'}
              aria-current={index === phaseIndex ? 'step' : undefined}
              title={`${index + 1}. ${name} (${minutes})`}
            >
              <span className="step-dot" aria-hidden="true">
                {done ? <Icon name="check" /> : index + 1}
              </span>
              <span className="visually-hidden">
                {name}, {minutes}
                {done && `, ${t('phaseStepDone')}`}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * The board of the phase's activity, or a line on what there is to do where nothing is written.
 * `hasHistory`: this device knows an earlier meeting of the group, for a look back to be about.
 */
function ActivityBoard({ hasHistory, ...props }: MeetingProps & { hasHistory: boolean }) {
  const { t } = useI18n();
  switch (props.meeting.phase.activity) {
    case 'pitching':
    case 'choosing':
      return <PitchBoard {...props} />;
    case 'asking':
    case 'rating':
      return <QuestionBoard {...props} />;
    case 'reformulating':
      return <ReformulationBoard {...props} />;
    case 'advising':
    case 'reacting':
      return <AdviceBoard {...props} />;
    case 'evaluating':
    case 'sharing':
      return <EvaluationBoard {...props} />;
    case 'presenting':
      // The case bringer is the one talking: "follow the conversation" is for the others.
      if (props.role === 'bringer') return <p className="hint">{t('nothingToWriteYouTell')}</p>;
      return <p className="hint">{t('nothingToWrite')}</p>;
    case 'lookback':
      // No earlier meeting of the group on this device: say so, and what the chair does next.
      if (!hasHistory) {
        const line = props.role === 'chair' ? 'nothingToLookBackOnChair' : 'nothingToLookBackOn';
        return <p className="hint">{t(line)}</p>;
      }
      return <p className="hint">{t('nothingToWrite')}</p>;
    case 'analysing':
      return <p className="hint">{t('nothingToWrite')}</p>;
  }
}

/**
 * What this panel refused to show (shared-doc/signed.ts): forged, unsigned or out-of-role
 * writes, by who they claim to be from. For the chair, who can speak to the group about it.
 */
function RejectedWrites({ rejected }: { rejected: readonly RejectedSummary[] }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rejected-writes" data-testid="rejected-writes">
      <h4 id={headingId}>{t('rejectedHeading')}</h4>
      <p>{t('rejectedIntro')}</p>
      <ul>
        {rejected.map((r) => (
          <li key={r.memberId ?? ''}>
            {t('rejectedBy', { name: r.name ?? t('someoneUnknown'), count: r.count })}
          </li>
        ))}
      </ul>
    </section>
  );
}
