/**
 * The servers that help members reach each other on networks that block calls (WebRTC's ICE
 * servers: STUN to learn one's public address, TURN to relay through). They come from three
 * places that are all outside input: what a member pastes into the settings, what an invite
 * link carries, and what the companion hands out at /ice. Each entry is checked here, one rule
 * for all three, before it reaches `RTCPeerConnection`: Chromium throws on a TURN address
 * without a username and password, and a malformed list would break every connection of the
 * panel, not only the one bad server.
 *
 * Lives in invite/ (which imports util/ only) because the invite carries these servers and the
 * device's settings store them; lib/connection/ice-config.ts puts them together for the rooms.
 */
import { fromBase64Url } from '../util/base64';
import { isRecord, parseJson } from '../util/guards';

/** One server, as `RTCIceServer` with a single address. */
export interface IceServer {
  readonly urls: string;
  readonly username?: string;
  readonly credential?: string;
}

/** More servers than this only slow down finding a path (every one is asked). */
export const MAX_ICE_SERVERS = 8;
/** Longest address, username and password accepted. */
export const MAX_ICE_URL = 256;
export const MAX_ICE_CREDENTIAL = 256;
/** Longest list pasted into the settings, and longest `&ice=` value in an invite link. */
export const MAX_ICE_TEXT = 4096;

/** Why one server was not accepted; each has a message in the UI. */
export type IceServerError =
  | 'scheme' // not stun:, turn: or turns:
  | 'host' // no host, or one with characters a host name cannot have
  | 'port'
  | 'transport' // ?transport= other than udp or tcp, or on a stun: address
  | 'credentials' // a turn:/turns: address without both username and password
  | 'too-long'
  | 'too-many';

export type IceServerResult =
  | { readonly ok: true; readonly server: IceServer }
  | { readonly ok: false; readonly error: IceServerError };

const SCHEMES = ['stun', 'turn', 'turns'] as const;
// A DNS name (labels of letters, digits and hyphens), an IPv4 address, or an IPv6 address in
// brackets. No user info, path or fragment: none of these belong in an ICE address.
const DNS_NAME =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
const ADDRESS = /^(stun|turns?):(\[[^\]]*\]|[^:?/@#\s[\]]*)(?::([^?]*))?(?:\?(.*))?$/i;

/** Checks one server: an address and, for turn:/turns:, its username and password. */
export function checkIceServer(
  url: string,
  username?: string,
  credential?: string,
): IceServerResult {
  const text = url.trim();
  if (text.length > MAX_ICE_URL) return { ok: false, error: 'too-long' };
  if ((username?.length ?? 0) > MAX_ICE_CREDENTIAL) return { ok: false, error: 'too-long' };
  if ((credential?.length ?? 0) > MAX_ICE_CREDENTIAL) return { ok: false, error: 'too-long' };
  const match = ADDRESS.exec(text);
  if (!match) {
    return { ok: false, error: /^(stun|turns?):/i.test(text) ? 'host' : 'scheme' };
  }
  const scheme = (match[1] ?? '').toLowerCase();
  const host = match[2] ?? '';
  const port = match[3];
  const query = match[4];
  if (!SCHEMES.some((s) => s === scheme)) return { ok: false, error: 'scheme' };
  if (!(IPV6.test(host) || DNS_NAME.test(host))) return { ok: false, error: 'host' };
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return { ok: false, error: 'port' };
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return { ok: false, error: 'port' };
  }
  let transport = '';
  if (query !== undefined) {
    const found = /^transport=(udp|tcp)$/i.exec(query);
    if (!found || scheme === 'stun') return { ok: false, error: 'transport' };
    transport = `?transport=${(found[1] ?? '').toLowerCase()}`;
  }
  const urls = `${scheme}:${host.toLowerCase()}${port === undefined ? '' : `:${Number(port)}`}${transport}`;
  if (scheme === 'stun') return { ok: true, server: { urls } };
  // Chromium refuses a TURN server without both (InvalidAccessError) and the whole connection
  // with it, so such an entry never gets this far.
  if (!username || !credential || /[\s]/.test(username) || /[\s]/.test(credential)) {
    return { ok: false, error: 'credentials' };
  }
  return { ok: true, server: { urls, username, credential } };
}

/**
 * Decodes a list from storage, an invite or the companion: `RTCIceServer` entries whose `urls`
 * is a string or a list of strings. Entries that do not pass are dropped one by one (the rest
 * still help); repeats count once; at most MAX_ICE_SERVERS are kept.
 */
export function decodeIceServers(value: unknown): IceServer[] {
  if (!Array.isArray(value)) return [];
  const out: IceServer[] = [];
  for (const entry of value.slice(0, MAX_ICE_SERVERS * 4)) {
    if (!isRecord(entry)) continue;
    const urls = typeof entry.urls === 'string' ? [entry.urls] : entry.urls;
    if (!Array.isArray(urls)) continue;
    const username = typeof entry.username === 'string' ? entry.username : undefined;
    const credential = typeof entry.credential === 'string' ? entry.credential : undefined;
    for (const url of urls.slice(0, MAX_ICE_SERVERS)) {
      if (typeof url !== 'string') continue;
      const checked = checkIceServer(url, username, credential);
      if (checked.ok) out.push(checked.server);
    }
  }
  return mergeIceServers(out);
}

/** Several lists as one: repeats (same address and username) count once, at most the limit. */
export function mergeIceServers(...lists: readonly (readonly IceServer[])[]): IceServer[] {
  const seen = new Set<string>();
  const out: IceServer[] = [];
  for (const server of lists.flat()) {
    const key = `${server.urls} ${server.username ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(server);
    if (out.length === MAX_ICE_SERVERS) break;
  }
  return out;
}

/** What a member typed in the settings: the servers, or the first line that is wrong and why. */
export type IceServersTextResult =
  | { readonly ok: true; readonly servers: IceServer[] }
  | { readonly ok: false; readonly line: number; readonly error: IceServerError };

/**
 * Reads the settings' field: one server a line, `address [username password]`, the way an IT
 * department hands them out (`turns:turn.example.org:443?transport=tcp kring s3cret`). Empty
 * lines are skipped; lines are counted from 1 for the message.
 */
export function parseIceServersText(text: string): IceServersTextResult {
  if (text.length > MAX_ICE_TEXT) return { ok: false, line: 1, error: 'too-long' };
  const servers: IceServer[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    if (servers.length === MAX_ICE_SERVERS) {
      return { ok: false, line: index + 1, error: 'too-many' };
    }
    const [url = '', username, credential, ...rest] = parts;
    if (rest.length > 0) return { ok: false, line: index + 1, error: 'credentials' };
    const checked = checkIceServer(url, username, credential);
    if (!checked.ok) return { ok: false, line: index + 1, error: checked.error };
    servers.push(checked.server);
  }
  return { ok: true, servers: mergeIceServers(servers) };
}

/** The settings' field for a list: the inverse of parseIceServersText. */
export function formatIceServersText(servers: readonly IceServer[]): string {
  return servers
    .map((s) => [s.urls, s.username, s.credential].filter((p) => p !== undefined).join(' '))
    .join('\n');
}

/**
 * The `&ice=` part of an invite link for a group's servers (base64url of their JSON), or ''
 * when the group has none. Like the code, it travels in the fragment only, so no server reads
 * the passwords of the group's relay.
 */
export function iceInviteParam(servers: readonly IceServer[]): string {
  if (servers.length === 0) return '';
  return `&ice=${base64UrlEncode(JSON.stringify(servers))}`;
}

/**
 * The servers an invite carries: `&ice=…` right after the code of a link (as inviteLink with
 * iceInviteParam writes it), checked like any other list. A bare code, an older link or an
 * unreadable value carries none; `invalid` says that a value was there and could not be read,
 * so that the member can be told instead of joining without the group's servers.
 */
export function inviteIceServers(text: string): { servers: IceServer[]; invalid: boolean } {
  if (typeof text !== 'string') return { servers: [], invalid: false };
  const found = /#join=[^&\s]*&ice=([A-Za-z0-9_-]*)/i.exec(text.slice(0, MAX_ICE_TEXT * 2));
  const bare = /^[^&\s#]*&ice=([A-Za-z0-9_-]*)/i.exec(text.trim().slice(0, MAX_ICE_TEXT * 2));
  const value = found?.[1] ?? bare?.[1];
  if (value === undefined) return { servers: [], invalid: false };
  if (value.length > MAX_ICE_TEXT) return { servers: [], invalid: true };
  const decoded = base64UrlDecode(value);
  const servers = decoded === null ? [] : decodeIceServers(parseJson(decoded));
  return { servers, invalid: servers.length === 0 };
}

function base64UrlEncode(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(value: string): string | null {
  const bytes = fromBase64Url(value);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
