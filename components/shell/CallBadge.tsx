import { platformLabel } from '../../lib/call/call-url';
import { useCallInfo } from './useCallInfo';
import { useI18n } from '../common/I18n';

/** Which video call this panel belongs to, as the content script recognised it. */
export function CallBadge() {
  const { t } = useI18n();
  const call = useCallInfo();
  if (!call) return <p className="call-badge hint">{t('noCall')}</p>;
  const platform = platformLabel(call.platform);
  return (
    <p className="call-badge" data-testid="call-badge">
      {call.meetingId
        ? t('callMeeting', { platform, meeting: call.meetingId })
        : t('callOn', { platform })}
    </p>
  );
}
