/**
 * Whom a room relays to through the companion, and how each member is reached.
 *
 * y-webrtc reaches a peer only over a WebRTC connection of its own. On networks that block UDP
 * or put members behind symmetric NAT, and with no TURN server (or a member who connects only
 * through the server and has none), that connection never comes, and the two members never
 * hear each other. Then their y-webrtc messages travel through the companion instead
 * (`relay.ts`, the `relay` option of patches/y-webrtc), encrypted with the room key.
 *
 * The rules (each one a test in tests/lib/connection/relay-plan.test.ts):
 * - RP1 A peer is known while some signaling message from it (an announce, a signal, a relayed
 *   message) arrived within PEER_TTL_MS, or while a direct connection to it is open. Relayed
 *   peers keep announcing (mesh-watchdog's `shouldAnnounceAgain`) and renew their presence, so a
 *   peer that stays silent that long has left.
 * - RP2 A known peer without a connected direct connection is relayed to once it has been
 *   without one for RELAY_AFTER_MS: a working network connects in well under a second, a TURN
 *   relay in a few.
 * - RP3 Sooner when a direct attempt to it ended without connecting (after FAILED_RELAY_AFTER_MS,
 *   so that the glare of two peers announcing at once does not start a relay), and at once when
 *   it relays to us: it cannot reach us directly, so we cannot reach it either.
 * - RP4 Never to a peer that is connected directly or shares our browser (BroadcastChannel);
 *   relaying stops as soon as a direct connection works.
 * - RP5 At most MAX_RELAY_PEERS peers, the most recently heard: one relayed message names its
 *   recipients, and a peer that invents names must not make it grow.
 * - RP6 At once when this member cannot connect directly at all (WebRTC only through a relay,
 *   and no TURN server given: `canConnectDirectly`): waiting would only leave the member alone
 *   for those seconds, and offered to start a meeting the group is already in.
 * - RP7 Not to a peer whose direct connection closed after it had connected, until it relays to
 *   us or a signaling message from it arrives CLOSE_QUIET_MS or more after the close. A peer
 *   still there announces again every REANNOUNCE_MS while it misses us (mesh-watchdog); one that
 *   left (a reload, a closed panel) says nothing more once its page is gone, though its last
 *   moments can still answer our announce with an offer (seen in Chromium). Relaying to it sent
 *   every change through the server to nobody for PEER_TTL_MS, and the others saw "someone
 *   unknown is connected" (unseen-peers.ts) for seconds each time a member reloaded or left.
 * - RP8 At once, as RP6, while this page reaches some peer only through the server (it relays
 *   to us) and nobody over a connection of its own, in any room: the member's network has shown
 *   that no WebRTC path works (a firewalled TURN server, a strict NAT), and each new room (the
 *   meeting a newcomer is let into, a meeting started, a member who reloads) would wait
 *   RELAY_AFTER_MS for the same. Direct attempts go on, and win (RP4). The panel remembers
 *   what its page learnt for the next one (lib/device/network-reach.ts), whose first room then
 *   relays at once too, until a direct connection works.
 * - RP10 In a group's lobby after LOBBY_RELAY_AFTER_MS instead of RELAY_AFTER_MS: what a
 *   newcomer needs first (the group's state, the chair's answer to their knock) is small and
 *   lives there, and on a network with no WebRTC path the newcomer otherwise looked for the
 *   group for RELAY_AFTER_MS and more. A working network connects well within it, so the relay
 *   rarely starts; a slow or blocked one gets the lobby through the server meanwhile.
 * - RP9 A peer relayed to stays a target until a direct connection to it works (RP4), its
 *   connection closes (RP7) or it goes silent (RP1): a relay that stops and starts again as
 *   RP8 comes and goes would drop what was on its way.
 */
import { isRecord } from '../util/guards';

/** How a member is reached: over a WebRTC connection of our own, or through the server. */
export type PeerLink = 'direct' | 'server';

/** RP2: how long a peer may be without a direct connection before it is relayed to. */
export const RELAY_AFTER_MS = 8_000;

/** RP10: RP2 in a group's lobby. */
export const LOBBY_RELAY_AFTER_MS = 2_000;

/** RP3: how long after a failed direct attempt at the soonest. */
export const FAILED_RELAY_AFTER_MS = 2_000;

/** RP1: how long a peer counts as there after the last message from it. */
export const PEER_TTL_MS = 20_000;

/**
 * RP7: what a peer says this soon after its direct connection closed does not show it is still
 * there (a page going away can still answer an announce); mesh-watchdog's REANNOUNCE_MS is 5 s.
 */
export const CLOSE_QUIET_MS = 3_000;

/** RP5: the most peers one room relays to. */
export const MAX_RELAY_PEERS = 32;

/** The most peers a room remembers; one more forgets the longest silent. */
const MAX_KNOWN_PEERS = 256;

/** The direct connections of a room now (y-webrtc's webrtcConns and bcConns, by peer id). */
export interface DirectFacts {
  /** Peers with a connected WebRTC connection. */
  readonly connected: ReadonlySet<string>;
  /** Peers with a WebRTC connection that has not connected (yet). */
  readonly pending: ReadonlySet<string>;
  /** Peers in this browser, reached over BroadcastChannel. */
  readonly local: ReadonlySet<string>;
}

interface Sighting {
  /** The peer's Yjs client id (its presence), as it said; null until it says. */
  clientId: number | null;
  lastHeard: number;
  /** Since when it has been without a connected direct connection; null while it has one. */
  unconnectedSince: number | null;
  /** When it last relayed a message to us. */
  relayedToUs: number | null;
  /** A direct attempt ended without connecting since the last direct connection. */
  failed: boolean;
  /** It had a pending attempt at the last observation. */
  pending: boolean;
  /** RP7: when its direct connection closed, until it is heard from again; null otherwise. */
  closedAt: number | null;
  /** Since when it has been among the relay targets (set by `relayTargets`); null while not. */
  relayedSince: number | null;
  direct: boolean;
  local: boolean;
}

/** What one room knows of its peers; fed by the signaling messages and the direct connections. */
export class PeerBook {
  private readonly peers = new Map<string, Sighting>();

  /** RP2, or 0 by RP6 (set from the room's peer options). */
  relayAfterMs = RELAY_AFTER_MS;

  /** A signaling message from `peerId` arrived (`relayed`: a message it relayed to us). */
  heard(peerId: string, clientId: number | null, now: number, relayed: boolean): void {
    const peer = this.sighting(peerId, now);
    peer.lastHeard = Math.max(peer.lastHeard, now);
    if (peer.closedAt !== null && (relayed || now - peer.closedAt >= CLOSE_QUIET_MS)) {
      peer.closedAt = null;
    }
    if (clientId !== null) peer.clientId = clientId;
    if (relayed) peer.relayedToUs = now;
  }

  /**
   * Whether a peer we relay to has said anything (an announce, a signal, a relayed message)
   * since we began to: only then does it count as someone receiving the room for
   * unseen-peers.ts. A member reached through the server relays back at once (RP3) and renews
   * its announce every few seconds; a listener must keep announcing to stay a target (RP1); a
   * departed page, relayed to until it has been silent for PEER_TTL_MS, never does.
   */
  spokeWhileRelayed(peerId: string): boolean {
    const peer = this.peers.get(peerId);
    if (!peer || peer.relayedSince === null) return false;
    // Heard since (a target is never connected directly, so lastHeard is what it said), or it
    // was relaying to us when the relay began (RP3).
    return (
      peer.lastHeard >= peer.relayedSince ||
      (peer.relayedToUs !== null && peer.relayedSince - peer.relayedToUs <= PEER_TTL_MS)
    );
  }

  /** Takes in the direct connections now, and forgets peers gone silent (RP1). */
  observe(facts: DirectFacts, now: number): void {
    for (const id of facts.connected) this.sighting(id, now).lastHeard = now;
    for (const [id, peer] of this.peers) {
      const wasDirect = peer.direct;
      peer.direct = facts.connected.has(id);
      peer.local = facts.local.has(id);
      if (wasDirect && !peer.direct && !peer.local) peer.closedAt = now;
      const pending = facts.pending.has(id);
      if (peer.direct || peer.local) {
        peer.unconnectedSince = null;
        peer.failed = false;
        peer.relayedToUs = null;
      } else {
        peer.unconnectedSince ??= now;
        if (peer.pending && !pending) peer.failed = true;
      }
      peer.pending = pending;
      if (!peer.direct && now - peer.lastHeard > PEER_TTL_MS) this.peers.delete(id);
    }
  }

  /**
   * The peers to relay to now (RP2-RP5), most recently heard first; remembers since when each
   * has been one (`spokeWhileRelayed`).
   */
  relayTargets(now: number): string[] {
    const targets: Array<[string, number]> = [];
    for (const [id, peer] of this.peers) {
      if (peer.direct || peer.local || peer.closedAt !== null) continue;
      if (now - peer.lastHeard > PEER_TTL_MS) continue;
      const without = now - (peer.unconnectedSince ?? now);
      const relays =
        peer.relayedSince !== null ||
        without >= this.relayAfterMs ||
        (peer.failed && without >= FAILED_RELAY_AFTER_MS) ||
        (peer.relayedToUs !== null && now - peer.relayedToUs <= PEER_TTL_MS);
      if (relays) targets.push([id, peer.lastHeard]);
    }
    targets.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const chosen = new Set(targets.slice(0, MAX_RELAY_PEERS).map(([id]) => id));
    for (const [id, peer] of this.peers) {
      peer.relayedSince = chosen.has(id) ? (peer.relayedSince ?? now) : null;
    }
    return [...chosen];
  }

  /**
   * How each peer's presence (Yjs client id) is reached: direct wins over the server when a
   * member is reached both ways (two panels of one member, or the moment a relay stops).
   */
  links(relayed: ReadonlySet<string>): Map<number, PeerLink> {
    const links = new Map<number, PeerLink>();
    for (const [id, peer] of this.peers) {
      if (peer.clientId === null) continue;
      const link: PeerLink | null =
        peer.direct || peer.local ? 'direct' : relayed.has(id) ? 'server' : null;
      if (link === null || links.get(peer.clientId) === 'direct') continue;
      links.set(peer.clientId, link);
    }
    return links;
  }

  /**
   * How many peers are there now (RP1): heard within PEER_TTL_MS or connected directly. Each is
   * a panel of the group (its messages opened with the room key), whether or not its presence
   * has reached us yet.
   */
  present(now: number): number {
    let count = 0;
    for (const peer of this.peers.values()) {
      if (peer.direct || now - peer.lastHeard <= PEER_TTL_MS) count++;
    }
    return count;
  }

  /** RP8: whether some peer relayed to us within PEER_TTL_MS (and has no direct connection). */
  relayingToUs(now: number): boolean {
    for (const peer of this.peers.values()) {
      if (peer.direct || peer.local || peer.relayedToUs === null) continue;
      if (now - peer.relayedToUs <= PEER_TTL_MS) return true;
    }
    return false;
  }

  /** Peers known now (for tests and to bound what is held per peer). */
  known(): string[] {
    return [...this.peers.keys()];
  }

  private sighting(peerId: string, now: number): Sighting {
    let peer = this.peers.get(peerId);
    if (!peer) {
      if (this.peers.size >= MAX_KNOWN_PEERS) this.forgetLongestSilent();
      peer = {
        clientId: null,
        lastHeard: now,
        unconnectedSince: now,
        relayedToUs: null,
        failed: false,
        pending: false,
        closedAt: null,
        relayedSince: null,
        direct: false,
        local: false,
      };
      this.peers.set(peerId, peer);
    }
    return peer;
  }

  private forgetLongestSilent(): void {
    let oldest: [string, number] | null = null;
    for (const [id, peer] of this.peers) {
      if (peer.direct) continue;
      if (oldest === null || peer.lastHeard < oldest[1]) oldest = [id, peer.lastHeard];
    }
    if (oldest) this.peers.delete(oldest[0]);
  }
}

/** What this page's rooms show of its network, for RP8. */
export interface PageReach {
  /** Some room has a connected WebRTC connection. */
  readonly direct: boolean;
  /** Some room's peer relays to us (PeerBook.relayingToUs). */
  readonly relayedToUs: boolean;
}

/**
 * RP8 across pages: what an earlier page of this device learnt (told once as the panel opens)
 * until this page learns for itself, from what its rooms show.
 */
export class NetworkReachMemory {
  private held = false;
  private learntHere = false;

  /** What an earlier page learnt; ignored once this page has learnt anything itself. */
  remember(onlyThroughServer: boolean): void {
    if (!this.learntHere) this.held = onlyThroughServer;
  }

  /**
   * Whether the rooms take this device for one that reaches others only through the server
   * (RP8): what the rooms last showed, else what an earlier page learnt.
   */
  get onlyThroughServer(): boolean {
    return this.held;
  }

  /**
   * Takes in what the rooms show now: a direct connection says no, a peer relaying to us with
   * none says yes, neither says nothing. Returns what was learnt when it differs from what was
   * held (to be kept for the next page), else null.
   */
  learn(page: PageReach): boolean | null {
    const learnt = page.direct ? false : page.relayedToUs ? true : null;
    if (learnt === null) return null;
    this.learntHere = true;
    if (learnt === this.held) return null;
    this.held = learnt;
    return learnt;
  }
}

/**
 * How long a room waits for a direct connection before relaying (PeerBook.relayAfterMs): RP2,
 * RP10 in a lobby, or 0 by RP6 (these peer options leave no WebRTC path) or RP8
 * (`onlyThroughServer`, NetworkReachMemory's after it took in what the rooms show now).
 */
export function relayAfterFor(
  peerOpts: unknown,
  onlyThroughServer: boolean,
  lobby = false,
): number {
  if (!canConnectDirectly(peerOpts) || onlyThroughServer) return 0;
  return lobby ? LOBBY_RELAY_AFTER_MS : RELAY_AFTER_MS;
}

/** Whether these peer options allow WebRTC only through a relay (iceTransportPolicy 'relay'). */
export function relayOnly(peerOpts: unknown): boolean {
  const config = isRecord(peerOpts) ? peerOpts.config : undefined;
  return isRecord(config) && config.iceTransportPolicy === 'relay';
}

/**
 * RP6: whether these peer options (simple-peer's, RoomOptions.peerOpts) leave any WebRTC path:
 * not when only relay candidates are allowed and no TURN server is given to get one from.
 */
export function canConnectDirectly(peerOpts: unknown): boolean {
  if (!relayOnly(peerOpts)) return true;
  const config = isRecord(peerOpts) ? peerOpts.config : undefined;
  const servers = isRecord(config) && Array.isArray(config.iceServers) ? config.iceServers : [];
  return servers.some((server) => {
    if (!isRecord(server)) return false;
    const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
    return urls.some((url) => typeof url === 'string' && /^turns?:/i.test(url));
  });
}
