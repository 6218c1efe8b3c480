/**
 * A slow network on loopback, where the kernel has no `netem` (docs/environment.md): a TCP proxy
 * that holds every chunk for a fixed time before passing it on, in each direction, in order.
 * Put it in front of the companion (the signaling WebSocket and /ice are TCP) and in front of a
 * TURN server reached over TCP (`turn:...?transport=tcp` with "Only connect through the
 * server"), and every byte between two members crosses it twice each way: a one-way delay of
 * `delayMs` here is a round trip of 4 x `delayMs` between two members and 2 x `delayMs` to the
 * server. `slowNetwork` puts a companion and a coturn so.
 */
import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { startSignalingServer } from '../../server/signaling-server';
import { CoturnProcess } from './coturn-process';

export interface DelayProxy {
  readonly port: number;
  /** Bytes it passed on, both ways. */
  readonly bytes: () => number;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port that forwards to `targetPort` after `delayMs`. */
export async function startDelayProxy(targetPort: number, delayMs: number): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  let bytes = 0;
  /** Passes `from`'s data and end to `to`, each `delayMs` late; timers of one delay keep order. */
  const pipeLate = (from: Socket, to: Socket): void => {
    from.on('data', (chunk) => {
      setTimeout(() => {
        bytes += chunk.length;
        if (!to.destroyed) to.write(chunk);
      }, delayMs);
    });
    from.on('end', () => setTimeout(() => to.end(), delayMs));
    from.on('error', () => setTimeout(() => to.destroy(), delayMs));
    from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1));
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    pipeLate(client, upstream);
    pipeLate(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    bytes: () => bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A companion and a TURN server as far away as a slow network puts them (`slowNetwork`). */
export interface SlowNetwork {
  /** The companion's address through its delay proxy, for the panels' settings. */
  readonly signalingUrl: string;
  readonly turn: CoturnProcess;
  /** The proxy in front of coturn: every byte between two members crosses it twice each way. */
  readonly turnProxy: DelayProxy;
  close(): Promise<void>;
}

/**
 * A companion (serving `staticDir`, handing out TURN over TCP at /ice) and Debian's coturn, each
 * behind a delay proxy of `oneWayMs`: members who connect only through the server are then
 * 4 x `oneWayMs` apart and 2 x `oneWayMs` from the companion.
 */
export async function slowNetwork(oneWayMs: number, staticDir: string): Promise<SlowNetwork> {
  const turn = await CoturnProcess.start();
  const turnProxy = await startDelayProxy(turn.port, oneWayMs);
  const server = await startSignalingServer({
    port: 0,
    host: '127.0.0.1',
    staticDir,
    ice: {
      stunUrls: [],
      turnUrls: [`turn:127.0.0.1:${turnProxy.port}?transport=tcp`],
      turnSecret: turn.secret,
      turnTtlSeconds: 600,
    },
  });
  const serverProxy = await startDelayProxy(Number(new URL(server.url).port), oneWayMs);
  return {
    signalingUrl: server.url.replace(/:\d+(?=\/|$)/, `:${serverProxy.port}`),
    turn,
    turnProxy,
    async close() {
      await server.close();
      await serverProxy.close();
      await turnProxy.close();
      await turn.stop();
    },
  };
}
