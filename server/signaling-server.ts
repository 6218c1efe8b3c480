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
import type { Log } from './log';
import { createCounters, METRICS_CONTENT_TYPE, renderMetrics } from './metrics';
import { createRedisBus } from './redis-bus';
import { singleInstanceBus } from './topic-bus';
import type { TopicBus } from './topic-bus';

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
  /** Receives one event per notable event; never message content. Default: silent. */
  readonly log?: Log;
  /**
   * Redis (redis:// or rediss://) through which several instances serve the same rooms
   * (server/redis-bus.ts). Absent: one process, nothing leaves it.
   */
  readonly redisUrl?: string;
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
  const counters = createCounters();
  /** Sockets that subscribed while the other instances were unreachable (see bus.recovered). */
  const joinedWhileApart = new Set<WebSocket>();
  const bus: TopicBus =
    options.redisUrl === undefined
      ? singleInstanceBus
      : await createRedisBus({
          url: options.redisUrl,
          log,
          counters,
          maxMessageBytes,
          deliver: deliverLocally,
          // Their announces were lost with the link: a reconnect makes y-webrtc announce again.
          recovered: () => {
            if (joinedWhileApart.size > 0) {
              log({
                level: 'info',
                msg: 'closed connections that joined while redis was down, so that they announce again',
                connections: joinedWhileApart.size,
              });
            }
            for (const ws of joinedWhileApart) ws.close(1012, 'reconnect');
            joinedWhileApart.clear();
          },
        });

  const stats = (): SignalingServerStats => ({
    connections: connections.size,
    topics: topics.size,
    droppedMessages,
    refusedMessages,
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  wss.on('error', () => log({ level: 'error', msg: 'websocket server error' }));

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
      const redis = bus.connected();
      const body = JSON.stringify({
        ok: true,
        connections: connections.size,
        topics: topics.size,
        uptimeSeconds,
        // Only with Redis: whether the other instances are reachable (local rooms work anyway).
        ...(redis === null ? {} : { redis: redis ? 'connected' : 'disconnected' }),
      });
      response.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    if (pathname === '/metrics') {
      const body = renderMetrics({
        ...stats(),
        counters,
        redisConnected: bus.connected(),
        residentMemoryBytes: process.memoryUsage.rss(),
        uptimeSeconds: Math.floor(Number(process.hrtime.bigint() - startedAt) / 1e9),
      });
      response.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': METRICS_CONTENT_TYPE,
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
      counters.refusedConnections.server_full += 1;
      log({ level: 'warn', msg: 'refused a connection: the server is full', maxConnections });
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
      counters.messagesIn += 1;
      counters.bytesIn += rawDataBytes(data);
      if (!takeToken(connection)) {
        counters.terminated.rate_limit += 1;
        log({
          level: 'warn',
          msg: 'closed a connection that sent messages faster than the rate limit',
          code: 1008,
        });
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
      if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        counters.terminated.message_too_large += 1;
        log({
          level: 'warn',
          msg: 'closed a connection that sent a message over the size limit',
          code: 1009,
          maxMessageBytes,
        });
      } else {
        counters.terminated.protocol_error += 1;
        log({ level: 'warn', msg: 'closed a connection after a protocol error', error: code });
      }
    });
    ws.on('close', () => {
      for (const topic of connection.topics) leaveTopic(ws, topic);
      connection.topics.clear();
      connections.delete(ws);
      joinedWhileApart.delete(ws);
      if (connection.dropped > 0 || connection.refused > 0) {
        log({
          level: 'info',
          msg: 'a connection closed after malformed or refused messages',
          malformed: connection.dropped,
          refused: connection.refused,
        });
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
          if (bus.connected() === false) joinedWhileApart.add(ws);
          let subscribers = topics.get(topic);
          if (subscribers === undefined) {
            subscribers = new Set();
            topics.set(topic, subscribers);
            bus.join(topic);
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
        deliverLocally(message.topic, message.data);
        bus.publish(message.topic, message.data);
        return;
      }
      case 'ping': {
        const pong = encodeServerMessage({ type: 'pong' });
        counters.messagesOut += 1;
        counters.bytesOut += pong.length;
        send(ws, pong);
        return;
      }
    }
  }

  /**
   * Sends a publish (from a client here or from another instance) to this instance's
   * subscribers of the topic; `clients` is their number: with Redis, those on this instance.
   */
  function deliverLocally(topic: string, data: unknown): void {
    const subscribers = topics.get(topic);
    if (subscribers === undefined) return;
    const frame = encodeServerMessage({ type: 'publish', topic, data, clients: subscribers.size });
    counters.messagesOut += subscribers.size;
    counters.bytesOut += Buffer.byteLength(frame) * subscribers.size;
    for (const subscriber of subscribers) send(subscriber, frame);
  }

  function leaveTopic(ws: WebSocket, topic: string): void {
    const subscribers = topics.get(topic);
    if (subscribers === undefined) return;
    subscribers.delete(ws);
    if (subscribers.size === 0) {
      topics.delete(topic);
      bus.leave(topic);
    }
  }

  // One timer for all sockets: a socket not heard from during a whole check interval gets a
  // ping, and is terminated at the next check if it still said nothing, so within pingTimeoutMs.
  const liveness = setInterval(
    () => {
      for (const [ws, connection] of connections) {
        if (!connection.alive) {
          counters.terminated.ping_timeout += 1;
          log({ level: 'info', msg: 'terminated a connection that stopped answering pings' });
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
      void bus.close();
      rejectListen(error);
    };
    httpServer.once('error', onError);
    httpServer.listen(options.port ?? SIGNALING_DEFAULTS.port, host, () => {
      httpServer.off('error', onError);
      resolveListen();
    });
  });
  httpServer.on('error', () => log({ level: 'error', msg: 'http server error' }));

  const address = httpServer.address();
  const port = isAddressInfo(address) ? address.port : (options.port ?? SIGNALING_DEFAULTS.port);
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolveClose) => {
      clearInterval(liveness);
      for (const ws of connections.keys()) ws.terminate();
      wss.close();
      httpServer.close(() => {
        void bus.close().then(() => resolveClose());
      });
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

function rawDataBytes(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data.byteLength;
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
