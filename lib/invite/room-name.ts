/**
 * Names and passwords derived from a group secret. The signaling server only ever sees room
 * names, so they are one-way hashes that say nothing about the group; the password that
 * y-webrtc turns into the AES-GCM key never leaves the members' devices.
 */

/** What a room is for: the group's lobby, or one meeting's fresh document. */
export type RoomScope =
  { readonly kind: 'lobby' } | { readonly kind: 'meeting'; readonly meetingId: string };

/** Everything a provider needs to join a room. */
export interface RoomKeys {
  readonly roomName: string;
  readonly password: string;
  /** Which room they open, where known: the lobby waits less before relaying (relay-plan RP10). */
  readonly scope?: RoomScope['kind'];
}

/** Derives the signaling room name and encryption password for a group's room. */
export async function deriveRoomKeys(secret: Uint8Array, scope: RoomScope): Promise<RoomKeys> {
  const label = scope.kind === 'lobby' ? 'lobby' : `meeting/${scope.meetingId}`;
  const roomName = 'kring-' + (await sha256Hex(secret, `kring/room/v1/${label}`));
  const password = await sha256Hex(secret, `kring/password/v1/${label}`);
  return { roomName, password, scope: scope.kind };
}

/**
 * The AES-GCM key a room's y-webrtc provider encrypts with (signaling, the relay, the browser's
 * broadcast channel), from the room's password: HKDF-SHA-256 with the room name as salt.
 * y-webrtc's own derivation is PBKDF2 with 100,000 rounds, made to slow down guessing a
 * password a person chose; this password is 256 bits from the group's secret, so rounds add
 * nothing, and they cost 20 to 180 ms on every room a panel opens (issue 15, late join). Every
 * member derives the key the same way: panels of an earlier build (PBKDF2) cannot read it.
 */
export function roomCryptoKey(password: string, roomName: string): Promise<CryptoKey> {
  const encoder = new TextEncoder();
  return hkdfAesKey(encoder.encode(password), encoder.encode(roomName), 'kring/room-key/v1');
}

/** An AES-GCM-256 key by HKDF-SHA-256, not extractable: it stays in WebCrypto. */
async function hkdfAesKey(input: Uint8Array, salt: Uint8Array, info: string): Promise<CryptoKey> {
  const material = await globalThis.crypto.subtle.importKey(
    'raw',
    Uint8Array.from(input),
    'HKDF',
    false,
    ['deriveKey'],
  );
  return globalThis.crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: Uint8Array.from(salt),
      info: new TextEncoder().encode(info),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A stable, non-secret identifier for a group on this device (for remembering groups). */
export async function deriveGroupId(secret: Uint8Array): Promise<string> {
  return (await sha256Hex(secret, 'kring/group-id/v1')).slice(0, 32);
}

async function sha256Hex(secret: Uint8Array, label: string): Promise<string> {
  const labelBytes = new TextEncoder().encode(label + '\u0000');
  const input = new Uint8Array(labelBytes.length + secret.length);
  input.set(labelBytes, 0);
  input.set(secret, labelBytes.length);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', input));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The key that seals what a member's panel keeps of a running meeting on the device (lib/device/
 * meeting-cache.ts), so that storage holds nothing readable without the group's secret. HKDF with
 * its own label: it is never one of the room passwords. Not extractable: it stays in WebCrypto.
 */
export function deriveMeetingCacheKey(secret: Uint8Array): Promise<CryptoKey> {
  return hkdfAesKey(secret, new Uint8Array(0), 'kring/meeting-cache/v1');
}

/**
 * The same, salted with the device's wipe key for the group (lib/device/wipe-keys.ts): opening
 * what was sealed under it needs the secret and that key, and the key is destroyed when a meeting
 * ends, so copies the browser's storage keeps of earlier saves can no longer be opened.
 */
export function deriveWipeableCacheKey(
  secret: Uint8Array,
  wipeKey: Uint8Array,
): Promise<CryptoKey> {
  return hkdfAesKey(secret, wipeKey, 'kring/meeting-cache/v2');
}

/**
 * The key a meeting's state travels under between two members on the lobby's data channels
 * (lib/connection/meeting-handoff.ts): HKDF of the meeting's key with its own label, so it is
 * none of the meeting room's keys. Only the members let into the meeting hold it.
 */
export function deriveHandoffKey(meetingKey: Uint8Array): Promise<CryptoKey> {
  return hkdfAesKey(meetingKey, new Uint8Array(0), 'kring/meeting-handoff/v1');
}
