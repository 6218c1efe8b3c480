import type { RememberedGroup } from '../lib/groups';
import { inviteLink } from '../lib/invite';
import { panelUrlFor } from '../lib/settings';
import { isChair } from '../lib/session-state';
import { ConnectionStatus } from './ConnectionStatus';
import { InviteBox } from './InviteBox';
import { MeetingView } from './MeetingView';
import { MemberList } from './MemberList';
import { StartMeeting } from './StartMeeting';
import { useGroupSession } from './useGroupSession';
import { useI18n } from './I18n';

/** One group, connected: its invite, who is present, and the running meeting or its start. */
export function GroupView({
  group,
  signalingUrl,
  onBack,
}: {
  group: RememberedGroup;
  signalingUrl: string;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { session, snapshot, error } = useGroupSession(group, signalingUrl);
  const chair = snapshot.session ? isChair(snapshot.session, group.memberId) : false;
  return (
    <div className="group-view">
      <button type="button" className="link-button" onClick={onBack}>
        {t('back')}
      </button>
      <h1 className="group-name">{snapshot.session?.groupName ?? group.name}</h1>
      <ConnectionStatus status={snapshot.connection} signalingUrl={signalingUrl} />
      {error && <p role="alert">{t('somethingWrong', { error })}</p>}
      {snapshot.session ? (
        <MeetingView
          session={snapshot.session}
          isChair={chair}
          onNext={() => session?.nextPhase()}
          onPrevious={() => session?.previousPhase()}
        />
      ) : snapshot.meetingId ? (
        <p>{t('waitingForMeeting')}</p>
      ) : (
        session && <StartMeeting onStart={(methodId) => void session.startMeeting(methodId)} />
      )}
      <MemberList members={snapshot.members} />
      <InviteBox
        code={group.code}
        link={inviteLink({ code: group.code }, panelUrlFor(signalingUrl))}
      />
    </div>
  );
}
