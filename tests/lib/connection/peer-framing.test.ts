import { describe, expect, it } from 'vitest';
import { FRAME_BYTES } from '../../../lib/connection/message-chunks';
import { RoomFraming } from '../../../lib/connection/peer-framing';

/** Two members' rooms, with a connection between them, and a hand-moved time. */
function pair() {
  let now = 0;
  const frames = { a: 0, b: 0 };
  const a = new RoomFraming(
    () => now,
    () => frames.a++,
  );
  const b = new RoomFraming(
    () => now,
    () => frames.b++,
  );
  return {
    a,
    b,
    frames,
    toB: { sender: a.connection(), receiver: b.connection() },
    later: (ms: number) => (now += ms),
  };
}

const big = (length: number, salt = 0) =>
  Uint8Array.from({ length }, (_, i) => (i * 7 + salt) & 0xff);

describe('the framing of a room', () => {
  it('carries a message larger than a data-channel message from one member to another', () => {
    const { toB } = pair();
    const message = big(300_000);
    const out = toB.sender
      .split(message)
      .map((f) => toB.receiver.receive(f))
      .filter((m) => m !== null);
    expect(out).toHaveLength(1);
    expect(Buffer.from(out[0]!).equals(Buffer.from(message))).toBe(true);
  });

  it('numbers the messages of a connection, so two in a row are not mixed up', () => {
    const { toB } = pair();
    const first = big(3 * FRAME_BYTES, 1);
    const second = big(3 * FRAME_BYTES, 2);
    const frames = [...toB.sender.split(first), ...toB.sender.split(second)];
    const out = frames.map((f) => toB.receiver.receive(f)).filter((m) => m !== null);
    expect(out.map((m) => m[1])).toEqual([first[1], second[1]]);
  });

  it('shows how far the largest arriving message is, and calls back on each frame of it', () => {
    const { b, toB, frames } = pair();
    const parts = toB.sender.split(big(10 * FRAME_BYTES));
    expect(b.progress()).toBeNull();
    for (const f of parts.slice(0, 5)) toB.receiver.receive(f);
    expect(b.progress()).toBeCloseTo(5 / parts.length);
    expect(frames.b).toBe(5);
    toB.receiver.receive(big(100));
    expect(frames.b).toBe(5);
  });

  it('forgets a connection that closed: its unfinished message no longer counts', () => {
    const { b, toB } = pair();
    toB.receiver.receive(toB.sender.split(big(4 * FRAME_BYTES))[0]!);
    expect(b.progress()).not.toBeNull();
    toB.receiver.close();
    expect(b.progress()).toBeNull();
  });

  it('stops showing a message whose frames stopped coming', () => {
    const { b, toB, later } = pair();
    toB.receiver.receive(toB.sender.split(big(4 * FRAME_BYTES))[0]!);
    later(60_000);
    expect(b.progress()).toBeNull();
  });
});
