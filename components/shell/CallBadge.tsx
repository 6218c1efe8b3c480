import { platformLabel } from '../../lib/call/call-url';
import { useCallInfo } from './useCallInfo';
import { useI18n } from '../common/I18n';

/**
 * Which video call this panel belongs to, as the content script recognised it: a quiet line in
 * the panel's header (inside its banner landmark), not a block of the page.
 */
export function CallBadge() {
  const { t } = useI18n();
  const call = useCallInfo();
  if (!call) return <p className="call-badge">{t('noCall')}</p>;
  const platform = platformLabel(call.platform);
  return (
    <p className="call-badge" data-testid="call-badge">
      <span className="icon icon-video" aria-hidden="true" />
      <span>
        {call.meetingId
          ? t('callMeeting', { platform, meeting: call.meetingId })
          : t('callOn', { platform })}
      </span>
    </p>
  );
}
