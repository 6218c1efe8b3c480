/**
 * The companion signaling server: a y-webrtc compatible subscribe/publish relay on a WebSocket,
 * a /health endpoint with counts only, and optionally the web panel's static files. It stores
 * nothing: messages are relayed in flight and never logged; logs carry counts, never content,
 * topic names or addresses.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { encodeServerMessage, parseClientMessage } from '../lib/connection/signaling-protocol';
import type { ClientMessage } from '../lib/connection/signaling-protocol';
import { handleIceRequest, iceOriginAllowed } from './ice-endpoint';
import type { IceOptions } from './ice-endpoint';

/** How to run the signaling server; every field has a production default. */
export interface SignalingServerOptions {
  /** TCP port; 0 picks a free one (tests). Default 4444. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1: a reverse proxy in front terminates TLS. */
  readonly host?: string;
  /** Larger frames close that socket with 1009. Default 64 KiB. */
  readonly maxMessageBytes?: number;
  /** A socket silent for this long that does not answer a ping is terminated. Default 30 s. */
  readonly pingTimeoutMs?: number;
  /** Subscriptions beyond this many per connection are ignored. Default 32. */
  readonly maxTopicsPerConnection?: number;
  /** WebSocket upgrades beyond this many open connections get a 503. Default 2000. */
  readonly maxConnections?: number;
  /**
   * Messages one connection may send: a burst of `burst`, refilled at `perSecond`. A connection
   * that goes beyond is closed with 1008. Default 600 at once, 100 per second.
   */
  readonly rateLimit?: { readonly burst: number; readonly perSecond: number };
  /** The clock of the rate limit (tests). Default: performance.now. */
  readonly now?: () => number;
  /** A folder served over HTTP GET (index.html for a directory); none when absent. */
  readonly staticDir?: string;
  /** Receives one line per notable event; never message content. Default: silent. */
  readonly log?: (line: string) => void;
  /**
   * The STUN and TURN servers handed out at GET /ice (with short-lived TURN credentials when
   * there is a secret). Absent: /ice answers an empty list, and members connect directly or
   * through their own servers; never through a third party's by default.
   */
  readonly ice?: IceOptions;
}

/** Counts that describe the server now; nothing in them identifies a room or a member. */
export interface SignalingServerStats {
  readonly connections: number;
  readonly topics: number;
  /** Malformed frames: not JSON, the wrong shape, binary. */
  readonly droppedMessages: number;
  /** Well-formed but not allowed: a publish to a topic not subscribed, topics over the limit. */
  readonly refusedMessages: number;
}

/** A listening signaling server. */
export interface RunningServer {
  /** The WebSocket address clients connect to, e.g. ws://127.0.0.1:4444. */
  readonly url: string;
  /** The HTTP address of the same server (static files, /health). */
  readonly httpUrl: string;
  readonly host: string;
  readonly port: number;
  stats(): SignalingServerStats;
  /** Terminates every socket, stops the timers and resolves when the port is free. */
  close(): Promise<void>;
}

/** The defaults, exported so the CLI and the docs state the same numbers. */
export const SIGNALING_DEFAULTS = {
  port: 4444,
  host: '127.0.0.1',
  maxMessageBytes: 64 * 1024,
  pingTimeoutMs: 30_000,
  maxTopicsPerConnection: 32,
  maxConnections: 2000,
  rateLimit: { burst: 600, perSecond: 100 },
} as const;

interface Connection {
  readonly topics: Set<string>;
  /** Messages this connection may still send now (token bucket), and when it was refilled. */
  tokens: number;
  refilledAt: number;
  /** Heard from since the last liveness check (a message or a pong). */
  alive: boolean;
  dropped: number;
  refused: number;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/** Starts the signaling server and resolves once it listens. */
export async function startSignalingServer(
  options: SignalingServerOptions = {},
): Promise<RunningServer> {
  const host = options.host ?? SIGNALING_DEFAULTS.host;
  const maxMessageBytes = options.maxMessageBytes ?? SIGNALING_DEFAULTS.maxMessageBytes;
  const pingTimeoutMs = options.pingTimeoutMs ?? SIGNALING_DEFAULTS.pingTimeoutMs;
  const maxTopicsPerConnection =
    options.maxTopicsPerConnection ?? SIGNALING_DEFAULTS.maxTopicsPerConnection;
  const maxConnections = options.maxConnections ?? SIGNALING_DEFAULTS.maxConnections;
  const rateLimit = options.rateLimit ?? SIGNALING_DEFAULTS.rateLimit;
  const now = options.now ?? (() => performance.now());
  const staticRoot = options.staticDir === undefined ? null : await staticFolder(options.staticDir);
  const log = options.log ?? (() => {});
  const startedAt = process.hrtime.bigint();

  const connections = new Map<WebSocket, Connection>();
  const topics = new Map<string, Set<WebSocket>>();
  let droppedMessages = 0;
  let refusedMessages = 0;

  const stats = (): SignalingServerStats => ({
    connections: connections.size,
    topics: topics.size,
    droppedMessages,
    refusedMessages,
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  wss.on('error', () => log('websocket server error'));

  const httpServer = createServer((request, response) => {
    handleHttp(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = (request.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed');
      return;
    }
    if (pathname === '/ice') {
      handleIceRequest(
        request,
        response,
        options.ice,
        (origin) => iceOriginAllowed(origin, request.headers.host),
        Date.now(),
      );
      return;
    }
    if (pathname === '/health') {
      const uptimeSeconds = Math.floor(Number(process.hrtime.bigint() - startedAt) / 1e9);
      const body = JSON.stringify({
        ok: true,
        connections: connections.size,
        topics: topics.size,
        uptimeSeconds,
      });
      response.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    if (staticRoot === null) {
      if (pathname === '/') sendText(response, 200, 'Kring companion server. Health: /health\n');
      else sendText(response, 404, 'Not found');
      return;
    }
    const file = await resolveStaticFile(staticRoot, pathname);
    if (file === null) {
      sendText(response, 404, 'Not found');
      return;
    }
    response.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(file.size),
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file.path);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (connections.size >= maxConnections) {
      log(`refused a connection: ${maxConnections} connections are open`);
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws));
  });

  function onConnection(ws: WebSocket): void {
    const connection: Connection = {
      topics: new Set(),
      tokens: rateLimit.burst,
      refilledAt: now(),
      alive: true,
      dropped: 0,
      refused: 0,
    };
    connections.set(ws, connection);
    ws.on('pong', () => {
      connection.alive = true;
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      connection.alive = true;
      if (!takeToken(connection)) {
        log('closed a connection that sent messages faster than the rate limit (1008)');
        ws.close(1008, 'rate limit');
        return;
      }
      // y-webrtc only sends JSON text; anything else is dropped like malformed JSON.
      const parsed = isBinary ? null : parseClientMessage(rawDataToString(data));
      if (parsed === null || !parsed.ok) {
        connection.dropped += 1;
        droppedMessages += 1;
        return;
      }
      handleMessage(ws, connection, parsed.message);
    });
    ws.on('error', (error: Error) => {
      // ws closes the socket itself (1009 for an oversized frame); the code names the cause.
      const code = 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
      log(
        code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
          ? `closed a connection that sent a message over ${maxMessageBytes} bytes (1009)`
          : `closed a connection after a protocol error (${code})`,
      );
    });
    ws.on('close', () => {
      for (const topic of connection.topics) leaveTopic(ws, topic);
      connection.topics.clear();
      connections.delete(ws);
      if (connection.dropped > 0 || connection.refused > 0) {
        log(
          `a connection closed after ${connection.dropped} malformed and ` +
            `${connection.refused} refused messages`,
        );
      }
    });
  }

  /** Refills the connection's bucket for the time passed and takes one message from it. */
  function takeToken(connection: Connection): boolean {
    const at = now();
    const refill = ((at - connection.refilledAt) / 1000) * rateLimit.perSecond;
    connection.tokens = Math.min(rateLimit.burst, connection.tokens + refill);
    connection.refilledAt = at;
    if (connection.tokens < 1) return false;
    connection.tokens -= 1;
    return true;
  }

  function handleMessage(ws: WebSocket, connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'subscribe':
        for (const topic of message.topics) {
          if (connection.topics.has(topic)) continue;
          if (connection.topics.size >= maxTopicsPerConnection) {
            connection.refused += 1;
            refusedMessages += 1;
            break;
          }
          connection.topics.add(topic);
          let subscribers = topics.get(topic);
          if (subscribers === undefined) {
            subscribers = new Set();
            topics.set(topic, subscribers);
          }
          subscribers.add(ws);
        }
        return;
      case 'unsubscribe':
        for (const topic of message.topics) {
          if (connection.topics.delete(topic)) leaveTopic(ws, topic);
        }
        return;
      case 'publish': {
        const subscribers = topics.get(message.topic);
        if (subscribers === undefined || !connection.topics.has(message.topic)) {
          connection.refused += 1;
          refusedMessages += 1;
          return;
        }
        const frame = encodeServerMessage({
          type: 'publish',
          topic: message.topic,
          data: message.data,
          clients: subscribers.size,
        });
        for (const subscriber of subscribers) send(subscriber, frame);
        return;
      }
      case 'ping':
        send(ws, encodeServerMessage({ type: 'pong' }));
        return;
    }
  }

  function leaveTopic(ws: WebSocket, topic: string): void {
    const subscribers = topics.get(topic);
    if (subscribers === undefined) return;
    subscribers.delete(ws);
    if (subscribers.size === 0) topics.delete(topic);
  }

  // One timer for all sockets: a socket not heard from during a whole check interval gets a
  // ping, and is terminated at the next check if it still said nothing, so within pingTimeoutMs.
  const liveness = setInterval(
    () => {
      for (const [ws, connection] of connections) {
        if (!connection.alive) {
          log('terminated a connection that stopped answering pings');
          ws.terminate();
          continue;
        }
        connection.alive = false;
        ws.ping();
      }
    },
    Math.max(1, Math.floor(pingTimeoutMs / 2)),
  );

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: Error): void => {
      clearInterval(liveness);
      rejectListen(error);
    };
    httpServer.once('error', onError);
    httpServer.listen(options.port ?? SIGNALING_DEFAULTS.port, host, () => {
      httpServer.off('error', onError);
      resolveListen();
    });
  });
  httpServer.on('error', () => log('http server error'));

  const address = httpServer.address();
  const port = isAddressInfo(address) ? address.port : (options.port ?? SIGNALING_DEFAULTS.port);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolveClose) => {
      clearInterval(liveness);
      for (const ws of connections.keys()) ws.terminate();
      wss.close();
      httpServer.close(() => resolveClose());
      httpServer.closeAllConnections();
    });
    return closing;
  };

  return {
    url: `ws://${urlHost}:${port}`,
    httpUrl: `http://${urlHost}:${port}`,
    host,
    port,
    stats,
    close,
  };
}

function send(ws: WebSocket, frame: string): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(frame);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

function isAddressInfo(value: string | AddressInfo | null): value is AddressInfo {
  return value !== null && typeof value === 'object';
}

/**
 * Maps a request path to a regular file inside root, or null. Refuses `..` and dot segments
 * (also percent-encoded), NUL bytes, and symbolic links that lead out of root.
 */
async function resolveStaticFile(
  root: string,
  pathname: string,
): Promise<{ path: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  let candidate = resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = resolve(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return null;
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    return { path: real, size: info.size };
  } catch {
    return null;
  }
}

async function staticFolder(dir: string): Promise<string> {
  const real = await realpath(dir).catch(() => null);
  if (real === null || !(await stat(real)).isDirectory()) {
    throw new Error(`the static folder ${dir} is not a folder`);
  }
  return real;
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
