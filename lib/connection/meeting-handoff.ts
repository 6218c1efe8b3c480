import * as Y from 'yjs';
import { deriveHandoffKey } from '../invite/room-name';
import { fromBase64, toBase64 } from '../util/base64';
import { sameBytes } from '../util/bytes';
import { safeId } from '../util/guards';
import { traceMark } from '../util/trace';
import { LIMITS } from '../util/limits';
import { vouchAhead } from '../shared-doc/vouch-ahead';
import type { Clock } from './clock';
import type { PeerNotes } from './room-connection';

/**
 * A new member's first copy of a meeting comes over the lobby (issue 15, late join).
 *
 * A member let into a meeting (admission.ts) used to wait for a second mesh: the meeting's own
 * room, whose name and password derive from the key the chair's answer just brought, with a
 * WebRTC connection to every member, before anything of the meeting arrived. The lobby's data
 * channels are open by then, and the panel that let them in (the chair's, or the doorkeeper's)
 * is usually on the other end of one. So:
 *
 * - The asking member tells the lobby's peers of its knock (a **knock note**: the meeting and
 *   the ask's public X25519 key, which the knock in the lobby shows anyway), to each peer as its
 *   data channel opens.
 * - A panel that lets members in seals the meeting's whole state when a knock note comes (the
 *   knock itself reaches the lobby a little later); when it lets that knock in, it sends the
 *   state (a **state**) to the peers that told of the knock beside its answer, sealed again if
 *   the meeting changed since. The new member keeps a state that comes before its key, and opens
 *   it with the key.
 * - A note that could not go (the data channel closed, or was replaced after two offers
 *   crossed) goes again: the knocking member tells a reconnected peer of its knock again, and a
 *   member let in asks a reconnected peer again.
 * - A member let in without such a state (its knock note did not reach the chair in time) sends
 *   an **ask** with its state vector to every lobby peer; the chair or doorkeeper answers with
 *   the part of the meeting it lacks.
 * - The panel that sent a member a state then passes each change of the meeting on to them the
 *   same way for HANDOFF_BRIDGE_MS (a **bridge**), and the member takes them for as long: their
 *   meeting room connects a few round trips after the key (2.4 s measured with members 300 ms
 *   apart, docs/benchmarks.md), and the chair's next phase change must not wait for it.
 *
 * States and asks are sealed with a key derived from the meeting's key (`deriveHandoffKey`).
 * The meeting's room still connects as before and carries everything after; the state is only a
 * head start, applied like an update from the meeting's room: every write in it is verified on
 * read (signed.ts; `vouchAhead` does it natively first, where the browser can).
 *
 * Why this gives nobody more than the meeting's room does: an invite holder can tell of someone
 * else's knock and so receive a state, but cannot open it; only a key holder can seal an ask
 * that opens, and answers are bounded (`ANSWER_LIMITS`). Notes travel over one data channel
 * between two panels (DTLS), never through the server, and are neither relayed nor passed on
 * (the y-webrtc patch's `peerNote`).
 *
 * A note: version (1 byte), kind (1 byte: 1 ask, 2 state, 3 knock), the meeting id's length (1
 * byte) and its ASCII; then for a knock the 32 bytes of the ask's key, for an ask or a state the
 * IV (12 bytes) and the AES-GCM ciphertext, with the kind and the meeting id as additional data
 * (an ask cannot pass for a state, nor for another meeting).
 */

export type HandoffKind = 'ask' | 'state';

/** An ask or a state: sealed with the meeting's handoff key. */
export interface HandoffNote {
  readonly kind: HandoffKind;
  readonly meetingId: string;
  readonly iv: Uint8Array;
  readonly sealed: Uint8Array;
}

/**
 * A member's knock, told to the lobby's peers as it is written: the box of the ask (admission.ts,
 * public in the lobby anyway), so that the panel that lets them in can send the meeting's state
 * right after its answer, before the knocker has even opened the key. Not sealed: it names no
 * secret, and what it brings is sealed with the meeting's key.
 */
export interface KnockNote {
  readonly kind: 'knock';
  readonly meetingId: string;
  /** The ask's box, as the knock in the lobby names it (base64). */
  readonly box: string;
}

const VERSION = 1;
const KINDS: Record<HandoffKind | 'knock', number> = { ask: 1, state: 2, knock: 3 };
const KIND_NAMES = Object.keys(KINDS) as Array<keyof typeof KINDS>;
const BOX_BYTES = 32;
const IV_BYTES = 12;
/** AES-GCM's tag. */
const TAG_BYTES = 16;
/** The largest state a note may carry: the meeting document's own limit, and its tag. */
const MAX_SEALED_BYTES = LIMITS.meetingDocumentBytes + TAG_BYTES;

/** How long a member who was just let in keeps asking lobby peers that connect (ms). */
export const HANDOFF_ASK_MS = 20_000;

/**
 * How long the panel that let a member in passes the meeting's changes on to them over the
 * lobby, and how long they take them (ms): longer than a meeting room takes to connect on a slow
 * network, as long as the relay takes to start where it cannot connect (relay-plan.ts).
 */
export const HANDOFF_BRIDGE_MS = 15_000;

/** States a knocking member keeps before its key comes: the first, and changes passed on. */
const MAX_KEPT = 32;

/** Seals `plain` (a state vector for an ask, an update for a state) as a note. */
export async function sealHandoff(
  key: CryptoKey,
  kind: HandoffKind,
  meetingId: string,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(kind, meetingId) },
      key,
      Uint8Array.from(plain),
    ),
  );
  return frame(kind, meetingId, iv, sealed);
}

/** A note's bytes: version, kind, the meeting id (its length, then its ASCII), then `body`. */
function frame(kind: HandoffKind | 'knock', meetingId: string, ...body: Uint8Array[]): Uint8Array {
  const id = new TextEncoder().encode(meetingId);
  const note = new Uint8Array(3 + id.length + body.reduce((sum, part) => sum + part.length, 0));
  note.set([VERSION, KINDS[kind], id.length], 0);
  let at = 3;
  for (const part of [id, ...body]) {
    note.set(part, at);
    at += part.length;
  }
  return note;
}

/** A knock note for the box `box` (base64 of 32 bytes) of an ask to `meetingId`. */
export function knockNote(meetingId: string, box: string): Uint8Array | null {
  const key = fromBase64(box);
  return key && key.length === BOX_BYTES ? frame('knock', meetingId, key) : null;
}

/** Reads a note's frame from a peer; null for anything that is not one (nothing is opened). */
export function readHandoff(note: Uint8Array): HandoffNote | KnockNote | null {
  if (note.length < 3 || note[0] !== VERSION) return null;
  const kind = KIND_NAMES.find((name) => KINDS[name] === note[1]);
  if (!kind) return null;
  const idLength = note[2]!;
  const start = 3 + idLength;
  let meetingId: string | null = null;
  try {
    meetingId = safeId(new TextDecoder('utf-8', { fatal: true }).decode(note.subarray(3, start)));
  } catch {
    return null;
  }
  if (meetingId === null) return null;
  if (kind === 'knock') {
    if (note.length !== start + BOX_BYTES) return null;
    return { kind, meetingId, box: toBase64(note.subarray(start)) };
  }
  const sealedAt = start + IV_BYTES;
  if (note.length < sealedAt + TAG_BYTES || note.length - sealedAt > MAX_SEALED_BYTES) return null;
  return { kind, meetingId, iv: note.slice(start, sealedAt), sealed: note.slice(sealedAt) };
}

/** Opens a note with the meeting's handoff key; null when it does not open (not sealed with it). */
export async function openHandoff(key: CryptoKey, note: HandoffNote): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(
      await globalThis.crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: Uint8Array.from(note.iv),
          additionalData: additionalData(note.kind, note.meetingId),
        },
        key,
        Uint8Array.from(note.sealed),
      ),
    );
  } catch {
    return null;
  }
}

function additionalData(kind: HandoffKind, meetingId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`kring/meeting-handoff/v1/${kind}/${meetingId}`);
}

/** How often a panel answers asks: once per peer and meeting within `perPeerMs`, and `perMinute` in all. */
export const ANSWER_LIMITS = { perPeerMs: 5_000, perMinute: 16 } as const;

/**
 * The answering panel's bounds: an answer is the whole meeting for a member who has nothing, so
 * a peer that asks again and again (with the key: a member of the meeting) must not make this
 * panel seal and send it again and again.
 */
export class HandoffAnswers {
  private readonly lastByPeer = new Map<string, number>();
  private recent: number[] = [];

  /** Whether `peerId` may be answered for `meetingId` now; if so, counts the answer. */
  take(peerId: string, meetingId: string, now: number): boolean {
    const key = `${peerId}\u0000${meetingId}`;
    const last = this.lastByPeer.get(key);
    if (last !== undefined && now - last < ANSWER_LIMITS.perPeerMs) return false;
    this.recent = this.recent.filter((at) => now - at < 60_000);
    if (this.recent.length >= ANSWER_LIMITS.perMinute) return false;
    this.recent.push(now);
    for (const [k, at] of this.lastByPeer) {
      if (now - at >= ANSWER_LIMITS.perPeerMs) this.lastByPeer.delete(k);
    }
    this.lastByPeer.set(key, now);
    return true;
  }

  /**
   * An answer taken for `peerId` did not leave (its data channel closed meanwhile): that peer
   * may be answered again once it reconnects. The answer still counts towards `perMinute`.
   */
  giveBack(peerId: string, meetingId: string): void {
    this.lastByPeer.delete(`${peerId}\u0000${meetingId}`);
  }
}

/** What a session lends the desk: the lobby's notes and the meetings it holds. */
export interface HandoffPort {
  readonly clock: Clock;
  /** The lobby's notes to single peers; null without a lobby or a room that carries none. */
  lobbyNotes(): PeerNotes | null;
  /**
   * A meeting this panel holds and has the key of: its document, its key, and whether this panel
   * lets members in (its chair, or the doorkeeper); null otherwise.
   */
  heldMeeting(
    meetingId: string,
  ): { readonly doc: Y.Doc; readonly key: Uint8Array; letsIn(): boolean } | null;
}

/** The origin of a state applied from a note: news from another panel, as a room's update is. */
export const HANDOFF_ORIGIN = Symbol('kring-handoff');

/** Knocks a panel keeps heard over notes (each names at most MAX_KNOCK_PEERS peers). */
const MAX_KNOCKS = 64;
const MAX_KNOCK_PEERS = 3;
/** The state vector of a document with nothing in it: a knocker holds none of the meeting. */
const EMPTY_VECTOR = Uint8Array.of(0);

/** A knock heard over notes, or let in by this panel before its note came. */
interface Knocker {
  meetingId: string;
  /** The peers that told of it (the knocker's own data channels to this panel). */
  peers: Set<string>;
  /** The peers the state went to. */
  sent: Set<string>;
  at: number;
  admitted: boolean;
}

/** A meeting's whole state sealed as a note, the state vector it was sealed at, and when. */
interface SealedWhole {
  vector: Uint8Array;
  sealed: Promise<Uint8Array | null>;
  at: number;
}

/**
 * One session's side of the handoff. As a knocker: it tells the lobby's peers of its knock,
 * keeps a state that arrives before its key, and once let in applies it or asks for one. As the
 * panel that lets members in: it sends the meeting's state to a knocker's peers right after
 * letting them in, and answers asks.
 */
export class HandoffDesk {
  /** This member's knock: the peers told of it, and a state that came before the key. */
  private knocking: {
    meetingId: string;
    box: string;
    told: Set<string>;
    kept: HandoffNote[];
  } | null = null;
  /** The meeting this member was let into, whose changes it takes over the lobby until `until`. */
  private bridged: { meetingId: string; until: number } | null = null;
  /**
   * Per meeting, the peers this panel passes its changes on to (the members it sent a state),
   * each until when, and the listener on the meeting's document.
   */
  private readonly bridges = new Map<
    string,
    { doc: Y.Doc; peers: Map<string, number>; off: () => void }
  >();
  private asking: { meetingId: string; asked: Set<string>; until: number } | null = null;
  /** Knocks heard from peers, by box: whom to send the state to when that knock is let in. */
  private readonly knockers = new Map<string, Knocker>();
  /**
   * The latest whole state of each meeting this panel lets members into, sealed: the same note
   * serves every knocker and every ask from nothing while the meeting does not change.
   */
  private readonly wholes = new Map<string, SealedWhole>();
  private readonly answers = new HandoffAnswers();
  private readonly keys = new Map<string, { raw: Uint8Array; key: Promise<CryptoKey> }>();
  private stopped = false;
  /** How many states this desk applied, sent, sealed whole and passed on (for tests). */
  readonly counts = { applied: 0, answered: 0, sealed: 0, passedOn: 0 };

  constructor(private readonly port: HandoffPort) {}

  /** This member knocks on `meetingId` with the box `box`: the lobby's peers are told. */
  knock(meetingId: string, box: string): void {
    if (this.stopped) return;
    if (this.knocking?.meetingId !== meetingId || this.knocking.box !== box) {
      this.knocking = { meetingId, box, told: new Set(), kept: [] };
    }
    this.tellNewPeers();
  }

  /** This member was just let into `meetingId`: a state kept, else ask the lobby's peers. */
  ask(meetingId: string): void {
    if (this.stopped) return;
    const kept = this.knocking?.meetingId === meetingId ? this.knocking.kept : [];
    this.knocking = null;
    const now = this.port.clock.now();
    const asking = { meetingId, asked: new Set<string>(), until: now + HANDOFF_ASK_MS };
    this.asking = asking;
    this.bridged = { meetingId, until: now + HANDOFF_BRIDGE_MS };
    if (kept.length === 0) {
      this.askNewPeers();
      return;
    }
    // The state sent right after the answer is here already (and what changed since): asked for
    // only if it fails.
    void Promise.all(kept.map((note) => this.take(note))).then(() => this.askNewPeers());
  }

  /** The lobby's connections changed: peers that connected since are told and asked too. */
  askNewPeers(): void {
    this.tellNewPeers();
    const asking = this.asking;
    const notes = this.port.lobbyNotes();
    if (!asking || !notes || this.stopped) return;
    if (this.port.clock.now() > asking.until) {
      this.asking = null;
      return;
    }
    const held = this.port.heldMeeting(asking.meetingId);
    if (!held) return;
    const peers = this.openPeers(notes, asking.asked).filter((peer) => !asking.asked.has(peer));
    if (peers.length === 0) return;
    for (const peer of peers) asking.asked.add(peer);
    const vector = Y.encodeStateVector(held.doc);
    void this.keyFor(asking.meetingId, held.key)
      .then((key) => sealHandoff(key, 'ask', asking.meetingId, vector))
      .then((note) => {
        if (this.asking !== asking || this.stopped) return;
        for (const peer of peers) notes.send(peer, note);
      });
  }

  /**
   * This panel is letting the knock with box `box` into `meetingId` (called as its answer is
   * being sealed): the peers that told of it get the meeting's state as soon as it is sealed
   * (only the key being given opens it). Usually it was, when the knock note came; where the
   * knock reached this panel before its note, it is sealed now, so that the note, or the
   * knocker's ask, finds it ready.
   */
  admitted(meetingId: string, box: string): void {
    if (this.stopped) return;
    const ready = this.sealedWhole(meetingId);
    const knocker = this.knockers.get(box);
    if (!knocker || knocker.meetingId !== meetingId) {
      // The knock reached this panel through another member before the knocker's own data
      // channel to it opened: its knock note may follow.
      this.knockers.set(box, this.newKnocker(meetingId, true));
      this.pruneOld();
      return;
    }
    knocker.admitted = true;
    for (const peer of knocker.peers)
      void this.sendState(meetingId, peer, EMPTY_VECTOR, { knocker, ready });
  }

  /** A note from a lobby peer. Anything that does not open is dropped without a word. */
  receive(peerId: string, bytes: Uint8Array): void {
    const note = readHandoff(bytes);
    if (!note || this.stopped) return;
    traceMark(`handoff-${note.kind}-in`);
    if (note.kind === 'knock') this.heardKnock(peerId, note);
    else if (note.kind === 'ask') void this.answer(peerId, note);
    else if (this.takes(note.meetingId)) void this.take(note);
    else if (this.knocking?.meetingId === note.meetingId && this.knocking.kept.length < MAX_KEPT) {
      this.knocking.kept.push(note);
    }
  }

  /** Whether a state for `meetingId` is taken now: asked for, or passed on over a bridge. */
  private takes(meetingId: string): boolean {
    if (this.asking?.meetingId === meetingId) return true;
    const bridged = this.bridged;
    if (bridged === null || bridged.meetingId !== meetingId) return false;
    if (this.port.clock.now() <= bridged.until) return true;
    this.bridged = null;
    return false;
  }

  /** The lobby's peers with an open data channel, and the peers of `sent` that are no longer. */
  private openPeers(notes: PeerNotes, sent: Set<string>): string[] {
    const open = notes.peers();
    // A peer whose channel closed is told or asked again when it reconnects (a connection
    // replaced after two offers crossed, or a network that dropped it for a moment).
    for (const peer of sent) if (!open.includes(peer)) sent.delete(peer);
    return open;
  }

  /** The session ends: nothing more is asked, answered or applied. */
  stop(): void {
    this.stopped = true;
    this.asking = null;
    this.bridged = null;
    this.knocking = null;
    for (const bridge of this.bridges.values()) bridge.off();
    this.bridges.clear();
    this.knockers.clear();
    this.wholes.clear();
  }

  private tellNewPeers(): void {
    const knocking = this.knocking;
    const notes = this.port.lobbyNotes();
    if (!knocking || !notes || this.stopped) return;
    const peers = this.openPeers(notes, knocking.told).filter((peer) => !knocking.told.has(peer));
    const note = peers.length > 0 ? knockNote(knocking.meetingId, knocking.box) : null;
    if (!note) return;
    for (const peer of peers) {
      knocking.told.add(peer);
      notes.send(peer, note);
    }
  }

  private heardKnock(peerId: string, note: KnockNote): void {
    this.pruneOld();
    let knocker = this.knockers.get(note.box);
    if (!knocker || knocker.meetingId !== note.meetingId) {
      if (this.knockers.size >= MAX_KNOCKS) return;
      knocker = this.newKnocker(note.meetingId, false);
      this.knockers.set(note.box, knocker);
      // Sealed now: the knock reaches the lobby a little later, and its answer then waits for
      // nothing but itself.
      void this.sealedWhole(note.meetingId);
    }
    if (!knocker.peers.has(peerId)) {
      if (knocker.peers.size >= MAX_KNOCK_PEERS) return;
      knocker.peers.add(peerId);
    }
    // Let in already (the knock came another way first, or the channel it went over closed
    // since): the state goes now.
    if (knocker.admitted && !knocker.sent.has(peerId)) {
      const ready = this.sealedWhole(knocker.meetingId);
      void this.sendState(knocker.meetingId, peerId, EMPTY_VECTOR, { knocker, ready });
    }
  }

  private newKnocker(meetingId: string, admitted: boolean): Knocker {
    return {
      meetingId,
      peers: new Set(),
      sent: new Set(),
      at: this.port.clock.now(),
      admitted,
    };
  }

  /**
   * The meeting's whole state sealed as a note: the one sealed before while nothing was written
   * since, else sealed now. Undefined where this panel does not let members into it.
   */
  private sealedWhole(meetingId: string): Promise<Uint8Array | null> | undefined {
    const held = this.port.heldMeeting(meetingId);
    if (!held?.letsIn() || this.stopped) return undefined;
    const vector = Y.encodeStateVector(held.doc);
    const known = this.wholes.get(meetingId);
    if (known && sameBytes(known.vector, vector)) return known.sealed;
    const update = Y.encodeStateAsUpdate(held.doc);
    this.counts.sealed += 1;
    const sealed = this.keyFor(meetingId, held.key)
      .then((key) => sealHandoff(key, 'state', meetingId, update))
      .catch(() => null);
    // One per meeting this panel holds, replaced when the meeting changed.
    this.wholes.set(meetingId, { vector, sealed, at: this.port.clock.now() });
    return sealed;
  }

  /** Drops knocks and sealed states older than HANDOFF_ASK_MS, and the oldest knocks past MAX_KNOCKS. */
  private pruneOld(): void {
    const now = this.port.clock.now();
    for (const [box, knocker] of this.knockers) {
      if (now - knocker.at > HANDOFF_ASK_MS) this.knockers.delete(box);
    }
    for (const [meetingId, whole] of this.wholes) {
      if (now - whole.at > HANDOFF_ASK_MS) this.wholes.delete(meetingId);
    }
    while (this.knockers.size > MAX_KNOCKS) {
      const oldest = this.knockers.keys().next();
      if (oldest.done) break;
      this.knockers.delete(oldest.value);
    }
  }

  private async answer(peerId: string, note: HandoffNote): Promise<void> {
    const held = this.port.heldMeeting(note.meetingId);
    if (!held?.letsIn()) return;
    const vector = await openHandoff(await this.keyFor(note.meetingId, held.key), note);
    if (!vector) return;
    // An ask from nothing (a member just let in) gets the whole state, often sealed already.
    const ready = sameBytes(vector, EMPTY_VECTOR) ? this.sealedWhole(note.meetingId) : undefined;
    await this.sendState(note.meetingId, peerId, vector, { ready });
  }

  /**
   * Sends `peerId` the part of the meeting its state vector lacks, within the answer bounds;
   * `ready` is the whole state sealed ahead (`sealedWhole`), for a vector of nothing; `knocker` notes
   * whom its state reached. A send that fails (the channel closed) gives the answer back.
   */
  private async sendState(
    meetingId: string,
    peerId: string,
    vector: Uint8Array,
    {
      knocker = null,
      ready,
    }: { knocker?: Knocker | null; ready?: Promise<Uint8Array | null> } = {},
  ): Promise<void> {
    const held = this.port.heldMeeting(meetingId);
    if (!held?.letsIn() || this.stopped) return;
    // A peer whose channel closed gets it when it tells of its knock, or asks, again.
    if (!this.port.lobbyNotes()?.peers().includes(peerId)) return;
    if (!this.answers.take(peerId, meetingId, this.port.clock.now())) return;
    let reply = (await ready?.catch(() => null)) ?? null;
    if (!reply) {
      let update: Uint8Array;
      try {
        update = Y.encodeStateAsUpdate(held.doc, vector);
      } catch {
        return; // not a state vector, though sealed with the key: a broken panel of the meeting
      }
      reply = await sealHandoff(await this.keyFor(meetingId, held.key), 'state', meetingId, update);
    }
    if (this.stopped) return;
    if (this.port.lobbyNotes()?.send(peerId, reply)) {
      traceMark('handoff-state-sent');
      this.counts.answered += 1;
      knocker?.sent.add(peerId);
      this.bridge(meetingId, held.doc, peerId);
    } else {
      this.answers.giveBack(peerId, meetingId);
    }
  }

  /**
   * Passes the changes of `meetingId` on to `peerId` for HANDOFF_BRIDGE_MS from now: a member
   * this panel just sent its state, whose meeting room has not connected yet.
   */
  private bridge(meetingId: string, doc: Y.Doc, peerId: string): void {
    let bridge = this.bridges.get(meetingId);
    if (bridge?.doc !== doc) {
      bridge?.off();
      const onUpdate = (update: Uint8Array): void => void this.passOn(meetingId, update);
      doc.on('update', onUpdate);
      bridge = { doc, peers: new Map(), off: () => doc.off('update', onUpdate) };
      this.bridges.set(meetingId, bridge);
    }
    bridge.peers.set(peerId, this.port.clock.now() + HANDOFF_BRIDGE_MS);
  }

  /**
   * A change of a bridged meeting, from anyone: sealed once, sent to each bridged peer whose
   * channel is open. A change lost here reaches them with their meeting room's first sync.
   */
  private async passOn(meetingId: string, update: Uint8Array): Promise<void> {
    const bridge = this.bridges.get(meetingId);
    if (!bridge || this.stopped) return;
    const now = this.port.clock.now();
    for (const [peer, until] of bridge.peers) if (now > until) bridge.peers.delete(peer);
    if (bridge.peers.size === 0) {
      bridge.off();
      this.bridges.delete(meetingId);
      return;
    }
    const held = this.port.heldMeeting(meetingId);
    if (!held) return;
    const peers = [...bridge.peers.keys()];
    const note = await sealHandoff(
      await this.keyFor(meetingId, held.key),
      'state',
      meetingId,
      update,
    );
    const notes = this.port.lobbyNotes();
    if (this.stopped || !notes) return;
    for (const peer of peers) if (notes.send(peer, note)) this.counts.passedOn += 1;
  }

  private async take(note: HandoffNote): Promise<void> {
    if (!this.takes(note.meetingId)) return;
    const held = this.port.heldMeeting(note.meetingId);
    if (!held) return;
    const update = await openHandoff(await this.keyFor(note.meetingId, held.key), note);
    if (!update || this.stopped) return;
    // Asked no more once something opened: the rest comes with it, or over the bridge.
    if (this.asking?.meetingId === note.meetingId) this.asking = null;
    traceMark('handoff-state-opened');
    // The first read of the whole meeting follows at once: its signatures are verified first,
    // natively where the browser can (a fast path only: nothing is refused there).
    await vouchAhead(held.doc, update);
    traceMark('handoff-state-vouched');
    if (this.stopped) return;
    try {
      Y.applyUpdate(held.doc, update, HANDOFF_ORIGIN);
      traceMark('handoff-state-applied');
      this.counts.applied += 1;
    } catch {
      // Sealed with the key, yet not an update: the meeting's room brings the meeting instead.
    }
  }

  private keyFor(meetingId: string, raw: Uint8Array): Promise<CryptoKey> {
    const known = this.keys.get(meetingId);
    if (known && sameBytes(known.raw, raw)) return known.key;
    const key = deriveHandoffKey(raw);
    this.keys.set(meetingId, { raw, key });
    return key;
  }
}
