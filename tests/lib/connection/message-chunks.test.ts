import { describe, expect, it } from 'vitest';
import {
  ChunkAssembler,
  DEFAULT_ASSEMBLER_LIMITS,
  FRAME_BYTES,
  FRAME_HEADER_BYTES,
  splitMessage,
} from '../../../lib/connection/message-chunks';
import type { AssemblerLimits } from '../../../lib/connection/message-chunks';
import { fuzzSeeds, seeded } from '../helpers/seeded';

/** A message of `length` bytes whose content shows where each byte came from. */
function message(length: number, salt = 0): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + salt) & 0xff);
}

/** A frame header written by hand, for frames no honest sender makes. */
function frame(id: number, index: number, count: number, body: Uint8Array, magic = [0xff, 0x4b]) {
  const bytes = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  const view = new DataView(bytes.buffer);
  bytes.set(magic, 0);
  view.setUint32(2, id);
  view.setUint32(6, index);
  view.setUint32(10, count);
  bytes.set(body, FRAME_HEADER_BYTES);
  return bytes;
}

function deliver(assembler: ChunkAssembler, frames: readonly Uint8Array[], now = 0) {
  return frames.map((f) => assembler.receive(f, now)).filter((m) => m !== null);
}

const SMALL: AssemblerLimits = {
  maxMessageBytes: 1000,
  maxFrames: 50,
  maxUnfinished: 2,
  staleMs: 100,
};

describe('splitting a message', () => {
  it.each([
    { what: 'an empty message', length: 0, count: 1 },
    { what: 'a one-byte message', length: 1, count: 1 },
    { what: 'a message of exactly one frame', length: FRAME_BYTES, count: 1 },
    { what: 'a message one byte over a frame', length: FRAME_BYTES + 1, count: 2 },
    { what: 'a 266 KB sync (over Chromium’s 256 KiB)', length: 266_000, count: 17 },
    { what: 'a 1 MB sync', length: 1_000_000, count: 62 },
  ])(
    'sends $what in $count data-channel message(s) of at most FRAME_BYTES',
    ({ length, count }) => {
      const frames = splitMessage(message(length), 7);
      expect(frames).toHaveLength(count);
      for (const f of frames) expect(f.length).toBeLessThanOrEqual(FRAME_BYTES);
    },
  );

  it('sends a message that fits in one data-channel message as it is, so y-webrtc reads it as before', () => {
    const small = message(FRAME_BYTES);
    expect(splitMessage(small, 1)[0]).toBe(small);
  });

  it.each([0, 1, 3, 4])('never mistakes a y-webrtc message of type %i for a frame', (type) => {
    const m = message(100);
    m[0] = type;
    const assembler = new ChunkAssembler();
    expect(assembler.receive(m, 0)).toBe(m);
    expect(assembler.dropped).toBe(0);
  });
});

describe('putting a message back together', () => {
  it.each([FRAME_BYTES + 1, 266_000, 1_000_000, DEFAULT_ASSEMBLER_LIMITS.maxMessageBytes])(
    'gives back a message of %i bytes whole, with its last frame',
    (length) => {
      const original = message(length, 5);
      const frames = splitMessage(original, 42);
      const assembler = new ChunkAssembler();
      const out = frames.map((f) => assembler.receive(f, 0));
      expect(out.slice(0, -1).every((m) => m === null)).toBe(true);
      expect(same(out.at(-1), original)).toBe(true);
      expect(assembler.heldBytes).toBe(0);
      expect(assembler.dropped).toBe(0);
    },
  );

  it('takes frames in any order', () => {
    const original = message(5 * FRAME_BYTES, 9);
    const frames = splitMessage(original, 3).reverse();
    const [whole] = deliver(new ChunkAssembler(), frames);
    expect(same(whole, original)).toBe(true);
  });

  it('tells how far the message now arriving is, and nothing once it is whole', () => {
    const frames = splitMessage(message(4 * (FRAME_BYTES - FRAME_HEADER_BYTES)), 1);
    const assembler = new ChunkAssembler();
    expect(assembler.progress(0)).toBeNull();
    assembler.receive(frames[0]!, 0);
    expect(assembler.progress(0)).toBe(0.25);
    assembler.receive(frames[1]!, 0);
    assembler.receive(frames[2]!, 0);
    expect(assembler.progress(0)).toBe(0.75);
    assembler.receive(frames[3]!, 0);
    expect(assembler.progress(0)).toBeNull();
  });

  it('tells apart two messages whose frames arrive interleaved', () => {
    const a = message(3 * FRAME_BYTES, 1);
    const b = message(2 * FRAME_BYTES, 2);
    const fa = splitMessage(a, 10);
    const fb = splitMessage(b, 11);
    const mixed = [fa[0]!, fb[0]!, fa[1]!, fb[1]!, fb[2]!, fa[2]!, fa[3]!];
    const out = deliver(new ChunkAssembler(), mixed);
    expect(out).toHaveLength(2);
    expect(same(out[0], b) && same(out[1], a)).toBe(true);
  });
});

describe('frames from a peer that cannot be trusted', () => {
  const body = message(10);
  it.each([
    ['nothing at all', new Uint8Array(0)],
    ['the marker alone', Uint8Array.of(0xff)],
    ['a header without a body', frame(1, 0, 2, new Uint8Array(0))],
    ['a wrong second marker byte', frame(1, 0, 2, body, [0xff, 0x00])],
    ['a count of zero', frame(1, 0, 0, body)],
    ['a count of one', frame(1, 0, 1, body)],
    ['an index past the count', frame(1, 2, 2, body)],
    [
      'more frames than a message may have',
      frame(1, 0, DEFAULT_ASSEMBLER_LIMITS.maxFrames + 1, body),
    ],
    ['a count of 2^32 - 1', frame(1, 0, 0xffffffff, body)],
  ])('drops %s without throwing', (_, bytes) => {
    const assembler = new ChunkAssembler();
    expect(assembler.receive(bytes, 0)).toBeNull();
    expect(assembler.dropped).toBe(1);
    expect(assembler.heldBytes).toBe(0);
  });

  it('drops a message whose frames disagree on the count', () => {
    const assembler = new ChunkAssembler();
    assembler.receive(frame(1, 0, 3, body), 0);
    expect(assembler.receive(frame(1, 1, 2, body), 0)).toBeNull();
    expect(assembler.receive(frame(1, 2, 3, body), 0)).toBeNull();
    expect(assembler.heldBytes).toBe(body.length);
  });

  it('keeps the first of two frames with the same index', () => {
    const assembler = new ChunkAssembler();
    assembler.receive(frame(1, 0, 2, Uint8Array.of(1)), 0);
    assembler.receive(frame(1, 0, 2, Uint8Array.of(9)), 0);
    expect(assembler.receive(frame(1, 1, 2, Uint8Array.of(2)), 0)).toEqual(Uint8Array.of(1, 2));
    expect(assembler.dropped).toBe(1);
  });

  it('holds no more than maxMessageBytes, however many frames a peer sends', () => {
    const assembler = new ChunkAssembler(SMALL);
    const part = message(90);
    for (let i = 0; i < 1000; i++) {
      assembler.receive(frame(i % 7, i % 49, 49, part), 0);
      expect(assembler.heldBytes).toBeLessThanOrEqual(SMALL.maxMessageBytes);
    }
    expect(assembler.dropped).toBeGreaterThan(900);
  });

  it('holds at most maxUnfinished messages: a new one drops the oldest', () => {
    const assembler = new ChunkAssembler(SMALL);
    assembler.receive(frame(1, 0, 2, Uint8Array.of(1)), 0);
    assembler.receive(frame(2, 0, 2, Uint8Array.of(2)), 0);
    assembler.receive(frame(3, 0, 2, Uint8Array.of(3)), 0);
    expect(assembler.heldBytes).toBe(2);
    expect(assembler.receive(frame(1, 1, 2, Uint8Array.of(1)), 0)).toBeNull();
    expect(assembler.receive(frame(3, 1, 2, Uint8Array.of(3)), 0)).toEqual(Uint8Array.of(3, 3));
  });

  it('drops an unfinished message that got no frame for staleMs', () => {
    const assembler = new ChunkAssembler(SMALL);
    assembler.receive(frame(1, 0, 2, Uint8Array.of(1)), 0);
    expect(assembler.progress(SMALL.staleMs - 1)).toBe(0.5);
    expect(assembler.progress(SMALL.staleMs)).toBeNull();
    expect(assembler.heldBytes).toBe(0);
    expect(assembler.receive(frame(1, 1, 2, Uint8Array.of(1)), SMALL.staleMs)).toBeNull();
  });

  it('still puts together an honest message after junk filled its budget', () => {
    const assembler = new ChunkAssembler(SMALL);
    for (let i = 0; i < 20; i++) assembler.receive(frame(1000 + i, 0, 20, message(400)), 0);
    const honest = message(900, 3);
    expect(deliver(assembler, splitMessage(honest, 1, 100))).toEqual([honest]);
  });
});

/**
 * A peer's data channel in random order: whole messages of random sizes whose frames interleave
 * (at most maxUnfinished at a time), with junk in between: unframed junk (which y-webrtc then
 * rejects) comes out as it is, framed junk is dropped. Every message must come out exactly once
 * and byte for byte, nothing may throw, and nothing may stay held.
 */
describe('framing under random traffic (seeded)', () => {
  it.each(fuzzSeeds(40))('delivers every message whole among junk, seed %i', (seed) => {
    const random = seeded(seed);
    const int = (n: number) => Math.floor(random() * n);
    const frameBytes = 64 + int(400);
    const limits: AssemblerLimits = {
      maxMessageBytes: 64 * 1024,
      maxFrames: 64 * 1024,
      maxUnfinished: 4,
      staleMs: 1000,
    };
    const originals = Array.from({ length: 5 + int(20) }, (_, i) =>
      message(1 + (int(4) === 0 ? int(frameBytes) : int(12 * 1024)), i),
    );
    const queues = originals.map((m, id) => splitMessage(m, id, frameBytes));
    for (const q of queues) if (q.length > 1 && int(2) === 0) q.reverse();
    const expected = new Set(originals);
    const passThrough = new Set<Uint8Array>();
    const assembler = new ChunkAssembler(limits);
    const out: Uint8Array[] = [];
    let next = 0;
    const active: Uint8Array[][] = [];
    let junkFrames = 0;
    while (next < queues.length || active.length > 0) {
      while (active.length < limits.maxUnfinished && next < queues.length) {
        active.push([...queues[next++]!]);
      }
      if (int(5) === 0) {
        const junk = randomJunk(int, limits, false);
        junkFrames++;
        if (junk.length > 0 && junk[0] !== 0xff) passThrough.add(junk);
        const got = assembler.receive(junk, 0);
        if (got) out.push(got);
        continue;
      }
      const pick = int(active.length);
      const got = assembler.receive(active[pick]!.shift()!, 0);
      if (active[pick]!.length === 0) active.splice(pick, 1);
      if (got) out.push(got);
      expect(assembler.heldBytes).toBeLessThanOrEqual(limits.maxMessageBytes);
    }
    const messages = out.filter((m) => !passThrough.has(m));
    expect(messages).toHaveLength(originals.length);
    for (const m of messages) {
      const original = originals.find((o) => same(m, o));
      expect(original).toBeDefined();
      expect(expected.delete(original!)).toBe(true);
    }
    expect(out.length - messages.length).toBe(passThrough.size);
    expect(assembler.heldBytes).toBe(0);
    // The run did work: messages in several frames, and junk among them.
    expect(queues.filter((q) => q.length > 1).length).toBeGreaterThan(1);
    expect(junkFrames).toBeGreaterThan(0);
  });

  it.each(fuzzSeeds(20))('never throws or holds too much under endless junk, seed %i', (seed) => {
    const random = seeded(seed);
    const int = (n: number) => Math.floor(random() * n);
    const assembler = new ChunkAssembler(SMALL);
    for (let i = 0; i < 2000; i++) {
      assembler.receive(randomJunk(int, SMALL, true), i);
      expect(assembler.heldBytes).toBeLessThanOrEqual(SMALL.maxMessageBytes);
    }
    const honest = message(SMALL.maxMessageBytes, seed);
    expect(deliver(assembler, splitMessage(honest, 0x7fffffff, 64), 2000)).toEqual([honest]);
  });
});

/**
 * Junk a peer might send: random bytes, frames that break a rule, and (when `plausible`) frames
 * that look right with random fields. Junk ids have their own range, so that only the framing
 * rules, not luck, decide what happens to honest messages.
 */
function randomJunk(
  int: (n: number) => number,
  limits: AssemblerLimits,
  plausible: boolean,
): Uint8Array {
  const id = 0x80000000 + int(1000);
  switch (int(plausible ? 5 : 4)) {
    case 0:
      return Uint8Array.from({ length: int(60) }, () => int(256));
    case 1:
      return frame(id, 0, limits.maxFrames + 1 + int(0xffff), message(int(300)));
    case 2: {
      const count = int(limits.maxFrames + 1);
      return frame(id, count + int(5), count, message(int(300)));
    }
    case 3:
      return frame(id, 0, 2, message(int(40)), [0xff, int(0x4b)]);
    default: {
      const count = 2 + int(limits.maxFrames - 1);
      return frame(id, int(count), count, message(1 + int(300)));
    }
  }
}

/** Byte-for-byte equality without vitest's deep diff, which takes minutes on megabytes. */
function same(a: Uint8Array | null | undefined, b: Uint8Array): boolean {
  return a !== null && a !== undefined && Buffer.from(a).equals(Buffer.from(b));
}
