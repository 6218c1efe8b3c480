/**
 * Encryption at rest for the private notebook, on WebCrypto only (Node 20 and browsers).
 *
 * Invariants: the key comes from PBKDF2-SHA-256 with at least PBKDF2_ITERATIONS and a random
 * salt, is AES-GCM-256 and non-extractable, so it lives in memory only and can never be written
 * anywhere; every seal draws a fresh random 12-byte IV; unsealing with a wrong key or damaged
 * bytes yields null instead of throwing, because stored rows are untrusted input.
 */

import { isRecord } from '../util/guards';

/** PBKDF2 iterations for a new passphrase: OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

/** Bytes of a salt and of an AES-GCM IV. */
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** An AES-GCM ciphertext is at least its 16-byte authentication tag. */
const TAG_BYTES = 16;

/** An AES-GCM ciphertext with the IV it was sealed under. */
export interface Sealed {
  readonly iv: Uint8Array;
  readonly data: Uint8Array;
}

/**
 * Derives the notebook key from a passphrase (normalised to NFC, so that the same letters typed
 * on another system give the same key); refuses fewer than PBKDF2_ITERATIONS.
 */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  if (!Number.isSafeInteger(iterations) || iterations < PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations`);
  }
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: copy(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts a text under a fresh random IV. `context` (optional) is authenticated but not stored:
 * unsealing needs the same context, which binds a ciphertext to the place it belongs.
 */
export async function seal(key: CryptoKey, plaintext: string, context = ''): Promise<Sealed> {
  const iv = new Uint8Array(IV_BYTES);
  globalThis.crypto.getRandomValues(iv);
  const data = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { iv, data: new Uint8Array(data) };
}

/** Decrypts a sealed text; null when the key or context is wrong or the bytes are damaged. */
export async function unseal(key: CryptoKey, sealed: Sealed, context = ''): Promise<string | null> {
  const checked = decodeSealed(sealed);
  if (!checked) return null;
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: copy(checked.iv), additionalData: new TextEncoder().encode(context) },
      key,
      copy(checked.data),
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}

/** A fresh random 16-byte salt. */
export function randomSalt(): Uint8Array {
  const salt = new Uint8Array(SALT_BYTES);
  globalThis.crypto.getRandomValues(salt);
  return salt;
}

/** Decodes a stored sealed value (an IV of the right size and a ciphertext), or null. */
export function decodeSealed(value: unknown): Sealed | null {
  if (!isRecord(value)) return null;
  const { iv, data } = value;
  if (!(iv instanceof Uint8Array) || iv.length !== IV_BYTES) return null;
  if (!(data instanceof Uint8Array) || data.length < TAG_BYTES) return null;
  return { iv, data };
}

/** A copy backed by a plain ArrayBuffer, as WebCrypto's BufferSource wants. */
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** Fixed input of the one encryption that derives the row-id key: never used for anything else. */
const ID_KEY_LABEL = 'kring-notebook/row-ids/v1';

/**
 * A key for the opaque ids of sealed rows, derived from the notebook key without a second
 * PBKDF2 run (the passphrase key is not extractable, and a second derivation would double the
 * wait on unlock): AES-GCM under the notebook key with an all-zero IV over a fixed label, taken
 * as HMAC key material. That IV is used for this label only; `seal` picks random 96-bit IVs,
 * which meet the zero IV with a chance of 2^-96.
 */
export async function deriveIdKey(key: CryptoKey): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.encrypt(
    { name: 'AES-GCM', iv: new Uint8Array(IV_BYTES) },
    key,
    new TextEncoder().encode(ID_KEY_LABEL),
  );
  return subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * The id a sealed row is stored under: 's_' and 43 base64url characters of HMAC-SHA256 over the
 * note's id. The same note always lands on the same row, and the row's id says nothing about
 * the note (a take-home's id would show who brought the case).
 */
export async function opaqueRowId(idKey: CryptoKey, noteId: string): Promise<string> {
  const mac = await globalThis.crypto.subtle.sign(
    'HMAC',
    idKey,
    new TextEncoder().encode(`kring-note-id:${noteId}`),
  );
  let binary = '';
  for (const byte of new Uint8Array(mac)) binary += String.fromCharCode(byte);
  const base64url = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `s_${base64url}`;
}
