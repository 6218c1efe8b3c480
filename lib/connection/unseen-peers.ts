/**
 * Peers connected to a room that show no presence: "someone unknown is connected" (issue 13,
 * point 3).
 *
 * Anyone holding the group's invite can join a room, receive everything, and set no presence;
 * the member list is read from presence, so such a listener stayed invisible while the status
 * line said "connected, 1 other". A room knows its connections (direct ones and relayed peers),
 * and, through the y-webrtc patch's `peerAwareness`, which presences each peer's own messages
 * name. The rules (each one a test in tests/lib/connection/unseen-peers.test.ts):
 * - UP1 A connected peer is seen when it can be paired with a valid presence (not our own) that
 *   its messages named and did not clear since. Pairs are one to one, as many as possible
 *   (a maximum matching): a peer forwards the others' presences too (y-webrtc passes every
 *   change on), so a silent peer names the real members, but each presence pairs once, and
 *   with every member connected the silent one is left over.
 * - UP2 Unknown peers are counted as connections minus pairs, and reported only once that many
 *   have been unpaired for UNSEEN_GRACE_MS without a break: a joiner's presence arrives just
 *   after its connection, and a member who leaves clears its presence just before closing.
 * - UP3 Our own presence never pairs: a peer may pass it back to us (y-webrtc alone does; the
 *   patch passes a presence on to everyone but the peer it came from).
 * - UP4 A peer's record goes with its connection: what it named over one connection is kept
 *   while that connection lives, made or still being made (with simple-peer, in Node members,
 *   the side that answered an offer reads the peer's first presence a moment before its
 *   connection counts as made: forgetting it then reported an honest member as unknown until it
 *   next named someone; the panel's data-peer.ts counts a connection as made when its channel
 *   opens, before any message); one that reconnects, or whose connection is replaced, starts
 *   again.
 * - UP5 Bounded: at most MAX_NAMED presences are remembered per peer, the latest kept.
 * - UP6 A relayed peer that cleared the presence it named first (y-webrtc names its own first)
 *   has left: a relay has no connection that closes, and the peer stays a relay target for a
 *   while after (relay-plan RP1). A direct connection closes instead, so UP6 is for relays only.
 * - UP7 A peer we relay to counts only once it has said something since the relay began
 *   (relay-plan's `spokeWhileRelayed`, applied by room-connection.ts): a page that went away
 *   stays a relay target until silent for PEER_TTL_MS and said "someone unknown" each time a
 *   member reloaded right after joining; a listener must keep announcing to stay a target.
 * - UP8 What a peer named over a direct connection that closed is kept for CLOSED_KEPT_MS, for
 *   the relay only: a page going away can become a relay target again after its connection
 *   closed (its last messages through the server lift relay-plan's RP7), and UP6 must then still
 *   know the presence it named first and cleared. Forgotten at once, such a peer named nothing
 *   and counted as unknown until silent for PEER_TTL_MS: the chair saw the warning for about
 *   12 s after a member reloaded (a CI run under load, 7 December). A new direct connection
 *   from that peer still starts again (UP4), and the record goes after CLOSED_KEPT_MS even
 *   while the peer is relayed to: a listener that showed a presence, cleared it and listens on
 *   through the relay is reported from then on (a departed page is silent, and no longer
 *   relayed to, after PEER_TTL_MS). A peer heard through the server since the close keeps its
 *   record while it is relayed to, as any relayed peer (an honest member whose connection
 *   dropped names its presence again within y-protocols' 15 s renewal).
 *
 * Not detected: a peer that sets a presence (a forged name included) is not unknown; nor, where
 * members are not all connected to each other, a silent peer that passes on the presence of a
 * member we hear only through others (it pairs with that member); nor a relayed peer that set a
 * presence and cleared it (UP6 takes it for gone).
 */
import * as decoding from 'lib0/decoding';

/** UP2: how long a connection may be without a presence before it counts as unknown. */
export const UNSEEN_GRACE_MS = 5_000;

/** UP8: how long what a peer named is kept after its direct connection closed (ms). */
export const CLOSED_KEPT_MS = 60_000;

/** UP5: the most presences remembered per peer (a group is far smaller). */
const MAX_NAMED = 64;

/**
 * The presences one awareness update names, by client id: true when it carries a state, false
 * when it clears one. Null when the update does not decode (y-protocols then throws too).
 */
export function namedClients(update: Uint8Array): Map<number, boolean> | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const named = new Map<number, boolean>();
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // the state's clock
      const state = decoding.readVarString(decoder);
      named.set(clientId, state !== 'null');
    }
    return named;
  } catch {
    return null;
  }
}

/**
 * UP1: the size of a maximum one-to-one pairing of peers with presences, each peer with one of
 * its candidates (augmenting paths; a room has a few dozen peers at most).
 */
export function maxPairs(candidates: ReadonlyMap<string, ReadonlySet<number>>): number {
  const owner = new Map<number, string>();
  const tryPeer = (peer: string, visited: Set<number>): boolean => {
    for (const client of candidates.get(peer) ?? []) {
      if (visited.has(client)) continue;
      visited.add(client);
      const current = owner.get(client);
      if (current === undefined || tryPeer(current, visited)) {
        owner.set(client, peer);
        return true;
      }
    }
    return false;
  };
  let pairs = 0;
  for (const peer of [...candidates.keys()].sort()) if (tryPeer(peer, new Set())) pairs++;
  return pairs;
}

/**
 * A peer's direct connection, as the room holds it (its identity is all that counts here), or
 * null for a peer heard through the server only.
 */
export type PeerLink = object | null;

/** What a room knows now, for `UnseenPeers.count`. */
export interface RoomPresenceFacts {
  /** Peers with a connected direct connection. */
  readonly direct: ReadonlySet<string>;
  /** Each peer's direct connection now, made or still being made (UP4). */
  readonly links: ReadonlyMap<string, object>;
  /** Peers we relay to through the server: they receive the room too. */
  readonly relayed: ReadonlySet<string>;
  /** Client ids whose current presence is valid (decodePresence). */
  readonly present: ReadonlySet<number>;
  /** Our own client id (UP3). */
  readonly self: number;
}

/** What one peer named over one link (UP4). */
interface PeerRecord {
  link: PeerLink;
  readonly named: Map<number, boolean>;
  /** UP6: the presence it named first. */
  first?: number;
  /** UP8: when its direct connection closed; the record is then the relay's only. */
  closedAt?: number;
  /** UP8: it was heard through the server since its connection closed. */
  spokeSinceClose?: boolean;
}

/** One room's record of what each peer named, and how long how many have gone unpaired. */
export class UnseenPeers {
  private readonly records = new Map<string, PeerRecord>();
  /** UP2: since when at least k + 1 peers have been unpaired, without a break. */
  private readonly unpairedSince: number[] = [];

  /**
   * A presence update that `peerId` sent us (the patch's `peerAwareness`), while `link` is that
   * peer's direct connection (null: none).
   */
  heard(peerId: string, update: Uint8Array, link: PeerLink): void {
    const named = namedClients(update);
    if (named === null) return;
    let record = this.records.get(peerId);
    if (record?.closedAt !== undefined) {
      // Back over a new connection: starts again (UP4). Heard through the server: kept while
      // it is relayed to, as any relayed peer's record (UP8).
      if (link !== null) record = undefined;
      else record.spokeSinceClose = true;
    }
    if (record && record.link === null && link !== null) {
      // Heard through the server, now with a connection being made: still the same peer.
      record.link = link;
    } else if (!record || record.link !== link) {
      record = { link, named: new Map() };
      this.records.set(peerId, record);
    }
    for (const [clientId, present] of named) {
      if (record.first === undefined && present) record.first = clientId;
      record.named.delete(clientId);
      record.named.set(clientId, present);
    }
    for (const clientId of record.named.keys()) {
      if (record.named.size <= MAX_NAMED) break;
      record.named.delete(clientId);
    }
  }

  /** How many connected peers count as unknown now (UP1-UP4); call it with a clock that runs on. */
  count(facts: RoomPresenceFacts, now: number): number {
    for (const [peer, record] of [...this.records]) {
      const current = facts.links.get(peer);
      if (record.link !== null && current === record.link) continue;
      if (record.link !== null && current === undefined) {
        // Its direct connection closed: kept a while for the relay (UP8).
        record.link = null;
        record.closedAt = now;
      }
      const relayed = facts.relayed.has(peer);
      let keep = relayed;
      if (record.closedAt !== undefined) {
        // A new connection to it is made: what it names over that one counts (UP4). Silent
        // since the close: gone after CLOSED_KEPT_MS even while relayed to, so that one that
        // cleared its presence cannot hide on the relay for longer (UP8).
        const spoke = record.spokeSinceClose === true && relayed;
        keep = current === undefined && (spoke || now - record.closedAt < CLOSED_KEPT_MS);
      }
      if (!keep) this.records.delete(peer);
    }
    const connected = new Set(facts.direct);
    for (const peer of facts.relayed) if (!this.leftRelay(peer)) connected.add(peer);
    const candidates = new Map<string, Set<number>>();
    for (const peer of connected) {
      const options = new Set<number>();
      for (const [clientId, present] of this.records.get(peer)?.named ?? []) {
        if (present && clientId !== facts.self && facts.present.has(clientId))
          options.add(clientId);
      }
      candidates.set(peer, options);
    }
    const unpaired = connected.size - maxPairs(candidates);
    this.unpairedSince.length = Math.min(this.unpairedSince.length, unpaired);
    while (this.unpairedSince.length < unpaired) this.unpairedSince.push(now);
    return this.unpairedSince.filter((since) => now - since >= UNSEEN_GRACE_MS).length;
  }

  private leftRelay(peer: string): boolean {
    const record = this.records.get(peer);
    return record?.first !== undefined && record.named.get(record.first) === false;
  }
}
