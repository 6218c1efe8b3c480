import * as Y from 'yjs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64, toBase64 } from '../util/base64';
import { sameBytes } from '../util/bytes';
import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { addBounded, rememberBounded } from '../util/bounded';
import { LIMITS, PROOF_BYTES } from '../util/limits';
import { platformKeyPair, platformSign, sessionSigner, verifyEd25519 } from './ed25519';

/**
 * Every shared write is someone's (issue 13, point 4).
 *
 * Each device has a key pair of its own (lib/device/device-key.ts: WebCrypto ECDSA P-256,
 * non-extractable, kept in the device's IndexedDB). A member's id in a group is derived from its
 * public key (`memberIdOf`), so nobody can take another member's id. A panel signs its writes
 * with a session key (Ed25519, in memory only, made when the panel opens the group) that the
 * device key certifies once: the member's **card** `{ memberId, name, device, session, cert }`.
 * Cards travel in each meeting document's `roster` map and in presence.
 *
 * A value written into a meeting document is an **envelope** `{ w, k, n, s, v }`: writer id,
 * session key, a number that grows with every write of that session, the signature and the
 * value. The signature covers the meeting id (the scope), the root and key written, `n` and the
 * value, so an envelope cannot be moved to another key or meeting, and an old one written again
 * is refused (its `n` is not newer). Readers (last-valid.ts, map-index.ts) open envelopes here
 * and then apply who-may-write rules: a forged, unsigned or replayed value is garbage, read as
 * the last valid value. Signing is synchronous, so commands stay synchronous; verification is
 * cached by signature, so a read costs a map lookup.
 *
 * A document is enforced by `enforceSignatures` (GroupSession does it for every meeting room it
 * opens). A document that is not enforced reads and writes plain values: only the unit tests of
 * the commands use that, no panel does.
 */

/** Binds a session key to a device key and a name, certified by the device key. */
export interface MemberCard {
  readonly memberId: string;
  readonly name: string;
  /** The device's public key (P-256, raw, base64). */
  readonly device: string;
  /** The session's public key (Ed25519, base64): the card's id in the roster. */
  readonly session: string;
  /** The device key's signature over the three fields above (base64, P1363). */
  readonly cert: string;
}

/** The device's key pair as the session needs it; lib/device/device-key.ts makes one. */
export interface DeviceSigner {
  readonly memberId: string;
  /** Raw P-256 public key (65 bytes). */
  readonly publicKey: Uint8Array;
  /** ECDSA P-256 with SHA-256 over `bytes`; the private key never leaves WebCrypto. */
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

/** A panel's session key with its card: signs this panel's writes. */
export interface SessionSigner {
  readonly card: MemberCard;
  sign(bytes: Uint8Array): Uint8Array;
  /**
   * Signs `bytes` ahead with the platform's Ed25519 (native, off the JavaScript heap), so that
   * the next `sign` of the same bytes is a lookup. For a signature needed on the way to a
   * reloaded panel's board (the presence proofs): in JavaScript, the page's first signature
   * builds the base point's table first, 20 to 90 ms (ed25519.ts). Absent where the platform
   * has no Ed25519: `sign` works alone.
   */
  signAhead?(bytes: Uint8Array): Promise<void>;
}

/** A write a panel refused: shown to the chair. */
export interface RejectedWrite {
  /** The member the write claims to be from; null when it names nobody we know. */
  readonly writerId: string | null;
  readonly root: string;
  readonly key: string;
  readonly reason: 'unsigned' | 'forged' | 'not-allowed' | 'replayed' | 'not-theirs';
  readonly at: number;
}

/** What an enforced document knows: its scope, this panel's signer and the cards it verified. */
interface DocTrust {
  readonly scope: string;
  readonly signer: SessionSigner | null;
  /** Verified cards by session key. */
  readonly cards: Map<string, MemberCard>;
  /** Reads waiting for a card that has not arrived, by session key. */
  readonly waiting: Map<string, Set<() => void>>;
  readonly rejected: RejectedWrite[];
  readonly listeners: Set<() => void>;
  /** Whether this panel has seen the member missing long enough to let another take the chair. */
  chairAbsent: (memberId: string) => boolean;
  lastN: number;
  rosterWatched: boolean;
  /** Proofs of the signatures found valid here (`proofOf`), to keep with a copy of the document. */
  readonly proven: Set<string>;
  /**
   * Proofs of signatures verified elsewhere: kept with the copy this document was restored from,
   * or verified natively before an update was applied (vouch-ahead.ts). Valid without the curve
   * math; the newest `MAX_PROOFS`.
   */
  readonly vouched: Set<string>;
  /**
   * Writes verified natively with their proof worked out natively too (vouch-ahead.ts), by
   * signature (base64): read once with no hashing in JavaScript either (`signedByCard`).
   */
  readonly ahead: Map<string, VouchedWrite>;
}

/** A write verified and proven natively, waiting for its first read. */
interface VouchedWrite {
  readonly key: Uint8Array;
  readonly message: Uint8Array;
  readonly proof: string;
}

/** Writes vouched for ahead and not read yet, per document (a late join's whole meeting). */
const MAX_VOUCHED_WRITES = 4_096;

const trusts = new WeakMap<Y.Doc, DocTrust>();
const rootNames = new WeakMap<Y.Map<unknown>, string>();

/** Rejected writes kept per document (the newest). */
const MAX_REJECTED = 50;
/** Verified cards remembered (a bounded cache; forgetting only costs a verification). */
const MAX_VERDICTS = 2_000;
/** Cards a roster may hold: one per panel that opened the meeting. */
export const MAX_CARDS = 200;
/** The roster map of a meeting document: cards by session key. */
export const ROSTER_ROOT = 'roster';
const MAX_PROOFS = LIMITS.proofsPerMeeting;

const encoder = new TextEncoder();
/** Verdicts on envelopes, kept with the stored object itself. */
const verdicts = new WeakMap<
  object,
  { root: string; key: string; scope: string; valid: boolean }
>();
const cardVerdicts = new Map<string, MemberCard | null>();

/** Remembers a root map's name, so that envelopes can name the root they belong to. */
export function nameRoot<T>(map: Y.Map<T>, name: string): Y.Map<T> {
  if (!rootNames.has(map as Y.Map<unknown>)) rootNames.set(map as Y.Map<unknown>, name);
  return map;
}

/** A member id from a device's public key: 16 characters of its SHA-256, url-safe. */
export function memberIdOf(devicePublicKey: Uint8Array): string {
  return toUrlSafe(toBase64(sha256(devicePublicKey))).slice(0, 16);
}

/**
 * The short fingerprint a member reads aloud to compare: 8 hex characters of the device key's
 * hash, in two groups ("3F9A 11C2").
 */
export function fingerprintOf(card: Pick<MemberCard, 'device'>): string {
  // Every refresh lists the members with theirs: worked out once per device key.
  const known = fingerprints.get(card.device);
  if (known !== undefined) return known;
  const device = fromBase64(card.device);
  if (!device) return '';
  const hex = [...sha256(device).subarray(0, 4)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  const fingerprint = `${hex.slice(0, 4)} ${hex.slice(4)}`;
  rememberBounded(fingerprints, card.device, fingerprint, MAX_VERDICTS);
  return fingerprint;
}

const fingerprints = new Map<string, string>();

function cardBytes(memberId: string, name: string, session: string): Uint8Array {
  return encoder.encode(`kring-card\n${memberId}\n${name}\n${session}`);
}

/** Makes a session key and its card, certified by the device key (the one async step). */
export async function newSessionSigner(device: DeviceSigner, name: string): Promise<SessionSigner> {
  const made = await platformKeyPair();
  const signer = made
    ? sessionSigner(made.secret, made.publicKey)
    : sessionSigner(ed25519.utils.randomSecretKey());
  /** Signatures made ahead by the platform, by their message. */
  const ahead = new Map<string, Uint8Array>();
  const session = toBase64(signer.publicKey);
  const cleanName = name.trim().slice(0, LIMITS.memberName);
  const cert = await device.sign(cardBytes(device.memberId, cleanName, session));
  const card: MemberCard = {
    memberId: device.memberId,
    name: cleanName,
    device: toBase64(device.publicKey),
    session,
    cert: toBase64(cert),
  };
  return {
    card,
    sign(bytes) {
      const key = ahead.size > 0 ? aheadKey(bytes) : null;
      return (key === null ? undefined : ahead.get(key)) ?? signer.sign(bytes);
    },
    ...(made
      ? {
          async signAhead(bytes: Uint8Array) {
            const key = aheadKey(bytes);
            if (key === null) return;
            const signature = await platformSign(made.privateKey, bytes);
            if (signature) rememberBounded(ahead, key, signature, MAX_AHEAD);
          },
        }
      : {}),
  };
}

/** Signatures kept made ahead: a presence proof per room, and a room or two a session. */
const MAX_AHEAD = 8;

/** A short message as text (the map's key); null for a long one, never signed ahead. */
function aheadKey(bytes: Uint8Array): string | null {
  return bytes.length > 256 ? null : String.fromCharCode(...bytes);
}

/**
 * Decodes and verifies a card from a peer: the id must be the device key's, the device key must
 * have certified the session key and name. Cached by certificate; null when anything is off.
 */
export function verifyCard(value: unknown, trust?: DocTrust): MemberCard | null {
  return cardVerdict(value, trust, false);
}

/** `verifyCard`, or, when the browser verified the certificate already, all its other checks. */
function cardVerdict(
  value: unknown,
  trust: DocTrust | undefined,
  verifiedNatively: boolean,
): MemberCard | null {
  if (!isRecord(value)) return null;
  const cert = typeof value.cert === 'string' && value.cert.length <= 200 ? value.cert : null;
  if (cert === null) return null;
  const cached = cardVerdicts.get(cert);
  if (cached !== undefined) {
    if (cached && trust) prove(trust, cardProof(cached));
    return cached && sameCard(cached, value) ? cached : null;
  }
  const card = checkCard(value, cert, trust, verifiedNatively);
  rememberBounded(cardVerdicts, cert, card, MAX_VERDICTS);
  return card;
}

function sameCard(card: MemberCard, value: Record<string, unknown>): boolean {
  return (
    card.memberId === value.memberId &&
    card.name === value.name &&
    card.device === value.device &&
    card.session === value.session
  );
}

/** A card's fields as a peer wrote them, decoded, with what its certificate signs; or null. */
function cardParts(value: Record<string, unknown>, cert: string) {
  const memberId = safeId(value.memberId);
  const name = boundedString(value.name, LIMITS.memberName);
  const device =
    typeof value.device === 'string' && value.device.length <= 200 ? value.device : null;
  const session =
    typeof value.session === 'string' && value.session.length <= 100 ? value.session : null;
  if (memberId === null || name === null || device === null || session === null) return null;
  const deviceKey = fromBase64(device);
  const sessionKey = fromBase64(session);
  const signature = fromBase64(cert);
  if (!deviceKey || deviceKey.length !== 65 || !sessionKey || sessionKey.length !== 32) return null;
  if (!signature || signature.length !== 64) return null;
  const bytes = cardBytes(memberId, name, session);
  return { memberId, name, device, session, deviceKey, signature, bytes };
}

function checkCard(
  value: Record<string, unknown>,
  cert: string,
  trust?: DocTrust,
  verifiedNatively = false,
): MemberCard | null {
  const parts = cardParts(value, cert);
  if (!parts) return null;
  const { memberId, name, device, session, deviceKey, signature, bytes } = parts;
  if (memberIdOf(deviceKey) !== memberId) return null;
  try {
    const proof = proofOf(CARD_PROOF, deviceKey, signature, bytes);
    if (
      !verifiedNatively &&
      !trust?.vouched.has(proof) &&
      !p256.verify(signature, bytes, deviceKey, { lowS: false })
    ) {
      return null;
    }
    if (trust) prove(trust, proof);
  } catch {
    return null;
  }
  return { memberId, name, device, session, cert };
}

const CARD_PROOF = 1;
const WRITE_PROOF = 2;

/**
 * What a kept copy of a document keeps of a signature found valid, so that the panel restoring
 * it need not verify it again: SHA-256 over its kind, the key, the signature and the signed
 * bytes (`proofBytes`), cut to PROOF_BYTES. A proof matches only the very bytes that were verified.
 */
function proofOf(
  kind: number,
  key: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
): string {
  return proofFromDigest(
    sha256
      .create()
      .update(proofBytes(kind, key, signature, message))
      .digest(),
  );
}

/** What a proof hashes, end to end: its kind, the key's and signature's lengths, then each. */
function proofBytes(
  kind: number,
  key: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(3 + key.length + signature.length + message.length);
  bytes.set([kind, key.length, signature.length]);
  bytes.set(key, 3);
  bytes.set(signature, 3 + key.length);
  bytes.set(message, 3 + key.length + signature.length);
  return bytes;
}

/** A pending signature's proof kind. */
function proofKind(s: PendingSignature): number {
  return s.kind === 'card' ? CARD_PROOF : WRITE_PROOF;
}

/**
 * The bytes a signature's proof hashes (`proofOf`), end to end: for working the proof out with
 * the platform's SHA-256 (vouch-ahead.ts), then `proofFromDigest`.
 */
export function proofInput(s: PendingSignature): Uint8Array<ArrayBuffer> {
  return proofBytes(proofKind(s), s.key, s.signature, s.message);
}

/** A proof from the SHA-256 digest of its `proofInput`. */
export function proofFromDigest(digest: Uint8Array): string {
  return String.fromCharCode(...digest.subarray(0, PROOF_BYTES));
}

function cardProof(card: MemberCard): string {
  // A known card is proven again on every read of the presences: its proof is worked out once.
  const known = cardProofs.get(card);
  if (known !== undefined) return known;
  const proof = proofOf(
    CARD_PROOF,
    fromBase64(card.device)!,
    fromBase64(card.cert)!,
    cardBytes(card.memberId, card.name, card.session),
  );
  cardProofs.set(card, proof);
  return proof;
}

const cardProofs = new WeakMap<MemberCard, string>();

function prove(trust: DocTrust, proof: string): void {
  if (trust.proven.size < MAX_PROOFS) trust.proven.add(proof);
}

/**
 * The proofs of every signature this panel found valid in `doc` (cards and writes), to keep
 * with its copy (lib/device/meeting-cache.ts seals them with it): PROOF_BYTES each, end to end.
 */
export function provenSignatures(doc: Y.Doc): Uint8Array {
  const trust = trusts.get(doc);
  const proofs = trust ? [...trust.proven] : [];
  const bytes = new Uint8Array(proofs.length * PROOF_BYTES);
  proofs.forEach((proof, i) => {
    for (let j = 0; j < PROOF_BYTES; j += 1) bytes[i * PROOF_BYTES + j] = proof.charCodeAt(j);
  });
  return bytes;
}

/**
 * Takes the proofs kept with the copy `doc` is restored from (`provenSignatures`, sealed by this
 * device) as verified: the writes and cards they match are read without the curve math. Call it
 * after `enforceSignatures` and before applying the copy. A copy from elsewhere, or proofs that
 * match nothing, cost nothing: every other signature is verified as always.
 */
export function vouchFor(doc: Y.Doc, proofs: Uint8Array): void {
  const trust = trusts.get(doc);
  if (!trust) return;
  for (const proof of keptProofs(proofs)) vouch(trust, proof);
}

/** The proofs kept with a copy (`provenSignatures`), one by one; the first `MAX_PROOFS`. */
export function keptProofs(proofs: Uint8Array): string[] {
  const count = Math.min(Math.floor(proofs.length / PROOF_BYTES), MAX_PROOFS);
  return Array.from({ length: count }, (_, i) =>
    String.fromCharCode(...proofs.subarray(i * PROOF_BYTES, (i + 1) * PROOF_BYTES)),
  );
}

/**
 * Takes a proof as vouched for. The set is bounded: when full, the oldest goes (it was read,
 * or is verified on read if it ever is), so that a long meeting verified ahead change after
 * change keeps the fast path for its newest writes.
 */
function vouch(trust: DocTrust, proof: string): void {
  addBounded(trust.vouched, proof, MAX_PROOFS);
}

/** A signature a reader of a document would verify: a roster card's or a signed write's. */
export interface PendingSignature {
  readonly kind: 'card' | 'write';
  /** The device key (card, P-256, 65 bytes) or the session key (write, Ed25519, 32 bytes). */
  readonly key: Uint8Array;
  readonly signature: Uint8Array;
  readonly message: Uint8Array;
  /** The entry of the update it was found in (`client:clock`), from `signaturesIn`. */
  readonly entry?: string;
}

/**
 * The signatures a reader of the enforced document `doc` would verify once `update` is applied:
 * each new roster card's certificate and each new stored envelope's signature, with the bytes
 * they would be verified over (this document's scope, each root's name). Read from the update's
 * own structure, so that it serves a whole meeting (a late join) and a single change alike: an
 * entry that overwrites a key names neither root nor key in the update, only the entry it
 * follows, which is found in the update itself or in `doc`. Entries `doc` already holds, or that
 * the update itself deletes, are left out. Nothing is judged here: a card or envelope that is
 * malformed, or whose place cannot be told, is left out and judged on read as always. For
 * verifying ahead (vouch-ahead.ts), which leaves out entries it is verifying already (`skip`).
 */
export function signaturesIn(
  doc: Y.Doc,
  update: Uint8Array,
  skip: (entry: string) => boolean = () => false,
): PendingSignature[] {
  const trust = trusts.get(doc);
  if (!trust) return [];
  const found: PendingSignature[] = [];
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    // Where the update's own entries stand, by the id of their last element.
    const places = new Map<string, Place | null>();
    for (const struct of structs) {
      if (found.length >= MAX_PROOFS) break;
      if (!(struct instanceof Y.Item)) continue;
      const { client, clock } = struct.id;
      // Held already (a copy from another peer, a sync that overlaps): read before, and an entry
      // that follows it finds its place in `doc`.
      if (Y.getState(doc.store, client) > clock) continue;
      const place = placeOf(doc, struct, places);
      places.set(`${client}:${clock + struct.length - 1}`, place);
      if (!place || struct.length !== 1 || !(struct.content instanceof Y.ContentAny)) continue;
      if (Y.isDeleted(ds, struct.id)) continue;
      const entry = `${client}:${clock}`;
      const raw: unknown = struct.content.arr[0];
      if (!isRecord(raw) || skip(entry)) continue;
      const pending =
        place.root === ROSTER_ROOT
          ? pendingCard(raw)
          : pendingWrite(trust, place.root, place.key, raw);
      if (pending) found.push({ ...pending, entry });
    }
  } catch {
    // An update that does not decode: judged on read as always.
  }
  return found;
}

/** A root map's entry: the root's name and the key. */
interface Place {
  readonly root: string;
  readonly key: string;
}

/**
 * Where an entry of an update goes. An entry with neither left nor right neighbour names its
 * parent and key itself; any other follows its neighbour's (Yjs writes no parent for it).
 */
function placeOf(doc: Y.Doc, item: Y.Item, places: Map<string, Place | null>): Place | null {
  const parent: unknown = item.parent;
  if (item.origin === null && item.rightOrigin === null) {
    return typeof parent === 'string' && item.parentSub !== null
      ? { root: parent, key: item.parentSub }
      : null;
  }
  const neighbour = item.origin ?? item.rightOrigin!;
  const inUpdate = places.get(`${neighbour.client}:${neighbour.clock}`);
  if (inUpdate !== undefined) return inUpdate;
  return placeInDoc(doc, neighbour);
}

/** The root map's entry that the item with this id in `doc` is, or null. */
function placeInDoc(doc: Y.Doc, id: Y.ID): Place | null {
  if (Y.getState(doc.store, id.client) <= id.clock) return null;
  const item = Y.getItem(doc.store, id);
  if (!(item instanceof Y.Item) || item.parentSub === null) return null;
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType) || parent._item !== null) return null;
  const root = Y.findRootTypeKey(parent);
  return root ? { root, key: item.parentSub } : null;
}

/**
 * A card whose certificate the browser verified (vouch-ahead.ts `provePresencesAhead`, the
 * signature of `pendingCard(value)`): every other check of `verifyCard` runs, and the verdict is
 * kept as `verifyCard` keeps it. Null for a card that is not the one verified.
 */
export function verifyCardNatively(value: unknown, verified: PendingSignature): MemberCard | null {
  if (!isRecord(value)) return null;
  const pending = pendingCard(value);
  if (
    !pending ||
    !sameBytes(pending.key, verified.key) ||
    !sameBytes(pending.signature, verified.signature) ||
    !sameBytes(pending.message, verified.message)
  ) {
    return null;
  }
  return cardVerdict(value, undefined, true);
}

/** Whether `verifyCard` already has a verdict on this card's certificate. */
export function cardKnown(value: Record<string, unknown>): boolean {
  return typeof value.cert === 'string' && cardVerdicts.has(value.cert);
}

/** A card's signature to verify: its device key, its certificate and the bytes it signs. */
export function pendingCard(raw: Record<string, unknown>): PendingSignature | null {
  const cert = typeof raw.cert === 'string' && raw.cert.length <= 200 ? raw.cert : null;
  const parts = cert === null ? null : cardParts(raw, cert);
  if (!parts) return null;
  return { kind: 'card', key: parts.deviceKey, signature: parts.signature, message: parts.bytes };
}

function pendingWrite(
  trust: DocTrust,
  root: string,
  key: string,
  raw: Record<string, unknown>,
): PendingSignature | null {
  const envelope = envelopeParts(raw);
  if (!envelope) return null;
  const { writer, n } = envelope;
  const publicKey = fromBase64(envelope.session);
  const signature = fromBase64(envelope.signature);
  if (!publicKey || publicKey.length !== 32 || !signature || signature.length !== 64) return null;
  try {
    const message = writeBytes({ scope: trust.scope, root, key, n, writer, value: raw.v });
    return { kind: 'write', key: publicKey, signature, message };
  } catch {
    return null;
  }
}

/**
 * Takes these signatures, verified elsewhere by rules that imply this file's (vouch-ahead.ts),
 * as verified in `doc`: like `vouchFor`, the very bytes are read without the curve math, and
 * every other check of a card or a write still runs on read.
 */
export function vouchVerified(
  doc: Y.Doc,
  verified: readonly PendingSignature[],
  proofs?: readonly (string | undefined)[],
): void {
  const trust = trusts.get(doc);
  if (!trust) return;
  verified.forEach((s, i) => {
    // Worked out natively alongside (`proofInput`), or here.
    const proof = proofs?.[i] ?? proofOf(proofKind(s), s.key, s.signature, s.message);
    vouch(trust, proof);
    if (s.kind === 'write' && proofs?.[i] !== undefined) {
      const { key, message } = s;
      rememberBounded(
        trust.ahead,
        toBase64(s.signature),
        { key, message, proof },
        MAX_VOUCHED_WRITES,
      );
    }
  });
}

/**
 * Makes a meeting document enforce signatures: from now on its readers accept only envelopes
 * signed by a verified card, and its writers sign with `signer`. Idempotent per document.
 */
export function enforceSignatures(
  doc: Y.Doc,
  options: {
    readonly scope: string;
    readonly signer: SessionSigner | null;
    readonly chairAbsent?: (memberId: string) => boolean;
  },
): void {
  if (trusts.has(doc)) return;
  const trust: DocTrust = {
    scope: options.scope,
    signer: options.signer,
    cards: new Map(),
    waiting: new Map(),
    rejected: [],
    listeners: new Set(),
    chairAbsent: options.chairAbsent ?? (() => false),
    lastN: 0,
    rosterWatched: false,
    proven: new Set(),
    vouched: new Set(),
    ahead: new Map(),
  };
  trusts.set(doc, trust);
  if (options.signer) learnCard(doc, options.signer.card);
  watchRoster(doc, trust);
}

/** Whether the document enforces signatures. */
export function isEnforced(doc: Y.Doc | null): boolean {
  return doc !== null && trusts.has(doc);
}

/** Whether this panel lets a member take the chair from `chairId` now. */
export function chairIsAbsent(doc: Y.Doc, chairId: string): boolean {
  return trusts.get(doc)?.chairAbsent(chairId) ?? false;
}

/** The writer's signer's card, or null. */
function localCard(doc: Y.Doc): MemberCard | null {
  return trusts.get(doc)?.signer?.card ?? null;
}

/** Writes rejected in this document, newest last. */
export function rejectedWrites(doc: Y.Doc): readonly RejectedWrite[] {
  return trusts.get(doc)?.rejected ?? [];
}

/** Calls `listener` when a write is rejected or a card arrives. */
export function onTrustChange(doc: Y.Doc, listener: () => void): () => void {
  const trust = trusts.get(doc);
  if (!trust) return () => undefined;
  trust.listeners.add(listener);
  return () => trust.listeners.delete(listener);
}

/** Verifies a card (from the roster or a presence) and lets waiting reads retry. */
export function learnCard(doc: Y.Doc, value: unknown): MemberCard | null {
  const trust = trusts.get(doc);
  if (!trust) return null;
  const card = verifyCard(value, trust);
  if (!card || trust.cards.has(card.session)) return card;
  if (trust.cards.size >= MAX_CARDS) return null;
  trust.cards.set(card.session, card);
  const waiting = trust.waiting.get(card.session);
  trust.waiting.delete(card.session);
  for (const retry of waiting ?? []) retry();
  for (const listener of [...trust.listeners]) listener();
  return card;
}

function watchRoster(doc: Y.Doc, trust: DocTrust): void {
  if (trust.rosterWatched) return;
  trust.rosterWatched = true;
  const roster = doc.getMap<unknown>(ROSTER_ROOT);
  for (const value of roster.values()) learnCard(doc, value);
  roster.observe((event) => {
    for (const key of event.keysChanged) {
      const value = roster.get(key);
      if (value !== undefined) learnCard(doc, value);
    }
  });
}

/** Puts this panel's card in the meeting's roster, again when a peer removed or garbled it. */
export function publishCard(doc: Y.Doc, origin: unknown): boolean {
  const card = localCard(doc);
  if (!card) return false;
  const roster = doc.getMap<unknown>(ROSTER_ROOT);
  const there = roster.get(card.session);
  if (isRecord(there) && there.cert === card.cert && sameCard(card, there)) return false;
  doc.transact(() => roster.set(card.session, { ...card }), origin);
  return true;
}

/** What a reader gets from a stored value. */
export type Opened =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly writer: string | null;
      readonly n: number;
    }
  | { readonly ok: false; readonly waitFor?: string; readonly writer: string | null };

const PLAIN_N = 0;

/** A stored envelope's fields as a peer wrote them: writer, session key, number, signature. */
function envelopeParts(raw: Record<string, unknown>) {
  const writer = safeId(raw.w);
  const session = typeof raw.k === 'string' && raw.k.length <= 100 ? raw.k : null;
  const n = finiteNumber(raw.n);
  const signature = typeof raw.s === 'string' && raw.s.length <= 200 ? raw.s : null;
  if (writer === null || session === null || n === null || signature === null || !('v' in raw)) {
    return null;
  }
  return { writer, session, n, signature };
}

/**
 * Opens a stored value: in a document that is not enforced, the value as it is (writer null);
 * in an enforced one, the envelope's value when its card is known and its signature is valid.
 * `waitFor` names a card that has not arrived: the reader should retry when it does.
 */
export function openValue(map: Y.Map<unknown>, key: string, raw: unknown): Opened {
  const doc = map.doc;
  const trust = doc ? trusts.get(doc) : undefined;
  if (!trust) return { ok: true, value: raw, writer: null, n: PLAIN_N };
  if (!isRecord(raw)) return { ok: false, writer: null };
  const envelope = envelopeParts(raw);
  if (!envelope) return { ok: false, writer: safeId(raw.w) };
  const { writer, session, n, signature } = envelope;
  const card = trust.cards.get(session);
  if (!card) return { ok: false, writer, waitFor: session };
  // Signed with one member's key in another's name: the forger is the key's owner.
  if (card.memberId !== writer) return { ok: false, writer: card.memberId };
  const root = rootNames.get(map) ?? '';
  // Yjs hands out the same object for a stored value on every read: its verdict is kept with it.
  const known = verdicts.get(raw);
  let valid: boolean;
  if (known && known.root === root && known.key === key && known.scope === trust.scope) {
    valid = known.valid;
  } else {
    valid = verifyWrite(
      trust,
      card,
      { scope: trust.scope, root, key, n, writer, value: raw.v },
      signature,
    );
    verdicts.set(raw, { root, key, scope: trust.scope, valid });
  }
  if (!valid) return { ok: false, writer };
  return { ok: true, value: raw.v, writer, n };
}

/** What a write's signature covers. */
export interface SignedFields {
  /** The meeting id. */
  readonly scope: string;
  readonly root: string;
  readonly key: string;
  readonly n: number;
  readonly writer: string;
  readonly value: unknown;
}

function verifyWrite(
  trust: DocTrust,
  card: MemberCard,
  fields: SignedFields,
  signature: string,
): boolean {
  try {
    return signedByCard(card, signature, writeBytes(fields), trust);
  } catch {
    return false;
  }
}

/**
 * Whether `signature` (base64) is the card's session key's signature of `message`: a signed
 * write, a knock or an answer (admission.ts), a presence proof (presence.ts). Given a
 * document's `trust` (a write read from it), a signature this panel verified before it kept
 * the document's copy is not verified again, and every valid one is proven for the next copy.
 */
export function signedByCard(
  card: MemberCard,
  signature: string,
  message: Uint8Array,
  trust?: DocTrust,
): boolean {
  const sig = fromBase64(signature);
  const pub = fromBase64(card.session);
  if (!sig || sig.length !== 64 || !pub) return false;
  try {
    if (!trust) return verifyEd25519(sig, message, pub);
    // Verified natively with its proof: the very bytes, so no hashing here either.
    const ahead = trust.ahead.get(signature);
    if (ahead && sameBytes(ahead.key, pub) && sameBytes(ahead.message, message)) {
      trust.ahead.delete(signature);
      prove(trust, ahead.proof);
      return true;
    }
    const proof = proofOf(WRITE_PROOF, pub, sig, message);
    if (!trust.vouched.has(proof) && !verifyEd25519(sig, message, pub)) return false;
    prove(trust, proof);
    return true;
  } catch {
    return false;
  }
}

/** The bytes a write's signature covers. */
export function writeBytes(f: SignedFields): Uint8Array {
  return encoder.encode(
    `kring-write\n${f.scope}\n${f.root}\n${f.key}\n${f.n}\n${f.writer}\n${stableJson(f.value)}`,
  );
}

/** Registers a read to run again once the card `session` arrives. */
export function retryWhenCard(map: Y.Map<unknown>, session: string, retry: () => void): void {
  const trust = map.doc ? trusts.get(map.doc) : undefined;
  if (!trust) return;
  let set = trust.waiting.get(session);
  if (!set) {
    if (trust.waiting.size >= MAX_CARDS) return;
    set = new Set();
    trust.waiting.set(session, set);
  }
  set.add(retry);
}

/** Records a rejected write for the chair to see. */
export function reject(
  map: Y.Map<unknown>,
  key: string,
  writerId: string | null,
  reason: RejectedWrite['reason'],
): void {
  const doc = map.doc;
  const trust = doc ? trusts.get(doc) : undefined;
  if (!trust) return;
  trust.rejected.push({ writerId, root: rootNames.get(map) ?? '', key, reason, at: Date.now() });
  if (trust.rejected.length > MAX_REJECTED)
    trust.rejected.splice(0, trust.rejected.length - MAX_REJECTED);
  for (const listener of [...trust.listeners]) listener();
}

/**
 * Writes `value` at `key`: signed by this panel's session key in an enforced document, plain
 * otherwise. Call inside the command's transaction.
 */
export function put(map: Y.Map<unknown>, key: string, value: unknown): void {
  map.set(key, wrap(map, key, value));
}

/**
 * Removes `key`. In an enforced document a removal cannot say who made it, so it is written as
 * a signed empty value (null) that readers take as "cleared"; a bare removal is garbage there.
 */
export function clear(map: Y.Map<unknown>, key: string): void {
  const doc = map.doc;
  if (doc && trusts.has(doc)) map.set(key, wrap(map, key, null));
  else map.delete(key);
}

function wrap(map: Y.Map<unknown>, key: string, value: unknown): unknown {
  const doc = map.doc;
  const trust = doc ? trusts.get(doc) : undefined;
  if (!trust?.signer) return value;
  const card = trust.signer.card;
  // Grows with every write and across reloads (a new session starts from the clock).
  const n = Math.max(trust.lastN + 1, Date.now() * 1000);
  trust.lastN = n;
  const root = rootNames.get(map) ?? '';
  const message = writeBytes({ scope: trust.scope, root, key, n, writer: card.memberId, value });
  const signature = trust.signer.sign(message);
  const envelope = { w: card.memberId, k: card.session, n, s: toBase64(signature), v: value };
  // Our own write: Yjs keeps this very object, so its verdict is known without verifying.
  verdicts.set(envelope, { root, key, scope: trust.scope, valid: true });
  prove(trust, proofOf(WRITE_PROOF, fromBase64(card.session)!, signature, message));
  return envelope;
}

/** JSON with object keys sorted, so that signer and reader hash the same text. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(record[k])}`).join(',')}}`;
}

function toUrlSafe(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A stored value as commands read it: opened and verified in an enforced document, else raw. */
export function readValue(map: Y.Map<unknown>, key: string): unknown {
  const raw = map.get(key);
  if (raw === undefined) return undefined;
  const opened = openValue(map, key, raw);
  return opened.ok ? opened.value : undefined;
}
