/**
 * Which servers a room's WebRTC connections use to find a path, and whether they may go direct.
 *
 * Without `peerOpts.config`, simple-peer (inside y-webrtc) asks Google's and Twilio's STUN
 * servers, and those saw every member's IP address. So every room gets an explicit list: what
 * the group's companion hands out at /ice, the group's own servers (from its invite), and the
 * member's own (settings); an empty list when there are none, never a third party's by default.
 */
import { decodeIceServers, mergeIceServers } from '../invite/ice-servers';
import type { IceServer } from '../invite/ice-servers';
import { isRecord } from '../util/guards';

/** The `peerOpts` of a room (RoomOptions): simple-peer passes `config` to RTCPeerConnection. */
export type IcePeerOpts = {
  readonly config: {
    readonly iceServers: IceServer[];
    readonly iceTransportPolicy: 'all' | 'relay';
  };
};

/**
 * The peer options for these servers. With `relayOnly` a connection goes only through a relay
 * (TURN), so the others never see this member's address; with no relay at all there is then
 * no WebRTC path, and the member is reached through the companion's encrypted relay instead.
 */
export function icePeerOpts(
  sources: {
    readonly companion: readonly IceServer[];
    readonly group: readonly IceServer[];
    readonly member: readonly IceServer[];
  },
  relayOnly: boolean,
): IcePeerOpts {
  // The member's and the group's first: they were chosen for this network; the limit cuts last.
  const iceServers = mergeIceServers(sources.member, sources.group, sources.companion).map(
    (server) => ({ ...server }),
  );
  return { config: { iceServers, iceTransportPolicy: relayOnly ? 'relay' : 'all' } };
}

/** The companion's /ice address for a signaling address: wss://host/path → https://host/path/ice. */
export function iceUrlFor(signalingUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(signalingUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  const http = url.protocol === 'wss:' ? 'https:' : 'http:';
  const path = url.pathname.replace(/\/$/, '');
  return `${http}//${url.host}${path}/ice`;
}

/** What the companion handed out, and when to ask again (its TURN passwords expire). */
export interface CompanionIce {
  readonly servers: IceServer[];
  /** Ask again after this long; null when nothing expires (or nothing was handed out). */
  readonly refreshAfterMs: number | null;
}

/** How long the panel waits for /ice before it connects without the companion's servers. */
export const ICE_FETCH_TIMEOUT_MS = 4000;

/** Before a handed-out password expires the panel asks again, at this share of its lifetime. */
const REFRESH_SHARE = 0.8;

/**
 * Asks the group's companion for its servers. Any failure (an older companion without /ice,
 * the network, a timeout, a malformed answer) gives no servers: members on one network still
 * connect directly, and others through the encrypted relay; it never falls back to a third
 * party. Every entry is checked (decodeIceServers) as the outside input it is.
 */
export async function fetchCompanionIce(
  signalingUrl: string,
  fetchImpl: (
    url: string,
    init: { signal: AbortSignal },
  ) => Promise<{
    ok: boolean;
    json(): Promise<unknown>;
  }>,
  signal?: AbortSignal,
  timeoutMs: number = ICE_FETCH_TIMEOUT_MS,
): Promise<CompanionIce> {
  const none: CompanionIce = { servers: [], refreshAfterMs: null };
  const url = iceUrlFor(signalingUrl);
  if (url === null) return none;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetchImpl(url, { signal: combined });
    if (!response.ok) return none;
    return readCompanionIce(await response.json());
  } catch {
    return none;
  }
}

/** Reads the body of /ice: `{ iceServers, ttlSeconds }`, anything else as no servers. */
export function readCompanionIce(body: unknown): CompanionIce {
  if (!isRecord(body)) return { servers: [], refreshAfterMs: null };
  const servers = decodeIceServers(body.iceServers);
  const ttl = body.ttlSeconds;
  const refreshAfterMs =
    typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 60 && servers.length > 0
      ? Math.floor(Math.min(ttl, 7 * 86_400) * 1000 * REFRESH_SHARE)
      : null;
  return { servers, refreshAfterMs };
}
