import { describe, expect, it } from 'vitest';
import { RoomFraming } from '../../../lib/connection/peer-framing';
import {
  decodeClientId,
  decodeRelayEnvelope,
  isRelayedMessage,
  RELAY_FRAME_BYTES,
  RoomRelay,
} from '../../../lib/connection/relay';
import { RelayPacer } from '../../../lib/connection/relay-pacer';
import { FakeClock } from '../helpers/fake-clock';

/** A room's relay on a fake clock, with what it sends and whom it was told to relay back to. */
function relayOf(clock = new FakeClock(0)) {
  const pacer = new RelayPacer(clock, { burst: 4, perSecond: 2, maxQueued: 100 });
  const relayedToUs: string[] = [];
  const framing = new RoomFraming(
    () => clock.now(),
    () => {},
  );
  const relay = new RoomRelay(
    framing,
    () => pacer,
    () => clock.now(),
    (from) => relayedToUs.push(from),
  );
  return { relay, framing, pacer, clock, relayedToUs };
}

/** A sync update message (type 0) of `length` bytes. */
const syncMessage = (length: number) =>
  Uint8Array.from({ length }, (_, i) => (i === 0 ? 0 : (i * 31) & 0xff));

const envelope = (part: Uint8Array, extra: Record<string, unknown> = {}) => ({
  type: 'relay',
  from: 'peer-b',
  relayTo: ['peer-a'],
  m: part,
  ...extra,
});

describe('the encrypted relay of a room', () => {
  it('carries a message larger than a publish may be in frames, to the addressed peer only', () => {
    const sender = relayOf();
    const receiver = relayOf();
    const message = syncMessage(5 * RELAY_FRAME_BYTES + 100);
    const frames = sender.relay.split(message);
    expect(frames.length).toBe(6);
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(RELAY_FRAME_BYTES);
    // Another member sees the frames too (the server sends a publish to all) and reads none.
    expect(frames.map((m) => receiver.relay.receive(envelope(m), 'peer-c'))).toEqual(
      frames.map(() => null),
    );
    const out = frames.map((m) => receiver.relay.receive(envelope(m), 'peer-a'));
    expect(out.slice(0, -1).every((m) => m === null)).toBe(true);
    expect(Buffer.from(out.at(-1)!).equals(Buffer.from(message))).toBe(true);
    expect(receiver.relayedToUs).toEqual(['peer-b']);
    expect(receiver.relay.relayCounts()).toEqual({ framesOut: 0, framesIn: 6, messagesIn: 1 });
  });

  it('shows a large relayed message arriving as progress, like one over a data channel', () => {
    const sender = relayOf();
    const receiver = relayOf();
    const frames = sender.relay.split(syncMessage(4 * RELAY_FRAME_BYTES));
    receiver.relay.receive(envelope(frames[0]!), 'peer-a');
    receiver.relay.receive(envelope(frames[1]!), 'peer-a');
    expect(receiver.framing.progress()).toBeCloseTo(2 / frames.length);
  });

  it('reads only document and presence messages from a relay', () => {
    expect(isRelayedMessage(Uint8Array.of(0, 1))).toBe(true);
    expect(isRelayedMessage(Uint8Array.of(1, 1))).toBe(true);
    expect(isRelayedMessage(Uint8Array.of(3))).toBe(true);
    // 4: a BroadcastChannel peer id would make us ignore that peer's signaling
    expect(isRelayedMessage(Uint8Array.of(4, 1, 0))).toBe(false);
    expect(isRelayedMessage(new Uint8Array(0))).toBe(false);
    const { relay } = relayOf();
    expect(relay.receive(envelope(Uint8Array.of(4, 1, 1, 120)), 'peer-a')).toBeNull();
  });

  it.each([
    ['not an object', 'relay'],
    ['another type', { ...envelope(Uint8Array.of(0)), type: 'signal' }],
    ['no sender', { ...envelope(Uint8Array.of(0)), from: '' }],
    ['a sender too long', { ...envelope(Uint8Array.of(0)), from: 'x'.repeat(65) }],
    ['text instead of bytes', { ...envelope(Uint8Array.of(0)), m: 'AAAA' }],
    ['no bytes', envelope(new Uint8Array(0))],
    ['a frame too large', envelope(new Uint8Array(RELAY_FRAME_BYTES + 1))],
    ['no recipients', { ...envelope(Uint8Array.of(0)), relayTo: [] }],
    ['recipients not a list', { ...envelope(Uint8Array.of(0)), relayTo: 'peer-a' }],
    ['a recipient not text', { ...envelope(Uint8Array.of(0)), relayTo: ['peer-a', 7] }],
    ['too many recipients', { ...envelope(Uint8Array.of(0)), relayTo: Array(33).fill('peer-a') }],
  ])('drops an envelope with %s', (_, data) => {
    expect(decodeRelayEnvelope(data)).toBeNull();
    const { relay } = relayOf();
    expect(relay.receive(data, 'peer-a')).toBeNull();
  });

  it('decodes a well-formed envelope, hello included', () => {
    expect(decodeRelayEnvelope(envelope(Uint8Array.of(0, 0), { hello: true }))).toEqual({
      from: 'peer-b',
      relayTo: ['peer-a'],
      part: Uint8Array.of(0, 0),
      hello: true,
    });
  });

  it.each([
    [0, 0],
    [4_294_967_295, 4_294_967_295],
    [-1, null],
    [1.5, null],
    [2 ** 32, null],
    ['7', null],
    [null, null],
  ])('reads the client id %j as %j', (value, expected) => {
    expect(decodeClientId(value)).toBe(expected);
  });

  it('learns who is there and their client id from every message, relayed or not', () => {
    const { relay } = relayOf();
    relay.heard({ type: 'announce', from: 'peer-b', clientID: 11 });
    relay.heard({ type: 'announce', from: 42 });
    relay.heard('garbage');
    expect(relay.book.known()).toEqual(['peer-b']);
  });

  it('sends through the pacer of the socket, counting what it handed over', () => {
    const { relay, pacer, clock } = relayOf();
    const sent: number[] = [];
    for (let i = 0; i < 6; i++) relay.schedule('ws://x', () => sent.push(i));
    expect(sent).toEqual([0, 1, 2, 3]);
    expect(pacer.queued).toBe(2);
    clock.advance(1000);
    expect(sent).toHaveLength(6);
    expect(relay.relayCounts().framesOut).toBe(6);
  });

  it('holds unfinished messages of a bounded number of senders, the most recent', () => {
    const sender = relayOf();
    const receiver = relayOf();
    const message = syncMessage(3 * RELAY_FRAME_BYTES);
    const [first, ...rest] = sender.relay.split(message);
    for (let i = 0; i < 40; i++) {
      receiver.relay.receive({ ...envelope(first!), from: `peer-${i}` }, 'peer-a');
    }
    const finish = (from: string) =>
      rest.map((m) => receiver.relay.receive({ ...envelope(m), from }, 'peer-a')).at(-1);
    // The first senders' beginnings were let go; the last one's message completes.
    expect(finish('peer-0')).toBeNull();
    expect(Buffer.from(finish('peer-39')!).equals(Buffer.from(message))).toBe(true);
    receiver.relay.close();
    expect(receiver.framing.progress()).toBeNull();
  });

  it('forgets what arrived from peers no longer known', () => {
    const sender = relayOf();
    const receiver = relayOf();
    const [first] = sender.relay.split(syncMessage(3 * RELAY_FRAME_BYTES));
    receiver.relay.heard({ type: 'relay', from: 'peer-b' });
    receiver.relay.receive(envelope(first!), 'peer-a');
    expect(receiver.framing.progress()).not.toBeNull();
    receiver.relay.book.observe(
      { connected: new Set(), pending: new Set(), local: new Set() },
      receiver.clock.now() + 60_000,
    );
    receiver.relay.prune();
    expect(receiver.framing.progress()).toBeNull();
  });
});
