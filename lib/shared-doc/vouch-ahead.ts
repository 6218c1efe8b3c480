import * as Y from 'yjs';
import { fromBase64 } from '../util/base64';
import { rememberBounded } from '../util/bounded';
import { isRecord } from '../util/guards';
import { strictFormOk } from './ed25519';
import { decodePresence, proofBytes, proofKnown, rememberProof } from './presence';
import type { ProofsInFlight } from './presence';
import {
  cardKnown,
  enforceSignatures,
  isEnforced,
  keptProofs,
  pendingCard,
  proofFromDigest,
  proofInput,
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
  return (await vouchUpdateAhead(doc, update)) ?? 0;
}

/**
 * `vouchAhead` for an update arriving in a meeting (issue 15, the phase path): null, at once,
 * when it holds no signature to verify or the browser cannot verify natively, so that the
 * update is read without waiting; else a promise of how many were taken as verified, which
 * never rejects. A phase change was three signed writes (now two, the phase and its timer):
 * about 2.8 ms of curve math in a panel's main thread against about 0.3 ms for WebCrypto, three
 * at once (bench/phase-profile.ts).
 */
export function vouchUpdateAhead(doc: Y.Doc, update: Uint8Array): Promise<number> | null {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || !isEnforced(doc)) return null;
  // The same update comes from several peers (each passes on what it receives): a copy whose
  // entries are being verified already waits for that instead of verifying them again.
  let flights = inFlight.get(doc);
  if (!flights) {
    flights = new Map();
    inFlight.set(doc, flights);
  }
  const waits = new Set<Promise<number>>();
  const pending = signaturesIn(doc, update, (entry) => {
    const flight = flights.get(entry);
    if (flight) waits.add(flight);
    return flight !== undefined;
  }).filter((s) => s.kind === 'card' || ed25519Native);
  if (pending.length === 0 && waits.size === 0) return null;
  if (pending.length === 0) return Promise.all(waits).then(() => 0);
  // Each write's proof (what a kept copy keeps of it) is worked out natively alongside: the
  // read then hashes nothing in JavaScript (about 0.3 ms a write in a freshly loaded panel).
  const verifying = Promise.all(
    pending.map((s) =>
      Promise.all([
        verifyNatively(subtle, s),
        s.kind === 'write' ? proveNatively(subtle, s) : null,
      ]),
    ),
  ).then(
    (results) => {
      const verified = pending.filter((_, i) => results[i]![0]);
      const proofs = results.filter(([valid]) => valid).map(([, proof]) => proof ?? undefined);
      vouchVerified(doc, verified, proofs);
      return verified.length;
    },
    () => 0,
  );
  const entries = pending.flatMap((s) => (s.entry === undefined ? [] : [s.entry]));
  for (const entry of entries) flights.set(entry, verifying);
  void verifying.then(() => {
    for (const entry of entries) if (flights.get(entry) === verifying) flights.delete(entry);
  });
  return waits.size === 0 ? verifying : Promise.all([verifying, ...waits]).then(([n]) => n);
}

/** Writes of a kept copy whose proofs this device kept with it, found by `provenWritesAhead`. */
export interface ProvenWrites {
  readonly writes: readonly PendingSignature[];
  readonly proofs: readonly string[];
}

/**
 * The signed writes of a kept copy of the meeting `scope` (`state`) whose proofs this device
 * sealed with it (`kept`, `provenSignatures`), each proof worked out by the platform's SHA-256,
 * for `vouchVerified` on the document before the copy is applied. The first read then takes
 * them by their signature and bytes and hashes nothing in JavaScript: a reloaded panel's first
 * read hashed every write of the copy with noble's SHA-256, code that runs cold in a fresh page
 * (20 to 120 ms before a heavy meeting's board, docs/benchmarks.md, twenty-third round). Only a
 * fast path, and on the same ground as `vouchFor`: a write is taken only where its proof, over
 * the very key, signature and bytes, is one this device kept. Null where there is nothing to
 * take or the platform cannot hash; the copy is then read as before.
 */
export async function provenWritesAhead(
  scope: string,
  state: Uint8Array,
  kept: Uint8Array,
): Promise<ProvenWrites | null> {
  const subtle = globalThis.crypto?.subtle;
  const proven = new Set(keptProofs(kept));
  if (!subtle || proven.size === 0) return null;
  // Read from a document of its own: which writes the copy holds, with the bytes they sign.
  const scratch = new Y.Doc();
  enforceSignatures(scratch, { scope, signer: null });
  const pending = signaturesIn(scratch, state).filter((s) => s.kind === 'write');
  scratch.destroy();
  if (pending.length === 0) return null;
  const proofs = await Promise.all(pending.map((s) => proveNatively(subtle, s)));
  const taken = pending.flatMap((_, i) => {
    const proof = proofs[i];
    return proof != null && proven.has(proof) ? [i] : [];
  });
  if (taken.length === 0) return null;
  return { writes: taken.map((i) => pending[i]!), proofs: taken.map((i) => proofs[i]!) };
}

/** Verifications under way per document, by the entry they are for. */
const inFlight = new WeakMap<Y.Doc, Map<string, Promise<number>>>();

/** False once the browser turned an Ed25519 key away: it has no native Ed25519. */
let ed25519Native = true;
/** Imported public keys, by kind and bytes (a meeting has a few dozen). */
const importedKeys = new Map<string, Promise<CryptoKey | null>>();
const MAX_IMPORTED_KEYS = 256;

async function verifyNatively(subtle: SubtleCrypto, s: PendingSignature): Promise<boolean> {
  if (s.kind === 'write' && !strictFormOk(s.signature, s.key)) return false;
  const imported = await importedKey(subtle, s);
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

/** The signature's proof (signed.ts `proofOf`) by the platform's SHA-256; null if it fails. */
async function proveNatively(subtle: SubtleCrypto, s: PendingSignature): Promise<string | null> {
  try {
    return proofFromDigest(new Uint8Array(await subtle.digest('SHA-256', proofInput(s))));
  } catch {
    return null;
  }
}

function importedKey(subtle: SubtleCrypto, s: PendingSignature): Promise<CryptoKey | null> {
  const id = `${s.kind}:${String.fromCharCode(...s.key)}`;
  const known = importedKeys.get(id);
  if (known) return known;
  const algorithm =
    s.kind === 'card' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'Ed25519' };
  const key = subtle.importKey('raw', Uint8Array.from(s.key), algorithm, false, ['verify']).then(
    (k) => k,
    (error: unknown) => {
      // A key this check accepts that the browser turns away: no native Ed25519 here.
      if (s.kind === 'write' && error instanceof Error && error.name === 'NotSupportedError') {
        ed25519Native = false;
      }
      importedKeys.delete(id);
      return null;
    },
  );
  rememberBounded(importedKeys, id, key, MAX_IMPORTED_KEYS);
  return key;
}

/**
 * This panel's own new card, verified by the browser (as a presence's card below) and its
 * verdict kept: the first `learnCard` of it, when a meeting's document starts to enforce
 * signatures, was a P-256 check in JavaScript, 15 to 20 ms on a reloaded panel's way to its board
 * (docs/benchmarks.md, twenty-first round). A fast path too: where the browser cannot, the card
 * is verified in JavaScript when first read, as before.
 */
export async function vouchOwnCard(card: MemberCard): Promise<void> {
  const subtle = globalThis.crypto?.subtle;
  const pending = subtle ? pendingCard({ ...card }) : null;
  if (!subtle || !pending || !(await verifyNatively(subtle, pending))) return;
  verifyCardNatively({ ...card }, pending);
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
            cardSignature ? verifyNatively(subtle, cardSignature) : true,
            verifyNatively(subtle, proofSignature),
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
