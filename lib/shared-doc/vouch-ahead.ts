import type * as Y from 'yjs';
import { fromBase64 } from '../util/base64';
import { isRecord } from '../util/guards';
import { strictFormOk } from './ed25519';
import { decodePresence, proofBytes, proofKnown, rememberProof } from './presence';
import type { ProofsInFlight } from './presence';
import {
  cardKnown,
  pendingCard,
  signaturesIn,
  verifyCard,
  verifyCardNatively,
  vouchVerified,
} from './signed';
import type { MemberCard, PendingSignature } from './signed';

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

/**
 * Verifies the presences' cards and proofs that `provenCard` (presence.ts) has no verdict on,
 * natively and all at once, and keeps what holds, so that the next read counts those members
 * without curve math on the main thread (issue 15, late join: a panel joining a group of eight
 * read seven presences in one refresh of about 40 ms, ahead of the lobby's first sync). Until the
 * browser answers (PENDING_PROOF_MS at most) the reader whose `inFlight` it is does not count such
 * a presence yet (`listMembers`). The same fast path as `vouchAhead`: a card or proof the browser refuses, or cannot check, is left to
 * `provenCard`, which verifies it in JavaScript as always. True when a presence was proven.
 */
export async function provePresencesAhead(
  states: ReadonlyMap<number, unknown>,
  inFlight: ProofsInFlight,
): Promise<boolean> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return false;
  const keys = new Map<string, Promise<CryptoKey | null>>();
  const jobs: Array<Promise<boolean>> = [];
  for (const [clientId, state] of states) {
    const presence = decodePresence(state);
    const card = presence?.card;
    const proof = presence?.proof;
    if (
      !presence ||
      !isRecord(card) ||
      proof === undefined ||
      proofKnown(presence, clientId) ||
      inFlight.hasProof(clientId, proof)
    ) {
      continue;
    }
    const known = cardKnown(card);
    const cardSignature = known ? null : pendingCard(card);
    const session = typeof card.session === 'string' ? fromBase64(card.session) : null;
    const signature = fromBase64(proof);
    if ((!known && !cardSignature) || !session || !signature) continue;
    const proofSignature: PendingSignature = {
      kind: 'write',
      key: session,
      signature,
      message: proofBytes(clientId, presence.memberId),
    };
    inFlight.start(clientId, proof);
    jobs.push(
      (async () => {
        try {
          const [cardOk, proofOk] = await Promise.all([
            cardSignature ? verifyNatively(subtle, keys, cardSignature) : true,
            verifyNatively(subtle, keys, proofSignature),
          ]);
          if (!cardOk || !proofOk) return false;
          const verified: MemberCard | null = cardSignature
            ? verifyCardNatively(card, cardSignature)
            : verifyCard(card);
          if (!verified || verified.memberId !== presence.memberId) return false;
          rememberProof(clientId, proof, verified);
          return true;
        } finally {
          inFlight.end(clientId, proof);
        }
      })(),
    );
  }
  if (jobs.length === 0) return false;
  const proven = await Promise.all(jobs);
  return proven.some(Boolean);
}
