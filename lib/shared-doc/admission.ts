import type * as Y from 'yjs';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64, toBase64 } from '../util/base64';
import { finiteNumber, isRecord } from '../util/guards';
import { LOCAL_ORIGIN, lobbyMap } from './doc-schema';
import { fingerprintOf, signedByCard, verifyCard } from './signed';
import type { MemberCard, SessionSigner } from './signed';

/**
 * Only the admitted are in the room (issue 13, point 1).
 *
 * Every meeting has a key of its own: 32 random bytes the chair's panel makes when it starts the
 * meeting. The meeting's id is a hash of that key (`meetingIdOf`), and the meeting's room name
 * and password are derived from the key, not from the group's secret: the invite opens the
 * group's lobby, never a meeting.
 *
 * A member reaches a meeting by asking. Their panel writes a **knock** into the lobby: their card
 * (name and device key, lib/shared-doc/signed.ts), a fresh X25519 public key for this ask (the
 * "box"), signed with their session key. The chair's panel lists the knocks by name and device
 * fingerprint; the chair lets the member in or refuses. Letting in writes an **answer**: the
 * meeting key sealed for the knock's box (X25519 with a fresh key of the chair's, HKDF-SHA-256,
 * AES-GCM), signed by the chair's session key. A refusal is an answer without a key. Nobody but
 * the knocker can open the sealed key, and a key is taken only when its hash is the meeting's id,
 * so a forged answer cannot lead a member into another room. A refusal names who refused; the
 * member may ask again (a new box, so the old answer no longer applies).
 *
 * The lobby is shared with everyone who holds the invite; knocks and answers carry no meeting
 * content: a name, public keys, and a key only its addressee can open.
 */

/** Bytes of a meeting key. */
export const MEETING_KEY_BYTES = 32;

const KNOCK = 'knock:';
const ANSWER = 'answer:';
const encoder = new TextEncoder();

/** A fresh meeting key from the platform's cryptographic source. */
export function newMeetingKey(): Uint8Array {
  const key = new Uint8Array(MEETING_KEY_BYTES);
  globalThis.crypto.getRandomValues(key);
  return key;
}

/** The meeting's id: 24 hex characters of a hash of its key. Nobody can pick a key for an id. */
export function meetingIdOf(key: Uint8Array): string {
  const label = encoder.encode('kring/meeting-id/v1\u0000');
  const input = new Uint8Array(label.length + key.length);
  input.set(label, 0);
  input.set(key, label.length);
  return [...sha256(input).subarray(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A knocker's key pair for one ask: the public half goes into the knock. */
export interface Box {
  readonly publicKey: string;
  readonly secret: Uint8Array;
}

/** A new box for an ask. */
export function newBox(): Box {
  const secret = x25519.utils.randomSecretKey();
  return { secret, publicKey: toBase64(x25519.getPublicKey(secret)) };
}

/** A verified knock, as the chair sees it. */
export interface Knock {
  readonly meetingId: string;
  readonly memberId: string;
  readonly name: string;
  /** The device key's fingerprint, to compare aloud ("3F9A 11C2"). */
  readonly fingerprint: string;
  readonly box: string;
  readonly at: number;
}

/** What a knocker reads back: let in (the sealed key, still to open) or refused. */
export type Answer =
  | {
      readonly kind: 'admitted';
      readonly byName: string;
      readonly sealed: { readonly epk: string; readonly iv: string; readonly ct: string };
    }
  | { readonly kind: 'refused'; readonly byName: string; readonly byId: string };

function knockKey(meetingId: string, memberId: string): string {
  return `${KNOCK}${meetingId}:${memberId}`;
}

function answerKey(meetingId: string, memberId: string): string {
  return `${ANSWER}${meetingId}:${memberId}`;
}

/** The bytes a knock's signature covers (for signing it ahead: signed.ts `signAhead`). */
export function knockBytes(
  meetingId: string,
  memberId: string,
  box: string,
  at: number,
): Uint8Array {
  return encoder.encode(`kring-knock\n${meetingId}\n${memberId}\n${box}\n${at}`);
}

function answerBytes(
  meetingId: string,
  memberId: string,
  box: string,
  sealed: { epk: string; iv: string; ct: string } | null,
  at: number,
): Uint8Array {
  const s = sealed ? `${sealed.epk}\n${sealed.iv}\n${sealed.ct}` : 'refused';
  return encoder.encode(`kring-answer\n${meetingId}\n${memberId}\n${box}\n${s}\n${at}`);
}

/** This member asks to join the meeting: writes (or renews) their knock in the lobby. */
export function knock(
  doc: Y.Doc,
  meetingId: string,
  signer: SessionSigner,
  box: Box,
  at: number,
): void {
  const memberId = signer.card.memberId;
  const sig = toBase64(signer.sign(knockBytes(meetingId, memberId, box.publicKey, at)));
  doc.transact(() => {
    lobbyMap(doc).set(knockKey(meetingId, memberId), {
      card: signer.card,
      box: box.publicKey,
      at,
      sig,
    });
  }, LOCAL_ORIGIN);
}

/** Whether this member's knock for the meeting is in the lobby with this box. */
export function hasKnocked(doc: Y.Doc, meetingId: string, memberId: string, box: Box): boolean {
  const raw = lobbyMap(doc).get(knockKey(meetingId, memberId));
  return isRecord(raw) && raw.box === box.publicKey;
}

/** Verified knocks for the meeting, oldest first; anything forged or malformed is left out. */
export function readKnocks(doc: Y.Doc, meetingId: string): Knock[] {
  const prefix = `${KNOCK}${meetingId}:`;
  const knocks: Knock[] = [];
  let examined = 0;
  for (const [key, value] of lobbyMap(doc).entries()) {
    if (++examined > 2_000) break;
    if (!key.startsWith(prefix)) continue;
    const read = decodeKnock(meetingId, key.slice(prefix.length), value);
    if (read) knocks.push(read);
  }
  return knocks.sort((a, b) => a.at - b.at || (a.memberId < b.memberId ? -1 : 1));
}

/**
 * Verdicts on knocks, kept with the stored object itself: the chair's panel reads the knocks on
 * every refresh, and they stay in the lobby until the meeting ends, so a knock's signature is
 * checked once, not once a refresh. A verdict holds only for the key it was read under.
 */
const knockVerdicts = new WeakMap<object, { key: string; knock: Knock | null }>();

function decodeKnock(meetingId: string, memberIdInKey: string, value: unknown): Knock | null {
  if (!isRecord(value)) return null;
  const key = knockKey(meetingId, memberIdInKey);
  const known = knockVerdicts.get(value);
  if (known?.key === key) return known.knock;
  const knock = checkKnock(meetingId, memberIdInKey, value);
  knockVerdicts.set(value, { key, knock });
  return knock;
}

function checkKnock(
  meetingId: string,
  memberIdInKey: string,
  value: Record<string, unknown>,
): Knock | null {
  const card = verifyCard(value.card);
  const at = finiteNumber(value.at);
  const box = boxKey(value.box);
  if (!card || at === null || box === null || card.memberId !== memberIdInKey) return null;
  if (!signedBy(card, value.sig, knockBytes(meetingId, card.memberId, box, at))) return null;
  return {
    meetingId,
    memberId: card.memberId,
    name: card.name,
    fingerprint: fingerprintOf(card),
    box,
    at,
  };
}

/** The answer to a knock, unless it is already answered with this box. */
export function isAnswered(doc: Y.Doc, knocked: Knock): boolean {
  const raw = lobbyMap(doc).get(answerKey(knocked.meetingId, knocked.memberId));
  return isRecord(raw) && raw.box === knocked.box;
}

/** The verified knocks for the meeting that no answer answers yet: who is still waiting. */
export function unansweredKnocks(doc: Y.Doc, meetingId: string): Knock[] {
  return readKnocks(doc, meetingId).filter((knocked) => !isAnswered(doc, knocked));
}

/**
 * Lets a knocking member in: seals the meeting key for their box and writes the answer. The key
 * must be the meeting's own (its hash is the id); a key for another meeting is refused.
 */
export async function admit(
  doc: Y.Doc,
  meetingKey: Uint8Array,
  knocked: Knock,
  signer: SessionSigner,
  at: number,
  /** The meeting's first key, when the meeting moved to a fresh room (its key is then another). */
  firstKey: Uint8Array = meetingKey,
): Promise<boolean> {
  if (meetingIdOf(firstKey) !== knocked.meetingId) return false;
  // After a move the sealed value is the room's key and the first key, which proves the meeting.
  const sealedValue =
    firstKey === meetingKey ? meetingKey : Uint8Array.from([...meetingKey, ...firstKey]);
  const box = fromBase64(knocked.box);
  if (!box || box.length !== 32) return false;
  const ephemeral = x25519.utils.randomSecretKey();
  const epk = x25519.getPublicKey(ephemeral);
  const wrap = await wrappingKey(
    x25519.getSharedSecret(ephemeral, box),
    epk,
    knocked.meetingId,
    knocked.memberId,
  );
  const iv = new Uint8Array(12);
  globalThis.crypto.getRandomValues(iv);
  const ct = new Uint8Array(
    await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      wrap,
      Uint8Array.from(sealedValue),
    ),
  );
  const sealed = { epk: toBase64(epk), iv: toBase64(iv), ct: toBase64(ct) };
  writeAnswer(doc, knocked, sealed, signer, at);
  return true;
}

/** Refuses a knocking member: an answer without a key, naming who refused. */
export function refuse(doc: Y.Doc, knocked: Knock, signer: SessionSigner, at: number): void {
  writeAnswer(doc, knocked, null, signer, at);
}

function writeAnswer(
  doc: Y.Doc,
  knocked: Knock,
  sealed: { epk: string; iv: string; ct: string } | null,
  signer: SessionSigner,
  at: number,
): void {
  const bytes = answerBytes(knocked.meetingId, knocked.memberId, knocked.box, sealed, at);
  const sig = toBase64(signer.sign(bytes));
  doc.transact(() => {
    lobbyMap(doc).set(answerKey(knocked.meetingId, knocked.memberId), {
      card: signer.card,
      box: knocked.box,
      ...(sealed ?? { refused: true }),
      at,
      sig,
    });
  }, LOCAL_ORIGIN);
}

/** The verified answer to this member's ask with `box`; null while none (or a stale one). */
export function readAnswer(
  doc: Y.Doc,
  meetingId: string,
  memberId: string,
  box: Box,
): Answer | null {
  const value = lobbyMap(doc).get(answerKey(meetingId, memberId));
  if (!isRecord(value) || value.box !== box.publicKey) return null;
  const card = verifyCard(value.card);
  const at = finiteNumber(value.at);
  if (!card || at === null) return null;
  const sealed =
    typeof value.epk === 'string' && typeof value.iv === 'string' && typeof value.ct === 'string'
      ? { epk: value.epk, iv: value.iv, ct: value.ct }
      : null;
  if (!sealed && value.refused !== true) return null;
  if (sealed && (sealed.epk.length > 64 || sealed.iv.length > 32 || sealed.ct.length > 160)) {
    return null;
  }
  if (!signedBy(card, value.sig, answerBytes(meetingId, memberId, box.publicKey, sealed, at))) {
    return null;
  }
  return sealed
    ? { kind: 'admitted', byName: card.name, sealed }
    : { kind: 'refused', byName: card.name, byId: card.memberId };
}

/**
 * Opens the key of an answer that let this member in: the meeting's room key. Null when it does
 * not open, or when what it holds is not this meeting's (a forged answer): the key itself hashes
 * to the meeting's id, or, after the meeting moved to a fresh room, the room's key comes with
 * the meeting's first key, which does. `expected` may ask more of the room's key (a member in
 * the meeting knows the fresh room's check).
 */
export async function openAnswer(
  answer: Extract<Answer, { kind: 'admitted' }>,
  box: Box,
  meetingId: string,
  memberId: string,
  expected: (key: Uint8Array) => boolean = () => true,
): Promise<Uint8Array | null> {
  const epk = fromBase64(answer.sealed.epk);
  const iv = fromBase64(answer.sealed.iv);
  const ct = fromBase64(answer.sealed.ct);
  if (!epk || epk.length !== 32 || !iv || iv.length !== 12 || !ct) return null;
  try {
    const wrap = await wrappingKey(
      x25519.getSharedSecret(box.secret, epk),
      epk,
      meetingId,
      memberId,
    );
    const key = new Uint8Array(
      await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, wrap, ct),
    );
    const room = key.subarray(0, MEETING_KEY_BYTES);
    const first = key.length === 2 * MEETING_KEY_BYTES ? key.subarray(MEETING_KEY_BYTES) : room;
    if (key.length !== MEETING_KEY_BYTES && key.length !== 2 * MEETING_KEY_BYTES) return null;
    if (meetingIdOf(first) !== meetingId || !expected(room)) return null;
    return Uint8Array.from(room);
  } catch {
    return null;
  }
}

/**
 * A fresh room's check: what a member already in the meeting compares a new room key with, so
 * that an answer from someone else who holds the meeting's first key cannot lead them elsewhere.
 */
export function roomCheckOf(key: Uint8Array): string {
  const label = encoder.encode('kring/room-check/v1\u0000');
  const input = new Uint8Array(label.length + key.length);
  input.set(label, 0);
  input.set(key, label.length);
  return [...sha256(input).subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Removes the knocks and answers of a meeting (it ended): the lobby stays small. */
export function forgetAdmissions(map: Y.Map<unknown>, meetingId: string): void {
  for (const key of [...map.keys()]) {
    if (key.startsWith(`${KNOCK}${meetingId}:`) || key.startsWith(`${ANSWER}${meetingId}:`)) {
      map.delete(key);
    }
  }
}

/** Whether a lobby key belongs to admission (not a meeting entry). */
export function isAdmissionKey(key: string): boolean {
  return key.startsWith(KNOCK) || key.startsWith(ANSWER);
}

async function wrappingKey(
  shared: Uint8Array,
  epk: Uint8Array,
  meetingId: string,
  memberId: string,
): Promise<CryptoKey> {
  const info = encoder.encode(`kring/admit/v1\n${meetingId}\n${memberId}`);
  const raw = hkdf(sha256, shared, epk, info, 32);
  return globalThis.crypto.subtle.importKey('raw', Uint8Array.from(raw), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
}

function boxKey(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const bytes = fromBase64(value);
  return bytes && bytes.length === 32 ? value : null;
}

function signedBy(card: MemberCard, sig: unknown, bytes: Uint8Array): boolean {
  return typeof sig === 'string' && sig.length <= 120 && signedByCard(card, sig, bytes);
}
