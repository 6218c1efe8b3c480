import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ClientOptions } from 'ws';
import type { LogEvent } from '../../server/log';
import { KRING_EXTENSION_ORIGIN } from '../../server/origin';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer, SignalingServerOptions } from '../../server/signaling-server';
import { encodeFrame, openRawWebSocket } from './helpers/raw-socket';
import type { RawSocket } from './helpers/raw-socket';
import { TestClient, closeTestClients, within } from './helpers/test-client';

// The limits of docs/signaling-protocol.md (SP12-SP19): each test fails on a server without it.

const servers: RunningServer[] = [];
const rawSockets: RawSocket[] = [];
let events: LogEvent[] = [];

async function start(options: SignalingServerOptions = {}): Promise<RunningServer> {
  const server = await startSignalingServer({
    port: 0,
    log: (event) => events.push(event),
    ...options,
  });
  servers.push(server);
  return server;
}

async function raw(
  server: RunningServer,
  headers: Record<string, string> = {},
): Promise<RawSocket> {
  const { status, raw: socket } = await openRawWebSocket(server.port, headers);
  rawSockets.push(socket);
  expect(status).toBe(101);
  return socket;
}

/** The HTTP status the server refuses an upgrade with (ws rejects with "Unexpected server response: N"). */
async function refusal(url: string, options: ClientOptions): Promise<number> {
  const error = await TestClient.connect(url, options).then(
    () => null,
    (reason: unknown) => reason,
  );
  const status = /Unexpected server response: (\d+)/.exec(String(error))?.[1];
  return status === undefined ? 101 : Number(status);
}

const linesLike = (pattern: RegExp) => events.filter((event) => pattern.test(event.msg));

afterEach(async () => {
  closeTestClients();
  for (const socket of rawSockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  events = [];
});

describe('SP13 a socket that does not read', () => {
  it('SP13: terminates a subscriber that stops reading once maxBufferedBytes wait for it, and keeps relaying to the others', async () => {
    const server = await start({ maxMessageBytes: 128 * 1024, maxBufferedBytes: 256 * 1024 });
    const slow = await raw(server);
    slow.sendFrame(0x1, JSON.stringify({ type: 'subscribe', topics: ['room'] }));
    await expect.poll(() => server.stats().topics).toBe(1);
    slow.pause();
    const anna = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room'] });
    await anna.expectNothingMore();

    // 100 KB a publish, read back by Anna each time; the kernel's socket buffers take the first
    // few MB for the slow reader before anything waits in the server.
    const data = 'x'.repeat(100_000);
    let published = 0;
    while (server.stats().terminated.slow_reader === 0 && published < 400) {
      anna.send({ type: 'publish', topic: 'room', data });
      expect(await anna.next()).toMatchObject({ topic: 'room' });
      published += 1;
    }
    expect(server.stats().terminated.slow_reader).toBe(1);
    expect(server.stats().connections).toBe(1);
    anna.send({ type: 'publish', topic: 'room', data: 'still here' });
    expect(await anna.next()).toStrictEqual({
      type: 'publish',
      topic: 'room',
      data: 'still here',
      clients: 1,
    });
    // Its connection really is gone: reading again, it drains what the kernel held, then the end.
    slow.resume();
    await within(slow.ended, 'the end of the slow socket');
    expect(linesLike(/unread/)).toHaveLength(1);
  });
});

describe('SP7 liveness: only answers to the server ping count', () => {
  it('SP7: terminates a socket that sends unasked pongs and messages but never answers the ping', async () => {
    const server = await start({ pingTimeoutMs: 300 });
    const mute = await raw(server); // a raw socket answers no ping by itself
    mute.sendFrame(0x1, JSON.stringify({ type: 'subscribe', topics: ['room'] }));
    const chatter = setInterval(() => {
      mute.sendFrame(0xa, 'alive!'); // unasked pong
      mute.sendFrame(0x1, JSON.stringify({ type: 'ping' }));
    }, 40);
    try {
      await within(mute.ended, 'termination');
    } finally {
      clearInterval(chatter);
    }
    expect(server.stats().terminated.ping_timeout).toBe(1);
    expect(server.stats().unaskedPongs).toBeGreaterThan(0);
  });

  it('SP7: terminates a socket whose pongs carry another payload than the ping', async () => {
    const server = await start({ pingTimeoutMs: 300 });
    const liar = await TestClient.connect(server.url, { autoPong: false });
    liar.ws.on('ping', () => liar.ws.pong(Buffer.from('guess')));
    liar.send({ type: 'subscribe', topics: ['room'] });
    expect(await within(liar.closed, 'close')).toBe(1006);
    expect(server.stats().terminated.ping_timeout).toBe(1);
  });

  it('SP7: keeps a socket that answers each ping with its payload, however quiet', async () => {
    const server = await start({ pingTimeoutMs: 200 });
    const quiet = await TestClient.connect(server.url); // ws echoes the payload, as browsers do
    quiet.send({ type: 'subscribe', topics: ['room'] });
    await quiet.waitForPings(4);
    await quiet.expectNothingMore();
    expect(server.stats().terminated.ping_timeout).toBe(0);
    expect(server.stats().unaskedPongs).toBe(0);
  });
});

describe('SP14 the rate limit', () => {
  it('SP14: terminates at the first message beyond the limit and logs 50,000 bad frames in a handful of lines', async () => {
    const server = await start({ now: () => 0 }); // no refill while the frames arrive
    const flooder = await raw(server);
    const frame = encodeFrame(0x1, Buffer.from('x'));
    flooder.socket.write(Buffer.concat(Array.from({ length: 50_000 }, () => frame)));
    await within(flooder.ended, 'termination');
    expect(server.stats().terminated.rate_limit).toBe(1);
    // The burst (600) was read and dropped; nothing after the termination.
    expect(server.stats().droppedMessages).toBe(600);
    await expect.poll(() => server.stats().connections).toBe(0);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(5);
  });

  it('SP14: logs many flooding sockets once, and counts them all', async () => {
    const server = await start({ rateLimit: { burst: 5, perSecond: 1 } });
    const flooders = await Promise.all(Array.from({ length: 20 }, () => raw(server)));
    for (const flooder of flooders) {
      for (let i = 0; i < 10; i += 1) flooder.sendFrame(0x1, '{"type":"ping"}');
    }
    await Promise.all(flooders.map((flooder) => within(flooder.ended, 'termination')));
    expect(server.stats().terminated.rate_limit).toBe(20);
    expect(linesLike(/rate limit/)).toHaveLength(1);
  });
});

describe('SP15 connections per address', () => {
  it('SP15: refuses an address its connection beyond maxConnectionsPerAddress with 429, and takes it again once one closes', async () => {
    const server = await start({ maxConnectionsPerAddress: 3 });
    const open = await Promise.all([1, 2, 3].map(() => TestClient.connect(server.url)));
    expect(await refusal(server.url, {})).toBe(429);
    expect(await refusal(server.url, {})).toBe(429);
    open[0]?.close();
    await expect.poll(() => server.stats().connections).toBe(2);
    const again = await TestClient.connect(server.url);
    await again.expectNothingMore();
    expect(server.stats().refusedConnections.address_full).toBe(2);
    expect(linesLike(/its address/)).toHaveLength(1);
  });

  it('SP15: has no cap with maxConnectionsPerAddress 0', async () => {
    const server = await start({ maxConnectionsPerAddress: 0 });
    await Promise.all(Array.from({ length: 80 }, () => TestClient.connect(server.url)));
    expect(server.stats().connections).toBe(80);
  });

  it('SP15: behind a trusted proxy counts the last X-Forwarded-For entry, whatever the client put before it', async () => {
    const server = await start({ maxConnectionsPerAddress: 2, trustProxy: true });
    const via = (header: string) => ({ headers: { 'X-Forwarded-For': header } });
    await TestClient.connect(server.url, via('1.1.1.1, 10.0.0.1'));
    await TestClient.connect(server.url, via('2.2.2.2, 10.0.0.1'));
    expect(await refusal(server.url, via('3.3.3.3, 10.0.0.1'))).toBe(429);
    expect(await refusal(server.url, via('10.0.0.1'))).toBe(429);
    expect(await refusal(server.url, via('10.0.0.1, 10.0.0.2'))).toBe(101);
  });

  it('SP15: ignores X-Forwarded-For when the proxy is not trusted', async () => {
    const server = await start({ maxConnectionsPerAddress: 2 });
    const via = (header: string) => ({ headers: { 'X-Forwarded-For': header } });
    await TestClient.connect(server.url, via('10.0.0.1'));
    await TestClient.connect(server.url, via('10.0.0.2'));
    expect(await refusal(server.url, via('10.0.0.3'))).toBe(429);
  });
});

describe('SP16 page origins', () => {
  it.each([
    ['no Origin header (Node clients, y-webrtc members in tests)', 101, undefined],
    ['the Kring extension', 101, KRING_EXTENSION_ORIGIN],
    [
      'a Firefox extension (random id per install)',
      101,
      'moz-extension://0f6a3e1c-2b8d-4e57-9a10-d2c4b6e8f1a3',
    ],
    ['another Chrome extension', 403, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'],
    ['another site', 403, 'https://evil.example'],
    ['a sandboxed frame or file', 403, 'null'],
    ['a listed origin, written differently', 101, 'https://panel.kring.example'],
  ] as const)('SP16: answers a page of %s with %s', async (_, status, origin) => {
    const server = await start({ allowedOrigins: ['HTTPS://Panel.Kring.Example:443/'] });
    expect(await refusal(server.url, origin === undefined ? {} : { origin })).toBe(status);
  });

  it("SP16: takes the companion's own web panel (Origin host = Host), over http or https, and no other port", async () => {
    const server = await start();
    const own = `127.0.0.1:${server.port}`;
    expect(await refusal(server.url, { origin: `http://${own}` })).toBe(101);
    expect(await refusal(server.url, { origin: `https://${own}` })).toBe(101);
    expect(await refusal(server.url, { origin: `http://127.0.0.1:${server.port + 1}` })).toBe(403);
    expect(await refusal(server.url, { origin: `http://localhost:${server.port}` })).toBe(403);
  });

  it('SP16: logs refused origins once and counts each', async () => {
    const server = await start();
    for (let i = 0; i < 5; i += 1) {
      expect(await refusal(server.url, { origin: 'https://evil.example' })).toBe(403);
    }
    expect(server.stats().refusedConnections.origin).toBe(5);
    expect(server.stats().connections).toBe(0);
    expect(linesLike(/another site/)).toHaveLength(1);
    for (const event of events) expect(JSON.stringify(event)).not.toContain('evil');
  });
});

describe('SP17 sockets that do not subscribe', () => {
  it('SP17: closes a socket that subscribes to nothing within subscribeTimeoutMs, and keeps one that did', async () => {
    const server = await start({ subscribeTimeoutMs: 200 });
    const idle = await TestClient.connect(server.url);
    const member = await TestClient.connect(server.url);
    member.send({ type: 'subscribe', topics: ['room'] });
    idle.send({ type: 'subscribe', topics: [] }); // an empty list is no subscription
    idle.send({ type: 'ping' }); // nor is talking
    expect(await within(idle.closed, 'close')).toBe(1008);
    expect(server.stats().terminated.no_subscribe).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await member.expectNothingMore();
    expect(member.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('SP18 HTTP timeouts', () => {
  /** A raw TCP client that sends `parts` with pauses and resolves with ms until the server closed. */
  function heldFor(
    server: RunningServer,
    parts: readonly string[],
    gapMs: number,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      const startedAt = performance.now();
      const socket = connect({ host: '127.0.0.1', port: server.port });
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < parts.length && !socket.destroyed) socket.write(parts[sent] ?? '');
        sent += 1;
      }, gapMs);
      socket.on('data', () => {});
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve(performance.now() - startedAt);
      });
      setTimeout(() => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error('the server held the half-sent request for 5 s'));
      }, 5_000);
    });
  }

  const timeouts = { httpHeadersTimeoutMs: 400, httpRequestTimeoutMs: 800 };

  it('SP18: closes a request whose headers stop half way', async () => {
    const server = await start(timeouts);
    expect(await heldFor(server, ['GET / HTTP/1.1\r\nHost: x\r\n'], 10)).toBeLessThan(2_000);
  });

  it('SP18: closes a request that trickles its headers in one at a time (slowloris)', async () => {
    const server = await start(timeouts);
    const lines = ['GET / HTTP/1.1\r\n', ...Array.from({ length: 40 }, (_, i) => `X-${i}: y\r\n`)];
    expect(await heldFor(server, lines, 100)).toBeLessThan(2_500);
  });

  it('SP18: closes a half-sent WebSocket upgrade', async () => {
    const server = await start(timeouts);
    const upgrade = 'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n';
    expect(await heldFor(server, [upgrade], 10)).toBeLessThan(2_000);
  });

  it('SP18: leaves open WebSockets alone past the request timeout', async () => {
    const server = await start({ ...timeouts, pingTimeoutMs: 200 });
    const anna = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room'] });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await anna.expectNothingMore();
  });
});
