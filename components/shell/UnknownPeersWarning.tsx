import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * "Someone unknown is connected": peers that receive the meeting without showing a presence
 * (lib/connection/unseen-peers.ts). The region stays mounted, empty while there are none, so
 * that screen readers announce the warning when it comes.
 */
export function UnknownPeersWarning({ count }: { count: number }) {
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
        </>
      )}
    </LiveRegion>
  );
}
