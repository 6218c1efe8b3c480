import { isRecord } from '../util/guards';
import { fromBase64, toBase64 } from '../util/base64';

/**
 * A few bytes sealed with AES-GCM for storage on the device (the meeting cache, drafts): base64
 * IV and ciphertext, a fresh 12-byte IV per seal, and additional data that binds the blob to its
 * place, so that one sealed value cannot be passed off as another.
 */
export interface SealedBlob {
  readonly iv: string;
  readonly data: string;
}

/** Decodes a stored blob; null when it is not one or its ciphertext is longer than `maxLength`. */
export function decodeBlob(value: unknown, maxLength: number): SealedBlob | null {
  if (!isRecord(value)) return null;
  const { iv, data } = value;
  if (typeof iv !== 'string' || iv.length !== 16) return null;
  if (typeof data !== 'string' || data.length === 0 || data.length > maxLength) return null;
  return { iv, data };
}

/** Seals `plain` under `key`, bound to `data`. */
export async function seal(
  key: CryptoKey,
  plain: Uint8Array,
  data: Uint8Array<ArrayBuffer>,
): Promise<SealedBlob> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const sealed = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: data },
    key,
    // A copy on its own ArrayBuffer: WebCrypto takes no view of a shared one.
    new Uint8Array(plain),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(sealed)) };
}

/** The plain bytes, or null when the blob was not sealed under this key for this place. */
export async function openBlob(
  key: CryptoKey,
  blob: SealedBlob,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array | null> {
  const iv = fromBase64(blob.iv);
  const sealed = fromBase64(blob.data);
  if (!iv || iv.length !== 12 || !sealed) return null;
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: data },
      key,
      sealed,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
