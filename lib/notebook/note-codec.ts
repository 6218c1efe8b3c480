/**
 * A note, and how it travels between a caller, a file and a stored row. Everything read here
 * (rows, export files, drafts) is untrusted: it is decoded with guards, and anything missing or
 * out of bounds makes the whole note null, so a damaged row is skipped and never shown.
 *
 * A stored row keeps a plain head (group and meeting ids, timestamps) and a body with everything
 * else; with encryption on, the body is one AES-GCM ciphertext whose authenticated context is
 * the head, so a body cannot be moved onto another row.
 *
 * Since schema version 3 the kind of a note is in the body, and a sealed row is stored under an
 * opaque id (notebook-crypto.ts `opaqueRowId`), the note's own id inside the seal: a take-home
 * (kind, and its id `t-<meeting>`) showed who brought the case. Version-2 rows (kind and the
 * note's id in the head) are still read; sealed ones are re-written on unlock.
 */

import {
  finiteNumber,
  isRecord,
  isScalePoint,
  parseJson,
  safeId,
  safePhaseId,
  untrimmedString,
} from '../util/guards';
import { LIMITS } from '../util/limits';
import { decodeSealed, opaqueRowId, seal, unseal } from './notebook-crypto';
import type { Sealed } from './notebook-crypto';

export type NoteKind = 'note' | 'take-home';

/** One piece of advice as the case bringer took it home. */
export interface TakenAdvice {
  readonly text: string;
  readonly authorName: string;
  readonly starred: boolean;
  /** 1-based rank among starred, or null */
  readonly rank: number | null;
  /** The case bringer had already tried it (absent in take-homes saved before issue 14). */
  readonly tried: boolean;
  /** Why a starred piece of advice fits, in the case bringer's words; null if not said. */
  readonly why: string | null;
}

/** How a question landed with the case bringer (the board's Rating, declared on this side). */
export type TakenRating = 'warm' | 'neutral' | 'cold';

/** One question the case bringer rated, as they took it home (Socratic, ten-step). */
export interface TakenQuestion {
  readonly text: string;
  readonly authorName: string;
  readonly rating: TakenRating;
}

/** One first association given to the case bringer, as they took it home (Balint method). */
export interface TakenAssociation {
  readonly text: string;
  readonly authorName: string;
}

/** What a case bringer takes home from a meeting. */
export interface TakeHome {
  readonly coreQuestion: string | null;
  readonly caseTitle: string | null;
  readonly advice: readonly TakenAdvice[];
  readonly intentions: string;
  /**
   * What was given, when not advice: the solution-focused compliments (Phase.items). Absent for
   * advice, and in every take-home kept before there were compliments.
   */
  readonly items?: 'compliments';
  /**
   * Where the case bringer said they were on the scaling question (0 to 10), in the
   * solution-focused method. Absent when not said, and in take-homes kept before.
   */
  readonly scale?: number;
  /**
   * The questions the case bringer rated, warm first, then neutral, then cold: in a Socratic
   * meeting they are all the bringer is given. Absent where none was rated, and in take-homes
   * kept before.
   */
  readonly questions?: readonly TakenQuestion[];
  /**
   * The first associations the group wrote for the case bringer (Balint method), as written:
   * not advice, so not among it. Absent where there were none, and in take-homes kept before.
   */
  readonly associations?: readonly TakenAssociation[];
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

/** Where a note belongs and what it is; only groupId and meetingId stay readable when sealed. */
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

/** What a version-3 row's body holds: the body, the note's kind and (sealed) its own id. */
export interface RowBody extends NoteBody {
  readonly id: string;
  readonly kind: NoteKind;
}

export type StoredBody = { readonly plain: RowBody } | { readonly sealed: Sealed };

/**
 * A row of the `notes` table since schema version 3: `id` is the note's id when plain, an
 * opaque one when sealed. (Version-2 rows had `kind` here and a body without id and kind.)
 */
export interface NoteRow {
  readonly id: string;
  readonly groupId: string;
  readonly meetingId: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly body: StoredBody;
}

/** How rows are read and written right now; a locked notebook has no mode. */
export type Mode =
  | { readonly kind: 'off' }
  | {
      readonly kind: 'unlocked';
      readonly key: CryptoKey;
      readonly salt: Uint8Array;
      /** HMAC key of the opaque row ids (notebook-crypto.ts `deriveIdKey`). */
      readonly ids: CryptoKey;
    };

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
  // Older take-homes have neither field: not tried, no why. Present but wrong is damage.
  const tried = value.tried === undefined ? false : value.tried;
  const why =
    value.why === undefined || value.why === null
      ? null
      : untrimmedString(value.why, LIMITS.adviceWhy);
  if (typeof tried !== 'boolean') return null;
  if (value.why !== undefined && value.why !== null && why === null) return null;
  if (rank === null) return { text, authorName, starred, rank, tried, why };
  if (typeof rank !== 'number' || !Number.isSafeInteger(rank)) return null;
  if (rank < 1 || rank > LIMITS.itemsPerBoard) return null;
  return { text, authorName, starred, rank, tried, why };
}

function isTakenRating(value: unknown): value is TakenRating {
  return value === 'warm' || value === 'neutral' || value === 'cold';
}

function decodeQuestion(value: unknown): TakenQuestion | null {
  if (!isRecord(value)) return null;
  const text = untrimmedString(value.text, LIMITS.question);
  const authorName = untrimmedString(value.authorName, LIMITS.memberName);
  if (text === null || authorName === null || !isTakenRating(value.rating)) return null;
  return { text, authorName, rating: value.rating };
}

function decodeAssociation(value: unknown): TakenAssociation | null {
  if (!isRecord(value)) return null;
  const text = untrimmedString(value.text, LIMITS.advice);
  const authorName = untrimmedString(value.authorName, LIMITS.memberName);
  if (text === null || authorName === null) return null;
  return { text, authorName };
}

/** A take-home's list of one kind; undefined: none said; null: damaged. */
function decodeList<T>(value: unknown, decode: (raw: unknown) => T | null): T[] | undefined | null {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > LIMITS.itemsPerBoard) return null;
  const items: T[] = [];
  for (const raw of value) {
    const item = decode(raw);
    if (!item) return null;
    items.push(item);
  }
  return items;
}

/** The rated questions of a take-home; undefined: none said; null: damaged. */
function decodeQuestions(value: unknown): TakenQuestion[] | undefined | null {
  return decodeList(value, decodeQuestion);
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
  if (value.items !== undefined && value.items !== 'compliments') return null;
  if (value.scale !== undefined && !isScalePoint(value.scale)) return null;
  const questions = decodeQuestions(value.questions);
  if (questions === null) return null;
  const associations = decodeList(value.associations, decodeAssociation);
  if (associations === null) return null;
  const advice: TakenAdvice[] = [];
  for (const raw of value.advice) {
    const item = decodeAdvice(raw);
    if (!item) return null;
    advice.push(item);
  }
  return {
    coreQuestion,
    caseTitle,
    advice,
    intentions,
    ...(value.items === 'compliments' ? { items: 'compliments' as const } : {}),
    ...(isScalePoint(value.scale) ? { scale: value.scale } : {}),
    ...(questions ? { questions } : {}),
    ...(associations ? { associations } : {}),
  };
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

/** The authenticated context of a version-2 sealed body: the plain head it belonged to. */
function legacyRowContext(head: NoteHead): string {
  return JSON.stringify(['kring-note', head.id, head.groupId, head.meetingId, head.kind]);
}

/** The authenticated context of a version-3 sealed body: the row's plain head. */
function rowContext(rowId: string, groupId: string, meetingId: string): string {
  return JSON.stringify(['kring-note/3', rowId, groupId, meetingId]);
}

/** Whether a stored row is of schema version 2 (its kind in the plain head). */
export function isLegacyRow(raw: unknown): boolean {
  return isRecord(raw) && 'kind' in raw;
}

/** The id a note is stored under in this mode. */
export function rowIdOf(mode: Mode, noteId: string): Promise<string> {
  return mode.kind === 'off' ? Promise.resolve(noteId) : opaqueRowId(mode.ids, noteId);
}

/** Decodes a version-2 row (kind in the head, body without id and kind). */
async function decodeLegacyRow(raw: Record<string, unknown>, mode: Mode): Promise<Note | null> {
  const head = decodeHead(raw);
  const createdAt = finiteNumber(raw.createdAt);
  const updatedAt = finiteNumber(raw.updatedAt);
  if (!head || createdAt === null || updatedAt === null || !isRecord(raw.body)) return null;
  let body: NoteBody | null = null;
  if ('plain' in raw.body) {
    body = decodeBody(raw.body.plain);
  } else if ('sealed' in raw.body && mode.kind === 'unlocked') {
    const sealed = decodeSealed(raw.body.sealed);
    const json = sealed ? await unseal(mode.key, sealed, legacyRowContext(head)) : null;
    body = json === null ? null : decodeBody(parseJson(json));
  }
  return body ? { ...head, ...body, createdAt, updatedAt } : null;
}

/** Reads a stored row in the given mode; null when it is damaged or sealed under another key. */
export async function decodeRow(raw: unknown, mode: Mode): Promise<Note | null> {
  if (!isRecord(raw)) return null;
  if (isLegacyRow(raw)) return decodeLegacyRow(raw, mode);
  const rowId = safeId(raw.id);
  const groupId = safeId(raw.groupId);
  const meetingId = safeId(raw.meetingId);
  const createdAt = finiteNumber(raw.createdAt);
  const updatedAt = finiteNumber(raw.updatedAt);
  if (!rowId || !groupId || !meetingId || createdAt === null || updatedAt === null) return null;
  if (!isRecord(raw.body)) return null;
  let inner: unknown = null;
  if ('plain' in raw.body) {
    inner = raw.body.plain;
  } else if ('sealed' in raw.body && mode.kind === 'unlocked') {
    const sealed = decodeSealed(raw.body.sealed);
    const json = sealed
      ? await unseal(mode.key, sealed, rowContext(rowId, groupId, meetingId))
      : null;
    inner = json === null ? null : parseJson(json);
  }
  const note = decodeNote({
    ...(isRecord(inner) ? inner : {}),
    groupId,
    meetingId,
    createdAt,
    updatedAt,
  });
  if (!note || !isRecord(inner)) return null;
  // The row must be stored under the id of the note it holds: plain, that id; sealed, its MAC.
  const expected = 'plain' in raw.body ? note.id : await rowIdOf(mode, note.id);
  return expected === rowId ? note : null;
}

/** Only the body's own fields: a Note passed in must not leak its head into the body. */
function bodyOf(note: NoteBody): NoteBody {
  const { groupName, meetingDate, phaseId, phaseName, text, takeHome } = note;
  return { groupName, meetingDate, phaseId, phaseName, text, takeHome };
}

/** The whole row of a note, as the mode stores it: plain, or sealed under an opaque id. */
export async function storeRow(mode: Mode, note: Note): Promise<NoteRow> {
  const { id, groupId, meetingId, kind, createdAt, updatedAt } = note;
  const inner: RowBody = { id, kind, ...bodyOf(note) };
  const rowId = await rowIdOf(mode, id);
  const body: StoredBody =
    mode.kind === 'off'
      ? { plain: inner }
      : {
          sealed: await seal(
            mode.key,
            JSON.stringify(inner),
            rowContext(rowId, groupId, meetingId),
          ),
        };
  return { id: rowId, groupId, meetingId, createdAt, updatedAt, body };
}
