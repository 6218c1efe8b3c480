import type { StartedMeeting } from '../../lib/shared-doc/lobby';
import { useI18n } from '../common/I18n';

/**
 * Tells the group that another meeting was started at the same time as the one it is in (two
 * chairs, or a member cut off from the others), and lets members open it: its content stays in
 * its own room, never merged and never silently dropped.
 */
export function ConcurrentMeetings({
  meetingId,
  groupMeetingId,
  otherMeetings,
  onOpen,
}: {
  /** The meeting this panel shows; nothing is said while it shows none. */
  meetingId: string | null;
  /** The meeting the group is in. */
  groupMeetingId: string | null;
  otherMeetings: readonly StartedMeeting[];
  onOpen: (meetingId: string) => void;
}) {
  const { t } = useI18n();
  if (meetingId === null) return null;
  const away = groupMeetingId !== null && groupMeetingId !== meetingId;
  const others = otherMeetings.filter((m) => m.meetingId !== groupMeetingId);
  if (!away && others.length === 0) return null;
  return (
    <div className="concurrent-meetings" role="note">
      {away && (
        <p>
          {t('viewingOtherMeeting')}{' '}
          <button type="button" onClick={() => onOpen(groupMeetingId)}>
            {t('backToGroupMeeting')}
          </button>
        </p>
      )}
      {others.map((m) => {
        const name = m.chairName ?? t('someoneElse');
        return (
          <p key={m.meetingId}>
            {t('otherMeetingStarted', { name })}{' '}
            <button type="button" onClick={() => onOpen(m.meetingId)}>
              {t('openOtherMeeting', { name })}
            </button>
          </p>
        );
      })}
    </div>
  );
}
