/**
 * The private notebook: a member's own notes and take-homes, kept in IndexedDB (Dexie) on this
 * device only, never in the shared document and never on the network.
 *
 * Invariants:
 * - With encryption on, a row holds nothing readable: only its random ids, kind and timestamps
 *   are plain; group name, meeting date, phase, text and take-home are one AES-GCM body whose
 *   authenticated context is the row's plain head, so a body cannot be moved to another row.
 * - Every write checks the encryption setting inside its own transaction: a window that missed
 *   a change made in another window (encryption enabled, passphrase changed) finds itself
 *   locked and throws; it never writes plain text or uses a stale key.
 * - The key lives in memory only. Locked means every read and write throws NotebookLockedError.
 * - Calls on one Notebook run one at a time in call order, so the last autosave wins.
 * - Rows and imported files are decoded with guards: a damaged row is skipped, never shown.
 */

import { Dexie } from 'dexie';
import type { ObservabilitySet, Table, Transaction } from 'dexie';
import { finiteNumber, isRecord, safeId } from '../util/guards';
import type { Locale, Localized } from '../i18n/i18n';
import { LIMITS } from '../util/limits';
import {
  decodeSealed,
  deriveKey,
  PBKDF2_ITERATIONS,
  randomSalt,
  sameBytes,
  seal,
  unseal,
} from './notebook-crypto';
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

/** A note as the caller writes it; the id is the caller's (lib/random-id.ts makes one). */
export type NoteDraft = Omit<Note, 'createdAt' | 'updatedAt'>;

export type EncryptionState = 'off' | 'locked' | 'unlocked';

export type UnlockResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'wrong-passphrase' | 'not-encrypted' };
export type EnableEncryptionResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'empty-passphrase' | 'already-encrypted' };
export type ChangePassphraseResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'wrong-passphrase' | 'not-encrypted' | 'empty-passphrase';
    };

export type ImportError =
  'too-large' | 'not-json' | 'wrong-format' | 'unsupported-version' | 'invalid-notes';
export type ImportResult =
  | { readonly ok: true; readonly added: number; readonly updated: number }
  | { readonly ok: false; readonly error: ImportError };

export interface NotebookOptions {
  /** The IndexedDB implementation; the platform's by default (tests pass fake-indexeddb's). */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  readonly name?: string;
  readonly now?: () => number;
  /** PBKDF2 iterations for a new passphrase; at least PBKDF2_ITERATIONS. */
  readonly iterations?: number;
}

/** Thrown by reads and writes while the notebook is encrypted and not unlocked. */
export class NotebookLockedError extends Error {
  constructor() {
    super('The notebook is locked: unlock it with the passphrase first.');
    this.name = 'NotebookLockedError';
  }
}

/** The Dexie database name on every device. */
export const NOTEBOOK_DB_NAME = 'kring-notebook';
/** The largest file importJson reads, in UTF-8 bytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most notes one import may hold. */
export const MAX_IMPORT_NOTES = 10_000;
/** The `format` and `version` of exportJson's output. */
export const EXPORT_FORMAT = 'kring-notebook';
export const EXPORT_VERSION = 1;

/** Phase names come from lib/methods.ts; this only bounds what storage or a file may hold. */
const MAX_PHASE_NAME = 100;
/** A damaged meta row must not make unlocking hang for minutes. */
const MAX_ITERATIONS = 10_000_000;
const META_KEY = 'encryption';
const CHECK_TEXT = 'kring-notebook: the passphrase is right';
const CHECK_CONTEXT = 'kring-notebook/meta/check';
/** Attempts of a write that finds the stored state changed by another window meanwhile. */
const MAX_ATTEMPTS = 5;

/** What a v2 row keeps about a note besides its plain head; sealed when encryption is on. */
interface NoteBody {
  readonly groupName: string;
  readonly meetingDate: number;
  readonly phaseId: string;
  readonly phaseName: string;
  readonly text: string;
  readonly takeHome: TakeHome | null;
}

type StoredBody = { readonly plain: NoteBody } | { readonly sealed: Sealed };

interface NoteHead {
  readonly id: string;
  readonly groupId: string;
  readonly meetingId: string;
  readonly kind: NoteKind;
}

interface NoteRow extends NoteHead {
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly body: StoredBody;
}

interface EncryptionMeta {
  readonly key: typeof META_KEY;
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly check: Sealed;
}

/** How rows are read and written right now; a locked notebook has no mode. */
type Mode =
  | { readonly kind: 'off' }
  | { readonly kind: 'unlocked'; readonly key: CryptoKey; readonly salt: Uint8Array };

type UnlockedMode = Extract<Mode, { readonly kind: 'unlocked' }>;

const OFF: Mode = { kind: 'off' };

/** The stored encryption setting changed between preparing a write and committing it. */
class StateChangedError extends Error {}

/**
 * Declares the schema. Version 1 shipped first (plain rows with phaseId and text); version 2
 * moves everything but the head into `body` so that it can be sealed, and adds `meta`.
 */
function openDatabase(name: string, options: NotebookOptions): Dexie {
  const db = new Dexie(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  db.version(1).stores({ notes: 'id, groupId, meetingId, updatedAt' });
  db.version(2)
    .stores({ notes: 'id, groupId, meetingId, updatedAt, kind', meta: 'key' })
    .upgrade(upgradeToVersion2);
  return db;
}

/** Rewrites version-1 rows as plain version-2 rows; a damaged row is left as it was. */
async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const notes = tx.table<unknown, string, NoteRow>('notes');
  const upgraded: NoteRow[] = [];
  for (const raw of await notes.toArray()) {
    const row = decodeVersion1Row(raw);
    if (row) upgraded.push(row);
  }
  await notes.bulkPut(upgraded);
}

function decodeVersion1Row(raw: unknown): NoteRow | null {
  if (!isRecord(raw)) return null;
  const id = safeId(raw.id);
  const groupId = safeId(raw.groupId);
  const meetingId = safeId(raw.meetingId);
  const phaseId = phaseIdOf(raw.phaseId);
  const text = textOf(raw.text, LIMITS.noteText);
  const createdAt = finiteNumber(raw.createdAt);
  const updatedAt = finiteNumber(raw.updatedAt);
  if (!id || !groupId || !meetingId || phaseId === null || text === null) return null;
  if (createdAt === null || updatedAt === null) return null;
  const body: NoteBody = {
    groupName: '',
    meetingDate: createdAt,
    phaseId,
    phaseName: '',
    text,
    takeHome: null,
  };
  return { id, groupId, meetingId, kind: 'note', createdAt, updatedAt, body: { plain: body } };
}

/** A string of at most max characters, kept exactly as written (autosave keeps the spaces). */
function textOf(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

/** A phase id from lib/methods.ts ('goal', 'look-back'), or '' for a note outside any phase. */
function phaseIdOf(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{0,64}$/.test(value) ? value : null;
}

function kindOf(value: unknown): NoteKind | null {
  return value === 'note' || value === 'take-home' ? value : null;
}

function decodeAdvice(value: unknown): TakenAdvice | null {
  if (!isRecord(value)) return null;
  const text = textOf(value.text, LIMITS.advice);
  const authorName = textOf(value.authorName, LIMITS.memberName);
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
    value.coreQuestion === null ? null : textOf(value.coreQuestion, LIMITS.proposal);
  const caseTitle = value.caseTitle === null ? null : textOf(value.caseTitle, LIMITS.pitch);
  const intentions = textOf(value.intentions, LIMITS.intentions);
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
  const groupName = textOf(value.groupName, LIMITS.groupName);
  const meetingDate = finiteNumber(value.meetingDate);
  const phaseId = phaseIdOf(value.phaseId);
  const phaseName = textOf(value.phaseName, MAX_PHASE_NAME);
  const text = textOf(value.text, LIMITS.noteText);
  const takeHome = value.takeHome === null ? null : decodeTakeHome(value.takeHome);
  if (groupName === null || meetingDate === null || phaseId === null) return null;
  if (phaseName === null || text === null) return null;
  if (value.takeHome !== null && takeHome === null) return null;
  return { groupName, meetingDate, phaseId, phaseName, text, takeHome };
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

function decodeMeta(value: unknown): EncryptionMeta | null {
  if (!isRecord(value) || value.key !== META_KEY) return null;
  const { salt, iterations } = value;
  const check = decodeSealed(value.check);
  if (!(salt instanceof Uint8Array) || salt.length !== 16 || !check) return null;
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations)) return null;
  if (iterations < PBKDF2_ITERATIONS || iterations > MAX_ITERATIONS) return null;
  return { key: META_KEY, salt, iterations, check };
}

/** The authenticated context of a sealed body: the plain head it belongs to. */
function rowContext(head: NoteHead): string {
  return JSON.stringify(['kring-note', head.id, head.groupId, head.meetingId, head.kind]);
}

/** Reads a stored row in the given mode; null when it is damaged or sealed under another key. */
async function decodeRow(raw: unknown, mode: Mode): Promise<Note | null> {
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function bodyOf(note: NoteBody): NoteBody {
  const { groupName, meetingDate, phaseId, phaseName, text, takeHome } = note;
  return { groupName, meetingDate, phaseId, phaseName, text, takeHome };
}

async function storeBody(mode: Mode, note: NoteHead & NoteBody): Promise<StoredBody> {
  const body = bodyOf(note);
  if (mode.kind === 'off') return { plain: body };
  return { sealed: await seal(mode.key, JSON.stringify(body), rowContext(note)) };
}

/** Whether the stored meta row is the one a mode was made for. */
function metaMatches(rawMeta: unknown, mode: Mode): boolean {
  if (mode.kind === 'off') return rawMeta === undefined;
  const meta = decodeMeta(rawMeta);
  return meta !== null && sameBytes(meta.salt, mode.salt);
}

/** Structural equality of stored values (objects, arrays, bytes, primitives). */
function sameStored(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && sameBytes(a, b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameStored(item, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && sameStored(a[key], b[key]))
    );
  }
  return Object.is(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest meeting first; within a meeting in the order the notes were written. */
function byMeetingThenCreated(a: Note, b: Note): number {
  return (
    b.meetingDate - a.meetingDate ||
    compareText(a.meetingId, b.meetingId) ||
    a.createdAt - b.createdAt ||
    compareText(a.id, b.id)
  );
}

/** Lower case without diacritics, so that "een" finds "één" and "client" finds "cliënt". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function searchableText(note: Note): string {
  const parts = [note.text, note.groupName, note.phaseName];
  const home = note.takeHome;
  if (home) {
    parts.push(home.coreQuestion ?? '', home.caseTitle ?? '', home.intentions);
    for (const advice of home.advice) parts.push(advice.text, advice.authorName);
  }
  return fold(parts.join('\n'));
}

function isBlank(passphrase: string): boolean {
  return passphrase.trim().length === 0;
}

type ParsedImport =
  | { readonly ok: true; readonly notes: readonly Note[] }
  | { readonly ok: false; readonly error: ImportError };

/** Validates an export file completely before anything is written. */
function parseImport(text: string): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES || new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    return { ok: false, error: 'too-large' };
  }
  const data = parseJson(text);
  if (data === undefined) return { ok: false, error: 'not-json' };
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) return { ok: false, error: 'wrong-format' };
  if (data.version !== EXPORT_VERSION) {
    return {
      ok: false,
      error: typeof data.version === 'number' ? 'unsupported-version' : 'wrong-format',
    };
  }
  if (!Array.isArray(data.notes)) return { ok: false, error: 'wrong-format' };
  if (data.notes.length > MAX_IMPORT_NOTES) return { ok: false, error: 'too-large' };
  const notes: Note[] = [];
  const ids = new Set<string>();
  for (const raw of data.notes) {
    const note = decodeNote(raw);
    if (!note || ids.has(note.id)) return { ok: false, error: 'invalid-notes' };
    ids.add(note.id);
    notes.push(note);
  }
  return { ok: true, notes };
}

const MARKDOWN_LABELS = {
  title: { nl: 'Kring: notitieboek', en: 'Kring: notebook' },
  exported: { nl: 'Geëxporteerd op', en: 'Exported on' },
  unnamedGroup: { nl: 'Groep zonder naam', en: 'Unnamed group' },
  notes: { nl: 'Notities', en: 'Notes' },
  takeHome: { nl: 'Mee naar huis', en: 'Take-home' },
  caseTitle: { nl: 'Casus', en: 'Case' },
  coreQuestion: { nl: 'Kernvraag', en: 'Core question' },
  starredAdvice: { nl: 'Adviezen met een ster', en: 'Starred advice' },
  otherAdvice: { nl: 'Andere adviezen', en: 'Other advice' },
  intentions: { nl: 'Voornemens', en: 'Intentions' },
} satisfies Record<string, Localized>;

/** A local calendar date, YYYY-MM-DD: the day the member lived the meeting. */
function isoDate(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Headings are one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A list item whose further lines are indented so that Markdown keeps them in the item. */
function listItem(marker: string, text: string): string {
  const indent = ' '.repeat(marker.length + 1);
  return `${marker} ${text.trim().split('\n').join(`\n${indent}`)}`;
}

function adviceLine(advice: TakenAdvice): string {
  return advice.authorName ? `${advice.text.trim()} (${oneLine(advice.authorName)})` : advice.text;
}

function takeHomeMarkdown(home: TakeHome, label: (key: keyof typeof MARKDOWN_LABELS) => string) {
  const out: string[] = [];
  if (home.caseTitle) out.push(`**${label('caseTitle')}:** ${oneLine(home.caseTitle)}`, '');
  if (home.coreQuestion)
    out.push(`**${label('coreQuestion')}:** ${oneLine(home.coreQuestion)}`, '');
  const starred = home.advice
    .filter((a) => a.starred)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const other = home.advice.filter((a) => !a.starred);
  if (starred.length > 0) {
    out.push(`**${label('starredAdvice')}**`, '');
    starred.forEach((a, i) => out.push(listItem(`${i + 1}.`, adviceLine(a))));
    out.push('');
  }
  if (other.length > 0) {
    out.push(`**${label('otherAdvice')}**`, '');
    for (const a of other) out.push(listItem('-', adviceLine(a)));
    out.push('');
  }
  if (home.intentions.trim())
    out.push(`**${label('intentions')}**`, '', home.intentions.trim(), '');
  return out;
}

/** Formats notes (already in list order) grouped by group, then meeting, newest first. */
function notesToMarkdown(notes: readonly Note[], exportedAt: number, locale: Locale): string {
  const label = (key: keyof typeof MARKDOWN_LABELS) => MARKDOWN_LABELS[key][locale];
  const groups = new Map<string, Note[]>();
  for (const note of notes) {
    const list = groups.get(note.groupId) ?? [];
    list.push(note);
    groups.set(note.groupId, list);
  }
  const out = [`# ${label('title')}`, '', `${label('exported')} ${isoDate(exportedAt)}`, ''];
  for (const groupNotes of groups.values()) {
    const name = groupNotes.map((n) => oneLine(n.groupName)).find((n) => n.length > 0);
    out.push(`## ${name ?? label('unnamedGroup')}`, '');
    const meetings = new Map<string, Note[]>();
    for (const note of groupNotes) {
      const list = meetings.get(note.meetingId) ?? [];
      list.push(note);
      meetings.set(note.meetingId, list);
    }
    for (const meetingNotes of meetings.values()) {
      const first = meetingNotes[0];
      if (!first) continue;
      out.push(`### ${isoDate(first.meetingDate)}`, '');
      for (const note of meetingNotes) {
        const phase = oneLine(note.phaseName) || note.phaseId;
        const heading = note.kind === 'take-home' ? label('takeHome') : phase || label('notes');
        out.push(`#### ${heading}`, '');
        if (note.takeHome) out.push(...takeHomeMarkdown(note.takeHome, label));
        if (note.text.trim()) out.push(note.text.trim(), '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The private notebook of this device. */
export class Notebook {
  private readonly db: Dexie;
  private readonly notes: Table<unknown, string, NoteRow>;
  private readonly meta: Table<unknown, string, EncryptionMeta>;
  private readonly name: string;
  private readonly now: () => number;
  private readonly iterations: number;
  private unlocked: { readonly key: CryptoKey; readonly salt: Uint8Array } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly disposers = new Set<() => void>();

  private constructor(options: NotebookOptions) {
    const iterations = options.iterations ?? PBKDF2_ITERATIONS;
    if (!Number.isSafeInteger(iterations) || iterations < PBKDF2_ITERATIONS) {
      throw new RangeError(`The notebook needs at least ${PBKDF2_ITERATIONS} PBKDF2 iterations`);
    }
    if (iterations > MAX_ITERATIONS) {
      throw new RangeError(`The notebook takes at most ${MAX_ITERATIONS} PBKDF2 iterations`);
    }
    this.iterations = iterations;
    this.name = options.name ?? NOTEBOOK_DB_NAME;
    this.now = options.now ?? Date.now;
    this.db = openDatabase(this.name, options);
    this.notes = this.db.table<unknown, string, NoteRow>('notes');
    this.meta = this.db.table<unknown, string, EncryptionMeta>('meta');
  }

  /** Opens (lazily, on first use) the notebook database of this device. */
  static open(options: NotebookOptions = {}): Notebook {
    return new Notebook(options);
  }

  /** Whether encryption is off, on and locked, or on and unlocked in this window. */
  encryptionState(): Promise<EncryptionState> {
    return this.run(async () => {
      const mode = this.modeOf(await this.meta.get(META_KEY));
      return mode ? mode.kind : 'locked';
    });
  }

  /** Unlocks with the passphrase; a wrong one changes nothing. */
  unlock(passphrase: string): Promise<UnlockResult> {
    return this.run(async () => {
      const rawMeta = await this.meta.get(META_KEY);
      if (rawMeta === undefined) return { ok: false, reason: 'not-encrypted' };
      const mode = await verifyPassphrase(rawMeta, passphrase);
      if (!mode) return { ok: false, reason: 'wrong-passphrase' };
      this.unlocked = { key: mode.key, salt: mode.salt };
      this.notifyLocal();
      return { ok: true };
    });
  }

  /** Forgets the key: from now on reads and writes throw NotebookLockedError. */
  lock(): void {
    if (!this.unlocked) return;
    this.unlocked = null;
    this.notifyLocal();
  }

  /** Turns encryption on: every note is re-written sealed, in one transaction; stays unlocked. */
  enableEncryption(passphrase: string): Promise<EnableEncryptionResult> {
    return this.run(async () => {
      if (isBlank(passphrase)) return { ok: false, reason: 'empty-passphrase' };
      if ((await this.meta.get(META_KEY)) !== undefined) {
        return { ok: false, reason: 'already-encrypted' };
      }
      const to = await this.newKey(passphrase);
      await this.rewriteAll(OFF, to.mode, to.meta);
      this.unlocked = { key: to.mode.key, salt: to.mode.salt };
      this.notifyLocal();
      return { ok: true };
    });
  }

  /** Re-encrypts every note under a new salt and passphrase, in one transaction. */
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<ChangePassphraseResult> {
    return this.run(async () => {
      if (isBlank(newPassphrase)) return { ok: false, reason: 'empty-passphrase' };
      const rawMeta = await this.meta.get(META_KEY);
      if (rawMeta === undefined) return { ok: false, reason: 'not-encrypted' };
      const from = await verifyPassphrase(rawMeta, oldPassphrase);
      if (!from) return { ok: false, reason: 'wrong-passphrase' };
      const to = await this.newKey(newPassphrase);
      await this.rewriteAll(from, to.mode, to.meta);
      this.unlocked = { key: to.mode.key, salt: to.mode.salt };
      this.notifyLocal();
      return { ok: true };
    });
  }

  /** Turns encryption off: every note is re-written plain, in one transaction. */
  disableEncryption(passphrase: string): Promise<UnlockResult> {
    return this.run(async () => {
      const rawMeta = await this.meta.get(META_KEY);
      if (rawMeta === undefined) return { ok: false, reason: 'not-encrypted' };
      const from = await verifyPassphrase(rawMeta, passphrase);
      if (!from) return { ok: false, reason: 'wrong-passphrase' };
      await this.rewriteAll(from, OFF, null);
      this.unlocked = null;
      this.notifyLocal();
      return { ok: true };
    });
  }

  /**
   * Creates or replaces a note by id (the autosave path): keeps createdAt, sets updatedAt.
   * Throws a TypeError for a draft out of bounds (see LIMITS), NotebookLockedError when locked.
   */
  async save(draft: NoteDraft): Promise<Note> {
    const checked = decodeNote({ ...draft, createdAt: 0, updatedAt: 0 });
    if (!checked) throw new TypeError('Notebook.save: the note is malformed or too long');
    return this.run(() =>
      this.write(async (mode) => {
        const body = await storeBody(mode, checked);
        return this.db.transaction('rw', this.notes, this.meta, async () => {
          await this.checkMode(mode);
          const existing = await this.notes.get(checked.id);
          const updatedAt = this.now();
          const createdAt =
            (isRecord(existing) ? finiteNumber(existing.createdAt) : null) ?? updatedAt;
          const { id, groupId, meetingId, kind } = checked;
          await this.notes.put({ id, groupId, meetingId, kind, createdAt, updatedAt, body });
          return { ...checked, createdAt, updatedAt };
        });
      }),
    );
  }

  /** One note, or null when there is none (or it is damaged). */
  get(id: string): Promise<Note | null> {
    return this.run(async () => {
      const [note] = await this.readNotes(async () => [await this.notes.get(id)]);
      return note ?? null;
    });
  }

  /** Notes of a group and/or meeting (all by default), newest meeting first. */
  list(filter: { readonly groupId?: string; readonly meetingId?: string } = {}): Promise<Note[]> {
    return this.run(() => this.listNow(filter));
  }

  /** Notes in which every word of the query occurs, ignoring case and diacritics. */
  search(query: string): Promise<Note[]> {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return this.run(async () => {
      const notes = await this.listNow({});
      return notes.filter((note) => {
        const haystack = searchableText(note);
        return words.every((word) => haystack.includes(word));
      });
    });
  }

  /** The group's newest take-home from another meeting than the given one: the look back. */
  latestTakeHome(groupId: string, exceptMeetingId: string | null): Promise<Note | null> {
    return this.run(async () => {
      const notes = await this.readNotes(() =>
        this.notes
          .where('groupId')
          .equals(groupId)
          .filter(
            (row) => isRecord(row) && row.kind === 'take-home' && row.meetingId !== exceptMeetingId,
          )
          .toArray(),
      );
      notes.sort((a, b) => b.meetingDate - a.meetingDate || b.updatedAt - a.updatedAt);
      return notes[0] ?? null;
    });
  }

  /** Deletes one note. */
  remove(id: string): Promise<void> {
    return this.run(() =>
      this.write((mode) =>
        this.db.transaction('rw', this.notes, this.meta, async () => {
          await this.checkMode(mode);
          await this.notes.delete(id);
        }),
      ),
    );
  }

  /** Deletes every note; the encryption setting stays. */
  removeAll(): Promise<void> {
    return this.run(() =>
      this.write((mode) =>
        this.db.transaction('rw', this.notes, this.meta, async () => {
          await this.checkMode(mode);
          await this.notes.clear();
        }),
      ),
    );
  }

  /**
   * For a forgotten passphrase: deletes every note and the encryption setting, without the
   * passphrase, and leaves an empty notebook without protection. Nothing is recovered; anyone
   * with this browser profile could delete the database anyway, so this gives nothing away.
   */
  reset(): Promise<void> {
    return this.run(async () => {
      await this.db.transaction('rw', this.notes, this.meta, async () => {
        await this.notes.clear();
        await this.meta.clear();
      });
      this.unlocked = null;
      this.notifyLocal();
    });
  }

  /** Every note as plain JSON: the member's own backup (IndexedDB goes with an uninstall). */
  exportJson(): Promise<string> {
    return this.run(async () => {
      const notes = await this.listNow({});
      const file = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: this.now(),
        notes,
      };
      return JSON.stringify(file, null, 2);
    });
  }

  /** Every note as a readable Markdown document, by group, then meeting. */
  exportMarkdown(locale: Locale = 'nl'): Promise<string> {
    return this.run(async () => notesToMarkdown(await this.listNow({}), this.now(), locale));
  }

  /**
   * Imports an exportJson file, all or nothing: a note replaces one with the same id only when
   * it is newer. Sealed when encryption is on.
   */
  async importJson(text: string): Promise<ImportResult> {
    const parsed = parseImport(text);
    if (!parsed.ok) return parsed;
    return this.run(() =>
      this.write(async (mode) => {
        const rows: NoteRow[] = [];
        for (const note of parsed.notes) {
          const { id, groupId, meetingId, kind, createdAt, updatedAt } = note;
          const body = await storeBody(mode, note);
          rows.push({ id, groupId, meetingId, kind, createdAt, updatedAt, body });
        }
        return this.db.transaction('rw', this.notes, this.meta, async () => {
          await this.checkMode(mode);
          const existing = await this.notes.bulkGet(rows.map((row) => row.id));
          const chosen: NoteRow[] = [];
          let added = 0;
          let updated = 0;
          rows.forEach((row, i) => {
            const old = existing[i];
            if (old === undefined) {
              added++;
              chosen.push(row);
              return;
            }
            const oldUpdatedAt = isRecord(old) ? finiteNumber(old.updatedAt) : null;
            if (oldUpdatedAt === null || row.updatedAt > oldUpdatedAt) {
              updated++;
              chosen.push(row);
            }
          });
          await this.notes.bulkPut(chosen);
          const result: ImportResult = { ok: true, added, updated };
          return result;
        });
      }),
    );
  }

  /**
   * Calls the listener after any change to the notes, made here or in another window on this
   * database (Dexie's storagemutated event, which Dexie relays between windows), and after this
   * notebook is locked or unlocked. It may also be called when nothing changed (Dexie signals
   * everything when a window opens the database), so it should just read again. Returns the
   * function that stops it.
   */
  subscribe(listener: () => void): () => void {
    const prefix = `idb://${this.name}/`;
    const call = () => queueMicrotask(listener);
    const onMutated = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((part) => part === 'all' || part.startsWith(prefix))) call();
    };
    Dexie.on('storagemutated', onMutated);
    this.listeners.add(call);
    const dispose = () => {
      Dexie.on.storagemutated.unsubscribe(onMutated);
      this.listeners.delete(call);
      this.disposers.delete(dispose);
    };
    this.disposers.add(dispose);
    return dispose;
  }

  /** Stops every subscription, forgets the key and closes the database. */
  close(): void {
    for (const dispose of [...this.disposers]) dispose();
    this.unlocked = null;
    this.db.close();
  }

  /** Runs operations one at a time in call order, whatever each one's outcome. */
  private run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private notifyLocal(): void {
    for (const call of this.listeners) call();
  }

  /** The mode for the stored meta row; null (locked) when the key is missing or stale. */
  private modeOf(rawMeta: unknown): Mode | null {
    if (rawMeta === undefined) {
      this.unlocked = null;
      return OFF;
    }
    const meta = decodeMeta(rawMeta);
    const unlocked = this.unlocked;
    if (meta && unlocked && sameBytes(meta.salt, unlocked.salt)) {
      return { kind: 'unlocked', key: unlocked.key, salt: unlocked.salt };
    }
    this.unlocked = null;
    return null;
  }

  /** Inside a write transaction: the stored setting must still be the one the write used. */
  private async checkMode(mode: Mode): Promise<void> {
    const rawMeta = await this.meta.get(META_KEY);
    if (!this.modeOf(rawMeta)) throw new NotebookLockedError();
    if (!metaMatches(rawMeta, mode)) throw new StateChangedError();
  }

  /** Prepares a write for the current mode and retries when another window changed it. */
  private async write<T>(attempt: (mode: Mode) => Promise<T>): Promise<T> {
    for (let attempts = 1; ; attempts++) {
      const mode = this.modeOf(await this.meta.get(META_KEY));
      if (!mode) throw new NotebookLockedError();
      try {
        return await attempt(mode);
      } catch (error) {
        if (!(error instanceof StateChangedError) || attempts >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Reads rows and the meta row in one transaction, then decodes the rows outside it. */
  private async readNotes(query: () => Promise<unknown[]>): Promise<Note[]> {
    const read = await this.db.transaction('r', this.notes, this.meta, async () => ({
      rawMeta: await this.meta.get(META_KEY),
      rows: await query(),
    }));
    const mode = this.modeOf(read.rawMeta);
    if (!mode) throw new NotebookLockedError();
    const notes = await Promise.all(read.rows.map((row) => decodeRow(row, mode)));
    return notes.filter((note): note is Note => note !== null);
  }

  private async listNow(filter: { readonly groupId?: string; readonly meetingId?: string }) {
    const { groupId, meetingId } = filter;
    const notes = await this.readNotes(() => {
      if (meetingId !== undefined) return this.notes.where('meetingId').equals(meetingId).toArray();
      if (groupId !== undefined) return this.notes.where('groupId').equals(groupId).toArray();
      return this.notes.toArray();
    });
    return notes
      .filter((note) => groupId === undefined || note.groupId === groupId)
      .sort(byMeetingThenCreated);
  }

  private async newKey(passphrase: string) {
    const salt = randomSalt();
    const key = await deriveKey(passphrase, salt, this.iterations);
    const check = await seal(key, CHECK_TEXT, CHECK_CONTEXT);
    const meta: EncryptionMeta = { key: META_KEY, salt, iterations: this.iterations, check };
    const mode: UnlockedMode = { kind: 'unlocked', key, salt };
    return { mode, meta };
  }

  /**
   * Re-writes every row from one mode to another and sets the meta row, in one transaction.
   * Crypto cannot run inside an IndexedDB transaction, so the rows are read and converted first
   * and the transaction commits only if nothing changed meanwhile (else it starts over).
   * A row that cannot be read in the old mode is damaged and dropped: it may hold plain text.
   */
  private async rewriteAll(from: Mode, to: Mode, meta: EncryptionMeta | null): Promise<void> {
    for (let attempts = 1; ; attempts++) {
      const before = await this.db.transaction('r', this.notes, this.meta, async () => ({
        rawMeta: await this.meta.get(META_KEY),
        rows: await this.notes.toArray(),
      }));
      if (!metaMatches(before.rawMeta, from)) {
        throw new Error('The notebook encryption changed in another window; try again.');
      }
      const rows: NoteRow[] = [];
      for (const raw of before.rows) {
        const note = await decodeRow(raw, from);
        if (!note) continue;
        const { id, groupId, meetingId, kind, createdAt, updatedAt } = note;
        rows.push({
          id,
          groupId,
          meetingId,
          kind,
          createdAt,
          updatedAt,
          body: await storeBody(to, note),
        });
      }
      const committed = await this.db.transaction('rw', this.notes, this.meta, async () => {
        const rawMeta = await this.meta.get(META_KEY);
        const current = await this.notes.toArray();
        if (!metaMatches(rawMeta, from) || !sameStored(current, before.rows)) return false;
        await this.notes.clear();
        await this.notes.bulkPut(rows);
        if (meta) await this.meta.put(meta);
        else await this.meta.delete(META_KEY);
        return true;
      });
      if (committed) return;
      if (attempts >= MAX_ATTEMPTS) {
        throw new Error('The notebook kept changing in another window; try again.');
      }
    }
  }
}

/** The unlocked mode for a passphrase, or null when it is wrong or the meta row is damaged. */
async function verifyPassphrase(
  rawMeta: unknown,
  passphrase: string,
): Promise<UnlockedMode | null> {
  const meta = decodeMeta(rawMeta);
  if (!meta) return null;
  const key = await deriveKey(passphrase, meta.salt, meta.iterations);
  const check = await unseal(key, meta.check, CHECK_CONTEXT);
  return check === CHECK_TEXT ? { kind: 'unlocked', key, salt: meta.salt } : null;
}
