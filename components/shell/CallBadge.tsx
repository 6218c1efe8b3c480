import { platformLabel } from '../../lib/call/call-url';
import { sessionStorageArea } from '../../extension/call-store';
import { useCallInfo } from './useCallInfo';
import { useI18n } from '../common/I18n';
import { Icon } from '../common/Icon';

/**
 * Which video call this panel belongs to, as the content script recognised it: a quiet line in
 * the panel's header (inside its banner landmark), not a block of the page.
 */
export function CallBadge() {
  const { t } = useI18n();
  const call = useCallInfo();
  // Only the extension's panel belongs to a call; the web panel never does, so saying it is not
  // linked there only puzzled every member without the extension.
  if (!call) return sessionStorageArea() ? <p className="call-badge">{t('noCall')}</p> : null;
  const platform = platformLabel(call.platform);
  return (
    <p className="call-badge" data-testid="call-badge">
      <Icon name="video" />
      <span>
        {call.meetingId
          ? t('callMeeting', { platform, meeting: call.meetingId })
          : t('callOn', { platform })}
      </span>
    </p>
  );
}
