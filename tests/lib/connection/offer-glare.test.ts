import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startSignalingServer } from '../../../server/signaling-server';
import type { RunningServer } from '../../../server/signaling-server';
import type { BareCommand, BareEvent } from '../../../bench/bare-peer-process';

/**
 * Glare: two members who announce a room at the same moment (everybody opening a new meeting's
 * room when the chair starts it) each hear the other's announce, and each offers a connection.
 * The side whose glare token loses must answer the other's offer. y-webrtc fed that offer to its
 * own offering peer, which failed (`ERR_SET_REMOTE_DESCRIPTION`); the pair then had no
 * connection until something else made one (in a panel the mesh watchdog, 8 s later; plain
 * y-webrtc peers, as here, never). The y-webrtc patch answers it with a connection made for it
 * (`replaceConn`).
 *
 * Made to happen: a proxy in front of the signaling server holds each member's announce until
 * both have announced, then sends both on: each member hears the other's announce, and neither
 * had heard of the other when it announced. The two
 * members are plain y-webrtc peers with Kring's patch (bench/bare-peer-process.ts), each in its
 * own process: one realm would join them over BroadcastChannel instead.
 */
const PEER = resolve(import.meta.dirname, '../../../bench/bare-peer-process.ts');
const PASSWORD = 'a-room-password';

interface HoldingProxy {
  readonly url: string;
  /** Publishes (announces) the proxy held back before letting them through. */
  readonly held: () => number;
  close(): Promise<void>;
}

/**
 * A WebSocket proxy that holds every publish from its clients to the server until `members`
 * clients have each published one (announced), then sends them on in order: the server then
 * hands each announce to every member, all of them subscribed by then.
 */
async function startHoldingProxy(targetUrl: string, members: number): Promise<HoldingProxy> {
  const published = new Set<WebSocket>();
  const queue: Array<{ upstream: WebSocket; text: string }> = [];
  let holding = true;
  let heldCount = 0;
  const sockets = new Set<WebSocket>();
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const release = () => {
    holding = false;
    for (const { upstream, text } of queue.splice(0)) {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
    }
  };
  wss.on('connection', (client) => {
    const upstream = new WebSocket(targetUrl);
    sockets.add(client);
    sockets.add(upstream);
    const early: string[] = [];
    client.on('message', (data) => {
      const text = data.toString();
      if (holding && isPublish(text)) {
        heldCount += 1;
        queue.push({ upstream, text });
        published.add(client);
        // A moment for the last subscribe to reach the server before the announces do.
        if (published.size >= members) setTimeout(release, 100);
        return;
      }
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else early.push(text);
    });
    upstream.on('open', () => {
      for (const text of early.splice(0)) upstream.send(text);
    });
    upstream.on('message', (data) => {
      if (client.readyState === WebSocket.OPEN) client.send(data.toString());
    });
    const closeBoth = () => {
      client.close();
      upstream.close();
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    held: () => heldCount,
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      await new Promise<void>((done) => http.close(() => done()));
    },
  };
}

function isPublish(text: string): boolean {
  try {
    const message = JSON.parse(text) as { type?: unknown };
    return message.type === 'publish';
  } catch {
    return false;
  }
}

function command(child: ChildProcess, message: BareCommand): Promise<BareEvent> {
  return new Promise((done) => {
    child.once('message', (event) => done(event as BareEvent));
    child.send(message);
  });
}

function startPeer(): ChildProcess {
  return fork(PEER, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

let server: RunningServer;
const peers: ChildProcess[] = [];
const proxies: HoldingProxy[] = [];

beforeAll(async () => {
  server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  for (const peer of peers) {
    if (peer.connected) await command(peer, { type: 'close' }).catch(() => undefined);
  }
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await server.close();
});

describe('two members who announce a room at the same moment (glare)', () => {
  // Each round is a fresh room and pair; glare tokens are random, so either side may lose.
  it.each([1, 2, 3])(
    'connect over the offer that wins (round %i)',
    async (round) => {
      const proxy = await startHoldingProxy(server.url, 2);
      proxies.push(proxy);
      const pair = [startPeer(), startPeer()] as const;
      peers.push(...pair);
      const room = `kring-test-glare-${round}-${Math.random().toString(36).slice(2)}`;
      const opened = await Promise.all(
        pair.map((peer) =>
          command(peer, { type: 'open', room, password: PASSWORD, signalingUrl: proxy.url }),
        ),
      );
      expect(opened.every((event) => event.ok)).toBe(true);

      const connected = async () =>
        (await Promise.all(pair.map((peer) => command(peer, { type: 'peers' })))).map(
          (event) => event.peers,
        );
      // Without the patch's answer the two are still unconnected here, and stay so.
      await expect.poll(connected, { timeout: 30_000, interval: 250 }).toEqual([1, 1]);
      // The side that answered the other's offer replaced its own offering connection; it said
      // so ('peers'), as for any new connection, so that whoever watches connections (the
      // panel's notes to each peer) watches the new one at once.
      const unannounced = await Promise.all(pair.map((peer) => command(peer, { type: 'peers' })));
      expect(unannounced.map((event) => event.unannounced)).toEqual([0, 0]);
      // Both announces were held until both had announced, and nothing else was published
      // before them: each member heard the other's announce, so both offered.
      expect(proxy.held()).toBe(2);

      await Promise.all(pair.map((peer) => command(peer, { type: 'close' })));
    },
    45_000,
  );
});
