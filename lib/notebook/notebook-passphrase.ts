/**
 * The stored encryption setting: one `meta` row with the salt, the PBKDF2 iterations and a
 * known text sealed under the key, so that a passphrase can be checked without any note. No row
 * means encryption is off. The key itself is never stored.
 */

import { isRecord } from '../util/guards';
import {
  decodeSealed,
  deriveIdKey,
  deriveKey,
  PBKDF2_ITERATIONS,
  randomSalt,
  seal,
  unseal,
} from './notebook-crypto';
import type { Sealed } from './notebook-crypto';
import type { Mode, UnlockedMode } from './note-codec';
import { fromBase64, toBase64 } from '../util/base64';
import { sameBytes } from '../util/bytes';

/** The key of the one row in the `meta` table. */
export const META_KEY = 'encryption';
/** A damaged meta row must not make unlocking hang for minutes. */
export const MAX_ITERATIONS = 10_000_000;

const CHECK_TEXT = 'kring-notebook: the passphrase is right';
const CHECK_CONTEXT = 'kring-notebook/meta/check';

export interface EncryptionMeta {
  readonly key: typeof META_KEY;
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly check: Sealed;
  /**
   * The device's at-rest key pair (ECDH P-256): the public key plain, so that groups and
   * meeting history can be sealed for it while the notebook is locked; the private key sealed
   * under the passphrase key. Absent in meta rows written before it existed: made at the next
   * unlock.
   */
  readonly box?: StoredBox;
}

/** The at-rest key pair as the meta row stores it. */
export interface StoredBox {
  /** Raw P-256 public key, 65 bytes. */
  readonly publicKey: Uint8Array;
  /** The PKCS#8 private key (base64), sealed under the passphrase key. */
  readonly privateKey: Sealed;
}

/** The at-rest key pair, usable. */
export interface BoxKeys {
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey;
}

const BOX_CONTEXT = 'kring-notebook/meta/box';
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

function decodeBox(value: unknown): StoredBox | null {
  if (!isRecord(value)) return null;
  const privateKey = decodeSealed(value.privateKey);
  const { publicKey } = value;
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 65 || !privateKey) return null;
  return { publicKey, privateKey };
}

/** The public key of a stored box, importable while locked. */
export function importBoxPublicKey(box: StoredBox): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', new Uint8Array(box.publicKey), ECDH, true, []);
}

/** A new at-rest key pair, its private key sealed under `key`; the private key is kept non-extractable. */
export async function createBox(key: CryptoKey): Promise<{ stored: StoredBox; keys: BoxKeys }> {
  const subtle = globalThis.crypto.subtle;
  const pair = await subtle.generateKey(ECDH, true, ['deriveBits']);
  const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const privateKey = await seal(key, toBase64(pkcs8), BOX_CONTEXT);
  const stored = { publicKey, privateKey };
  return { stored, keys: await openBox(key, stored).then((keys) => keys ?? fail()) };
}

function fail(): never {
  throw new Error('The at-rest key pair could not be opened right after it was made');
}

/** The usable key pair of a stored box; null when `key` is not the one it was sealed under. */
export async function openBox(key: CryptoKey, box: StoredBox): Promise<BoxKeys | null> {
  const text = await unseal(key, box.privateKey, BOX_CONTEXT);
  const pkcs8 = text === null ? null : fromBase64(text);
  if (!pkcs8) return null;
  try {
    const privateKey = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, [
      'deriveBits',
    ]);
    return { publicKey: await importBoxPublicKey(box), privateKey };
  } catch {
    return null;
  }
}

/** The same key pair with its private key sealed under another passphrase key instead. */
export async function rewrapBox(
  from: CryptoKey,
  to: CryptoKey,
  box: StoredBox,
): Promise<StoredBox | null> {
  const text = await unseal(from, box.privateKey, BOX_CONTEXT);
  if (text === null) return null;
  return { publicKey: box.publicKey, privateKey: await seal(to, text, BOX_CONTEXT) };
}

export function decodeMeta(value: unknown): EncryptionMeta | null {
  if (!isRecord(value) || value.key !== META_KEY) return null;
  const { salt, iterations } = value;
  const check = decodeSealed(value.check);
  if (!(salt instanceof Uint8Array) || salt.length !== 16 || !check) return null;
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations)) return null;
  if (iterations < PBKDF2_ITERATIONS || iterations > MAX_ITERATIONS) return null;
  const box = decodeBox(value.box);
  return box
    ? { key: META_KEY, salt, iterations, check, box }
    : { key: META_KEY, salt, iterations, check };
}

/** Whether the stored meta row is the one a mode was made for. */
export function metaMatches(rawMeta: unknown, mode: Mode): boolean {
  if (mode.kind === 'off') return rawMeta === undefined;
  const meta = decodeMeta(rawMeta);
  return meta !== null && sameBytes(meta.salt, mode.salt);
}

/** A key for a new passphrase under a fresh salt, and the meta row that lets it be checked. */
export async function keyForNewPassphrase(
  passphrase: string,
  iterations: number,
): Promise<{ readonly mode: UnlockedMode; readonly meta: EncryptionMeta }> {
  const salt = randomSalt();
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, CHECK_TEXT, CHECK_CONTEXT);
  return {
    mode: { kind: 'unlocked', key, salt, ids: await deriveIdKey(key) },
    meta: { key: META_KEY, salt, iterations, check },
  };
}

/** The unlocked mode for a passphrase, or null when it is wrong or the meta row is damaged. */
export async function verifyPassphrase(
  rawMeta: unknown,
  passphrase: string,
): Promise<UnlockedMode | null> {
  const meta = decodeMeta(rawMeta);
  if (!meta) return null;
  const key = await deriveKey(passphrase, meta.salt, meta.iterations);
  const check = await unseal(key, meta.check, CHECK_CONTEXT);
  if (check !== CHECK_TEXT) return null;
  return { kind: 'unlocked', key, salt: meta.salt, ids: await deriveIdKey(key) };
}
