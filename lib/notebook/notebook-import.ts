/**
 * Reading back a JSON export. A file is untrusted (it may be old, edited by hand or not ours),
 * so it is validated completely before anything is written, and an import is all or nothing.
 */

import { finiteNumber, isRecord, parseJson } from '../util/guards';
import { decodeNote } from './note-codec';
import type { Note, NoteRow } from './note-codec';
import { EXPORT_FORMAT, EXPORT_VERSION } from './notebook-export';

/** The largest file an import reads, in UTF-8 bytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most notes one import may hold. */
export const MAX_IMPORT_NOTES = 10_000;

export type ImportError =
  'too-large' | 'not-json' | 'wrong-format' | 'unsupported-version' | 'invalid-notes';
export type ImportResult =
  | { readonly ok: true; readonly added: number; readonly updated: number }
  | { readonly ok: false; readonly error: ImportError };

export type ParsedImport =
  | { readonly ok: true; readonly notes: readonly Note[] }
  | { readonly ok: false; readonly error: ImportError };

/** The notes of an export file, or why it cannot be imported; one bad note refuses the file. */
export function parseImport(text: string): ParsedImport {
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

/**
 * Which imported rows to write, given the stored row with the same id (undefined when there is
 * none): a new note is added; a stored one is replaced only by a newer one, or when it is
 * damaged, so that an old backup never undoes today's writing.
 */
export function chooseImported(
  rows: readonly NoteRow[],
  existing: readonly unknown[],
): { readonly chosen: NoteRow[]; readonly added: number; readonly updated: number } {
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
  return { chosen, added, updated };
}
