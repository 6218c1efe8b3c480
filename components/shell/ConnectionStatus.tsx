import { memo } from 'react';
import type { ConnectionStatus as Status } from '../../lib/connection/connection-status';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * The connection state in words, announced politely to screen readers when it changes.
 * Memoized (see GroupView).
 */
export const ConnectionStatus = memo(function ConnectionStatus({
  status,
  signalingUrl,
}: {
  status: Status;
  signalingUrl: string;
}) {
  const { t } = useI18n();
  let text: string;
  if (status.kind === 'connecting') text = t('connecting');
  else if (status.kind === 'unreachable') {
    text =
      status.members > 0
        ? t('unreachableWithMembers', { count: status.members })
        : t('unreachable', { server: serverName(signalingUrl) });
  } else if (status.members === 0) text = t('connectedAlone');
  else {
    text = t('connected', { count: status.members });
    if (status.viaServer) text += ` ${t('connectedViaServer', { count: status.viaServer })}`;
  }
  return (
    <LiveRegion className={`connection connection-${status.kind}`} data-testid="connection">
      {text}
    </LiveRegion>
  );
});

/**
 * The server as a member knows it: its host name (and port, where the address has one), without
 * the protocol in front ("kring.example.nl", not "wss://kring.example.nl/"). Anything that is
 * not an address is shown as it is.
 */
export function serverName(address: string): string {
  try {
    return new URL(address).host || address;
  } catch {
    return address;
  }
}
