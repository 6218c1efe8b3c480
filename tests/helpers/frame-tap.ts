/**
 * What the companion sees, for tests that check it sees no plaintext: a WebSocket proxy in front
 * of a signaling server that records every text frame in both directions, and the reading of a
 * y-webrtc signaling payload with the room's password (as a member, not the server, can).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import * as decoding from 'lib0/decoding';

export interface FrameTap {
  /** Members connect here instead of to the server. */
  readonly url: string;
  /** Every text frame so far, as sent, with its direction. */
  readonly frames: ReadonlyArray<{ readonly toServer: boolean; readonly text: string }>;
  /** The close code of every socket the server closed (1008 rate, 1009 size, ...). */
  readonly serverCloses: readonly number[];
  close(): Promise<void>;
}

export interface FrameTapOptions {
  /**
   * Holds every publish from the members to the server until this many members have each
   * published one (announced), then sends them on in order: the server then hands each announce
   * to all of them, every one subscribed by then. Two members who announce at the same moment
   * (glare: tests/lib/connection/offer-glare.test.ts).
   */
  readonly holdAnnouncesOf?: number;
}

/** Starts a proxy on a free loopback port that forwards to `targetUrl` and records frames. */
export async function startFrameTap(
  targetUrl: string,
  options: FrameTapOptions = {},
): Promise<FrameTap> {
  const frames: Array<{ toServer: boolean; text: string }> = [];
  const serverCloses: number[] = [];
  let closing = false;
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const sockets = new Set<WebSocket>();
  const hold = holdAnnounces(options.holdAnnouncesOf ?? 0);
  wss.on('connection', (client) => {
    const upstream = new WebSocket(targetUrl);
    sockets.add(client);
    sockets.add(upstream);
    const early: string[] = [];
    const sendUp = (text: string): void => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else early.push(text);
    };
    client.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      frames.push({ toServer: true, text });
      if (!hold(client, text, () => sendUp(text))) sendUp(text);
    });
    upstream.on('open', () => {
      for (const text of early.splice(0)) upstream.send(text);
    });
    upstream.on('message', (data) => {
      const text = data.toString();
      frames.push({ toServer: false, text });
      if (client.readyState === WebSocket.OPEN) client.send(text);
    });
    const closeBoth = (): void => {
      client.close();
      upstream.close();
    };
    client.on('close', closeBoth);
    upstream.on('close', (code) => {
      if (!closing) serverCloses.push(code);
      closeBoth();
    });
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    frames,
    serverCloses,
    async close() {
      closing = true;
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * The hold of `FrameTapOptions.holdAnnouncesOf`: true when it took the frame, to send on (`send`)
 * once `members` members have each published.
 */
function holdAnnounces(
  members: number,
): (client: WebSocket, text: string, send: () => void) => boolean {
  if (members <= 0) return () => false;
  const published = new Set<WebSocket>();
  const held: Array<() => void> = [];
  let holding = true;
  return (client, text, send) => {
    if (!holding || !isPublish(text)) return false;
    held.push(send);
    published.add(client);
    if (published.size >= members) {
      holding = false;
      // A moment for the last subscribe to reach the server before the announces do.
      setTimeout(() => {
        for (const sendOn of held.splice(0)) sendOn();
      }, 100);
    }
    return true;
  };
}

/** Whether a signaling frame is a publish (an announce, a signal, a relayed message). */
export function isPublish(text: string): boolean {
  try {
    const message: unknown = JSON.parse(text);
    return (
      typeof message === 'object' && message !== null && Reflect.get(message, 'type') === 'publish'
    );
  } catch {
    return false;
  }
}

/** Reads a publish's `data` (base64 of y-webrtc's AES-GCM envelope); null if the key does not fit. */
export async function openPayload(data: string, key: CryptoKey): Promise<unknown> {
  try {
    const sealed = decoding.createDecoder(Uint8Array.from(Buffer.from(data, 'base64')));
    if (decoding.readVarString(sealed) !== 'AES-GCM') return null;
    const iv = decoding.readVarUint8Array(sealed);
    const cipher = decoding.readVarUint8Array(sealed);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher);
    return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)));
  } catch {
    return null;
  }
}

/** The publish frames of a tap as `{ topic, data }`, each once (the server's copies only). */
export function publishedPayloads(
  tap: FrameTap,
): Array<{ readonly topic: string; readonly data: string }> {
  const out: Array<{ topic: string; data: string }> = [];
  for (const frame of tap.frames) {
    if (frame.toServer) continue;
    try {
      const message: unknown = JSON.parse(frame.text);
      if (
        typeof message === 'object' &&
        message !== null &&
        Reflect.get(message, 'type') === 'publish' &&
        typeof Reflect.get(message, 'topic') === 'string' &&
        typeof Reflect.get(message, 'data') === 'string'
      ) {
        out.push({
          topic: Reflect.get(message, 'topic') as string,
          data: Reflect.get(message, 'data') as string,
        });
      }
    } catch {
      // not JSON: nothing the members publish
    }
  }
  return out;
}
