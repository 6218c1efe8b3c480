/**
 * The private notebook: a member's own notes and take-homes, kept in IndexedDB (Dexie) on this
 * device only, never in the shared document and never on the network. This file is the store;
 * the schema, the row codec, the passphrase, search, export and import live beside it.
 *
 * Invariants:
 * - With encryption on, a row holds nothing readable but its group, meeting and times (see
 *   note-codec.ts): not the note's kind or id, which would show who brought the case.
 * - Every write checks the encryption setting inside its own transaction: a window that missed
 *   a change made in another window (encryption enabled, passphrase changed) finds itself
 *   locked and throws; it never writes plain text or uses a stale key.
 * - The key lives in memory only. Locked means every read and write throws NotebookLockedError.
 * - Calls on one Notebook run one at a time in call order, so the last autosave wins.
 * - Rows and imported files are decoded with guards: a damaged row is skipped, never shown.
 * - Search and the whole list read the in-memory index (notebook-index.ts), brought up to date
 *   first from the rows Dexie says changed; it is dropped whenever the key is (lock, a stale
 *   key, close). They read the stored setting again only when Dexie announced a change to it,
 *   so a window that missed a passphrase change elsewhere locks once the announcement arrives
 *   (Dexie relays it between windows within milliseconds); writes check it every time.
 */

import { Dexie } from 'dexie';
import type { ObservabilitySet, Table } from 'dexie';
import { finiteNumber, isRecord } from '../util/guards';
import type { Locale } from '../i18n/i18n';
import { PBKDF2_ITERATIONS } from './notebook-crypto';
import { sameBytes } from '../util/bytes';
import { decodeNote, decodeRow, isLegacyRow, OFF, rowIdOf, storeRow } from './note-codec';
import type { Mode, Note, NoteDraft, NoteRow, UnlockedMode } from './note-codec';
import {
  decodeMeta,
  MAX_ITERATIONS,
  META_KEY,
  metaMatches,
  keyForNewPassphrase,
  verifyPassphrase,
} from './notebook-passphrase';
import { createBox, importBoxPublicKey, openBox, rewrapBox } from './notebook-passphrase';
import type { BoxKeys, EncryptionMeta } from './notebook-passphrase';
import { NOTEBOOK_DB_NAME, openNotebookDatabase } from './notebook-schema';
import type { DatabaseOptions } from './notebook-schema';
import { NotebookLockedError } from './notebook-locked-error';
import { byMeetingThenCreated } from './note-order';
import { changedRows, NoteIndex } from './notebook-index';
import type { ImportResult } from './notebook-import';

export type EncryptionState = 'off' | 'locked' | 'unlocked';

/**
 * The device's at-rest keys for what lives outside the notebook (groups, meeting history):
 * off without a passphrase; locked, the public key only (to seal, not to open; null for a
 * notebook protected before the key pair existed, until its next unlock); unlocked, both.
 */
export type AtRestKeys =
  | { readonly state: 'off' }
  | { readonly state: 'locked'; readonly publicKey: CryptoKey | null }
  | { readonly state: 'unlocked'; readonly publicKey: CryptoKey; readonly privateKey: CryptoKey };

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

export interface NotebookOptions extends DatabaseOptions {
  readonly name?: string;
  readonly now?: () => number;
  /** PBKDF2 iterations for a new passphrase; at least PBKDF2_ITERATIONS. */
  readonly iterations?: number;
}

/** Attempts of a write that finds the stored state changed by another window meanwhile. */
const MAX_ATTEMPTS = 5;

/** The stored encryption setting changed between preparing a write and committing it. */
class StateChangedError extends Error {}

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

function isBlank(passphrase: string): boolean {
  return passphrase.trim().length === 0;
}

/** The private notebook of this device. */
export class Notebook {
  private readonly db: Dexie;
  private readonly notes: Table<unknown, string, NoteRow>;
  private readonly meta: Table<unknown, string, EncryptionMeta>;
  private readonly name: string;
  private readonly now: () => number;
  private readonly iterations: number;
  private unlocked: {
    readonly key: CryptoKey;
    readonly salt: Uint8Array;
    readonly ids: CryptoKey;
  } | null = null;
  /** Called before protection is removed, to open what was sealed for the at-rest keys. */
  private beforeDisable: ((keys: BoxKeys) => Promise<void>) | null = null;
  /** The at-rest key pair, while unlocked (it goes with `unlocked`). */
  private box: { readonly salt: Uint8Array; readonly keys: BoxKeys } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly disposers = new Set<() => void>();
  /** Every note decoded, for search and the whole list; null until read (or once dropped). */
  private index: NoteIndex | null = null;
  /** Counts drops of the index, so that a build that raced one is not kept. */
  private indexDrops = 0;
  /** Counts changes to the stored setting that Dexie announced, here or in another window. */
  private settingChanges = 0;
  /** settingChanges when the index last read the stored setting; -1 before. */
  private settingRead = -1;
  private readonly onMutated: (parts: ObservabilitySet) => void;

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
    this.db = openNotebookDatabase(this.name, options);
    this.notes = this.db.table<unknown, string, NoteRow>('notes');
    this.meta = this.db.table<unknown, string, EncryptionMeta>('meta');
    // Writes here and in other windows (Dexie relays them) name the rows they changed.
    this.onMutated = (parts) => {
      const changed = changedRows(parts, this.name, 'notes');
      if (changed === 'all') this.dropIndex();
      else if (changed) this.index?.markChanged(changed);
      if (changedRows(parts, this.name, 'meta') !== null) this.settingChanges += 1;
    };
    Dexie.on('storagemutated', this.onMutated);
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
      this.unlocked = { key: mode.key, salt: mode.salt, ids: mode.ids };
      await this.openOrCreateBox(mode);
      await this.resealLegacyRows(mode);
      this.notifyLocal();
      return { ok: true };
    });
  }

  /**
   * Sets what runs before protection is removed, with the at-rest keys: the panel writes the
   * groups and meeting histories it sealed back plain. A hook that throws stops the removal.
   */
  setBeforeDisable(hook: ((keys: BoxKeys) => Promise<void>) | null): void {
    this.beforeDisable = hook;
  }

  /**
   * The at-rest keys for groups and meeting history (see AtRestKeys). Sealing for the public
   * key works while locked, so that a meeting that ends then is kept.
   */
  atRestKeys(): Promise<AtRestKeys> {
    return this.run(async () => {
      const rawMeta = await this.meta.get(META_KEY);
      if (rawMeta === undefined) return { state: 'off' };
      const mode = this.modeOf(rawMeta);
      const box = this.box;
      if (mode?.kind === 'unlocked' && box && sameBytes(box.salt, mode.salt)) {
        return { state: 'unlocked', ...box.keys };
      }
      const stored = decodeMeta(rawMeta)?.box;
      return { state: 'locked', publicKey: stored ? await importBoxPublicKey(stored) : null };
    });
  }

  /** Forgets the key: from now on reads and writes throw NotebookLockedError. */
  lock(): void {
    if (!this.unlocked) return;
    this.unlocked = null;
    this.box = null;
    this.dropIndex();
    this.notifyLocal();
  }

  /** Turns encryption on: every note is re-written sealed, in one transaction; stays unlocked. */
  enableEncryption(passphrase: string): Promise<EnableEncryptionResult> {
    return this.run(async () => {
      if (isBlank(passphrase)) return { ok: false, reason: 'empty-passphrase' };
      if ((await this.meta.get(META_KEY)) !== undefined) {
        return { ok: false, reason: 'already-encrypted' };
      }
      const to = await keyForNewPassphrase(passphrase, this.iterations);
      const box = await createBox(to.mode.key);
      await this.rewriteAll(OFF, to.mode, { ...to.meta, box: box.stored });
      this.unlocked = { key: to.mode.key, salt: to.mode.salt, ids: to.mode.ids };
      this.box = { salt: to.mode.salt, keys: box.keys };
      this.dropIndex();
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
      const to = await keyForNewPassphrase(newPassphrase, this.iterations);
      // The same key pair, re-sealed: groups and history sealed for it stay readable.
      const oldBox = decodeMeta(rawMeta)?.box;
      const rewrapped = oldBox ? await rewrapBox(from.key, to.mode.key, oldBox) : null;
      const box = rewrapped ?? (await createBox(to.mode.key)).stored;
      await this.rewriteAll(from, to.mode, { ...to.meta, box });
      this.unlocked = { key: to.mode.key, salt: to.mode.salt, ids: to.mode.ids };
      this.dropIndex();
      const keys = await openBox(to.mode.key, box);
      this.box = keys ? { salt: to.mode.salt, keys } : null;
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
      // What was sealed for the at-rest keys (groups, history) is written plain first: once the
      // meta row is gone, so is the private key. If that fails, nothing here changes.
      const stored = decodeMeta(rawMeta)?.box;
      const keys = stored ? await openBox(from.key, stored) : null;
      if (keys && this.beforeDisable) await this.beforeDisable(keys);
      await this.rewriteAll(from, OFF, null);
      this.unlocked = null;
      this.box = null;
      this.dropIndex();
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
        // Sealed with placeholder times: the times are in the plain head, outside the seal.
        const row = await storeRow(mode, { ...checked, createdAt: 0, updatedAt: 0 });
        return this.db.transaction('rw', this.notes, this.meta, async () => {
          await this.checkMode(mode);
          // A version-2 row of this note (stored under its own id) is replaced, keeping its age.
          const [existing, legacy] = await this.notes.bulkGet([row.id, checked.id]);
          const updatedAt = this.now();
          const createdAt =
            [existing, legacy]
              .map((old) => (isRecord(old) ? finiteNumber(old.createdAt) : null))
              .find((time) => time !== null) ?? updatedAt;
          if (row.id !== checked.id && legacy !== undefined) await this.notes.delete(checked.id);
          await this.notes.put({ ...row, createdAt, updatedAt });
          return { ...checked, createdAt, updatedAt };
        });
      }),
    );
  }

  /** One note, or null when there is none (or it is damaged). */
  get(id: string): Promise<Note | null> {
    return this.run(async () => {
      const rowIds = await this.rowIdsOf(id);
      const notes = await this.readNotes(() => this.notes.bulkGet(rowIds));
      return notes.find((note) => note.id === id) ?? null;
    });
  }

  /** Notes of a group and/or meeting (all by default), newest meeting first. */
  list(filter: { readonly groupId?: string; readonly meetingId?: string } = {}): Promise<Note[]> {
    return this.run(() => this.listNow(filter));
  }

  /** Notes in which every word of the query occurs, ignoring case and diacritics. */
  search(query: string): Promise<Note[]> {
    return this.run(async () => (await this.indexed()).search(query));
  }

  /** The group's newest take-home from another meeting than the given one: the look back. */
  latestTakeHome(groupId: string, exceptMeetingId: string | null): Promise<Note | null> {
    return this.run(async () => {
      const notes = await this.readNotes(() =>
        this.notes
          .where('groupId')
          .equals(groupId)
          .filter((row) => isRecord(row) && row.meetingId !== exceptMeetingId)
          .toArray(),
      );
      // The kind is sealed with the rest: rows are told apart only once they are read.
      const takeHomes = notes.filter((note) => note.kind === 'take-home');
      takeHomes.sort((a, b) => b.meetingDate - a.meetingDate || b.updatedAt - a.updatedAt);
      return takeHomes[0] ?? null;
    });
  }

  /** Deletes one note. */
  remove(id: string): Promise<void> {
    return this.run(() =>
      this.write(async (mode) => {
        const rowId = await rowIdOf(mode, id);
        return this.db.transaction('rw', this.notes, this.meta, async () => {
          await this.checkMode(mode);
          await this.notes.bulkDelete([...new Set([rowId, id])]);
        });
      }),
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
      this.box = null;
      this.dropIndex();
      this.notifyLocal();
    });
  }

  // Export and import are loaded when first used: the notebook opens before a returning member's
  // sealed groups show, and its chunk counts toward that first screen (bench/first-screen.ts).

  /** Every note as plain JSON: the member's own backup (IndexedDB goes with an uninstall). */
  exportJson(): Promise<string> {
    return this.run(async () => {
      const { notesToJson } = await import('./notebook-export');
      return notesToJson(await this.listNow({}), this.now());
    });
  }

  /** Every note as a readable Markdown document, by group, then meeting. */
  exportMarkdown(locale: Locale = 'nl'): Promise<string> {
    return this.run(async () => {
      const { notesToMarkdown } = await import('./notebook-export');
      return notesToMarkdown(await this.listNow({}), this.now(), locale);
    });
  }

  /**
   * Imports an exportJson file, all or nothing: a note replaces one with the same id only when
   * it is newer. Sealed when encryption is on.
   */
  async importJson(text: string): Promise<ImportResult> {
    const { chooseImported, parseImport } = await import('./notebook-import');
    const parsed = parseImport(text);
    if (!parsed.ok) return parsed;
    return this.run(() =>
      this.write(async (mode) => {
        const rows: NoteRow[] = [];
        for (const note of parsed.notes) rows.push(await storeRow(mode, note));
        return this.db.transaction('rw', this.notes, this.meta, async () => {
          await this.checkMode(mode);
          const existing = await this.notes.bulkGet(rows.map((row) => row.id));
          const { chosen, added, updated } = chooseImported(rows, existing);
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
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.unlocked = null;
    this.box = null;
    this.dropIndex();
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

  /**
   * Opens the at-rest key pair of the meta row, or makes one for a meta row written before it
   * existed (stored only if the meta row is still the one unlocked).
   */
  private async openOrCreateBox(mode: UnlockedMode): Promise<void> {
    const meta = decodeMeta(await this.meta.get(META_KEY));
    if (!meta) return;
    if (meta.box) {
      const keys = await openBox(mode.key, meta.box);
      this.box = keys ? { salt: mode.salt, keys } : null;
      return;
    }
    const made = await createBox(mode.key);
    const stored = await this.db.transaction('rw', this.meta, async () => {
      const current = await this.meta.get(META_KEY);
      if (!metaMatches(current, mode) || decodeMeta(current)?.box) return false;
      await this.meta.put({ ...meta, box: made.stored });
      return true;
    });
    if (stored) this.box = { salt: mode.salt, keys: made.keys };
    else await this.openOrCreateBox(mode);
  }

  /** The row ids a note may be stored under: its own (plain, or version 2) and its opaque one. */
  private async rowIdsOf(noteId: string): Promise<string[]> {
    const unlocked = this.unlocked;
    if (!unlocked) return [noteId];
    const opaque = await rowIdOf({ kind: 'unlocked', ...unlocked }, noteId);
    return [opaque, noteId];
  }

  /**
   * Re-writes sealed version-2 rows (kind and note id in the plain head) in the version-3 form,
   * right after an unlock: the schema upgrade could not, without the key. All or nothing, like
   * a passphrase change; a failure leaves them readable as they were and is tried again at the
   * next unlock.
   */
  private async resealLegacyRows(mode: UnlockedMode): Promise<void> {
    const legacy = await this.notes.filter((row) => isLegacyRow(row)).count();
    if (legacy === 0) return;
    const meta = decodeMeta(await this.meta.get(META_KEY));
    if (!meta) return;
    try {
      await this.rewriteAll(mode, mode, meta);
    } catch {
      // Another window changed the notebook meanwhile: its rows stay readable; next unlock.
    }
  }

  private notifyLocal(): void {
    for (const call of this.listeners) call();
  }

  /** The mode for the stored meta row; null (locked) when the key is missing or stale. */
  private modeOf(rawMeta: unknown): Mode | null {
    if (rawMeta === undefined) {
      this.unlocked = null;
      this.box = null;
      if (this.index && !this.index.fits(OFF)) this.dropIndex();
      return OFF;
    }
    const meta = decodeMeta(rawMeta);
    const unlocked = this.unlocked;
    if (meta && unlocked && sameBytes(meta.salt, unlocked.salt)) {
      return { kind: 'unlocked', ...unlocked };
    }
    this.unlocked = null;
    this.box = null;
    this.dropIndex();
    return null;
  }

  /** Forgets every decoded note (with a passphrase: the decrypted text). */
  private dropIndex(): void {
    this.index = null;
    this.indexDrops += 1;
  }

  /**
   * The index, up to date: built from one read of every row when there is none, else the rows
   * changed since are read again, with the stored setting in the same transaction: locked, or a
   * key gone stale in another window, throws NotebookLockedError. When Dexie announced no change
   * since the last such read, neither rows nor setting are read again.
   */
  private async indexed(): Promise<NoteIndex> {
    for (;;) {
      const drops = this.indexDrops;
      const setting = this.settingChanges;
      const index = this.index;
      const ids = index ? index.takeChanged() : [];
      // Nothing announced since the last read: memory alone answers (the search budget, 30 ms
      // for 10,000 notes, leaves no room for an IndexedDB round trip on a loaded machine).
      if (index && ids.length === 0 && this.settingRead === setting) return index;
      let read: { rawMeta: unknown; rows: unknown[] };
      try {
        read = await this.db.transaction('r', this.notes, this.meta, async () => ({
          rawMeta: await this.meta.get(META_KEY),
          rows: index ? await this.notes.bulkGet(ids) : await this.notes.toArray(),
        }));
      } catch (error) {
        index?.markChanged(ids);
        throw error;
      }
      const mode = this.modeOf(read.rawMeta);
      if (!mode) throw new NotebookLockedError();
      this.settingRead = setting;
      if (index && this.index === index && !index.fits(mode)) this.dropIndex();
      // Dropped meanwhile: read every row (the next round has no index, so it is the last).
      if (index && this.index !== index) continue;
      const decoded = await Promise.all(
        read.rows.map(async (raw, i) => {
          const note = await decodeRow(raw, mode);
          const rowId = index ? ids[i] : isRecord(raw) ? raw.id : undefined;
          return typeof rowId === 'string' ? ([[rowId, note]] as const) : [];
        }),
      );
      const rows = decoded.flat();
      if (index) {
        index.apply(rows);
        return index;
      }
      const built = new NoteIndex(mode, rows);
      // Dropped while decoding (a lock, a bulk write): this read still answers, but is not kept.
      if (this.indexDrops === drops) this.index = built;
      return built;
    }
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
    // A whole list builds the index; a meeting's few notes are read through it only when built.
    if (this.index || (groupId === undefined && meetingId === undefined)) {
      return (await this.indexed()).list(filter);
    }
    const notes = await this.readNotes(() => {
      if (meetingId !== undefined) return this.notes.where('meetingId').equals(meetingId).toArray();
      if (groupId !== undefined) return this.notes.where('groupId').equals(groupId).toArray();
      return this.notes.toArray();
    });
    return notes
      .filter((note) => groupId === undefined || note.groupId === groupId)
      .sort(byMeetingThenCreated);
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
        if (note) rows.push(await storeRow(to, note));
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
