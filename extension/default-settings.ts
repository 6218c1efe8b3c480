import type { Settings } from '../lib/device/settings';
import { parseSignalingUrl } from '../lib/device/settings';
import { isExtensionPage } from './panel-storage';

/** The local companion, where `npm start` runs it; a build can set WXT_KRING_SIGNALING_URL. */
const BUILT_IN_SIGNALING_URL = 'ws://localhost:4444';

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
    if (sameServer.ok) return { signalingUrl: sameServer.url, locale: null, sound: 'chair' };
  }
  return { signalingUrl: built, locale: null, sound: 'chair' };
}
