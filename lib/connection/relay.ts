/**
 * The end-to-end encrypted relay: what patches/y-webrtc+10.3.0.patch calls (its `relay` provider
 * option) to send a room's y-webrtc messages through the signaling server to peers it has no
 * direct connection to (whom: relay-plan.ts).
 *
 * A relayed message is a signaling payload like y-webrtc's announce and signal, so the patch
 * encrypts it the same way, with the room's AES-GCM key (never without one), before it leaves:
 * the server relays ciphertext. Inside, the envelope is
 * `{ type: 'relay', from, relayTo: [peer ids], m: bytes, hello?: true, clientID }`:
 * `m` is one frame of a y-webrtc message (sync step 1 or 2, update, presence, presence query),
 * split as data channels split them (message-chunks.ts) so that a publish stays under the
 * server's frame limit; `relayTo` names every recipient, so that one publish serves them all
 * and a recipient does not relay the message again to those who had it; `hello` asks the
 * recipient to answer with its own sync step 1 (a relay that starts or restarts syncs both
 * ways). Each socket's sends are paced under the server's rate limit (relay-pacer.ts).
 *
 * Envelopes come from peers and the network: each is decoded with guards, frames are put back
 * together per sender with the data channels' bounds, and only document and presence messages
 * are read.
 */
import { isRecord } from '../util/guards';
import { FRAME_BYTES, splitMessage } from './message-chunks';
import type { PeerFraming, RoomFraming } from './peer-framing';
import { MAX_RELAY_PEERS, PeerBook } from './relay-plan';
import type { RelayPacer } from './relay-pacer';

/**
 * The largest frame relayed: 16 KiB of message becomes about 22 KiB on the wire (encoding,
 * AES-GCM, base64, the JSON around it), well under the server's 64 KiB frame limit.
 */
export const RELAY_FRAME_BYTES = FRAME_BYTES;

/** The longest peer id accepted (y-webrtc's are UUIDs, 36 characters). */
const MAX_PEER_ID_LENGTH = 64;

/**
 * The y-webrtc message types a relay carries: sync (0), presence (1), presence query (3). A
 * peer's BroadcastChannel id (4) is for this browser's tabs only and is never read from a relay.
 */
const RELAYED_TYPES: ReadonlySet<number> = new Set([0, 1, 3]);

/** Senders whose unfinished frames a room holds at once; one more forgets the oldest. */
const MAX_INBOXES = 16;

/** One relayed frame, decoded. */
export interface RelayEnvelope {
  readonly from: string;
  readonly relayTo: readonly string[];
  readonly part: Uint8Array;
  readonly hello: boolean;
}

/** What the y-webrtc patch calls; declared again in its d.ts as `ProviderOptions['relay']`. */
export interface RelayPort {
  /** Every signaling message (decrypted) from another peer: it is there. */
  heard(data: unknown): void;
  /** A relayed frame: the whole message for `self` once its last frame came, else null. */
  receive(data: unknown, self: string): Uint8Array | null;
  /** The frames one message is relayed in. */
  split(message: Uint8Array): Uint8Array[];
  /** Runs `send` (one publish on the socket to `url`) when that socket's budget allows. */
  schedule(url: string, send: () => void): void;
}

/** Decodes a relayed envelope; null when anything does not fit. */
export function decodeRelayEnvelope(data: unknown): RelayEnvelope | null {
  if (!isRecord(data) || data.type !== 'relay') return null;
  const from = peerId(data.from);
  const part = data.m;
  if (from === null || !(part instanceof Uint8Array)) return null;
  if (part.length === 0 || part.length > RELAY_FRAME_BYTES) return null;
  if (!Array.isArray(data.relayTo) || data.relayTo.length === 0) return null;
  if (data.relayTo.length > MAX_RELAY_PEERS) return null;
  const relayTo: string[] = [];
  for (const item of data.relayTo) {
    const id = peerId(item);
    if (id === null) return null;
    relayTo.push(id);
  }
  return { from, relayTo, part, hello: data.hello === true };
}

/** A Yjs client id as a peer states it (an unsigned 32-bit integer), or null. */
export function decodeClientId(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 32
    ? value
    : null;
}

/** Whether a whole relayed message is one a relay may carry (RELAYED_TYPES). */
export function isRelayedMessage(message: Uint8Array): boolean {
  return message.length > 0 && RELAYED_TYPES.has(message[0]!);
}

/** Counts for tests and the panel's diagnostics. */
export interface RelayCounts {
  /** Frames handed to the pacer to send. */
  readonly framesOut: number;
  /** Relayed frames addressed to us that were accepted. */
  readonly framesIn: number;
  /** Whole messages put together and read. */
  readonly messagesIn: number;
}

/** One room's relay: the patch's port, the room's peer book, and what arrives per sender. */
export class RoomRelay implements RelayPort {
  readonly book = new PeerBook();
  private readonly inboxes = new Map<string, PeerFraming>();
  private nextId = 0;
  private counts = { framesOut: 0, framesIn: 0, messagesIn: 0 };

  /**
   * @param framing the room's framing: relayed messages count in its receive progress
   * @param pacer the pacer of the socket to a signaling server (shared by the rooms on it)
   * @param now the time
   * @param onRelayedToUs a peer relayed a message to us (RP3: relay back now, not at the next
   *   poll); called while the patch reads the message, so it must not send anything itself
   */
  constructor(
    private readonly framing: RoomFraming,
    private readonly pacer: (url: string) => RelayPacer,
    private readonly now: () => number,
    private readonly onRelayedToUs: (from: string) => void,
  ) {}

  heard(data: unknown): void {
    if (!isRecord(data)) return;
    const from = peerId(data.from);
    if (from === null) return;
    const relayed = data.type === 'relay';
    this.book.heard(from, decodeClientId(data.clientID), this.now(), relayed);
  }

  receive(data: unknown, self: string): Uint8Array | null {
    const envelope = decodeRelayEnvelope(data);
    if (envelope === null || !envelope.relayTo.includes(self)) return null;
    this.counts.framesIn++;
    const message = this.inbox(envelope.from).receive(envelope.part);
    if (message === null || !isRelayedMessage(message)) return null;
    this.counts.messagesIn++;
    this.onRelayedToUs(envelope.from);
    return message;
  }

  split(message: Uint8Array): Uint8Array[] {
    return splitMessage(message, this.nextId++, RELAY_FRAME_BYTES);
  }

  schedule(url: string, send: () => void): void {
    if (this.pacer(url).schedule(send)) this.counts.framesOut++;
  }

  /** Forgets what arrived from peers no longer known. */
  prune(): void {
    const known = new Set(this.book.known());
    for (const [from, inbox] of this.inboxes) {
      if (known.has(from)) continue;
      inbox.close();
      this.inboxes.delete(from);
    }
  }

  /** Forgets everything held (the room closes). */
  close(): void {
    for (const inbox of this.inboxes.values()) inbox.close();
    this.inboxes.clear();
  }

  relayCounts(): RelayCounts {
    return { ...this.counts };
  }

  private inbox(from: string): PeerFraming {
    let inbox = this.inboxes.get(from);
    if (inbox) {
      // most recently used last, so that the first is the one to forget
      this.inboxes.delete(from);
      this.inboxes.set(from, inbox);
      return inbox;
    }
    if (this.inboxes.size >= MAX_INBOXES) {
      const [oldest, held] = this.inboxes.entries().next().value ?? [];
      if (oldest !== undefined && held !== undefined) {
        held.close();
        this.inboxes.delete(oldest);
      }
    }
    inbox = this.framing.connection();
    this.inboxes.set(from, inbox);
    return inbox;
  }
}

function peerId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PEER_ID_LENGTH
    ? value
    : null;
}
