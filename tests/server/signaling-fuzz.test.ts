import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseClientMessage } from '../../lib/connection/signaling-protocol';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { TestClient, closeTestClients, within } from './helpers/test-client';

/**
 * SP6 under a seeded fuzz: thousands of malformed frames of every kind from one socket (random
 * bytes, truncated JSON, wrong types, huge arrays, nesting up to the frame limit). The server
 * must stay up, count every dropped frame, and serve a well-formed client afterwards.
 * KRING_FUZZ_SEED=N replays one seed; KRING_FUZZ_FRAMES=N sends more frames.
 */

const DEFAULT_SEED = 12;
const DEFAULT_FRAMES = 4_000;
const MAX_MESSAGE_BYTES = 64 * 1024;

/** mulberry32: a small deterministic PRNG, so that a failing seed can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function positiveWhole(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new Error(`${name} must be a positive whole number`);
  return Number(text);
}

const VALID = [
  '{"type":"subscribe","topics":["fuzz-room"]}',
  '{"type":"publish","topic":"fuzz-room","data":{"type":"announce","from":"x"}}',
  '{"type":"unsubscribe","topics":["nope"]}',
  '{"type":"ping"}',
];

/** One frame, text or binary, never over the size limit. */
function frame(random: () => number): string | Buffer {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chars = (n: number) =>
    Array.from({ length: n }, () =>
      String.fromCharCode(pick([int(128), int(0xd7ff), 0x22, 0x5c, 0x7b])),
    ).join('');
  switch (int(9)) {
    case 0: // random bytes, as a binary frame (text frames must be UTF-8, see below)
      return Buffer.from(Array.from({ length: int(2_000) }, () => int(256)));
    case 1: // random text
      return chars(int(500));
    case 2: {
      // a valid message cut short
      const message = pick(VALID);
      return message.slice(0, int(message.length));
    }
    case 3: // the known types with fields of the wrong type
      return JSON.stringify({
        type: pick([
          'subscribe',
          'unsubscribe',
          'publish',
          'ping',
          'pong',
          '',
          null,
          7,
          ['publish'],
        ]),
        topics: pick([null, 'fuzz-room', 5, [1, 2], [{}], [''], {}, ['x'.repeat(200)]]),
        topic: pick([undefined, 5, null, '', ['fuzz-room'], 'x'.repeat(129)]),
        data: pick([undefined, null]),
      });
    case 4: {
      // huge arrays, within the frame limit
      const count = 1_000 + int(6_000);
      return pick([
        `{"type":"subscribe","topics":[${Array.from({ length: count }, (_, i) => `"t${i}"`).join(',')}]}`,
        `{"type":"publish","topic":"fuzz-room","data":[${'0,'.repeat(count)}0]}`,
        `[${'{},'.repeat(count)}{}]`,
      ]);
    }
    case 5: {
      // deep nesting, up to the frame limit
      const depth = 17 + int(30_000);
      const open = pick(['[', '{"a":']);
      const close = open === '[' ? ']' : '}';
      return `{"type":"publish","topic":"fuzz-room","data":${open.repeat(depth)}1${close.repeat(depth)}}`;
    }
    case 6: // JSON that is not an object
      return pick(['null', 'true', '0', '"publish"', '[]', '1e999', '-0', '""']);
    case 7: // prototype games
      return pick([
        '{"__proto__":{"type":"ping"}}',
        '{"type":"publish","topic":"__proto__","data":1}',
        '{"type":"subscribe","topics":["constructor","__proto__"]}',
        '{"constructor":{"prototype":{"type":"ping"}}}',
      ]);
    default: // a valid message in a binary frame
      return Buffer.from(pick(VALID));
  }
}

const servers: RunningServer[] = [];

afterEach(async () => {
  closeTestClients();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('SP6 seeded fuzz of malformed frames', () => {
  it('SP6: survives thousands of random malformed frames, counts each one it drops, and serves a well-formed client after', async () => {
    const seed = positiveWhole('KRING_FUZZ_SEED', DEFAULT_SEED);
    const count = positiveWhole('KRING_FUZZ_FRAMES', DEFAULT_FRAMES);
    console.log(`signaling fuzz: seed ${seed}, ${count} frames (replay: KRING_FUZZ_SEED=${seed})`);
    const random = prng(seed);
    const server = await startSignalingServer({
      port: 0,
      maxMessageBytes: MAX_MESSAGE_BYTES,
      rateLimit: { burst: 1e9, perSecond: 1e9 }, // the fuzz is about shapes, not rates
    });
    servers.push(server);
    const fuzzer = await TestClient.connect(server.url);
    fuzzer.send({ type: 'subscribe', topics: ['fuzz-room'] });

    let expectedDrops = 0;
    const kinds = { text: 0, binary: 0 };
    for (let i = 0; i < count; i += 1) {
      const next = frame(random);
      const bytes = typeof next === 'string' ? Buffer.byteLength(next) : next.length;
      if (bytes > MAX_MESSAGE_BYTES) continue; // over the limit is SP5, tested on its own
      if (typeof next === 'string') {
        kinds.text += 1;
        if (!parseClientMessage(next).ok) expectedDrops += 1;
      } else {
        kinds.binary += 1;
        expectedDrops += 1;
      }
      fuzzer.sendRaw(next);
    }
    // The fuzz did its work: most frames were malformed, of both kinds.
    expect(expectedDrops).toBeGreaterThan(count * 0.6);
    expect(kinds.binary).toBeGreaterThan(count * 0.1);

    // A barrier: the server handles one socket's frames in order, so once this publish comes
    // back every fuzz frame before it has been handled; the fuzzing socket is still served.
    fuzzer.send({ type: 'subscribe', topics: ['barrier'] });
    fuzzer.send({ type: 'publish', topic: 'barrier', data: 'done' });
    for (;;) {
      const message = (await fuzzer.next()) as { topic?: string };
      if (message.topic === 'barrier') break;
    }
    expect(server.stats().droppedMessages).toBe(expectedDrops);

    const anna = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['after-fuzz'] });
    anna.send({ type: 'publish', topic: 'after-fuzz', data: 'hello' });
    expect(await anna.next()).toStrictEqual({
      type: 'publish',
      topic: 'after-fuzz',
      data: 'hello',
      clients: 1,
    });
    expect(server.stats().connections).toBe(2);
  });

  it('SP6: closes a text frame that is not UTF-8 (1007) and carries on', async () => {
    const server = await startSignalingServer({ port: 0 });
    servers.push(server);
    const broken = await TestClient.connect(server.url);
    // The ws client does not check what it sends: these bytes go out as a text frame.
    broken.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await within(broken.closed, 'close')).toBe(1007);
    const anna = await TestClient.connect(server.url);
    await anna.expectNothingMore();
    expect(anna.ws.readyState).toBe(WebSocket.OPEN);
  });
});
