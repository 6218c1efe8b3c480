import { afterEach, describe, expect, it } from 'vitest';
import wrtc from '@roamhq/wrtc';
// simple-peer's own bundle, as y-webrtc imports it in Node (the panel's build puts DataPeer there).
import SimplePeer from 'simple-peer/simplepeer.min.js';
import DataPeer, {
  readSignal,
  type PeerSignal,
  type WebRtcImplementation,
} from '../../../lib/connection/data-peer';

/**
 * lib/connection/data-peer.ts: the panel's data-channel peer, over real node-webrtc on loopback,
 * with itself and with simple-peer (which Node members and earlier builds use) on the other side.
 * Signals are handed across by the test, as the signaling server would.
 */
interface AnyPeer {
  on(event: string, listener: (...args: never[]) => void): unknown;
  signal(data: unknown): void;
  send(data: Uint8Array | string): void;
  destroy(): void;
}

const made: AnyPeer[] = [];
afterEach(() => {
  for (const peer of made.splice(0)) peer.destroy();
});

type Kind = 'kring' | 'simple-peer';
const config = { iceServers: [] };

function peer(kind: Kind, initiator: boolean): AnyPeer {
  const made_ =
    kind === 'kring'
      ? new DataPeer({ initiator, wrtc, config })
      : new SimplePeer({ initiator, wrtc, config });
  made.push(made_);
  return made_;
}

/** Each peer's signals go to the other; resolves when both said `connect`. */
function wire(a: AnyPeer, b: AnyPeer): Promise<void> {
  a.on('signal', (signal: never) => b.signal(signal));
  b.on('signal', (signal: never) => a.signal(signal));
  const connected = (p: AnyPeer) => new Promise<void>((done) => p.on('connect', done));
  return Promise.all([connected(a), connected(b)]).then(() => undefined);
}

const nextData = (p: AnyPeer) =>
  new Promise<Uint8Array>((done) => p.on('data', (data: never) => done(data)));
const closed = (p: AnyPeer) => new Promise<void>((done) => p.on('close', done));
const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, index) => (index * 31 + seed) % 251);

describe('a data peer', () => {
  const pairs: [Kind, Kind][] = [
    ['kring', 'kring'],
    ['kring', 'simple-peer'],
    ['simple-peer', 'kring'],
  ];
  for (const [offers, answers] of pairs) {
    it(`connects (${offers} offers, ${answers} answers), carries bytes both ways and says when the other side leaves`, async () => {
      const a = peer(offers, true);
      const b = peer(answers, false);
      await wire(a, b);
      const toB = nextData(b);
      a.send(bytes(16 * 1024, 1));
      expect(Array.from(await toB)).toEqual(Array.from(bytes(16 * 1024, 1)));
      const toA = nextData(a);
      b.send(bytes(300, 7));
      const got = await toA;
      expect(got).toBeInstanceOf(Uint8Array);
      expect(Array.from(got)).toEqual(Array.from(bytes(300, 7)));
      const bClosed = closed(b);
      a.destroy();
      await bClosed;
    });
  }

  it('hands on bytes only: a text message from the other side is dropped', async () => {
    const a = peer('simple-peer', true);
    const b = peer('kring', false);
    await wire(a, b);
    const seen: unknown[] = [];
    b.on('data', (data: never) => seen.push(data));
    const after = nextData(b);
    a.send('not bytes');
    a.send(bytes(4, 3));
    await after;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Uint8Array);
  });

  it('makes a new offer when the side that answered asks for one', async () => {
    const a = new DataPeer({ initiator: true, wrtc, config });
    const b = new DataPeer({ initiator: false, wrtc, config });
    made.push(a, b);
    await wire(a, b);
    const offered = new Promise<PeerSignal>((done) =>
      a.on('signal', (signal) => {
        if (signal.type === 'offer') done(signal);
      }),
    );
    a.signal({ type: 'renegotiate', renegotiate: true });
    expect((await offered).type).toBe('offer');
  });

  it('ends with an error, never a throw, on a signal that is none of the four', async () => {
    for (const bad of [{ type: 'offer', sdp: 5 }, 'not json', { hello: 1 }, null, 42]) {
      const p = new DataPeer({ initiator: false, wrtc, config });
      made.push(p);
      const errors: { code?: string }[] = [];
      p.on('error', (error) => errors.push(error as { code?: string }));
      const gone = closed(p);
      expect(() => p.signal(bad)).not.toThrow();
      await gone;
      expect(errors.map((error) => error.code)).toEqual(['ERR_SIGNALING']);
      expect(p.destroyed).toBe(true);
    }
  });

  it('says close once, and after that takes signals and sends without throwing', async () => {
    const p = new DataPeer({ initiator: true, wrtc, config });
    made.push(p);
    let closes = 0;
    p.on('close', () => closes++);
    p.destroy();
    p.destroy();
    await new Promise((done) => setTimeout(done, 10));
    expect(closes).toBe(1);
    expect(() => p.signal({ type: 'answer', sdp: 'v=0' })).not.toThrow();
    expect(() => p.send(bytes(3, 0))).not.toThrow();
  });

  it('throws on a send before its channel is there, as simple-peer did (y-webrtc catches it)', () => {
    const p = new DataPeer({ initiator: false, wrtc, config });
    made.push(p);
    expect(() => p.send(bytes(3, 0))).toThrow();
  });
});

describe('a data peer on a stand-in connection', () => {
  /** Stands in for node-webrtc where a test must hand the peer channels itself. */
  class FakeConnection {
    static last: FakeConnection | null = null;
    ondatachannel: ((event: { channel: FakeChannel }) => void) | null = null;
    constructor(readonly config: RTCConfiguration) {
      FakeConnection.last = this;
    }
    close(): void {}
  }
  class FakeChannel {
    readyState = 'open';
    binaryType = 'blob';
    onopen: (() => void) | null = null;
    onclose: (() => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: (() => void) | null = null;
    close(): void {}
  }
  const fake = {
    RTCPeerConnection: FakeConnection,
    RTCSessionDescription: class {},
    RTCIceCandidate: class {},
  } as unknown as WebRtcImplementation;

  it('asks no connection server of its own: only those it is given', () => {
    made.push(new DataPeer({ initiator: false, wrtc: fake }));
    expect(FakeConnection.last!.config).toEqual({ iceServers: [] });
    const given = {
      iceServers: [{ urls: 'turn:127.0.0.1:3478' }],
      iceTransportPolicy: 'relay' as const,
    };
    made.push(new DataPeer({ initiator: false, wrtc: fake, config: given }));
    expect(FakeConnection.last!.config).toEqual(given);
  });

  it('given a second channel (both sides offered at once), reads that one; the first closing no longer ends it', async () => {
    const p = new DataPeer({ initiator: false, wrtc: fake });
    made.push(p);
    const first = new FakeChannel();
    const second = new FakeChannel();
    FakeConnection.last!.ondatachannel!({ channel: first });
    FakeConnection.last!.ondatachannel!({ channel: second });
    const seen: Uint8Array[] = [];
    p.on('data', (data) => seen.push(data));
    first.onclose?.();
    first.onmessage?.({ data: new Uint8Array([1]).buffer });
    second.onmessage?.({ data: new Uint8Array([2]).buffer });
    await new Promise((done) => setTimeout(done, 0));
    expect(p.destroyed).toBe(false);
    expect(p._channel).toBe(second);
    expect(seen.map((data) => Array.from(data))).toEqual([[2]]);
    expect(second.binaryType).toBe('arraybuffer');
  });
});

describe('readSignal', () => {
  it('reads the four signals simple-peer sends, as objects or JSON text', () => {
    expect(readSignal({ type: 'offer', sdp: 'v=0' })).toEqual({ type: 'offer', sdp: 'v=0' });
    expect(readSignal('{"type":"answer","sdp":"v=0"}')).toEqual({ type: 'answer', sdp: 'v=0' });
    expect(
      readSignal({
        type: 'candidate',
        candidate: {
          candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host',
          sdpMLineIndex: 0,
          sdpMid: '0',
        },
      }),
    ).toEqual({
      type: 'candidate',
      candidate: {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host',
        sdpMLineIndex: 0,
        sdpMid: '0',
      },
    });
    expect(readSignal({ type: 'renegotiate', renegotiate: true })).toEqual({
      type: 'renegotiate',
      renegotiate: true,
    });
  });

  it('keeps only the fields it knows, with the wrong kinds of value left out', () => {
    expect(
      readSignal({
        type: 'candidate',
        candidate: { candidate: 'c', sdpMLineIndex: 'x', sdpMid: 3, extra: 1 },
      }),
    ).toEqual({
      type: 'candidate',
      candidate: { candidate: 'c', sdpMLineIndex: null, sdpMid: null },
    });
    expect(readSignal({ type: 'offer', sdp: 'v=0', evil: true })).toEqual({
      type: 'offer',
      sdp: 'v=0',
    });
  });

  it('reads nothing else', () => {
    for (const bad of [
      null,
      undefined,
      7,
      '',
      '{',
      { type: 'offer' },
      { type: 'pranswer', sdp: 'v=0' },
      { candidate: { candidate: 5 } },
      { renegotiate: 'yes' },
      { transceiverRequest: { kind: 'audio' } },
    ]) {
      expect(readSignal(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
