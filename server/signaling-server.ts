/**
 * The companion signaling server: a y-webrtc compatible subscribe/publish relay on a WebSocket,
 * a /health endpoint with counts only, and optionally the web panel's static files. It stores
 * nothing: messages are relayed in flight and never logged; logs carry counts, never content,
 * topic names or addresses. Everything a client can make it hold is capped (the limits of
 * docs/signaling-protocol.md).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { encodeServerMessage, parseClientMessage } from '../lib/connection/signaling-protocol';
import type { ClientMessage } from '../lib/connection/signaling-protocol';
import { handleIceRequest, iceOriginAllowed } from './ice-endpoint';
import type { IceOptions } from './ice-endpoint';
import type { Log, LogEvent } from './log';
import { createLogLimiter } from './log-limiter';
import { createCounters, METRICS_CONTENT_TYPE, renderMetrics } from './metrics';
import type { RefusalReason, TerminationReason } from './metrics';
import { createRedisBus } from './redis-bus';
import { singleInstanceBus } from './topic-bus';
import type { TopicBus } from './topic-bus';
import { clientAddress, judgeOrigin, normaliseOrigin } from './origin';
import { CONTENT_TYPES, SECURITY_HEADERS, openPanelFiles } from './static-files';

/** How to run the signaling server; every field has a production default. */
export interface SignalingServerOptions {
  /** TCP port; 0 picks a free one (tests). Default 4444. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1: a reverse proxy in front terminates TLS. */
  readonly host?: string;
  /** Larger frames close that socket with 1009. Default 64 KiB. */
  readonly maxMessageBytes?: number;
  /**
   * The server pings every socket each pingTimeoutMs / 2 with a random payload; a socket that
   * has not answered the previous ping by then is terminated, so one that stopped reading goes
   * within pingTimeoutMs. Messages and unasked pongs do not count as answers. Default 30 s.
   */
  readonly pingTimeoutMs?: number;
  /** Subscriptions beyond this many per connection are ignored. Default 32. */
  readonly maxTopicsPerConnection?: number;
  /** WebSocket upgrades beyond this many open connections get a 503. Default 2000. */
  readonly maxConnections?: number;
  /**
   * Messages one connection may send: a burst of `burst`, refilled at `perSecond`. The first
   * message beyond terminates the connection. Default 600 at once, 100 per second.
   */
  readonly rateLimit?: { readonly burst: number; readonly perSecond: number };
  /** The clock of the rate limit (tests). Default: performance.now. */
  readonly now?: () => number;
  /**
   * A built extension folder whose web panel is served over HTTP GET: index.html, sidepanel.html
   * and the files they reach, nothing else (server/static-files.ts). None when absent.
   */
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
  /**
   * Data queued for one socket and not yet taken by its reader beyond this terminates the
   * socket: a member that stops reading must not make the server hold everything the others
   * publish (a probe grew the server from 171 MB to 2 GB in 24 s). Default 1 MiB.
   */
  readonly maxBufferedBytes?: number;
  /**
   * Open WebSocket connections per client address; further upgrades get a 429. A hospital's
   * groups can share one NAT address, hence a high default: 64. 0 = no cap.
   */
  readonly maxConnectionsPerAddress?: number;
  /**
   * Behind a reverse proxy: the client address is the right-most X-Forwarded-For entry (the one
   * the proxy appended). Leave it false when clients reach the server directly, or anyone could
   * choose their address. Default false.
   */
  readonly trustProxy?: boolean;
  /**
   * Page origins allowed to open a socket besides the built-in ones (no Origin header, the Kring
   * extension's id, any Firefox extension, the companion's own pages), e.g. a store build's
   * `chrome-extension://<id>` or another companion that serves the web panel. Others get 403.
   */
  readonly allowedOrigins?: readonly string[];
  /** A socket that has not subscribed to a topic this long after it opened is closed (1008). Default 5 s. */
  readonly subscribeTimeoutMs?: number;
  /** An HTTP request (or upgrade) whose headers have not all arrived by then is closed. Default 10 s. */
  readonly httpHeadersTimeoutMs?: number;
  /** An HTTP request not wholly received by then is closed; open WebSockets are not affected. Default 30 s. */
  readonly httpRequestTimeoutMs?: number;
}

/** Counts that describe the server now; nothing in them identifies a room or a member. */
export interface SignalingServerStats {
  readonly connections: number;
  readonly topics: number;
  /** Malformed frames: not JSON, the wrong shape, binary. */
  readonly droppedMessages: number;
  /** Well-formed but not allowed: a publish to a topic not subscribed, topics over the limit. */
  readonly refusedMessages: number;
  /** Pongs that answered no ping of the server, or carried another payload; ignored. */
  readonly unaskedPongs: number;
  /** Connections the server ended itself, by reason (slow_reader, ping_timeout, …). */
  readonly terminated: Readonly<Record<TerminationReason, number>>;
  /** WebSocket upgrades refused: server_full (503), address_full (429), origin (403). */
  readonly refusedConnections: Readonly<Record<RefusalReason, number>>;
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
  maxBufferedBytes: 1024 * 1024,
  maxConnectionsPerAddress: 64,
  trustProxy: false,
  subscribeTimeoutMs: 5_000,
  httpHeadersTimeoutMs: 10_000,
  httpRequestTimeoutMs: 30_000,
} as const;

/** After the first line of a kind (a refusal, a termination), at most one summary a minute. */
const LOG_SUMMARY_INTERVAL_MS = 60_000;

interface Connection {
  readonly topics: Set<string>;
  /** The address it counts against (maxConnectionsPerAddress); never logged. */
  readonly address: string;
  /** Messages this connection may still send now (token bucket), and when it was refilled. */
  tokens: number;
  refilledAt: number;
  /** The payload of the server's ping not answered yet; null when none is outstanding. */
  pingPayload: Buffer | null;
  /** Closes the socket if it has not subscribed by then (subscribeTimeoutMs). */
  subscribeTimer: NodeJS.Timeout | null;
  /** Ended by the server: frames still in flight from it are ignored. */
  ended: boolean;
  dropped: number;
  refused: number;
}

/** Headers on every HTTP answer: the web panel's CSP, no framing, no sniffing, no referrer. */
const BASE_HEADERS = SECURITY_HEADERS;

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
  const maxBufferedBytes = options.maxBufferedBytes ?? SIGNALING_DEFAULTS.maxBufferedBytes;
  const maxConnectionsPerAddress =
    options.maxConnectionsPerAddress ?? SIGNALING_DEFAULTS.maxConnectionsPerAddress;
  const trustProxy = options.trustProxy ?? SIGNALING_DEFAULTS.trustProxy;
  const subscribeTimeoutMs = options.subscribeTimeoutMs ?? SIGNALING_DEFAULTS.subscribeTimeoutMs;
  const headersTimeoutMs = options.httpHeadersTimeoutMs ?? SIGNALING_DEFAULTS.httpHeadersTimeoutMs;
  // Node refuses a headers timeout longer than the request timeout.
  const requestTimeoutMs = Math.max(
    headersTimeoutMs,
    options.httpRequestTimeoutMs ?? SIGNALING_DEFAULTS.httpRequestTimeoutMs,
  );
  const allowedOrigins = new Set<string>();
  for (const origin of options.allowedOrigins ?? []) {
    const normalised = normaliseOrigin(origin);
    if (normalised === null) throw new Error(`not an origin: ${origin}`);
    allowedOrigins.add(normalised);
  }
  const panelFiles =
    options.staticDir === undefined ? null : await openPanelFiles(options.staticDir);
  const log = options.log ?? (() => {});
  const limitedLog = createLogLimiter<LogEvent>(
    log,
    (event, count) => ({ ...event, msg: `${event.msg} (more in the last minute)`, count }),
    LOG_SUMMARY_INTERVAL_MS,
  );
  const startedAt = process.hrtime.bigint();

  const connections = new Map<WebSocket, Connection>();
  const topics = new Map<string, Set<WebSocket>>();
  const perAddress = new Map<string, number>();
  let droppedMessages = 0;
  let refusedMessages = 0;
  let unaskedPongs = 0;
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
    unaskedPongs,
    terminated: { ...counters.terminated },
    refusedConnections: { ...counters.refusedConnections },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  wss.on('error', () => log({ level: 'error', msg: 'websocket server error' }));

  const httpServer = createServer(
    {
      // Half-sent requests (slowloris) are closed once these pass; Node checks them only every
      // connectionsCheckingInterval (30 s by default), which would hold them much longer.
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    },
    (request, response) => {
      handleHttp(request, response).catch(() => {
        if (!response.headersSent) sendText(response, 500, 'Internal error');
        else response.destroy();
      });
    },
  );

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
        (origin) =>
          iceOriginAllowed(origin, request.headers.host) &&
          judgeOrigin(origin, request.headers.host, allowedOrigins) !== null,
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
    if (panelFiles === null) {
      if (pathname === '/') sendText(response, 200, 'Kring companion server. Health: /health\n');
      else sendText(response, 404, 'Not found');
      return;
    }
    const file = await panelFiles.resolve(pathname);
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

  // Refusals answer before the upgrade, with a status and no body; each kind is logged once
  // (then summarised), since a refused client usually retries at once.
  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (judgeOrigin(request.headers.origin, request.headers.host, allowedOrigins) === null) {
      counters.refusedConnections.origin += 1;
      limitedLog.note('origin', {
        level: 'warn',
        msg: 'refused a connection from a page of another site',
        status: 403,
      });
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    if (connections.size >= maxConnections) {
      counters.refusedConnections.server_full += 1;
      limitedLog.note('full', {
        level: 'warn',
        msg: 'refused a connection: the server is full',
        status: 503,
        maxConnections,
      });
      refuseUpgrade(socket, '503 Service Unavailable');
      return;
    }
    const address = clientAddress(request, trustProxy);
    const fromAddress = perAddress.get(address) ?? 0;
    if (maxConnectionsPerAddress > 0 && fromAddress >= maxConnectionsPerAddress) {
      counters.refusedConnections.address_full += 1;
      limitedLog.note('address full', {
        level: 'warn',
        msg: 'refused a connection: its address has the most connections allowed',
        status: 429,
        maxConnectionsPerAddress,
      });
      refuseUpgrade(socket, '429 Too Many Requests');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, address));
  });

  function onConnection(ws: WebSocket, address: string): void {
    const connection: Connection = {
      topics: new Set(),
      address,
      tokens: rateLimit.burst,
      refilledAt: now(),
      pingPayload: null,
      subscribeTimer: null,
      ended: false,
      dropped: 0,
      refused: 0,
    };
    connections.set(ws, connection);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    connection.subscribeTimer = setTimeout(() => {
      connection.subscribeTimer = null;
      if (connection.ended) return;
      counters.terminated.no_subscribe += 1;
      limitedLog.note('no subscribe', {
        level: 'info',
        msg: 'closed a connection that subscribed to nothing in time',
        code: 1008,
      });
      end(ws, connection, 'close');
    }, subscribeTimeoutMs);
    ws.on('pong', (data: Buffer) => {
      // Only the answer to the server's own ping counts: an unasked pong says nothing about
      // whether the socket reads what the server sends it.
      if (connection.pingPayload !== null && data.equals(connection.pingPayload)) {
        connection.pingPayload = null;
      } else {
        unaskedPongs += 1;
      }
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (connection.ended) return;
      counters.messagesIn += 1;
      counters.bytesIn += rawDataBytes(data);
      if (!takeToken(connection)) {
        counters.terminated.rate_limit += 1;
        limitedLog.note('rate', {
          level: 'warn',
          msg: 'terminated a connection that sent messages faster than the rate limit',
        });
        end(ws, connection, 'terminate');
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
        limitedLog.note('too large', {
          level: 'warn',
          msg: 'closed a connection that sent a message over the size limit',
          code: 1009,
          maxMessageBytes,
        });
      } else {
        counters.terminated.protocol_error += 1;
        limitedLog.note(`protocol ${code}`, {
          level: 'warn',
          msg: 'closed a connection after a protocol error',
          error: code,
        });
      }
    });
    ws.on('close', () => {
      connection.ended = true;
      if (connection.subscribeTimer !== null) clearTimeout(connection.subscribeTimer);
      for (const topic of connection.topics) leaveTopic(ws, topic);
      connection.topics.clear();
      connections.delete(ws);
      joinedWhileApart.delete(ws);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
      if (connection.dropped > 0 || connection.refused > 0) {
        limitedLog.note('bad messages', {
          level: 'info',
          msg: 'a connection closed after malformed or refused messages',
          malformed: connection.dropped,
          refused: connection.refused,
        });
      }
    });
  }

  /**
   * Ends a connection on the server's initiative. `terminate` destroys the TCP socket at once
   * (abuse: nothing more is read or queued); `close` sends a close frame first, so that a
   * client that may mean well learns why.
   */
  function end(ws: WebSocket, connection: Connection, how: 'close' | 'terminate'): void {
    if (connection.ended) return;
    connection.ended = true;
    if (how === 'terminate') ws.terminate();
    else ws.close(1008, 'no subscription');
  }

  /**
   * Queues a frame for one socket, unless more than maxBufferedBytes would then wait for its
   * reader: a socket that reads too slowly (or not at all) is terminated instead, which frees
   * its queue. The kernel's socket buffers come on top of this, a few MB at most.
   */
  function send(ws: WebSocket, frame: string, frameBytes: number): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount + frameBytes > maxBufferedBytes) {
      const connection = connections.get(ws);
      if (connection === undefined || connection.ended) return;
      counters.terminated.slow_reader += 1;
      limitedLog.note('slow reader', {
        level: 'warn',
        msg: 'terminated a connection that left too much unread',
        maxBufferedBytes,
      });
      end(ws, connection, 'terminate');
      return;
    }
    ws.send(frame);
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
          if (connection.subscribeTimer !== null) {
            clearTimeout(connection.subscribeTimer);
            connection.subscribeTimer = null;
          }
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
        send(ws, pong, pong.length);
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
    const frameBytes = Buffer.byteLength(frame);
    counters.messagesOut += subscribers.size;
    counters.bytesOut += frameBytes * subscribers.size;
    for (const subscriber of subscribers) send(subscriber, frame, frameBytes);
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

  // One timer for all sockets: each check pings every socket with a fresh random payload and
  // terminates those that have not answered the previous check's ping, so a socket that stopped
  // reading goes within pingTimeoutMs. The ping travels behind everything queued for the
  // socket: its answer shows that the client read all of that. A message from the client shows
  // nothing of the kind and does not count (a non-reading sender also meets maxBufferedBytes).
  const liveness = setInterval(
    () => {
      for (const [ws, connection] of connections) {
        if (connection.ended) continue;
        if (connection.pingPayload !== null) {
          counters.terminated.ping_timeout += 1;
          limitedLog.note('ping timeout', {
            level: 'info',
            msg: 'terminated a connection that stopped answering pings',
          });
          end(ws, connection, 'terminate');
          continue;
        }
        connection.pingPayload = randomBytes(8);
        ws.ping(connection.pingPayload);
      }
    },
    Math.max(1, Math.floor(pingTimeoutMs / 2)),
  );

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: Error): void => {
      clearInterval(liveness);
      limitedLog.dispose();
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
      limitedLog.dispose();
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

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
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
