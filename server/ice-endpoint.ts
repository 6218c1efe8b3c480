/**
 * GET /ice: the servers that help this group's members reach each other, as
 * `{ iceServers: RTCIceServer[], ttlSeconds }`. The panel asks its companion instead of using
 * simple-peer's defaults (Google's and Twilio's STUN), which saw every member's IP address.
 *
 * With a TURN secret the companion hands out short-lived TURN credentials in the TURN REST
 * scheme that coturn checks with `use-auth-secret` and `static-auth-secret`: the username is
 * `<expiry in unix seconds>:kring`, the password base64(HMAC-SHA1(secret, username)). The
 * secret itself never leaves the companion, and a leaked password stops working at its expiry.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkIceServer } from '../lib/invite/ice-servers';

/** The `ice` option of the signaling server (env KRING_STUN_URLS, KRING_TURN_*). */
export interface IceOptions {
  readonly stunUrls: readonly string[];
  readonly turnUrls: readonly string[];
  /** coturn's `static-auth-secret`; without it no TURN address is handed out. */
  readonly turnSecret?: string;
  /** How long a handed-out TURN password is valid. */
  readonly turnTtlSeconds: number;
}

/** One day: a panel stays open through a long meeting, and asks again well before the end. */
export const DEFAULT_TURN_TTL_SECONDS = 86_400;
/** At least a minute (a meeting must get connected with it), at most a week. */
export const MIN_TURN_TTL_SECONDS = 60;
export const MAX_TURN_TTL_SECONDS = 7 * 86_400;

/** An RTCIceServer as JSON. */
export interface IceServerJson {
  readonly urls: string[];
  readonly username?: string;
  readonly credential?: string;
}

/** The TURN REST credential for a user valid until `expiresAt` (unix seconds). */
export function turnCredential(
  secret: string,
  expiresAt: number,
): { username: string; credential: string } {
  const username = `${Math.floor(expiresAt)}:kring`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

/** What GET /ice answers at `nowMs`: the STUN servers, and the TURN ones with fresh credentials. */
export function iceResponse(
  options: IceOptions | undefined,
  nowMs: number,
): { iceServers: IceServerJson[]; ttlSeconds: number | null } {
  if (!options) return { iceServers: [], ttlSeconds: null };
  const iceServers: IceServerJson[] = [];
  if (options.stunUrls.length > 0) iceServers.push({ urls: [...options.stunUrls] });
  if (options.turnSecret !== undefined && options.turnUrls.length > 0) {
    const expiresAt = Math.floor(nowMs / 1000) + options.turnTtlSeconds;
    iceServers.push({
      urls: [...options.turnUrls],
      ...turnCredential(options.turnSecret, expiresAt),
    });
  }
  const hasTurn = iceServers.some((s) => s.credential !== undefined);
  return { iceServers, ttlSeconds: hasTurn ? options.turnTtlSeconds : null };
}

/**
 * Checks the ICE option at start-up: every address must be one the panel accepts (a member's
 * panel would silently drop it otherwise), and TURN addresses need the secret. Returns a
 * one-line message, or null when it is fine.
 */
export function iceOptionsProblem(options: IceOptions): string | null {
  for (const url of options.stunUrls) {
    const checked = checkIceServer(url);
    if (!checked.ok || !/^stun:/i.test(url)) return `not a stun: address: ${url}`;
  }
  for (const url of options.turnUrls) {
    if (!/^turns?:/i.test(url) || !checkIceServer(url, '0:kring', 'x').ok) {
      return `not a turn: or turns: address: ${url}`;
    }
  }
  if (options.turnUrls.length > 0 && !options.turnSecret) {
    return 'TURN addresses need a secret (KRING_TURN_SECRET, coturn static-auth-secret)';
  }
  if (options.turnSecret !== undefined && options.turnSecret.length < 16) {
    return 'the TURN secret is shorter than 16 characters';
  }
  const ttl = options.turnTtlSeconds;
  if (!Number.isSafeInteger(ttl) || ttl < MIN_TURN_TTL_SECONDS || ttl > MAX_TURN_TTL_SECONDS) {
    return `the TURN lifetime must be ${MIN_TURN_TTL_SECONDS} to ${MAX_TURN_TTL_SECONDS} seconds`;
  }
  return null;
}

/**
 * Whether a browser page of this origin may read /ice: the extension's pages (Chrome and
 * Firefox), the companion's own web panel, and configured origins. Other web pages are refused,
 * so that a site a member visits cannot take TURN passwords and use the group's relay.
 * A request without an Origin (curl, a Node client) is allowed: those are not stopped by CORS
 * anyway, and coturn's own limits apply to them.
 */
export function iceOriginAllowed(
  origin: string | undefined,
  ownHost: string | undefined,
  extra: readonly string[] = [],
): boolean {
  if (origin === undefined) return true;
  if (/^chrome-extension:\/\/[a-p]{32}$/.test(origin)) return true;
  if (/^moz-extension:\/\/[0-9a-f-]{36}$/i.test(origin)) return true;
  if (extra.includes(origin)) return true;
  if (ownHost === undefined) return false;
  return origin === `http://${ownHost}` || origin === `https://${ownHost}`;
}

/**
 * Answers GET /ice (and OPTIONS, a CORS preflight). `allowOrigin` decides which browser pages
 * may read it (`iceOriginAllowed` unless the server has its own allowlist).
 */
export function handleIceRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: IceOptions | undefined,
  allowOrigin: (origin: string | undefined) => boolean,
  nowMs: number,
): void {
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    Vary: 'Origin',
  };
  if (!allowOrigin(origin)) {
    response.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Origin not allowed\n');
    return;
  }
  if (origin !== undefined) headers['Access-Control-Allow-Origin'] = origin;
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { ...headers, 'Access-Control-Allow-Methods': 'GET' });
    response.end();
    return;
  }
  const body = JSON.stringify(iceResponse(options, nowMs));
  response.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(request.method === 'HEAD' ? undefined : body);
}
