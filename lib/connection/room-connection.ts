import * as Y from 'yjs';
import { WebrtcProvider, warmSignaling } from 'y-webrtc';
import type { WebrtcConn } from 'y-webrtc';
import type { Awareness } from 'y-protocols/awareness';
import type { RoomKeys } from '../invite/room-name';
import { roomCryptoKey } from '../invite/room-name';
import type { ConnectionFacts } from './connection-status';
import { shouldAnnounceAgain, staleConnections } from './mesh-watchdog';
import { roomReuse, sameRoomOptions } from './room-reuse';
import { RoomFraming } from './peer-framing';
import { RoomRelay } from './relay';
import type { RelayCounts } from './relay';
import { NetworkReachMemory, relayAfterFor, relayOnly } from './relay-plan';
import type { PageReach, PeerLink } from './relay-plan';
import { RelayPacer } from './relay-pacer';
import { systemClock } from './clock';
import { UnseenPeers } from './unseen-peers';
import { nextPullAt, pullTarget } from './pull-sync';
import { ConnectionLiveness } from './liveness';
import { decodePresence } from '../shared-doc/presence';
import { vouchUpdateAhead } from '../shared-doc/vouch-ahead';
import { syncedUpdateIn } from './sync-message';

/** How to reach other members: signaling servers and simple-peer options (ICE servers, wrtc). */
export interface RoomOptions {
  readonly signalingUrls: readonly string[];
  /** Passed to simple-peer: `{ config: { iceServers } }`, and `{ wrtc }` in Node. */
  readonly peerOpts?: Readonly<Record<string, unknown>>;
}

/** A member's share in one encrypted room: the document, presence, and connection facts. */
export interface RoomHandle {
  readonly roomName: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The signaling and peer facts now; the caller adds members from awareness. */
  connectionFacts(): Omit<ConnectionFacts, 'members'>;
  /**
   * How far the largest message now arriving from a peer is (0 to 1), or null when none is
   * arriving in parts: a joiner receives the whole meeting at once. Rooms that cannot tell
   * (in-memory ones in tests) leave it out.
   */
  receiveProgress?(): number | null;
  /**
   * How each other presence (by Yjs client id) is reached now: over a connection of our own or
   * through the server (relay.ts). A presence missing here is reached neither way yet (or only
   * through a third member). Rooms that cannot tell leave it out.
   */
  peerLinks?(): ReadonlyMap<number, PeerLink>;
  /** What the encrypted relay has carried so far (for diagnostics and tests). */
  relayCounts?(): RelayCounts;
  /**
   * Whether a peer's answer to our sync request has been read since the room opened (over a
   * direct connection or the relay): from then on this member holds what that peer held, even
   * when that was nothing new (no update follows then). Not this browser's other pages: on its
   * channel a page reads its own messages too. Rooms that cannot tell leave it out.
   */
  syncedWithPeer?(): boolean;
  /**
   * How many other panels are in this room now, as the server's messages (their announcements
   * and signals, opened with the room key) and the direct connections tell: before their
   * presence arrives, and whether or not a connection to them ever comes. Rooms that cannot
   * tell leave it out.
   */
  peersThere?(): number;
  /**
   * How many peers receive this room without showing a presence (unseen-peers.ts). Rooms that
   * cannot tell leave it out.
   */
  unknownPeers?(): number;
  /**
   * Calls `listener` when the connection facts or the receive progress may have changed;
   * returns an unsubscribe.
   */
  onConnectionChange(listener: () => void): () => void;
  /**
   * Notes between two members over their own data channel, never through the server
   * (meeting-handoff.ts). Rooms that cannot carry them leave it out.
   */
  readonly notes?: PeerNotes;
  /** Gives this share back; the provider and document are destroyed when the last is released. */
  release(): void;
}

/** A room's notes to single peers, over the data channel to each (the y-webrtc patch). */
export interface PeerNotes {
  /** The peers with an open data channel now. */
  peers(): string[];
  /** Sends a note to one peer; false when no data channel to it is open. */
  send(peerId: string, note: Uint8Array): boolean;
  /** Calls `listener` with every note a peer sends; returns an unsubscribe. */
  listen(listener: (peerId: string, note: Uint8Array) => void): () => void;
}

interface SharedRoom {
  options: RoomOptions;
  /** A group's lobby (relay-plan RP10). */
  readonly lobby: boolean;
  readonly provider: WebrtcProvider;
  readonly framing: RoomFraming;
  readonly relay: RoomRelay;
  readonly unseen: () => number;
  /** RoomHandle.syncedWithPeer. */
  readonly syncedWithPeer: () => boolean;
  readonly doc: Y.Doc;
  readonly listeners: Set<() => void>;
  readonly notes: PeerNotes;
  readonly stop: () => void;
  refs: number;
  /** Pending teardown after the last release; cancelled when the room is opened again. */
  closing: ReturnType<typeof setTimeout> | null;
}

/**
 * y-webrtc allows one provider per room name per JavaScript realm, and breaks when one is made
 * and destroyed twice in a row (React StrictMode). So providers live here, outside any UI,
 * shared and counted by room name.
 */
const rooms = new Map<string, SharedRoom>();

/**
 * One pacer per signaling server: the rooms of a page share its socket, and the server's rate
 * limit counts the socket's messages (relay-pacer.ts).
 */
const pacers = new Map<string, RelayPacer>();

function pacerFor(url: string): RelayPacer {
  let pacer = pacers.get(url);
  if (!pacer) {
    pacer = new RelayPacer(systemClock);
    pacers.set(url, pacer);
  }
  return pacer;
}

/** How often the connection facts are re-read: y-webrtc reports reconnect attempts no other way. */
const POLL_MS = 1000;

/**
 * How long a room outlives its last release. A UI that unmounts and mounts again at once (React
 * StrictMode, a quick re-render of a parent) gets the same provider back instead of a second
 * one for a room name whose first provider is still tearing down.
 */
const CLOSE_GRACE_MS = 1500;

/** Joins (or shares) the room for these keys; every call must be paired with `release()`. */
export function openRoom(keys: RoomKeys, options: RoomOptions): RoomHandle {
  let room = rooms.get(keys.roomName);
  const reuse = room ? roomReuse(room, options) : 'share';
  if (reuse === 'conflict') {
    throw new Error(`Room ${keys.roomName} is in use through other signaling servers`);
  }
  // A changed server address reaches here as a room in its close grace with other options. The
  // room keeps its document, presence and peer connections and only changes how it finds
  // others: a new provider for the same name raced the old one's teardown inside y-webrtc, and
  // after a change of address every member could sit on an empty document at once (seen in CI).
  if (room && reuse === 'retarget') retarget(room, options);
  if (!room) room = createRoom(keys, options);
  if (room.closing !== null) {
    clearTimeout(room.closing);
    room.closing = null;
  }
  room.refs++;
  const shared = room;
  let released = false;
  return {
    roomName: keys.roomName,
    doc: shared.doc,
    awareness: shared.provider.awareness,
    connectionFacts: () => readFacts(shared.provider),
    receiveProgress: () => shared.framing.progress(),
    peerLinks: () => peerLinks(shared),
    relayCounts: () => shared.relay.relayCounts(),
    unknownPeers: () => shared.unseen(),
    peersThere: () => shared.relay.book.present(Date.now()),
    syncedWithPeer: shared.syncedWithPeer,
    notes: shared.notes,
    onConnectionChange(listener) {
      shared.listeners.add(listener);
      return () => shared.listeners.delete(listener);
    },
    release() {
      if (released) return;
      released = true;
      shared.refs--;
      if (shared.refs === 0) {
        shared.closing = setTimeout(() => closeRoom(keys.roomName, shared), CLOSE_GRACE_MS);
      }
    },
  };
}

/** How long a signaling socket opened ahead waits for a room to take it up (ms). */
export const WARM_SIGNALING_MS = 30_000;

/**
 * Opens the signaling socket to `url` now, for rooms about to open on it: a member with a valid
 * invite in the join form will join in a moment, and the socket's handshake (tens of ms here,
 * round trips on a real network) then need not follow the click. It subscribes to nothing by
 * itself. A socket no room takes up within WARM_SIGNALING_MS closes. Only where the page has a
 * WebSocket.
 */
export function openSignalingEarly(url: string, idleMs = WARM_SIGNALING_MS): void {
  if (typeof WebSocket === 'undefined') return;
  warmSignaling(url, idleMs);
}

/** Rooms that are open in this realm now (for tests and teardown). */
export function openRoomNames(): string[] {
  return [...rooms.keys()];
}

/** Closes every room at once, for `pagehide`: the page is going, so no grace period. */
export function closeAllRooms(): void {
  for (const [name, room] of [...rooms]) closeRoom(name, room);
}

/**
 * Points the open room `roomName` at other signaling servers and peer options, while it is in
 * use: it keeps its document, presence and peers. For a room opened before the group's
 * connection servers were known (with no signaling server, so that a kept copy shows at once),
 * once they are. Nothing for a room that is not open or already reaches that way.
 */
export function retargetRoom(roomName: string, options: RoomOptions): void {
  const room = rooms.get(roomName);
  if (room && !sameRoomOptions(room.options, options)) retarget(room, options);
}

/** Points an open room at other signaling servers and peer options (see openRoom). */
function retarget(room: SharedRoom, options: RoomOptions): void {
  const wasRelayOnly = relayOnly(room.options.peerOpts);
  room.provider.setSignaling([...options.signalingUrls], peerOptions(options));
  // A member who just chose "only through the server" keeps no direct connection made before:
  // those show their address. New attempts use the new policy (or the relay fallback).
  if (!wasRelayOnly && relayOnly(options.peerOpts)) {
    for (const conn of room.provider.room?.webrtcConns.values() ?? []) conn.destroy();
  }
  room.relay.book.relayAfterMs = relayAfter(options, room.lobby);
  room.options = options;
}

/** RP8 as an earlier page of this device learnt it (`rememberNetworkReach`), then this one. */
const reach = new NetworkReachMemory();
const reachListeners = new Set<(onlyThroughServer: boolean) => void>();

/**
 * How long a peer waits for a direct connection before it is relayed to (relay-plan RP2, RP6,
 * RP10, and RP8: what every open room of this page shows of its network now, taken into the
 * memory first, whose listeners hear what is new).
 */
function relayAfter(options: RoomOptions, lobby: boolean): number {
  const learnt = reach.learn(pageReach(Date.now()));
  if (learnt !== null) for (const listener of [...reachListeners]) listener(learnt);
  return relayAfterFor(options.peerOpts, reach.onlyThroughServer, lobby);
}

function pageReach(now: number): PageReach {
  let relayedToUs = false;
  for (const room of rooms.values()) {
    for (const conn of room.provider.room?.webrtcConns.values() ?? []) {
      if (conn.connected) return { direct: true, relayedToUs };
    }
    relayedToUs ||= room.relay.book.relayingToUs(now);
  }
  return { direct: false, relayedToUs };
}

/**
 * Tells the rooms what an earlier page of this device learnt (relay-plan RP8): that it reached
 * the others only through the server. The rooms then relay at once from the first, until a
 * direct connection works anywhere.
 */
export function rememberNetworkReach(onlyThroughServer: boolean): void {
  reach.remember(onlyThroughServer);
}

/**
 * Calls `listener` when this page learns how its network reaches the others: true once a peer
 * relays to it with no direct connection open in any room, false once one is. Returns an
 * unsubscribe.
 */
export function onNetworkReachLearnt(listener: (onlyThroughServer: boolean) => void): () => void {
  reachListeners.add(listener);
  return () => reachListeners.delete(listener);
}

function peerOptions(options: RoomOptions): Record<string, unknown> {
  return options.peerOpts ? { ...options.peerOpts } : {};
}

function closeRoom(name: string, room: SharedRoom): void {
  if (room.closing !== null) clearTimeout(room.closing);
  room.closing = null;
  if (rooms.get(name) !== room) return;
  rooms.delete(name);
  room.stop();
}

function createRoom(keys: RoomKeys, options: RoomOptions): SharedRoom {
  const doc = new Y.Doc();
  // Messages over one data-channel message travel in frames (message-chunks.ts); each frame
  // may move the progress a joiner sees.
  const framing = new RoomFraming(Date.now, () => notify());
  // Peers without a direct connection are reached through the server, encrypted (relay.ts). A
  // peer that relays to us is relayed back at once, after the message being read (RP3).
  let planSoon: ReturnType<typeof setTimeout> | null = null;
  const relay = new RoomRelay(framing, pacerFor, Date.now, (from) => {
    if (planSoon !== null || provider.room?.relayTo.has(from)) return;
    planSoon = setTimeout(() => {
      planSoon = null;
      planRelay();
      notify();
    }, 0);
  });
  const lobby = keys.scope === 'lobby';
  relay.book.relayAfterMs = relayAfter(options, lobby);
  const unseen = new UnseenPeers();
  const noteListeners = new Set<(peerId: string, note: Uint8Array) => void>();
  const provider = new WebrtcProvider(keys.roomName, doc, {
    signaling: [...options.signalingUrls],
    password: keys.password,
    deriveKey: roomCryptoKey,
    peerOpts: peerOptions(options),
    framing: () => framing.connection(),
    relay,
    peerAwareness: (peerId, update) =>
      unseen.heard(peerId, update, provider.room?.webrtcConns.get(peerId) ?? null),
    peerNote: (peerId, note) => {
      for (const listener of [...noteListeners]) listener(peerId, note);
    },
    // An update from a peer waits while the browser verifies its signatures natively; reading
    // it then costs no curve math in JavaScript. Without signatures, at once.
    gate: (message) => {
      const update = syncedUpdateIn(message);
      return update === null ? null : vouchUpdateAhead(doc, update);
    },
    // A change names the peers it reaches directly, and one passed on skips them: in a full
    // mesh nobody passes a change on (y-webrtc alone sends each change N-1 times more than
    // needed, 42 extra copies with 8 members), and a member the writer cannot reach still gets it.
    covered: true,
  });
  const notes: PeerNotes = {
    peers: () => provider.room?.notePeers() ?? [],
    send: (peerId, note) => provider.room?.sendPeerNote(peerId, note) ?? false,
    listen(listener) {
      noteListeners.add(listener);
      return () => noteListeners.delete(listener);
    },
  };
  // Peers that receive the room and show no presence (issue 13, point 3): counted on every
  // notify, which every poll runs, so that the grace runs on.
  let unknownNow = 0;
  const countUnseen = (): number => {
    const yRoom = provider.room;
    if (!yRoom) return 0;
    const direct = new Set<string>();
    for (const [id, conn] of yRoom.webrtcConns) if (conn.connected) direct.add(id);
    const links: ReadonlyMap<string, object> = yRoom.webrtcConns;
    const present = new Set<number>();
    for (const [clientId, state] of provider.awareness.getStates()) {
      if (decodePresence(state) !== null) present.add(clientId);
    }
    const self = provider.awareness.clientID;
    // A relayed peer counts once it said something since the relay began (UP7).
    const relayed = new Set([...yRoom.relayTo].filter((id) => relay.book.spokeWhileRelayed(id)));
    unknownNow = unseen.count({ direct, links, relayed, present, self }, Date.now());
    return unknownNow;
  };
  const listeners = new Set<() => void>();
  let last = '';
  const notify = (): void => {
    const progress = framing.progress();
    const percent = progress === null ? null : Math.floor(progress * 100);
    const links = peerLinksOf(relay, provider);
    const now = JSON.stringify([readFacts(provider), percent, [...links], countUnseen()]);
    if (now === last) return;
    last = now;
    for (const listener of [...listeners]) listener();
  };
  // A data channel that opens is news too (y-webrtc says 'peers' when a connection is made, not
  // when it opens): whoever sends notes to each peer (meeting-handoff.ts) reaches it at once.
  const watched = new WeakSet<WebrtcConn>();
  const onPeers = (): void => {
    for (const conn of provider.room?.webrtcConns.values() ?? []) {
      if (watched.has(conn)) continue;
      watched.add(conn);
      conn.peer.once('connect', () => {
        for (const listener of [...listeners]) listener();
      });
    }
    notify();
  };
  provider.on('peers', onPeers);
  // The patch says 'answered' when a peer's answer to our sync step 1 has been read, over a data
  // channel or the relay (y-webrtc's own 'synced' waits for every connected peer, and never
  // comes through the relay). The first one is news for whoever waits to know what the group
  // holds (GroupSession's hearing), though no connection fact changed (so not through `notify`,
  // which says only what changed). Told after the answer was applied: a listener's work is no
  // part of it.
  let answeredOnce = false;
  const onAnswered = (): void => {
    if (answeredOnce) return;
    answeredOnce = true;
    setTimeout(() => {
      for (const listener of [...listeners]) listener();
    }, 0);
  };
  provider.on('answered', onAnswered);
  // Hung WebRTC attempts are closed so that y-webrtc announces again and retries (mesh-watchdog).
  const pendingSince = new Map<WebrtcConn, number>();
  let lastAnnounce: number | null = null;
  const repairMesh = (): void => {
    const yRoom = provider.room;
    if (!yRoom) return;
    const now = Date.now();
    for (const conn of staleConnections(yRoom.webrtcConns.values(), pendingSince, now)) {
      conn.destroy();
    }
    // Members heard only through a relay get a direct connection before the relay leaves.
    let directPeers = 0;
    for (const conn of yRoom.webrtcConns.values()) if (conn.connected) directPeers++;
    const knownPeers = Math.max(0, provider.awareness.getStates().size - 1);
    if (shouldAnnounceAgain({ directPeers, knownPeers, lastAnnounce }, now)) {
      lastAnnounce = now;
      yRoom.announce();
    }
  };
  // Which peers go through the server: decided in relay-plan.ts from what the room knows now.
  let droppedSeen = 0;
  const planRelay = (): void => {
    const yRoom = provider.room;
    if (!yRoom) return;
    const now = Date.now();
    // RP8 may have come or gone since the last look, through this room or another.
    relay.book.relayAfterMs = relayAfter(room.options, lobby);
    const connected = new Set<string>();
    const pending = new Set<string>();
    for (const [id, conn] of yRoom.webrtcConns) (conn.connected ? connected : pending).add(id);
    relay.book.observe({ connected, pending, local: yRoom.bcConns }, now);
    relay.prune();
    const targets = relay.book.relayTargets(now);
    if (targets.length !== yRoom.relayTo.size || targets.some((id) => !yRoom.relayTo.has(id))) {
      yRoom.setRelayed(targets);
    }
    // What a full queue dropped is gone: sync again with every relayed peer (both ways: the
    // hello asks for their sync step 1 too). A socket that reconnects does the same (the patch).
    let dropped = 0;
    for (const url of provider.signalingUrls) dropped += pacers.get(url)?.dropped ?? 0;
    const lostSome = dropped > droppedSeen;
    droppedSeen = dropped;
    if (lostSome && yRoom.relayTo.size > 0) yRoom.relayHello([...yRoom.relayTo]);
  };
  // A change lost on its one path comes back from another peer (pull-sync.ts).
  let pullAt = nextPullAt(Date.now());
  const pullMissed = (): void => {
    const yRoom = provider.room;
    const now = Date.now();
    if (!yRoom || now < pullAt) return;
    pullAt = nextPullAt(now);
    const reachable = new Set(yRoom.relayTo);
    for (const [id, conn] of yRoom.webrtcConns) if (conn.connected) reachable.add(id);
    const peer = pullTarget([...reachable]);
    if (peer !== null) yRoom.syncWith(peer);
  };
  // A connection that stays open and carries nothing is asked, then replaced (liveness.ts).
  const liveness = new ConnectionLiveness<WebrtcConn>();
  const checkLiveness = (): void => {
    const yRoom = provider.room;
    if (!yRoom) return;
    const { ask, close } = liveness.check(yRoom.webrtcConns.values(), Date.now());
    for (const conn of ask) yRoom.syncWith(conn.remotePeerId);
    for (const conn of close) yRoom.reconnect(conn.remotePeerId);
  };
  const timer = setInterval(() => {
    repairMesh();
    checkLiveness();
    planRelay();
    pullMissed();
    notify();
  }, POLL_MS);
  const room: SharedRoom = {
    options,
    lobby,
    provider,
    framing,
    relay,
    unseen: () => unknownNow,
    syncedWithPeer: () => answeredOnce,
    doc,
    listeners,
    notes,
    refs: 0,
    closing: null,
    stop() {
      clearInterval(timer);
      if (planSoon !== null) clearTimeout(planSoon);
      relay.close();
      provider.off('peers', onPeers);
      provider.off('answered', onAnswered);
      listeners.clear();
      noteListeners.clear();
      provider.awareness.setLocalState(null);
      // y-webrtc's destroy() leaves the provider on its signaling sockets, so a socket no room
      // uses stayed open, and re-subscribed after a reconnect, for the life of the page: after a
      // change of server address the panel kept its socket to the old one. Leave them first.
      provider.disconnect();
      provider.destroy();
      doc.destroy();
    },
  };
  rooms.set(keys.roomName, room);
  return room;
}

/** How each presence is reached; through the server only while a signaling socket is open. */
function peerLinks(room: SharedRoom): ReadonlyMap<number, PeerLink> {
  return peerLinksOf(room.relay, room.provider);
}

function peerLinksOf(relay: RoomRelay, provider: WebrtcProvider): Map<number, PeerLink> {
  const online = readFacts(provider).signalingConnected;
  const relayed = online ? (provider.room?.relayTo ?? new Set<string>()) : new Set<string>();
  return relay.book.links(relayed);
}

function readFacts(provider: WebrtcProvider): Omit<ConnectionFacts, 'members'> {
  const conns: unknown[] = provider.signalingConns;
  let connected = false;
  let allFailed = conns.length > 0;
  for (const conn of conns) {
    const isConnected = readBoolean(conn, 'connected');
    const failures = readNumber(conn, 'unsuccessfulReconnects');
    if (isConnected) connected = true;
    if (isConnected || failures < 1) allFailed = false;
  }
  return { signalingConnected: connected, signalingFailed: !connected && allFailed };
}

function readBoolean(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && key in value
    ? Reflect.get(value, key) === true
    : false;
}

function readNumber(value: unknown, key: string): number {
  if (typeof value !== 'object' || value === null || !(key in value)) return 0;
  const n: unknown = Reflect.get(value, key);
  return typeof n === 'number' ? n : 0;
}
