import type * as Y from 'yjs';
import { strictFormOk } from './ed25519';
import { signaturesIn, vouchVerified } from './signed';
import type { PendingSignature } from './signed';

/**
 * Verifies the signatures of a meeting's update with the browser's own WebCrypto (Ed25519 for
 * the writes, ECDSA P-256 for the cards) before the update is applied, so that the first read of
 * a meeting a member just received does not do the curve math in JavaScript (issue 15, late
 * join: about 0.4 ms a signature in JavaScript, a fresh key's table 8 ms more; about 0.07 ms
 * natively, several at once).
 *
 * Only a fast path: it never refuses anything. What WebCrypto finds valid is taken as verified
 * (`vouchVerified`) where that implies this project's own rules: for Ed25519, S below the group
 * order and a public key `verifyEd25519` accepts are checked here first (`strictFormOk`), and the
 * browser's check then makes R the very point the cofactored equation asks for. Everything else,
 * a signature WebCrypto refuses, a browser without Ed25519, an update that does not apply, is
 * verified on read as always. Every other check of a card or a write (its id, its writer, its
 * counter, who may write the key) runs on read, untouched.
 */
export async function vouchAhead(doc: Y.Doc, update: Uint8Array): Promise<number> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return 0;
  const pending = signaturesIn(doc, update);
  if (pending.length === 0) return 0;
  const keys = new Map<string, Promise<CryptoKey | null>>();
  const verdicts = await Promise.all(pending.map((s) => verifyNatively(subtle, keys, s)));
  const verified = pending.filter((_, i) => verdicts[i]);
  vouchVerified(doc, verified);
  return verified.length;
}

async function verifyNatively(
  subtle: SubtleCrypto,
  keys: Map<string, Promise<CryptoKey | null>>,
  s: PendingSignature,
): Promise<boolean> {
  if (s.kind === 'write' && !strictFormOk(s.signature, s.key)) return false;
  const id = `${s.kind}:${String.fromCharCode(...s.key)}`;
  let key = keys.get(id);
  if (!key) {
    key = importKey(subtle, s).catch(() => null);
    keys.set(id, key);
  }
  const imported = await key;
  if (!imported) return false;
  try {
    return await subtle.verify(
      s.kind === 'card' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' },
      imported,
      Uint8Array.from(s.signature),
      Uint8Array.from(s.message),
    );
  } catch {
    return false;
  }
}

function importKey(subtle: SubtleCrypto, s: PendingSignature): Promise<CryptoKey> {
  const algorithm =
    s.kind === 'card' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  return subtle.importKey('raw', Uint8Array.from(s.key), algorithm, false, ['verify']);
}
