import type { BoardState } from '../../lib/shared-doc/board-state';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import type { Member } from '../../lib/shared-doc/presence';
import { mayDo } from '../../lib/method/roles';
import type { Role } from '../../lib/method/roles';
import type { TimerAction } from '../../lib/shared-doc/meeting-commands';
import type { MeetingState } from '../../lib/shared-doc/meeting-state';
import type { TimerState } from '../../lib/shared-doc/timer';
import type { MessageKey } from '../../lib/i18n/messages';
import { AdviceBoard } from '../boards/AdviceBoard';
import { ChairControls } from './ChairControls';
import { CoreQuestion } from '../boards/CoreQuestion';
import { EvaluationBoard } from '../boards/EvaluationBoard';
import { ListeningBanner } from './ListeningBanner';
import { LastMeetingSummary } from './LastMeetingSummary';
import { NotesPane } from '../notes/NotesPane';
import type { NotePlace } from '../notes/NotesPane';
import { LastTakeHome } from './LastTakeHome';
import { SharedLookBack } from './SharedLookBack';
import { TakeHome } from '../notes/TakeHome';
import { PhaseTimer } from './PhaseTimer';
import { PitchBoard } from '../boards/PitchBoard';
import { QuestionBoard } from '../boards/QuestionBoard';
import { ReformulationBoard } from '../boards/ReformulationBoard';
import type { MeetingProps, Run } from '../boards/meeting-props';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useFocusOnChange } from '../common/useFocusOnChange';
import { useNewItemAnnouncements } from './useNewItemAnnouncements';

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
  readonly timer: (action: TimerAction) => void;
  readonly handChair: (member: Member) => void;
  readonly takeChair: () => void;
  readonly endMeeting: () => void;
}

/**
 * The running meeting: where the group is (phase, explanation, guidance for this member's role,
 * timer), the board that phase opens, and for the chair alone the controls.
 */
export function MeetingView({
  meeting,
  board,
  role,
  members,
  selfId,
  timer,
  timerOffset,
  chairPresent,
  history,
  sound,
  actions,
  place,
}: {
  meeting: MeetingState;
  board: BoardState;
  role: Role;
  members: readonly Member[];
  selfId: string;
  timer: TimerState | null;
  timerOffset: number;
  chairPresent: boolean;
  history: readonly MeetingSummary[];
  sound: boolean;
  actions: MeetingActions;
  /** Where this member's private notes of this meeting belong. */
  place: NotePlace;
}) {
  const { t, locale } = useI18n();
  const { method, phase, phaseIndex } = meeting;
  const total = method.phases.length;
  const props: MeetingProps = { meeting, board, role, members, selfId, run: actions.run };
  const guidance = role === 'chair' ? phase.chairGuidance : phase.memberGuidance;
  // A new phase, or the case just confirmed, is a new view: its heading takes focus.
  const phaseHeading = useFocusOnChange(`${phase.id}:${meeting.caseBringerId ?? ''}`, {
    announcement: t('nowInPhase', { index: phaseIndex + 1, total, phase: phase.name[locale] }),
  });
  useNewItemAnnouncements(board, selfId);
  return (
    <section aria-labelledby="phase-heading" className="meeting">
      <p className="method-name">{method.name[locale]}</p>
      <p className="roles-line">
        {meeting.chairName && <span>{t('chairedBy', { name: meeting.chairName })}</span>}
        {meeting.caseBringerName && (
          <span> · {t('caseBroughtBy', { name: meeting.caseBringerName })}</span>
        )}
        <span> · {t('yourRole', { role: t(ROLE_NAMES[role]) })}</span>
      </p>
      {meeting.chairTakenOver && (
        <LiveRegion>{t('chairTookOver', { name: meeting.chairTakenOver.name })}</LiveRegion>
      )}
      {!chairPresent && role === 'member' && (
        <div className="chair-gone">
          <LiveRegion>{t('chairGone')}</LiveRegion>
          <button type="button" onClick={actions.takeChair}>
            {t('takeChair')}
          </button>
        </div>
      )}
      <CoreQuestion {...props} />
      <p className="phase-count">{t('phaseOf', { index: phaseIndex + 1, total })}</p>
      <h2 id="phase-heading" ref={phaseHeading} tabIndex={-1} data-testid="current-phase">
        {phase.name[locale]}
      </h2>
      <p className="phase-explanation" data-testid="phase-explanation">
        {phase.explanation[locale]}
      </p>
      <PhaseTimer timer={timer} offset={timerOffset} sound={sound} />
      <ListeningBanner {...props} />
      <details className="guidance" open={role === 'chair'}>
        <summary>{role === 'chair' ? t('guidanceForChair') : t('guidanceForYou')}</summary>
        <p>{guidance[locale]}</p>
      </details>
      {role === 'chair' && (
        <ChairControls
          phaseIndex={phaseIndex}
          phaseCount={total}
          timer={timer}
          members={members}
          caseBringerId={meeting.caseBringerId}
          onPrevious={actions.previous}
          onNext={actions.next}
          onTimer={actions.timer}
          onHandChair={actions.handChair}
          onEnd={actions.endMeeting}
        />
      )}
      {(phase.activity === 'lookback' || phaseIndex === 0) && (
        <>
          <LastMeetingSummary history={history} selfId={selfId} />
          <LastTakeHome groupId={place.groupId} meetingId={place.meetingId} props={props} />
          <SharedLookBack board={board} />
        </>
      )}
      <ActivityBoard {...props} />
      {mayDo('take-home', role, phase.activity) && <TakeHome place={place} board={board} />}
      <NotesPane place={place} role={role} />
      <nav aria-label={t('phases')}>
        <ol className="phase-list">
          {method.phases.map((p, index) => (
            <li key={p.id} aria-current={index === phaseIndex ? 'step' : undefined}>
              {p.name[locale]}{' '}
              <span className="minutes">
                {t('minutes', { count: meeting.phaseMinutes[index] ?? p.minutes })}
              </span>
            </li>
          ))}
        </ol>
      </nav>
    </section>
  );
}

function ActivityBoard(props: MeetingProps) {
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
    case 'lookback':
    case 'presenting':
    case 'analysing':
      return <p className="hint">{t('nothingToWrite')}</p>;
  }
}
