import { useEffect, useId, useMemo, useState } from 'react';
import { AskToJoin, DoorControl, JoinRequests, NewInviteControl } from '../meeting/Admission';
import { createDraftStore } from '../../lib/device/draft-store';
import { deviceWipeKeys } from '../../lib/device/wipe-keys';
import { learnGroupName } from '../../lib/device/groups';
import type { RememberedGroup } from '../../lib/device/groups';
import { inviteLink, parseInvite } from '../../lib/invite/invite';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { suggestNextChair } from '../../lib/device/meeting-history';
import { panelUrlFor } from '../../lib/device/settings';
import type { SoundSetting } from '../../lib/device/settings';
import { ConnectionStatus } from './ConnectionStatus';
import { UnknownPeersWarning } from './UnknownPeersWarning';
import { ConcurrentMeetings } from './ConcurrentMeetings';
import { BeforeMeeting } from './BeforeMeeting';
import { EndedView } from '../meeting/EndedView';
import { InviteBox } from './InviteBox';
import { MeetingView } from '../meeting/MeetingView';
import type { MeetingActions } from '../meeting/MeetingView';
import { MemberList } from '../meeting/MemberList';
import { useGroupSession } from '../meeting/useGroupSession';
import type { MemberReach } from '../meeting/useGroupSession';
import { iceInviteParam } from '../../lib/invite/ice-servers';
import { useMeetingHistory } from './useMeetingHistory';
import { useRecordAttendance } from './useAttendance';
import { recordNextMeeting } from '../../lib/shared-doc/next-meeting';
import { meetingNumber } from '../../lib/device/series';
import { MeetingNumber, SeriesSetting } from './SeriesSetting';
import { useSeriesLength } from './useSeriesLength';
import { useNotebook } from '../notes/NotebookContext';
import { UnlockForm } from '../notes/NotesPane';
import { DraftProvider } from '../common/DraftContext';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useFocusOnChange } from '../common/useFocusOnChange';
import { Icon } from '../common/Icon';

/**
 * One group, connected: its invite, who is present, and the running meeting or its start. For
 * the founder of a new group, inviting the others comes first (step one), then the start.
 */
export function GroupView({
  group,
  signalingUrl,
  store,
  sound,
  reach,
  founded = false,
  onLearnt,
  onBack,
}: {
  group: RememberedGroup;
  signalingUrl: string;
  store: KeyValueStore;
  sound: SoundSetting;
  /** The member's own connection servers and "only through the server" (settings). */
  reach?: MemberReach;
  /** This member founded the group in this panel just now. */
  founded?: boolean;
  /** The group with the name the others gave it, to remember (it was joined by invite). */
  onLearnt?: (group: RememberedGroup) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { session, snapshot, error } = useGroupSession(group, signalingUrl, store, reach);
  const {
    meetings: history,
    locked: historyLocked,
    loaded: historyLoaded,
  } = useMeetingHistory(store, group.groupId, snapshot.ended);
  const notebook = useNotebook();
  const actions = useMemo<MeetingActions | null>(
    () =>
      session && {
        run: (command) => session.run(command),
        next: () => void session.nextPhase(),
        previous: () => void session.previousPhase(),
        goTo: (phaseIndex) => void session.goToPhase(phaseIndex),
        timer: (action) => void session.timer(action),
        keepTime: (memberId) => void session.keepTime(memberId),
        handChair: (member) => void session.handChair(member.memberId, member.name),
        takeChair: () => void session.takeChair(),
        takeChairBack: () => void session.takeChairBack(),
        // The next chair and date first, then the end copies them into the summary.
        endMeeting: (next) => {
          if (next && (next.nextChair !== null || next.nextDate !== null)) {
            session.run((ctx) => recordNextMeeting(ctx, next));
          }
          void session.endMeeting();
        },
      },
    [session],
  );
  const suggested = suggestNextChair(
    history,
    snapshot.members.map((m) => m.name),
  );
  const [seriesLength, saveSeriesLength] = useSeriesLength(store, group.groupId);
  const meeting = snapshot.meeting;
  const heading = useFocusOnChange(group.groupId);
  const findingId = useId();
  // A group without a name when this view opened was joined with an invite and not heard yet.
  const [cameByInvite] = useState(group.name === null);

  // What members were writing and had not posted, kept per phase until posted or the end.
  // Sealed like the meeting cache, with the group's secret from its invite.
  const drafts = useMemo(() => {
    const invite = parseInvite(group.code);
    return createDraftStore(store, invite.ok ? invite.invite.secret : null, deviceWipeKeys());
  }, [store, group.code]);
  useEffect(() => {
    void drafts.load();
  }, [drafts]);
  const ended = snapshot.ended !== null;
  useEffect(() => {
    if (ended) drafts.clear();
  }, [drafts, ended]);

  useEffect(() => {
    const learnt = learnGroupName(group, snapshot.groupName);
    if (learnt) onLearnt?.(learnt);
  }, [group, snapshot.groupName, onLearnt]);
  // The chair gave the group a new invite and this panel moved along: remember the new code.
  useEffect(() => {
    if (snapshot.newInvite && snapshot.newInvite !== group.code) {
      onLearnt?.({ ...group, code: snapshot.newInvite });
    }
  }, [group, snapshot.newInvite, onLearnt]);
  const groupName = meeting?.groupName ?? group.name ?? snapshot.groupName;
  // The member's own record of hours, across groups, kept apart from the pruned history.
  useRecordAttendance(store, {
    groupId: group.groupId,
    groupName,
    selfId: snapshot.selfId || group.memberId,
    meetingId: snapshot.meetingId,
    running: meeting !== null && snapshot.ended === null,
    role: snapshot.role,
    memberNames: snapshot.members.map((m) => m.name),
    ended: snapshot.ended,
  });

  // A new group: nothing held yet, and this member founded it or nobody else is around.
  const newGroup = historyLoaded && history.length === 0 && !snapshot.meetingId && !snapshot.ended;
  const inviteFirst = newGroup && (founded || snapshot.lobby === 'alone');
  const invite = (
    <InviteBox
      code={group.code}
      link={
        inviteLink({ code: group.code }, panelUrlFor(signalingUrl)) +
        iceInviteParam(group.iceServers)
      }
      groupName={groupName ?? t('newGroup')}
      step={inviteFirst}
    />
  );
  const self = snapshot.members.find((m) => m.isSelf)?.name ?? group.memberName;
  // The session, or the group's past meetings, still on their way (a moment, usually): the last
  // branch of the view below. One line says so, and what sits under the view (its invite, its
  // series) waits with it, so that nothing jumps down when the view comes. Should the session
  // fail, its error says why. (A meeting shown has a meeting id: no branch of its own here.)
  const opening =
    !error &&
    !snapshot.ended &&
    !(snapshot.admission && session) &&
    !snapshot.meetingId &&
    !(session && historyLoaded);
  // A member asking to be let in (or refused) has one thing to do: wait, or ask again. The
  // meeting's number and the series' length count this device's meetings, which a newcomer has
  // none of ("Meeting 1" of a group meeting for the twelfth time), and wait until they are in.
  const asking = snapshot.admission !== null;
  // Joined with an invite (it carries no name) and not in touch with the group yet: this panel
  // knows nothing of it until the others' panels are reached and have said what the group
  // holds, a second on a good network and several on a slow one. Until then it says it is
  // looking, and offers nothing that belongs to a member of the group: no start, no meeting
  // count, no series, no invite to pass on. (The name comes with the first presence, the
  // group's state a round trip later: the name alone does not end it.) Should the server be
  // reachable with nobody there (ALONE_AFTER_MS), the lobby is 'alone' and the group's first
  // member's screen follows.
  const finding =
    cameByInvite &&
    !opening &&
    !asking &&
    !meeting &&
    !snapshot.meetingId &&
    !snapshot.ended &&
    snapshot.lobby === 'looking';
  // The meeting count and the series are this device's record of the group: not while the group
  // opens (its past meetings not read yet), nor to a newcomer asking or looking.
  const ownRecord = !opening && !asking && !finding;
  // This view renders again on every change a peer sends. The parts that do not follow the
  // meeting (connection, members, invite, series) are memoized, and their props stay the same
  // objects while equal (the session's snapshot keeps equal parts), so they skip that render.
  return (
    <div className="group-view">
      <button type="button" className="link-button" onClick={onBack}>
        <Icon name="back" />
        {t('back')}
      </button>
      <h1 className="group-name" ref={heading} tabIndex={-1}>
        {groupName ?? t('newGroup')}
      </h1>
      <ConnectionStatus status={snapshot.connection} signalingUrl={signalingUrl} />
      <UnknownPeersWarning
        count={snapshot.unknownPeers}
        onFreshRoom={
          session && snapshot.role === 'chair' && meeting && !snapshot.ended
            ? () => void session.freshRoom()
            : undefined
        }
      />
      {reach?.relayOnly && <p className="hint relay-only">{t('relayOnlyOn')}</p>}
      {error && <LiveRegion live="alert">{t('somethingWrong', { error })}</LiveRegion>}
      {inviteFirst && invite}
      <ConcurrentMeetings
        meetingId={snapshot.meetingId}
        groupMeetingId={snapshot.groupMeetingId}
        otherMeetings={snapshot.otherMeetings}
        onOpen={(meetingId) => void session?.openMeeting(meetingId)}
      />
      {!snapshot.ended && ownRecord && (meeting || (!snapshot.meetingId && session)) && (
        <MeetingNumber number={meetingNumber(history)} length={seriesLength} />
      )}
      {session && snapshot.knocks.length > 0 && (
        <JoinRequests
          knocks={snapshot.knocks}
          onAdmit={(memberId) => {
            const knock = snapshot.knocks.find((k) => k.memberId === memberId);
            void session.admit(memberId, knock?.meetingId);
          }}
          onRefuse={(memberId) => {
            const knock = snapshot.knocks.find((k) => k.memberId === memberId);
            void session.refuse(memberId, knock?.meetingId);
          }}
        />
      )}
      {snapshot.ended ? (
        <EndedView summary={snapshot.ended} onBack={onBack} />
      ) : meeting && snapshot.board && snapshot.role && actions && snapshot.meetingId ? (
        <DraftProvider store={drafts} meetingId={snapshot.meetingId}>
          <MeetingView
            meeting={meeting}
            board={snapshot.board}
            role={snapshot.role}
            members={snapshot.members}
            selfId={snapshot.selfId || group.memberId}
            timer={snapshot.timer}
            timerOffset={snapshot.timerOffset}
            timekeeper={snapshot.timekeeper}
            chairPresent={snapshot.chairPresent}
            bringerPresent={snapshot.bringerPresent}
            mayTakeBack={snapshot.mayTakeBack}
            rejected={snapshot.rejected}
            history={history}
            sound={sound}
            actions={actions}
            place={{
              groupId: group.groupId,
              groupName: groupName ?? '',
              meetingId: snapshot.meetingId,
              meeting: meeting,
            }}
          />
        </DraftProvider>
      ) : snapshot.admission && session ? (
        <AskToJoin admission={snapshot.admission} onAskAgain={() => session.askAgain()} />
      ) : snapshot.meetingId ? (
        snapshot.loading?.stalled ? (
          <LiveRegion live="alert">{t('meetingLoadStalled')}</LiveRegion>
        ) : (
          <LiveRegion>
            {snapshot.loading?.percent != null
              ? t('waitingForMeetingPercent', { percent: snapshot.loading.percent })
              : t('waitingForMeeting')}
          </LiveRegion>
        )
      ) : finding ? (
        <section className="finding-group" aria-labelledby={findingId}>
          <h2 id={findingId}>{t('lookingForGroup')}</h2>
          <LiveRegion>
            {t(
              snapshot.connection.kind === 'unreachable'
                ? 'findingGroupOffline'
                : 'findingGroupHint',
            )}
          </LiveRegion>
        </section>
      ) : session && historyLoaded ? (
        // Who chairs and what comes first follow from the group's past meetings: read them first.
        <>
          {historyLocked && notebook && (
            // Sealed with the notebook's passphrase: the same unlock as the notes.
            <section aria-label={t('historyLockedHeading')} className="history-locked">
              <p>{t('historyLocked')}</p>
              <UnlockForm notebook={notebook} />
            </section>
          )}
          <BeforeMeeting
            lobby={snapshot.lobby}
            chairsFirst={founded && history.length === 0}
            step={inviteFirst}
            suggestedChair={suggested}
            selfName={self}
            present={snapshot.members.length}
            last={history[0] ?? null}
            onStart={(methodId, minutes, chairJoinsIn, chairIsExternal) =>
              void session.startMeeting(methodId, minutes, chairJoinsIn, chairIsExternal)
            }
          />
        </>
      ) : (
        opening && (
          <p className="hint" role="status">
            {t('openingGroup')}
          </p>
        )
      )}
      {/* Nobody listed yet (the session is still opening): no empty card; this member comes first. */}
      {snapshot.members.length > 0 && (
        <MemberList
          members={snapshot.members}
          links={snapshot.links}
          roles={snapshot.admission === null && !finding}
          timekeeper={snapshot.timekeeper}
        />
      )}
      {snapshot.newInvite && <LiveRegion>{t('newInviteDone')}</LiveRegion>}
      {!inviteFirst && !opening && !finding && invite}
      {session && snapshot.role === 'chair' && meeting && !snapshot.ended && (
        <>
          <DoorControl
            members={snapshot.members.filter((m) => !m.isSelf)}
            doorkeeper={snapshot.doorkeeper}
            onChange={(memberId) => void session.letOpenTheDoor(memberId)}
          />
          <NewInviteControl onNewInvite={() => void session.newInvite()} />
        </>
      )}
      {snapshot.doorkeeper !== null && snapshot.doorkeeper === snapshot.selfId && (
        <p className="hint">{t('doorkeeperYou')}</p>
      )}
      {/* A setting for between meetings: in a meeting it would stand among what the group does now. */}
      {ownRecord && !(meeting && !snapshot.ended) && (
        <SeriesSetting length={seriesLength} onSave={saveSeriesLength} />
      )}
    </div>
  );
}
