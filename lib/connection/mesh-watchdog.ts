/**
 * y-webrtc starts a WebRTC connection per peer when it hears the peer's announce, and tries again
 * only when a connection closes or errs. A connection that hangs (an offer lost in glare, when
 * two peers announce at once and one offer is rejected; ICE that never completes) stays in its
 * room forever: the peer's next announce is ignored because a connection "exists", and when a
 * third member who relayed between the two leaves, the two stop hearing each other.
 *
 * The watchdog closes connections that have not connected within `maxPendingMs`; y-webrtc then
 * removes them and announces itself again, which starts a fresh attempt.
 */

/** What the watchdog reads of a y-webrtc connection (WebrtcConn). */
export interface PendingConnection {
  readonly connected: boolean;
  readonly closed: boolean;
}

/**
 * How long a WebRTC connection may stay unconnected before it is closed and retried. ICE with a
 * TURN relay usually completes within a few seconds; a hung attempt costs a member this long.
 */
export const MAX_PENDING_MS = 8_000;

/**
 * The connections to close now: those seen unconnected for at least `maxPendingMs`. `firstSeen`
 * remembers when each pending connection was first seen and is updated in place (connections
 * that connected or went away are forgotten).
 */
export function staleConnections<C extends PendingConnection>(
  connections: Iterable<C>,
  firstSeen: Map<C, number>,
  now: number,
  maxPendingMs = MAX_PENDING_MS,
): C[] {
  const pending = new Set<C>();
  const stale: C[] = [];
  for (const connection of connections) {
    if (connection.connected || connection.closed) continue;
    pending.add(connection);
    const since = firstSeen.get(connection);
    if (since === undefined) firstSeen.set(connection, now);
    else if (now - since >= maxPendingMs) stale.push(connection);
  }
  for (const connection of [...firstSeen.keys()]) {
    if (!pending.has(connection) || stale.includes(connection)) firstSeen.delete(connection);
  }
  return stale;
}

/**
 * y-webrtc relays every document and presence update it receives, so a member can see (and
 * sync with) a peer through a third member without a connection of its own to that peer. When
 * that third member leaves, the two stop hearing each other until something makes them
 * announce again, and y-webrtc announces only when a signaling socket connects or a connection
 * closes. Seen once in CI: after the chair left, the case bringer never received the new chair's
 * take-over (20 s), though both still showed each other in presence.
 *
 * So while fewer members are connected directly than presence knows of, the room announces again,
 * at most every `everyMs`; an announce is one small signaling message, and peers that are already
 * connected ignore it.
 */
export const REANNOUNCE_MS = 5_000;

export function shouldAnnounceAgain(
  facts: {
    /** WebRTC connections in the room that are connected. */
    readonly directPeers: number;
    /** Other members in the room's presence (a departed member lingers there up to 30 s). */
    readonly knownPeers: number;
    /** When this room last announced again, or null if never. */
    readonly lastAnnounce: number | null;
  },
  now: number,
  everyMs = REANNOUNCE_MS,
): boolean {
  if (facts.directPeers >= facts.knownPeers) return false;
  return facts.lastAnnounce === null || now - facts.lastAnnounce >= everyMs;
}
