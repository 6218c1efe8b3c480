/**
 * A slow network on loopback, where the kernel has no `netem` (docs/environment.md): a TCP proxy
 * that holds every chunk for a fixed time before passing it on, in each direction, in order.
 * Put it in front of the companion (the signaling WebSocket and /ice are TCP) and in front of a
 * TURN server reached over TCP (`turn:...?transport=tcp` with "Only connect through the
 * server"), and every byte between two members crosses it twice each way: a one-way delay of
 * `delayMs` here is a round trip of 4 x `delayMs` between two members and 2 x `delayMs` to the
 * server.
 */
import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

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
