/**
 * A note, and how it travels between a caller, a file and a stored row. Everything read here
 * (rows, export files, drafts) is untrusted: it is decoded with guards, and anything missing or
 * out of bounds makes the whole note null, so a damaged row is skipped and never shown.
 *
 * A stored row keeps a plain head (random ids, kind, timestamps) and a body with everything
 * else; with encryption on, the body is one AES-GCM ciphertext whose authenticated context is
 * the head, so a body cannot be moved onto another row.
 */

import {
  finiteNumber,
  isRecord,
  parseJson,
  safeId,
  safePhaseId,
  untrimmedString,
} from '../util/guards';
import { LIMITS } from '../util/limits';
import { decodeSealed, seal, unseal } from './notebook-crypto';
import type { Sealed } from './notebook-crypto';

export type NoteKind = 'note' | 'take-home';

/** One piece of advice as the case bringer took it home. */
export interface TakenAdvice {
  readonly text: string;
  readonly authorName: string;
  readonly starred: boolean;
  /** 1-based rank among starred, or null */
  readonly rank: number | null;
}

/** What a case bringer takes home from a meeting. */
export interface TakeHome {
  readonly coreQuestion: string | null;
  readonly caseTitle: string | null;
  readonly advice: readonly TakenAdvice[];
  readonly intentions: string;
}

export interface Note {
  readonly id: string;
  readonly groupId: string;
  readonly groupName: string;
  readonly meetingId: string;
  readonly meetingDate: number;
  readonly phaseId: string;
  readonly phaseName: string;
  readonly kind: NoteKind;
  readonly text: string;
  readonly takeHome: TakeHome | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A note as the caller writes it; the id is the caller's (note-ids.ts makes them). */
export type NoteDraft = Omit<Note, 'createdAt' | 'updatedAt'>;

/** The part of a note that stays readable in a stored row, even with encryption on. */
export interface NoteHead {
  readonly id: string;
  readonly groupId: string;
  readonly meetingId: string;
  readonly kind: NoteKind;
}

/** What a row keeps about a note besides its head; sealed when encryption is on. */
export interface NoteBody {
  readonly groupName: string;
  readonly meetingDate: number;
  readonly phaseId: string;
  readonly phaseName: string;
  readonly text: string;
  readonly takeHome: TakeHome | null;
}

export type StoredBody = { readonly plain: NoteBody } | { readonly sealed: Sealed };

/** A row of the `notes` table since schema version 2. */
export interface NoteRow extends NoteHead {
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly body: StoredBody;
}

/** How rows are read and written right now; a locked notebook has no mode. */
export type Mode =
  | { readonly kind: 'off' }
  | { readonly kind: 'unlocked'; readonly key: CryptoKey; readonly salt: Uint8Array };

export type UnlockedMode = Extract<Mode, { readonly kind: 'unlocked' }>;

export const OFF: Mode = { kind: 'off' };

/** Phase names come from lib/method/methods.ts; this only bounds what storage or a file holds. */
const MAX_PHASE_NAME = 100;

/** A phase id, or '' for a note outside any phase (version-1 rows had those). */
export function notePhaseId(value: unknown): string | null {
  return value === '' ? '' : safePhaseId(value);
}

function kindOf(value: unknown): NoteKind | null {
  return value === 'note' || value === 'take-home' ? value : null;
}

function decodeAdvice(value: unknown): TakenAdvice | null {
  if (!isRecord(value)) return null;
  const text = untrimmedString(value.text, LIMITS.advice);
  const authorName = untrimmedString(value.authorName, LIMITS.memberName);
  const starred = value.starred;
  const rank = value.rank;
  if (text === null || authorName === null || typeof starred !== 'boolean') return null;
  if (rank === null) return { text, authorName, starred, rank };
  if (typeof rank !== 'number' || !Number.isSafeInteger(rank)) return null;
  if (rank < 1 || rank > LIMITS.itemsPerBoard) return null;
  return { text, authorName, starred, rank };
}

function decodeTakeHome(value: unknown): TakeHome | null {
  if (!isRecord(value) || !Array.isArray(value.advice)) return null;
  if (value.advice.length > LIMITS.itemsPerBoard) return null;
  const coreQuestion =
    value.coreQuestion === null ? null : untrimmedString(value.coreQuestion, LIMITS.proposal);
  const caseTitle =
    value.caseTitle === null ? null : untrimmedString(value.caseTitle, LIMITS.pitch);
  const intentions = untrimmedString(value.intentions, LIMITS.intentions);
  if (value.coreQuestion !== null && coreQuestion === null) return null;
  if (value.caseTitle !== null && caseTitle === null) return null;
  if (intentions === null) return null;
  const advice: TakenAdvice[] = [];
  for (const raw of value.advice) {
    const item = decodeAdvice(raw);
    if (!item) return null;
    advice.push(item);
  }
  return { coreQuestion, caseTitle, advice, intentions };
}

/** Decodes the body fields, found at the top of a Note and inside a stored row alike. */
function decodeBody(value: unknown): NoteBody | null {
  if (!isRecord(value)) return null;
  const groupName = untrimmedString(value.groupName, LIMITS.groupName);
  const meetingDate = finiteNumber(value.meetingDate);
  const phase = notePhaseId(value.phaseId);
  const phaseName = untrimmedString(value.phaseName, MAX_PHASE_NAME);
  const text = untrimmedString(value.text, LIMITS.noteText);
  const takeHome = value.takeHome === null ? null : decodeTakeHome(value.takeHome);
  if (groupName === null || meetingDate === null || phase === null) return null;
  if (phaseName === null || text === null) return null;
  if (value.takeHome !== null && takeHome === null) return null;
  return { groupName, meetingDate, phaseId: phase, phaseName, text, takeHome };
}

function decodeHead(value: Record<string, unknown>): NoteHead | null {
  const id = safeId(value.id);
  const groupId = safeId(value.groupId);
  const meetingId = safeId(value.meetingId);
  const kind = kindOf(value.kind);
  return id && groupId && meetingId && kind ? { id, groupId, meetingId, kind } : null;
}

/** Decodes a note from a file or a caller; null when any field is missing or out of bounds. */
export function decodeNote(value: unknown): Note | null {
  if (!isRecord(value)) return null;
  const head = decodeHead(value);
  const body = decodeBody(value);
  const createdAt = finiteNumber(value.createdAt);
  const updatedAt = finiteNumber(value.updatedAt);
  if (!head || !body || createdAt === null || updatedAt === null) return null;
  return { ...head, ...body, createdAt, updatedAt };
}

/** The authenticated context of a sealed body: the plain head it belongs to. */
function rowContext(head: NoteHead): string {
  return JSON.stringify(['kring-note', head.id, head.groupId, head.meetingId, head.kind]);
}

/** Reads a stored row in the given mode; null when it is damaged or sealed under another key. */
export async function decodeRow(raw: unknown, mode: Mode): Promise<Note | null> {
  if (!isRecord(raw)) return null;
  const head = decodeHead(raw);
  const createdAt = finiteNumber(raw.createdAt);
  const updatedAt = finiteNumber(raw.updatedAt);
  if (!head || createdAt === null || updatedAt === null || !isRecord(raw.body)) return null;
  let body: NoteBody | null = null;
  if ('plain' in raw.body) {
    body = decodeBody(raw.body.plain);
  } else if ('sealed' in raw.body && mode.kind === 'unlocked') {
    const sealed = decodeSealed(raw.body.sealed);
    const json = sealed ? await unseal(mode.key, sealed, rowContext(head)) : null;
    body = json === null ? null : decodeBody(parseJson(json));
  }
  return body ? { ...head, ...body, createdAt, updatedAt } : null;
}

/** Only the body's own fields: a Note passed in must not leak its head into the body. */
function bodyOf(note: NoteBody): NoteBody {
  const { groupName, meetingDate, phaseId, phaseName, text, takeHome } = note;
  return { groupName, meetingDate, phaseId, phaseName, text, takeHome };
}

/** The body of a row as the mode stores it: plain, or sealed to the note's head. */
export async function storeBody(mode: Mode, note: NoteHead & NoteBody): Promise<StoredBody> {
  const body = bodyOf(note);
  if (mode.kind === 'off') return { plain: body };
  return { sealed: await seal(mode.key, JSON.stringify(body), rowContext(note)) };
}

/** The whole row of a note, as the mode stores it. */
export async function storeRow(mode: Mode, note: Note): Promise<NoteRow> {
  const { id, groupId, meetingId, kind, createdAt, updatedAt } = note;
  return { id, groupId, meetingId, kind, createdAt, updatedAt, body: await storeBody(mode, note) };
}
