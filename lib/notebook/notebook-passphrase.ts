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
  sameBytes,
  seal,
  unseal,
} from './notebook-crypto';
import type { Sealed } from './notebook-crypto';
import type { Mode, UnlockedMode } from './note-codec';

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
}

export function decodeMeta(value: unknown): EncryptionMeta | null {
  if (!isRecord(value) || value.key !== META_KEY) return null;
  const { salt, iterations } = value;
  const check = decodeSealed(value.check);
  if (!(salt instanceof Uint8Array) || salt.length !== 16 || !check) return null;
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations)) return null;
  if (iterations < PBKDF2_ITERATIONS || iterations > MAX_ITERATIONS) return null;
  return { key: META_KEY, salt, iterations, check };
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
