/**
 * A WebSocket client written on a bare TCP socket, for what `ws` would not do: stop reading while
 * still sending (a slow reader), send pongs nobody asked for, send half a request, or read the
 * HTTP status of a refused upgrade. Frames are masked as a client must.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

export interface RawSocket {
  readonly socket: Socket;
  /** Bytes received after the handshake (counted even when nobody looks at them). */
  readonly received: () => number;
  /** Resolves when the server has closed or reset the connection. */
  readonly ended: Promise<void>;
  /** Sends one masked frame: 0x1 text, 0x2 binary, 0x9 ping, 0xa pong. */
  sendFrame(opcode: number, payload: Buffer | string): void;
  /** Stops reading from the kernel: the server's data piles up in its queues. */
  pause(): void;
  resume(): void;
  destroy(): void;
}

/** Opens a socket, sends the upgrade request and resolves with the status line's code. */
export async function openRawWebSocket(
  port: number,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ status: number; raw: RawSocket }> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  const lines = [
    'GET / HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);

  let received = 0;
  let head = Buffer.alloc(0);
  const statusOf = (): number =>
    Number(/^HTTP\/1\.1 (\d{3})/.exec(head.toString('latin1'))?.[1] ?? 0);
  const status = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      received = head.length - (end + 4); // frames that came with the response
      resolve(statusOf());
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('close', () => resolve(statusOf()));
  });
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
  });
  socket.on('error', () => {});
  const ended = new Promise<void>((resolve) => {
    socket.once('end', () => resolve());
    socket.once('close', () => resolve());
  });

  return {
    status,
    raw: {
      socket,
      received: () => received,
      ended,
      sendFrame(opcode, payload) {
        if (socket.destroyed) return;
        socket.write(encodeFrame(opcode, Buffer.from(payload)));
      },
      pause: () => socket.pause(),
      resume: () => socket.resume(),
      destroy: () => socket.destroy(),
    },
  };
}

/** One final, masked client frame. */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), bigEndian64(length)]);
  const masked = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) masked[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return Buffer.concat([header, mask, masked]);
}

function bigEndian64(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(value));
  return buffer;
}
