import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * "Someone unknown is connected": peers that receive the meeting without showing a presence
 * (lib/connection/unseen-peers.ts). The region stays mounted, empty while there are none, so
 * that screen readers announce the warning when it comes.
 */
export function UnknownPeersWarning({
  count,
  onFreshRoom,
}: {
  count: number;
  /** The chair's way out (issue 13, point 3): move the meeting to a fresh room without them. */
  onFreshRoom?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <LiveRegion
      live="alert"
      as="div"
      className={count > 0 ? 'unknown-peers' : undefined}
      data-testid="unknown-peers"
    >
      {count > 0 && (
        <>
          <p className="unknown-peers-title">{t('unknownPeers', { count })}</p>
          <p className="hint">{t('unknownPeersHint')}</p>
          {onFreshRoom && (
            <>
              <p className="hint">{t('freshRoomHint')}</p>
              <button type="button" onClick={onFreshRoom}>
                {t('freshRoom')}
              </button>
            </>
          )}
        </>
      )}
    </LiveRegion>
  );
}
