import { useMemo } from 'react';
import type { RememberedGroup } from '../../lib/device/groups';
import { inviteLink } from '../../lib/invite/invite';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { suggestNextChair } from '../../lib/device/meeting-history';
import { panelUrlFor } from '../../lib/device/settings';
import { ConnectionStatus } from './ConnectionStatus';
import { ConcurrentMeetings } from './ConcurrentMeetings';
import { LookingForGroup } from './LookingForGroup';
import { EndedView } from '../meeting/EndedView';
import { InviteBox } from './InviteBox';
import { MeetingView } from '../meeting/MeetingView';
import type { MeetingActions } from '../meeting/MeetingView';
import { MemberList } from '../meeting/MemberList';
import { StartMeeting } from '../meeting/StartMeeting';
import { useGroupSession } from '../meeting/useGroupSession';
import { useMeetingHistory } from './useMeetingHistory';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useFocusOnChange } from '../common/useFocusOnChange';

/** One group, connected: its invite, who is present, and the running meeting or its start. */
export function GroupView({
  group,
  signalingUrl,
  store,
  sound,
  onBack,
}: {
  group: RememberedGroup;
  signalingUrl: string;
  store: KeyValueStore;
  sound: boolean;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { session, snapshot, error } = useGroupSession(group, signalingUrl, store);
  const history = useMeetingHistory(store, group.groupId, snapshot.ended);
  const actions = useMemo<MeetingActions | null>(
    () =>
      session && {
        run: (command) => session.run(command),
        next: () => void session.nextPhase(),
        previous: () => void session.previousPhase(),
        timer: (action) => void session.timer(action),
        handChair: (member) => void session.handChair(member.memberId, member.name),
        takeChair: () => void session.takeChair(),
        endMeeting: () => void session.endMeeting(),
      },
    [session],
  );
  const suggested = suggestNextChair(
    history,
    snapshot.members.map((m) => m.name),
  );
  const meeting = snapshot.meeting;
  const heading = useFocusOnChange(group.groupId);
  return (
    <div className="group-view">
      <button type="button" className="link-button" onClick={onBack}>
        {t('back')}
      </button>
      <h1 className="group-name" ref={heading} tabIndex={-1}>
        {meeting?.groupName ?? group.name}
      </h1>
      <ConnectionStatus status={snapshot.connection} signalingUrl={signalingUrl} />
      {error && <LiveRegion live="alert">{t('somethingWrong', { error })}</LiveRegion>}
      <ConcurrentMeetings
        meetingId={snapshot.meetingId}
        groupMeetingId={snapshot.groupMeetingId}
        otherMeetings={snapshot.otherMeetings}
        onOpen={(meetingId) => void session?.openMeeting(meetingId)}
      />
      {snapshot.ended ? (
        <EndedView summary={snapshot.ended} onBack={onBack} />
      ) : meeting && snapshot.board && snapshot.role && actions && snapshot.meetingId ? (
        <MeetingView
          meeting={meeting}
          board={snapshot.board}
          role={snapshot.role}
          members={snapshot.members}
          selfId={group.memberId}
          timer={snapshot.timer}
          timerOffset={snapshot.timerOffset}
          chairPresent={snapshot.chairPresent}
          history={history}
          sound={sound}
          actions={actions}
          place={{
            groupId: group.groupId,
            groupName: meeting.groupName ?? group.name,
            meetingId: snapshot.meetingId,
            meeting: meeting,
          }}
        />
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
      ) : (
        session && (
          <LookingForGroup lobby={snapshot.lobby}>
            <StartMeeting
              suggestedChair={suggested}
              onStart={(methodId, minutes) => void session.startMeeting(methodId, minutes)}
            />
          </LookingForGroup>
        )
      )}
      <MemberList members={snapshot.members} />
      <InviteBox
        code={group.code}
        link={inviteLink({ code: group.code }, panelUrlFor(signalingUrl))}
      />
    </div>
  );
}
