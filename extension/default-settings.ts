import type { Settings } from '../lib/device/settings';
import { parseSignalingUrl } from '../lib/device/settings';
import { isExtensionPage } from './panel-storage';

/** The local companion, where `npm start` runs it; a build can set WXT_KRING_SIGNALING_URL. */
const BUILT_IN_SIGNALING_URL = 'ws://localhost:4444';

/** No servers of the member's own (the companion hands out its own at /ice), direct allowed. */
const DEFAULTS = { locale: null, sound: 'chair', iceServers: [], relayOnly: false } as const;

/**
 * Default settings: the extension uses the signaling address it was built with; the companion's
 * web panel uses the server that served it.
 */
export function defaultSettings(): Settings {
  const configured: unknown = import.meta.env.WXT_KRING_SIGNALING_URL;
  const built =
    typeof configured === 'string' && parseSignalingUrl(configured).ok
      ? configured
      : BUILT_IN_SIGNALING_URL;
  if (
    !isExtensionPage() &&
    typeof location !== 'undefined' &&
    /^https?:$/.test(location.protocol)
  ) {
    const sameServer = parseSignalingUrl(
      `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`,
    );
    if (sameServer.ok) return { ...DEFAULTS, signalingUrl: sameServer.url };
  }
  return { ...DEFAULTS, signalingUrl: built };
}
