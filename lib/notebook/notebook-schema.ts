/**
 * The notebook's IndexedDB schema, with every version it ever had. Version 1 shipped first
 * (plain rows with phaseId and text); version 2 moves everything but the head into `body` so
 * that it can be sealed, and adds `meta`. A device may still hold any old version, so a new
 * version adds `db.version(n).upgrade(...)` and never edits an old one.
 */

import { Dexie } from 'dexie';
import type { Transaction } from 'dexie';
import { finiteNumber, isRecord, safeId, untrimmedString } from '../util/guards';
import { LIMITS } from '../util/limits';
import { notePhaseId } from './note-codec';
import type { NoteBody, NoteRow } from './note-codec';

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
