/**
 * Which pages may open a signaling socket, and which address a connection counts against.
 *
 * The Origin check protects members' browsers, not the server: a browser always sends the
 * page's origin, so a page on another site cannot make a visitor's browser join (or flood) the
 * companion. Scripts outside a browser send whatever they like, or nothing; the per-address cap
 * and the rate limit are what hold them. So a request without an Origin header (Node clients,
 * y-webrtc members in tests, health checkers) is let through.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The Chrome (and Edge) extension id that the manifest key in wxt.config.ts pins: the first 128
 * bits of the SHA-256 of the key's DER bytes, written in hex with the digits 0-f as a-p. A test
 * derives it from the key again, so the two cannot drift apart.
 */
export const KRING_EXTENSION_ID = 'opghfajjickimnmcgfiamgepgbpidgnb';

/** The origin of the extension's pages in Chrome and Edge. */
export const KRING_EXTENSION_ORIGIN = `chrome-extension://${KRING_EXTENSION_ID}`;

/** Why an upgrade's origin was accepted; only for tests and counts. */
export type OriginVerdict =
  'no origin' | 'extension' | 'firefox extension' | 'same host' | 'listed';

/**
 * Decides whether a WebSocket upgrade with this Origin header may proceed: no Origin, the Kring
 * extension (Chrome, Edge), any Firefox extension (Firefox gives each install a random id, so
 * it cannot be listed), a page of the companion itself (the web panel: the Origin's host is the
 * request's Host), or one of `allowedOrigins`. Returns null for a refusal.
 */
export function judgeOrigin(
  origin: string | undefined,
  hostHeader: string | undefined,
  allowedOrigins: ReadonlySet<string>,
): OriginVerdict | null {
  if (origin === undefined) return 'no origin';
  const normalised = normaliseOrigin(origin);
  if (normalised === null) return null; // 'null' (sandboxed frames, files) and garbage
  if (normalised === KRING_EXTENSION_ORIGIN) return 'extension';
  if (normalised.startsWith('moz-extension://')) return 'firefox extension';
  if (allowedOrigins.has(normalised)) return 'listed';
  if (sameHost(normalised, hostHeader)) return 'same host';
  return null;
}

/**
 * An origin in the form browsers send it (`scheme://host[:port]`, lower case, no default port,
 * no path), or null when `text` is not one. Used for the Origin header and for the configured
 * list, so that `https://Kring.example:443/` in the configuration matches what browsers send.
 */
export function normaliseOrigin(text: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s@]+)\/?$/i.exec(text.trim());
  if (match === null) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  const authority = match[2] ?? '';
  if (scheme === 'http' || scheme === 'https') {
    try {
      const url = new URL(`${scheme}://${authority}`);
      return `${scheme}://${url.host}`;
    } catch {
      return null;
    }
  }
  return /^[a-z0-9.-]+$/i.test(authority) ? `${scheme}://${authority.toLowerCase()}` : null;
}

/** Whether an http(s) origin names the host the request was sent to (the Host header). */
function sameHost(origin: string, hostHeader: string | undefined): boolean {
  if (hostHeader === undefined || hostHeader === '') return false;
  const scheme = origin.startsWith('https://')
    ? 'https'
    : origin.startsWith('http://')
      ? 'http'
      : null;
  if (scheme === null) return false;
  try {
    // Parsed with the origin's scheme, so that `Host: kring.example:443` equals `https://kring.example`.
    return new URL(`${scheme}://${hostHeader}`).host === new URL(origin).host;
  } catch {
    return false;
  }
}

/**
 * The address a connection counts against for the per-address cap. Behind a reverse proxy
 * (`trustProxy`) it is the right-most X-Forwarded-For entry, the one the proxy itself appended:
 * entries to its left come from the client and can be anything. IPv4-mapped IPv6 addresses are
 * written as IPv4, so one client is one key whichever way the socket reports it.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for'];
    const joined = Array.isArray(header) ? header.join(',') : header;
    const last = joined?.split(',').at(-1)?.trim();
    if (last !== undefined && last !== '') return normaliseAddress(last);
  }
  return normaliseAddress(request.socket.remoteAddress ?? 'unknown');
}

function normaliseAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice('::ffff:'.length) : lower;
}
