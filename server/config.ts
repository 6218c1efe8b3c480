/**
 * The companion's configuration from its command line and environment: every limit is an
 * environment variable (KRING_*), parsed strictly. A value that is not what the variable takes
 * stops the server with one line that names the variable: a typo must not quietly run the
 * default (or no limit at all). ENV_VARIABLES is the one list that the usage text, the README's
 * table and a test share, so they cannot drift apart.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TURN_TTL_SECONDS, iceOptionsProblem } from './ice-endpoint';
import type { IceOptions } from './ice-endpoint';
import { normaliseOrigin } from './origin';
import { validRedisUrl } from './redis-bus';
import { SIGNALING_DEFAULTS } from './signaling-server';
import type { SignalingServerOptions } from './signaling-server';

/** One environment variable: its name, what it sets, and its default as the docs show it. */
export interface EnvVariable {
  readonly name: string;
  readonly meaning: string;
  readonly default: string;
}

const D = SIGNALING_DEFAULTS;

export const ENV_VARIABLES: readonly EnvVariable[] = [
  {
    name: 'KRING_PORT',
    meaning: 'TCP port (0 = any free port); `--port` wins',
    default: `${D.port}`,
  },
  {
    name: 'KRING_HOST',
    meaning: 'interface to listen on; `--host` wins',
    default: D.host,
  },
  {
    name: 'KRING_STATIC_DIR',
    meaning: 'built extension folder whose web panel is served; `--static` wins',
    default: 'none',
  },
  {
    name: 'KRING_MAX_CONNECTIONS',
    meaning: 'open WebSocket connections in all; more get 503',
    default: `${D.maxConnections}`,
  },
  {
    name: 'KRING_MAX_CONNECTIONS_PER_ADDRESS',
    meaning: 'open connections from one client address; more get 429 (0 = no cap)',
    default: `${D.maxConnectionsPerAddress}`,
  },
  {
    name: 'KRING_TRUST_PROXY',
    meaning:
      '`1` behind a reverse proxy: the client address is the last X-Forwarded-For entry; `0` directly reachable',
    default: D.trustProxy ? '1' : '0',
  },
  {
    name: 'KRING_ALLOWED_ORIGINS',
    meaning:
      'comma-separated extra page origins that may connect (e.g. a store build `chrome-extension://<id>`)',
    default: 'none',
  },
  {
    name: 'KRING_MAX_MESSAGE_BYTES',
    meaning:
      'largest frame a client may send (at least 32768: the relay needs it); larger closes the socket (1009)',
    default: `${D.maxMessageBytes}`,
  },
  {
    name: 'KRING_MAX_BUFFERED_BYTES',
    meaning: "data waiting for one socket's reader; beyond it the socket is terminated",
    default: `${D.maxBufferedBytes}`,
  },
  {
    name: 'KRING_PING_TIMEOUT_MS',
    meaning: "a socket that does not answer the server's ping within this is terminated",
    default: `${D.pingTimeoutMs}`,
  },
  {
    name: 'KRING_SUBSCRIBE_TIMEOUT_MS',
    meaning: 'a socket that subscribes to no room within this is closed',
    default: `${D.subscribeTimeoutMs}`,
  },
  {
    name: 'KRING_RATE_BURST',
    meaning: 'messages one socket may send at once; the first beyond terminates it',
    default: `${D.rateLimit.burst}`,
  },
  {
    name: 'KRING_RATE_PER_SECOND',
    meaning: 'messages per second that refill that burst',
    default: `${D.rateLimit.perSecond}`,
  },
  {
    name: 'KRING_MAX_TOPICS',
    meaning: 'rooms one socket may subscribe to',
    default: `${D.maxTopicsPerConnection}`,
  },
  {
    name: 'KRING_HTTP_HEADERS_TIMEOUT_MS',
    meaning: 'an HTTP request whose headers have not all arrived by then is closed',
    default: `${D.httpHeadersTimeoutMs}`,
  },
  {
    name: 'KRING_HTTP_REQUEST_TIMEOUT_MS',
    meaning: 'an HTTP request not wholly received by then is closed (open WebSockets are not)',
    default: `${D.httpRequestTimeoutMs}`,
  },
  {
    name: 'KRING_REDIS_URL',
    meaning: '`redis://` or `rediss://` URL: instances that share it serve the same rooms',
    default: 'none (one process)',
  },
  {
    name: 'KRING_STUN_URLS',
    meaning: 'comma-separated `stun:` addresses handed out at `/ice`',
    default: 'none',
  },
  {
    name: 'KRING_TURN_URLS',
    meaning: 'comma-separated `turn:`/`turns:` addresses handed out at `/ice` (needs the secret)',
    default: 'none',
  },
  {
    name: 'KRING_TURN_SECRET',
    meaning:
      "coturn's `static-auth-secret` (`use-auth-secret`): `/ice` hands out passwords made from it",
    default: 'none',
  },
  {
    name: 'KRING_TURN_TTL_SECONDS',
    meaning: 'how long a handed-out TURN password is valid',
    default: `${DEFAULT_TURN_TTL_SECONDS}`,
  },
];

/** A configuration mistake; its message is the one line the CLI prints. */
export class ConfigError extends Error {}

/** What the command line and the environment ask for. */
export type ServerConfig =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly options: Omit<SignalingServerOptions, 'log' | 'now'>;
    };

export const USAGE = `Usage: kring-server [--port N] [--host H] [--static DIR]

  --port N       port to listen on (overrides KRING_PORT)
  --host H       interface to listen on (overrides KRING_HOST)
  --static DIR   serve the web panel from the built extension in DIR (overrides KRING_STATIC_DIR)

Environment (an invalid value stops the server):
${ENV_VARIABLES.map((v) => `  ${v.name.padEnd(34)} ${v.meaning.replaceAll('`', '')} (default ${v.default})`).join('\n')}
`;

type Env = Readonly<Record<string, string | undefined>>;

/** Parses the arguments (without `node script`) and the environment; throws ConfigError. */
export function parseServerConfig(argv: readonly string[], env: Env): ServerConfig {
  let values: { port?: string; host?: string; static?: string; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };

  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const whole = (name: string, min: number, fallback: number, text = read(name)): number => {
    if (text === undefined) return fallback;
    const value = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
    if (!(value >= min)) {
      throw new ConfigError(`${name} must be a whole number of at least ${min}, not "${text}"`);
    }
    return value;
  };

  const portText = values.port ?? read('KRING_PORT');
  const port = whole(values.port === undefined ? 'KRING_PORT' : '--port', 0, D.port, portText);
  if (port > 65535)
    throw new ConfigError(
      `${values.port === undefined ? 'KRING_PORT' : '--port'} must be 0 to 65535`,
    );
  const host = values.host ?? read('KRING_HOST') ?? D.host;
  if (/\s/.test(host)) throw new ConfigError(`KRING_HOST is not an interface: "${host}"`);
  const staticDir = values.static ?? read('KRING_STATIC_DIR');

  const trustText = read('KRING_TRUST_PROXY');
  if (trustText !== undefined && trustText !== '0' && trustText !== '1') {
    throw new ConfigError(`KRING_TRUST_PROXY must be 1 or 0, not "${trustText}"`);
  }

  const allowedOrigins = list(read('KRING_ALLOWED_ORIGINS')).map((origin) => {
    if (normaliseOrigin(origin) === null) {
      throw new ConfigError(
        `KRING_ALLOWED_ORIGINS holds "${origin}", which is not an origin (scheme://host[:port])`,
      );
    }
    return origin;
  });

  // The panels' encrypted relay sends frames of about 22 KiB (docs/signaling-protocol.md, RL):
  // a smaller cap would close every relayed member's socket.
  const maxMessageBytes = whole('KRING_MAX_MESSAGE_BYTES', 32 * 1024, D.maxMessageBytes);
  const maxBufferedBytes = whole('KRING_MAX_BUFFERED_BYTES', 1, D.maxBufferedBytes);
  // A relayed frame is the client's frame plus a few bytes; a smaller cap would end every reader.
  if (maxBufferedBytes < maxMessageBytes + 1024) {
    throw new ConfigError(
      `KRING_MAX_BUFFERED_BYTES must be at least KRING_MAX_MESSAGE_BYTES + 1024 (${maxMessageBytes + 1024})`,
    );
  }
  const httpHeadersTimeoutMs = whole('KRING_HTTP_HEADERS_TIMEOUT_MS', 100, D.httpHeadersTimeoutMs);
  const httpRequestTimeoutMs = whole('KRING_HTTP_REQUEST_TIMEOUT_MS', 100, D.httpRequestTimeoutMs);
  if (httpRequestTimeoutMs < httpHeadersTimeoutMs) {
    throw new ConfigError(
      'KRING_HTTP_REQUEST_TIMEOUT_MS must not be shorter than KRING_HTTP_HEADERS_TIMEOUT_MS',
    );
  }

  // Never echoed: the URL may hold the Redis password.
  const redisUrl = read('KRING_REDIS_URL');
  if (redisUrl !== undefined && validRedisUrl(redisUrl) === null) {
    throw new ConfigError('KRING_REDIS_URL is not a redis:// or rediss:// URL');
  }

  const options: Omit<SignalingServerOptions, 'log' | 'now'> = {
    port,
    host,
    staticDir,
    maxConnections: whole('KRING_MAX_CONNECTIONS', 1, D.maxConnections),
    maxConnectionsPerAddress: whole(
      'KRING_MAX_CONNECTIONS_PER_ADDRESS',
      0,
      D.maxConnectionsPerAddress,
    ),
    trustProxy: trustText === undefined ? D.trustProxy : trustText === '1',
    allowedOrigins,
    maxMessageBytes,
    maxBufferedBytes,
    pingTimeoutMs: whole('KRING_PING_TIMEOUT_MS', 100, D.pingTimeoutMs),
    subscribeTimeoutMs: whole('KRING_SUBSCRIBE_TIMEOUT_MS', 100, D.subscribeTimeoutMs),
    rateLimit: {
      burst: whole('KRING_RATE_BURST', 1, D.rateLimit.burst),
      perSecond: whole('KRING_RATE_PER_SECOND', 1, D.rateLimit.perSecond),
    },
    maxTopicsPerConnection: whole('KRING_MAX_TOPICS', 1, D.maxTopicsPerConnection),
    httpHeadersTimeoutMs,
    httpRequestTimeoutMs,
    redisUrl,
    ice: iceOptions(read),
  };
  return { help: false, options };
}

/** The ICE option from KRING_STUN_URLS and KRING_TURN_*; absent when no address is given. */
function iceOptions(read: (name: string) => string | undefined): IceOptions | undefined {
  const stunUrls = list(read('KRING_STUN_URLS'));
  const turnUrls = list(read('KRING_TURN_URLS'));
  const turnSecret = read('KRING_TURN_SECRET');
  const ttlText = read('KRING_TURN_TTL_SECONDS');
  if (stunUrls.length === 0 && turnUrls.length === 0) {
    if (turnSecret !== undefined)
      throw new ConfigError('KRING_TURN_SECRET is set without KRING_TURN_URLS');
    if (ttlText !== undefined)
      throw new ConfigError('KRING_TURN_TTL_SECONDS is set without KRING_TURN_URLS');
    return undefined;
  }
  const turnTtlSeconds =
    ttlText === undefined
      ? DEFAULT_TURN_TTL_SECONDS
      : /^\d{1,9}$/.test(ttlText)
        ? Number(ttlText)
        : NaN;
  const ice: IceOptions = { stunUrls, turnUrls, turnSecret, turnTtlSeconds };
  const problem = iceOptionsProblem(ice);
  if (problem !== null) throw new ConfigError(`${iceVariable(problem)}: ${problem}`);
  return ice;
}

/** The variable an ICE problem is about (iceOptionsProblem words it for the whole option). */
function iceVariable(problem: string): string {
  if (problem.startsWith('not a stun')) return 'KRING_STUN_URLS';
  if (problem.startsWith('not a turn')) return 'KRING_TURN_URLS';
  if (problem.includes('lifetime')) return 'KRING_TURN_TTL_SECONDS';
  return 'KRING_TURN_SECRET';
}

function list(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
