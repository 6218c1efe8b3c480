/**
 * A group's invite: 128 random bits that only the group knows. It travels as a short code
 * (to paste in the call's chat) or as a link to the companion's web panel with the code in the
 * fragment, so that no server ever receives it. Everything else a group needs (room names, the
 * encryption password) is derived from it; see lib/room-name.ts.
 */

/** Number of random bytes in a group secret: 128 bits. */
export const SECRET_BYTES = 16;

/** The code's fixed prefix, which also names the format's version. */
export const CODE_PREFIX = 'KR1';

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PAYLOAD_CHARS = 26; // ceil(128 / 5)
const CHECK_CHARS = 2; // 10 bits of checksum catch typos and truncation
const CODE_CHARS = PAYLOAD_CHARS + CHECK_CHARS;

/** A decoded invite: the group's secret and its canonical code. */
export interface Invite {
  readonly secret: Uint8Array;
  readonly code: string;
}

/** Why an invite could not be read; each has its own message in the UI. */
export type InviteError = 'empty' | 'not-found' | 'truncated' | 'invalid-character' | 'checksum';

/** The outcome of parsing pasted text as an invite. */
export type InviteParseResult =
  | { readonly ok: true; readonly invite: Invite }
  | { readonly ok: false; readonly error: InviteError };

/** Creates a new group invite from the platform's cryptographic random source. */
export function createInvite(random: (bytes: Uint8Array) => void = fillRandom): Invite {
  const secret = new Uint8Array(SECRET_BYTES);
  random(secret);
  return { secret, code: formatCode(secret) };
}

/** Formats a secret as a code like KR1-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345. */
export function formatCode(secret: Uint8Array): string {
  if (secret.length !== SECRET_BYTES) throw new RangeError(`a secret has ${SECRET_BYTES} bytes`);
  const chars = encodeBase32(secret) + checksumChars(secret);
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += 4) groups.push(chars.slice(i, i + 4));
  return [CODE_PREFIX, ...groups].join('-');
}

/** Builds the shareable link: the companion's web panel with the code in the fragment. */
export function inviteLink(invite: Pick<Invite, 'code'>, panelBaseUrl: string): string {
  const base = panelBaseUrl.replace(/#.*$/, '');
  return `${base}#join=${invite.code}`;
}

/**
 * Why a server address (typed, or carried by an invite link) was not accepted; `insecure` is
 * ws:// or http:// to another machine than this one.
 */
export type ServerAddressError = 'invalid' | 'scheme' | 'insecure';

/**
 * Hosts that may be reached without TLS: this machine only (`npm start`, the tests). Anywhere
 * else ws:// lets the network read and change the signaling, and makes invite links http://.
 */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for an address on this machine, where ws:// and http:// are allowed. */
export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

/**
 * Reads a companion server's address as its signaling address: ws:// and wss:// as they are,
 * and the web panel's http:// and https:// (what an invite link names) as ws:// and wss://,
 * since the companion serves both on one address (see `panelUrlFor`). No credentials and no
 * fragment: an address is shown to the member and shared with the group, never a secret.
 * Without TLS (ws://, http://) only for this machine (`isLocalHost`).
 */
export function parseServerAddress(
  text: string,
): { ok: true; url: string } | { ok: false; error: ServerAddressError } {
  if (typeof text !== 'string') return { ok: false, error: 'invalid' };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: 'invalid' };
  }
  const scheme = SERVER_SCHEMES[url.protocol];
  if (!scheme) return { ok: false, error: 'scheme' };
  if (url.username || url.password || url.hash || !url.hostname) {
    return { ok: false, error: 'invalid' };
  }
  if (scheme === 'ws:' && !isLocalHost(url.hostname)) return { ok: false, error: 'insecure' };
  url.protocol = scheme;
  return { ok: true, url: url.href.replace(/\/$/, '') };
}

const SERVER_SCHEMES: Readonly<Record<string, string>> = {
  'ws:': 'ws:',
  'wss:': 'wss:',
  'http:': 'ws:',
  'https:': 'wss:',
};

/** The server an invite names: none for a bare code, or the address its link points at. */
export type InviteServerResult =
  | { readonly ok: true; readonly server: string | null }
  | { readonly ok: false; readonly error: ServerAddressError };

/**
 * The companion server named by the invite link in pasted text, as a signaling address; null
 * when the text holds a bare code. A link is whatever stands right before `#join=<code>`, as
 * `inviteLink` writes it, also inside a chat message, angle brackets or a Markdown link.
 */
export function inviteServer(text: string): InviteServerResult {
  if (typeof text !== 'string') return { ok: true, server: null };
  const head = text.slice(0, 4096);
  const start = head.toUpperCase().indexOf(CODE_PREFIX);
  if (start < 0) return { ok: true, server: null };
  const before = head.slice(0, start);
  if (!/#join=$/i.test(before)) return { ok: true, server: null };
  let link = before.slice(0, -'#join='.length).split(/\s/).pop() ?? '';
  // A Markdown link [text](https://…) or a link in brackets or quotes.
  const markdown = link.lastIndexOf('](');
  if (markdown >= 0) link = link.slice(markdown + 2);
  link = link.replace(/^[<(["']+/, '');
  if (link === '') return { ok: true, server: null };
  const parsed = parseServerAddress(link);
  return parsed.ok ? { ok: true, server: parsed.url } : parsed;
}

/**
 * Finds and checks an invite in pasted text: a bare code, a link, or a whole chat message that
 * contains one. Case, spaces, dashes and the look-alikes I/L (1) and O (0) are forgiven.
 */
export function parseInvite(text: string): InviteParseResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'empty' };
  // Chat messages can be long; an invite is near the start of what anyone pastes.
  const upper = text.slice(0, 4096).toUpperCase();
  const start = upper.indexOf(CODE_PREFIX);
  if (start < 0) return { ok: false, error: 'not-found' };
  const rest = upper.slice(start + CODE_PREFIX.length);
  let chars = '';
  for (const raw of rest) {
    if (raw === '-' || raw === ' ' || raw === '\t' || raw === '\u00a0') continue;
    const ch = normaliseChar(raw);
    if (ALPHABET.includes(ch)) {
      chars += ch;
      if (chars.length === CODE_CHARS) break;
      continue;
    }
    if (chars.length === 0 && (raw === ':' || raw === '=' || raw === '_')) continue;
    // Anything else ends the code: a letter outside the alphabet inside the code is a typo,
    // punctuation or a line break after it means it was cut short.
    if (/[A-Z]/.test(raw) && chars.length > 0) return { ok: false, error: 'invalid-character' };
    break;
  }
  if (chars.length < CODE_CHARS) return { ok: false, error: 'truncated' };
  const secret = decodeBase32(chars.slice(0, PAYLOAD_CHARS));
  if (secret === null) return { ok: false, error: 'checksum' };
  if (checksumChars(secret) !== chars.slice(PAYLOAD_CHARS)) return { ok: false, error: 'checksum' };
  return { ok: true, invite: { secret, code: formatCode(secret) } };
}

function normaliseChar(ch: string): string {
  if (ch === 'O') return '0';
  if (ch === 'I' || ch === 'L') return '1';
  return ch;
}

function fillRandom(bytes: Uint8Array): void {
  globalThis.crypto.getRandomValues(bytes);
}

function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes exactly 26 characters to 16 bytes; null when the 2 padding bits are not zero. */
function decodeBase32(chars: string): Uint8Array | null {
  const out = new Uint8Array(SECRET_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of chars) {
    buffer = (buffer << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >> (bits - 8)) & 255;
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return buffer === 0 ? out : null;
}

/** Ten bits of a CRC-16/CCITT over the secret, as two base32 characters. */
function checksumChars(secret: Uint8Array): string {
  let crc = 0xffff;
  for (const byte of secret) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  const ten = crc & 0x3ff;
  return (ALPHABET[ten >> 5] ?? '0') + (ALPHABET[ten & 31] ?? '0');
}
