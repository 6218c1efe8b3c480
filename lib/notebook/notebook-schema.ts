/**
 * The notebook's IndexedDB schema, with every version it ever had. Version 1 shipped first
 * (plain rows with phaseId and text); version 2 moves everything but the head into `body` so
 * that it can be sealed, and adds `meta`; version 3 moves the kind (and, sealed, the note's id)
 * into the body, so that a sealed row does not show who brought the case. A device may still hold any old version, so a new
 * version adds `db.version(n).upgrade(...)` and never edits an old one.
 */

import { Dexie } from 'dexie';
import type { Transaction } from 'dexie';
import { finiteNumber, isRecord, safeId, untrimmedString } from '../util/guards';
import { LIMITS } from '../util/limits';
import { isLegacyRow, notePhaseId } from './note-codec';
import type { NoteBody, NoteKind, NoteRow, RowBody } from './note-codec';

/** A row as schema version 2 stored it: kind in the head, a body without id and kind. */
interface Version2Row {
  readonly id: string;
  readonly groupId: string;
  readonly meetingId: string;
  readonly kind: NoteKind;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly body: { readonly plain: NoteBody } | { readonly sealed: unknown };
}

/** The Dexie database name on every device. */
export const NOTEBOOK_DB_NAME = 'kring-notebook';

/** Which IndexedDB to use; the platform's by default (tests pass fake-indexeddb's). */
export interface DatabaseOptions {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Declares every version of the schema on a database that opens lazily, on first use. */
export function openNotebookDatabase(name: string, options: DatabaseOptions): Dexie {
  const db = new Dexie(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  db.version(1).stores({ notes: 'id, groupId, meetingId, updatedAt' });
  db.version(2)
    .stores({ notes: 'id, groupId, meetingId, updatedAt, kind', meta: 'key' })
    .upgrade(upgradeToVersion2);
  db.version(3)
    .stores({ notes: 'id, groupId, meetingId, updatedAt', meta: 'key' })
    .upgrade(upgradeToVersion3);
  return db;
}

/** Rewrites version-1 rows as plain version-2 rows; a damaged row is left as it was. */
async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const notes = tx.table<unknown, string, Version2Row>('notes');
  const upgraded: Version2Row[] = [];
  for (const raw of await notes.toArray()) {
    const row = decodeVersion1Row(raw);
    if (row) upgraded.push(row);
  }
  await notes.bulkPut(upgraded);
}

function decodeVersion1Row(raw: unknown): Version2Row | null {
  if (!isRecord(raw)) return null;
  const id = safeId(raw.id);
  const groupId = safeId(raw.groupId);
  const meetingId = safeId(raw.meetingId);
  const phaseId = notePhaseId(raw.phaseId);
  const text = untrimmedString(raw.text, LIMITS.noteText);
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

/**
 * Moves the kind of plain version-2 rows into the body. A sealed version-2 row cannot be
 * changed without the key: it stays as it was (the codec still reads it) and the notebook
 * re-writes it in the version-3 form when it is unlocked (notebook.ts `unlock`). A damaged row
 * is left as it was and skipped when read.
 */
async function upgradeToVersion3(tx: Transaction): Promise<void> {
  const notes = tx.table<unknown, string, NoteRow>('notes');
  const upgraded: NoteRow[] = [];
  for (const raw of await notes.toArray()) {
    if (!isRecord(raw) || !isLegacyRow(raw) || !isRecord(raw.body) || !isRecord(raw.body.plain)) {
      continue;
    }
    const { kind, ...head } = raw;
    const id = safeId(head.id);
    if (!id || (kind !== 'note' && kind !== 'take-home')) continue;
    const plain = { ...raw.body.plain, id, kind } as RowBody;
    upgraded.push({ ...(head as Omit<NoteRow, 'body'>), body: { plain } });
  }
  await notes.bulkPut(upgraded);
}
