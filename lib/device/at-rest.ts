import { isRecord } from '../util/guards';
import { decodeBlob, openBlob, seal } from './sealed-blob';
import type { SealedBlob } from './sealed-blob';
import { fromBase64, toBase64 } from '../util/base64';

/**
 * Sealing at rest for what the device keeps outside the notebook (groups with their invite
 * codes, meeting history), when the member protects the notebook with a passphrase.
 *
 * The notebook holds a key pair (ECDH P-256, `lib/notebook/notebook-passphrase.ts`): its public
 * key is readable while the notebook is locked, its private key only after unlocking. A value is
 * sealed for the public key (a fresh ephemeral key pair per seal, HKDF-SHA256, AES-GCM bound to
 * the storage key), so that a meeting that ends, or a group joined, while the notebook is locked
 * is stored sealed at once instead of plain or not at all. A sealed item is an append-only list
 * of such entries; opened, they are merged in order and written back as one.
 */

/** The keys the notebook gives (`Notebook.atRestKeys`; structurally the same type). */
export type AtRestKeys =
  | { readonly state: 'off' }
  /** publicKey null: protected before the key pair existed; sealing waits for an unlock. */
  | { readonly state: 'locked'; readonly publicKey: CryptoKey | null }
  | { readonly state: 'unlocked'; readonly publicKey: CryptoKey; readonly privateKey: CryptoKey };

/** Where the keys come from: the notebook. `subscribe` fires on lock, unlock and other changes. */
export interface AtRestSource {
  atRestKeys(): Promise<AtRestKeys>;
  subscribe(listener: () => void): () => void;
}

/** No passphrase, no sealing: for the web panel without IndexedDB, and tests. */
export const NO_AT_REST: AtRestSource = {
  atRestKeys: () => Promise.resolve({ state: 'off' }),
  subscribe: () => () => undefined,
};

/** One sealed entry: the ephemeral public key (base64, raw P-256) and an AES-GCM blob. */
export interface SealedEntry extends SealedBlob {
  readonly epk: string;
}

/** A stored item's value, plain or sealed, as it is stored (inside the `{ v, value }` envelope). */
export type AtRestValue<T> = { readonly plain: T } | { readonly sealed: readonly SealedEntry[] };

/** At most this many entries (appends while locked) per item; more are dropped unread. */
export const MAX_SEALED_ENTRIES = 200;
/** Base64 length of one entry's ciphertext at most (about 1.5 MB of JSON). */
const MAX_ENTRY_LENGTH = 2_000_000;

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const INFO = new TextEncoder().encode('kring-at-rest/v1');

/** Decodes what a v-enveloped item stores: `{ plain: value }` or `{ sealed: [entries] }`. */
export function decodeAtRest<T>(
  value: unknown,
  decodePlain: (value: unknown) => T,
): AtRestValue<T> {
  if (isRecord(value) && Array.isArray(value.sealed)) {
    const entries: SealedEntry[] = [];
    for (const raw of value.sealed.slice(0, MAX_SEALED_ENTRIES)) {
      const blob = decodeBlob(raw, MAX_ENTRY_LENGTH);
      if (blob && isRecord(raw) && typeof raw.epk === 'string' && raw.epk.length <= 200) {
        entries.push({ ...blob, epk: raw.epk });
      }
    }
    return { sealed: entries };
  }
  return { plain: decodePlain(isRecord(value) ? value.plain : undefined) };
}

async function entryKey(
  publicKey: CryptoKey,
  privateKey: CryptoKey,
  epk: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const shared = await subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const material = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epk, info: INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Seals a JSON value for the device's public key, bound to the storage key `place`. */
export async function sealFor(
  publicKey: CryptoKey,
  value: unknown,
  place: string,
): Promise<SealedEntry> {
  const subtle = globalThis.crypto.subtle;
  const ephemeral = await subtle.generateKey(ECDH, true, ['deriveBits']);
  const epk = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const key = await entryKey(publicKey, ephemeral.privateKey, epk);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const blob = await seal(key, plain, contextOf(place));
  return { ...blob, epk: toBase64(epk) };
}

/** Opens an entry with the device's private key; null when it is not for this key or place. */
export async function openSealed(
  privateKey: CryptoKey,
  entry: SealedEntry,
  place: string,
): Promise<unknown> {
  const epk = fromBase64(entry.epk);
  if (!epk || epk.length !== 65) return null;
  try {
    const subtle = globalThis.crypto.subtle;
    const sender = await subtle.importKey('raw', epk, ECDH, false, []);
    const key = await entryKey(sender, privateKey, epk);
    const plain = await openBlob(key, entry, contextOf(place));
    return plain === null
      ? null
      : JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    return null;
  }
}

/**
 * Opens every entry in order and folds them with `merge` over `initial`. An entry that cannot
 * be opened (damaged, or sealed for another key) is returned in `unopened`, to be kept when the
 * item is written back: nothing is dropped.
 */
export async function openAll<T>(
  privateKey: CryptoKey,
  entries: readonly SealedEntry[],
  place: string,
  initial: T,
  merge: (current: T, opened: unknown) => T,
): Promise<{ readonly value: T; readonly unopened: readonly SealedEntry[] }> {
  let value = initial;
  const unopened: SealedEntry[] = [];
  for (const entry of entries) {
    const opened = await openSealed(privateKey, entry, place);
    if (opened === null) unopened.push(entry);
    else value = merge(value, opened);
  }
  return { value, unopened };
}

function contextOf(place: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`kring-at-rest/${place}`);
}
