/**
 * y-webrtc sends every protocol message as one WebRTC data-channel message, and the whole
 * meeting in one when a member joins or reloads (sync step 2). Chromium refuses a message over
 * 256 KiB and y-webrtc swallows the error: a member reloading a 266 KB meeting waited on
 * "Loading the meeting…" for good. So a message larger than FRAME_BYTES travels as numbered
 * frames and is put back together on the other side (patches/y-webrtc+10.3.0.patch calls this
 * through peer-framing.ts). 16 KiB is the message size every WebRTC implementation accepts.
 *
 * A frame is MAGIC, then the message id, the frame's index and the frame count (each a uint32,
 * big-endian), then its part of the message. Smaller messages go as they are: a y-webrtc message
 * starts with its type, a varuint below 128, so it never starts with MAGIC[0].
 *
 * Frames come from peers, so they are untrusted: a frame that does not fit is dropped without
 * throwing, and what is held for unfinished messages is bounded (AssemblerLimits).
 */
import { LIMITS } from '../util/limits';

export const FRAME_BYTES = 16 * 1024;
const MAGIC = [0xff, 0x4b] as const;
export const FRAME_HEADER_BYTES = MAGIC.length + 12;

/**
 * The message as it goes on the wire: itself when it fits in one data-channel message, else
 * frames of at most `frameBytes` each, tagged with `id` (taken as a uint32; the sender counts).
 */
export function splitMessage(
  message: Uint8Array,
  id: number,
  frameBytes = FRAME_BYTES,
): Uint8Array[] {
  if (message.length <= frameBytes) return [message];
  const partBytes = frameBytes - FRAME_HEADER_BYTES;
  const count = Math.ceil(message.length / partBytes);
  const frames: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const part = message.subarray(index * partBytes, (index + 1) * partBytes);
    const frame = new Uint8Array(FRAME_HEADER_BYTES + part.length);
    const header = new DataView(frame.buffer);
    frame.set(MAGIC, 0);
    header.setUint32(2, id >>> 0);
    header.setUint32(6, index);
    header.setUint32(10, count);
    frame.set(part, FRAME_HEADER_BYTES);
    frames.push(frame);
  }
  return frames;
}

export interface AssemblerLimits {
  /** The largest message put back together, and the most bytes held for unfinished ones. */
  readonly maxMessageBytes: number;
  /** The most frames one message may announce. */
  readonly maxFrames: number;
  /** Unfinished messages held at once; one more drops the oldest. */
  readonly maxUnfinished: number;
  /** An unfinished message that gets no frame for this long is dropped. */
  readonly staleMs: number;
}

/**
 * Twice the document limit: the sync of a meeting that concurrent writes pushed a little past
 * the limit still arrives, and a peer cannot make a member hold more than this per connection.
 */
const MAX_MESSAGE_BYTES = 2 * LIMITS.meetingDocumentBytes;

export const DEFAULT_ASSEMBLER_LIMITS: AssemblerLimits = {
  maxMessageBytes: MAX_MESSAGE_BYTES,
  maxFrames: Math.ceil(MAX_MESSAGE_BYTES / (FRAME_BYTES - FRAME_HEADER_BYTES)),
  // One sender's frames arrive in order and back to back (each message is sent in one go on an
  // ordered channel), so more than one unfinished message at a time only comes from a bad peer.
  maxUnfinished: 4,
  staleMs: 30_000,
};

interface Unfinished {
  readonly parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
  lastFrameAt: number;
}

/** Puts one connection's messages back together from what arrives on its data channel. */
export class ChunkAssembler {
  private readonly unfinished = new Map<number, Unfinished>();
  private held = 0;
  private droppedFrames = 0;

  constructor(private readonly limits: AssemblerLimits = DEFAULT_ASSEMBLER_LIMITS) {}

  /**
   * Takes what arrived: returns a whole message (an unframed one at once, a framed one with its
   * last frame), or null while a message is unfinished or when the input was dropped.
   */
  receive(data: Uint8Array, now: number): Uint8Array | null {
    this.dropStale(now);
    if (data.length === 0) return this.drop();
    if (data[0] !== MAGIC[0]) return data;
    if (data.length <= FRAME_HEADER_BYTES || data[1] !== MAGIC[1]) return this.drop();
    const header = new DataView(data.buffer, data.byteOffset, FRAME_HEADER_BYTES);
    const id = header.getUint32(2);
    const index = header.getUint32(6);
    const count = header.getUint32(10);
    if (count < 2 || count > this.limits.maxFrames || index >= count) return this.drop();
    let message = this.unfinished.get(id);
    if (message && message.parts.length !== count) {
      this.forget(id, message);
      return this.drop();
    }
    if (!message) {
      message = {
        parts: new Array<Uint8Array | undefined>(count),
        received: 0,
        bytes: 0,
        lastFrameAt: now,
      };
      this.unfinished.set(id, message);
      this.evictOldest();
    }
    if (message.parts[index] !== undefined) return this.drop();
    const part = data.slice(FRAME_HEADER_BYTES);
    if (!this.makeRoom(message, part.length)) {
      this.forget(id, message);
      return this.drop();
    }
    message.parts[index] = part;
    message.received++;
    message.bytes += part.length;
    message.lastFrameAt = now;
    this.held += part.length;
    if (message.received < count) return null;
    this.forget(id, message);
    const whole = new Uint8Array(message.bytes);
    let offset = 0;
    for (const p of message.parts) {
      if (p === undefined) return null; // unreachable: every index was counted once
      whole.set(p, offset);
      offset += p.length;
    }
    return whole;
  }

  /** How far the furthest unfinished message is (0 to 1), or null when none is arriving. */
  progress(now: number): number | null {
    this.dropStale(now);
    let best: number | null = null;
    for (const message of this.unfinished.values()) {
      const share = message.received / message.parts.length;
      if (best === null || share > best) best = share;
    }
    return best;
  }

  /** Bytes held for unfinished messages now. */
  get heldBytes(): number {
    return this.held;
  }

  /** Frames and messages dropped so far (for tests: garbage must not pass unnoticed). */
  get dropped(): number {
    return this.droppedFrames;
  }

  private drop(): null {
    this.droppedFrames++;
    return null;
  }

  private forget(id: number, message: Unfinished): void {
    this.unfinished.delete(id);
    this.held -= message.bytes;
  }

  /**
   * Drops older unfinished messages until `bytes` more fit; false when they do not fit even then.
   * A sender finishes one message before the next, so the newest is the one worth keeping.
   */
  private makeRoom(keep: Unfinished, bytes: number): boolean {
    while (this.held + bytes > this.limits.maxMessageBytes) {
      const [id, oldest] = this.unfinished.entries().next().value ?? [];
      if (id === undefined || oldest === undefined || oldest === keep) return false;
      this.forget(id, oldest);
      this.droppedFrames++;
    }
    return true;
  }

  private evictOldest(): void {
    while (this.unfinished.size > this.limits.maxUnfinished) {
      const [id, message] = this.unfinished.entries().next().value ?? [];
      if (id === undefined || message === undefined) return;
      this.forget(id, message);
      this.droppedFrames++;
    }
  }

  private dropStale(now: number): void {
    for (const [id, message] of [...this.unfinished]) {
      if (now - message.lastFrameAt < this.limits.staleMs) continue;
      this.forget(id, message);
      this.droppedFrames++;
    }
  }
}
