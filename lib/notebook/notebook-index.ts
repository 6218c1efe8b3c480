/**
 * The notebook's notes in memory, for search and the whole list: every stored row decoded once
 * (decrypted, with a passphrase) beside the folded text a search looks in, so that a search
 * scans memory instead of reading and decoding every row of IndexedDB. Measured before it:
 * 0.2 to 1.5 s (plain) and 0.5 to 2.4 s (sealed) per search over 10,000 notes in Chromium,
 * against a budget of 30 ms (issue 15).
 *
 * Invariants:
 * - It holds what decoding every stored row gives, by row id (an opaque id when sealed). Rows
 *   written after it was built, in this window or another, are named by Dexie's storagemutated
 *   event (`changedRows`) and read again before its next use; a change that does not name its
 *   rows one by one (a clear, a bulk write of 50 rows or more, Dexie's "everything") drops it.
 * - It belongs to one mode (no passphrase, or one key, by its salt): the notebook drops it on
 *   lock, on a stale key and on close, so decrypted text is in memory only while unlocked.
 * - Nothing here reads IndexedDB or decrypts: notebook.ts feeds it decoded notes.
 */

import { isRecord } from '../util/guards';
import { sameBytes } from '../util/bytes';
import type { Mode, Note } from './note-codec';
import { byMeetingThenCreated } from './note-order';
import { queryWords, searchableText } from './notebook-search';

/** More changed rows than this in one event are not listed: the index is rebuilt instead. */
const MAX_NAMED_ROWS = 1000;
/** More changes than this at once are put in order by one sort, not one by one. */
const MAX_PATCHES = 64;

/** One distinct word of the searchable texts, and the notes whose text holds it. */
interface Posting {
  readonly token: string;
  readonly entries: Entry[];
  /** The entry listed last, so that a word twice in one text lists it once. */
  last: Entry | null;
}

interface Entry {
  readonly note: Note;
  /** The distinct words of searchableText(note), split at whitespace; once words are kept. */
  readonly postings: Posting[];
  /** Which search last touched it, and how many of that search's words it held. */
  round: number;
  held: number;
}

/**
 * Which rows of a table one storagemutated event says changed: their ids, 'all' when it does
 * not name them one by one, or null when the table is not touched. `parts` is Dexie's
 * ObservabilitySet, or its structured clone when it comes from another window (plain objects:
 * a RangeSet tree of {from, to, l, r} nodes), so it is read with guards.
 */
export function changedRows(
  parts: unknown,
  dbName: string,
  table: string,
): readonly string[] | 'all' | null {
  if (!isRecord(parts)) return 'all';
  if ('all' in parts) return 'all';
  const prefix = `idb://${dbName}/`;
  const rows = `${prefix}${table}/`;
  if (!(rows in parts)) {
    // Another table, or another database: nothing for us. A part of our table without its
    // primary keys is not something Dexie writes, so it is taken as "everything".
    return Object.keys(parts).some((part) => part.startsWith(rows)) ? 'all' : null;
  }
  const ids: string[] = [];
  const stack: unknown[] = [parts[rows]];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    if (!isRecord(node)) return 'all';
    if (!('from' in node)) continue; // an empty set
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
    ids.push(node.from);
    if (ids.length > MAX_NAMED_ROWS) return 'all';
    stack.push(node.l, node.r);
  }
  return ids;
}

/** The decoded notes of one mode, in list order, with what each one is searched by. */
export class NoteIndex {
  private readonly entries = new Map<string, Entry>();
  /** Every entry, newest meeting first (byMeetingThenCreated). */
  private order: Entry[] = [];
  /**
   * Every distinct word of every searchable text. A query word holds no whitespace, so where it
   * occurs in a text it lies inside one of these words: looking for it in the words finds
   * exactly the notes that looking in every whole text would, scanning far less. Made by the
   * first search (a list alone does not need it), then kept up to date.
   */
  private words: Map<string, Posting> | null = null;
  private round = 0;
  /** Rows changed since they were read, to be read again before the next use. */
  private readonly changed = new Set<string>();
  /** The salt of the key it was decoded with; null without a passphrase. */
  private readonly salt: Uint8Array | null;

  constructor(mode: Mode, rows: Iterable<readonly [rowId: string, note: Note | null]>) {
    this.salt = mode.kind === 'off' ? null : mode.salt;
    this.apply(rows);
  }

  /** Whether it was decoded in this mode (the same key, or both without a passphrase). */
  fits(mode: Mode): boolean {
    return mode.kind === 'off'
      ? this.salt === null
      : this.salt !== null && sameBytes(this.salt, mode.salt);
  }

  /** Notes rows to read again before the next use. */
  markChanged(rowIds: Iterable<string>): void {
    for (const id of rowIds) this.changed.add(id);
  }

  /** The rows to read again, forgotten here: the caller reads them and applies what it found. */
  takeChanged(): string[] {
    const ids = [...this.changed];
    this.changed.clear();
    return ids;
  }

  /** Puts what rows now hold: a note, or null for a row gone or damaged. */
  apply(rows: Iterable<readonly [rowId: string, note: Note | null]>): void {
    const list = [...rows];
    const patch = list.length <= MAX_PATCHES;
    if (!patch) this.forgetWords();
    for (const [rowId, note] of list) {
      const old = this.entries.get(rowId);
      if (old) {
        this.entries.delete(rowId);
        this.unlist(old);
        if (patch) this.order.splice(this.order.indexOf(old), 1);
      }
      if (!note) continue;
      const entry = this.listed(note);
      this.entries.set(rowId, entry);
      if (patch) this.order.splice(this.insertionPoint(note), 0, entry);
    }
    if (!patch) {
      this.order = [...this.entries.values()].sort((a, b) => byMeetingThenCreated(a.note, b.note));
    }
  }

  /** Notes of a group and/or meeting (all by default), newest meeting first. */
  list(filter: { readonly groupId?: string; readonly meetingId?: string } = {}): Note[] {
    const { groupId, meetingId } = filter;
    const notes: Note[] = [];
    for (const { note } of this.order) {
      if (groupId !== undefined && note.groupId !== groupId) continue;
      if (meetingId !== undefined && note.meetingId !== meetingId) continue;
      notes.push(note);
    }
    return notes;
  }

  /** As searchNotes over list(): every word in any field, ignoring case and diacritics. */
  search(query: string): Note[] {
    const words = queryWords(query);
    if (words.length === 0) return this.list();
    const kept = this.keptWords();
    const round = ++this.round;
    words.forEach((word, i) => {
      for (const { token, entries } of kept.values()) {
        if (!token.includes(word)) continue;
        for (const entry of entries) {
          if (entry.round !== round) {
            if (i > 0) continue; // it lacks an earlier word
            entry.round = round;
            entry.held = 0;
          }
          if (entry.held === i) entry.held = i + 1; // each word counts once
        }
      }
    });
    const notes: Note[] = [];
    for (const entry of this.order) {
      if (entry.round === round && entry.held === words.length) notes.push(entry.note);
    }
    return notes;
  }

  /** A new entry for the note, listed under each of its words once words are kept. */
  private listed(note: Note): Entry {
    const entry: Entry = { note, postings: [], round: 0, held: 0 };
    if (this.words) this.listWords(this.words, entry);
    return entry;
  }

  private keptWords(): Map<string, Posting> {
    if (this.words) return this.words;
    const words = new Map<string, Posting>();
    for (const entry of this.order) this.listWords(words, entry);
    this.words = words;
    return words;
  }

  private listWords(words: Map<string, Posting>, entry: Entry): void {
    for (const token of searchableText(entry.note).split(/\s+/)) {
      if (token === '') continue;
      let posting = words.get(token);
      if (!posting) {
        posting = { token, entries: [], last: null };
        words.set(token, posting);
      }
      if (posting.last === entry) continue;
      posting.last = entry;
      posting.entries.push(entry);
      entry.postings.push(posting);
    }
  }

  /** Forgets the words, to be made again by the next search (cheaper than many unlists). */
  private forgetWords(): void {
    if (!this.words) return;
    this.words = null;
    for (const entry of this.entries.values()) entry.postings.length = 0;
  }

  /** Takes an entry out of its words' lists; a word no note holds any more goes. */
  private unlist(entry: Entry): void {
    if (!this.words) return;
    for (const posting of entry.postings) {
      const { entries } = posting;
      entries.splice(entries.indexOf(entry), 1);
      if (posting.last === entry) posting.last = null;
      if (entries.length === 0) this.words?.delete(posting.token);
    }
  }

  /** After every entry that sorts before or with the note (binary search). */
  private insertionPoint(note: Note): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byMeetingThenCreated(this.order[middle]!.note, note) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
