import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { IDBKeyRange } from 'fake-indexeddb';
import type { IDBFactory } from 'fake-indexeddb';
import { changedRows, NoteIndex } from '../../../lib/notebook/notebook-index';
import { OFF } from '../../../lib/notebook/note-codec';
import { NotebookLockedError } from '../../../lib/notebook/notebook-locked-error';
import type { Notebook } from '../../../lib/notebook/notebook';
import { searchNotes } from '../../../lib/notebook/notebook-search';
import { NOTEBOOK_DB_NAME } from '../../../lib/notebook/notebook-schema';
import type { Note } from '../../../lib/notebook/note-codec';
import {
  closeOpened,
  draft,
  dump,
  exportFile,
  fillNotebook,
  noteJson,
  setup,
  SLOW,
  START,
} from './fixtures';

afterEach(closeOpened);

const ids = (notes: readonly Note[]) => notes.map((note) => note.id);

/** What a search must return: searchNotes over a list read afresh from IndexedDB. */
async function truth(open: () => Notebook, query: string): Promise<string[]> {
  const fresh = open();
  try {
    return ids(searchNotes(await fresh.list(), query));
  } finally {
    fresh.close();
  }
}

/** A RangeSet node as Dexie builds it (and as a structured clone from another window holds it). */
function node(from: unknown, to: unknown = from, l: unknown = null, r: unknown = null) {
  return { from, to, d: 1, l, r };
}

describe('changedRows (what a storagemutated event says about the notes table)', () => {
  const rows = `idb://${NOTEBOOK_DB_NAME}/notes/`;
  it.each<[string, unknown, readonly string[] | 'all' | null]>([
    ['one row', { [rows]: node('a') }, ['a']],
    [
      'every row of a tree, left and right',
      { [rows]: node('b', 'b', node('a'), node('c')), [`${rows}groupId`]: node('g') },
      ['b', 'c', 'a'],
    ],
    ['no row for an empty set', { [rows]: { d: 0 } }, []],
    ['everything for a range (a clear, a bulk write)', { [rows]: node('a', 'z') }, 'all'],
    ['everything for a key that is not a row id', { [rows]: node(1) }, 'all'],
    ['everything for a malformed node', { [rows]: node('a', 'a', 'x') }, 'all'],
    ['everything for Dexie\'s "all"', { all: node(-Infinity, [[]]) }, 'all'],
    ['everything for an index part without the rows', { [`${rows}groupId`]: node('g') }, 'all'],
    ['nothing for another table', { [`idb://${NOTEBOOK_DB_NAME}/meta/`]: node('key') }, null],
    ['nothing for another database', { 'idb://kring-notebook-2/notes/': node('a') }, null],
    ['everything for something that is no set of parts', 'garbage', 'all'],
  ])('names %s', (_, parts, expected) => {
    expect(changedRows(parts, NOTEBOOK_DB_NAME, 'notes')).toEqual(expected);
  });

  it('names at most a thousand rows one by one', () => {
    let tree: unknown = null;
    for (let i = 0; i < 1001; i++)
      tree = node(`row-${String(i).padStart(4, '0')}`, undefined, tree);
    expect(changedRows({ [rows]: tree }, NOTEBOOK_DB_NAME, 'notes')).toBe('all');
  });
});

describe('NoteIndex', () => {
  it('searches as searchNotes over its list through a seeded mix of small and large changes', () => {
    const words = ['rust', 'grens', 'twijfel', 'zorg', 'overleg', 'cliënt', 'één', 'Één.'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    const note = (i: number): Note => ({
      ...noteJson(i),
      meetingId: `meeting-${random(5)}`,
      meetingDate: START + random(5),
      text: Array.from({ length: random(6) }, () => words[random(words.length)]).join(' '),
      createdAt: random(1000),
    });
    const index = new NoteIndex(OFF, []);
    let searched = 0;
    for (let step = 0; step < 200; step++) {
      // Mostly a few rows (patched in place), sometimes over a hundred (words made again).
      const count = random(10) === 0 ? 100 + random(50) : 1 + random(3);
      index.apply(
        Array.from({ length: count }, () => {
          const i = random(120);
          return [`row-${i}`, random(4) === 0 ? null : note(i)] as const;
        }),
      );
      const query = Array.from({ length: random(3) }, () => words[random(words.length)]).join(' ');
      const found = ids(index.search(query));
      expect(found, `step ${step}, "${query}"`).toEqual(ids(searchNotes(index.list(), query)));
      if (found.length > 0 && query.trim() !== '') searched++;
    }
    expect(searched).toBeGreaterThan(50);
  });
});

describe('the search index', () => {
  it('finds what a save wrote and no longer what it replaced', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    expect(ids(await notebook.search('maart'))).toEqual(['march-0001']);
    await notebook.save(draft({ id: 'march-0001', meetingId: 'meeting-march', text: 'Lente' }));
    expect(await notebook.search('maart')).toEqual([]);
    expect(ids(await notebook.search('lente'))).toEqual(['march-0001']);
    await notebook.save(draft({ id: 'march-0002', meetingId: 'meeting-march', text: 'Lentezon' }));
    expect(ids(await notebook.search('lente'))).toEqual(['march-0001', 'march-0002']);
    expect(await notebook.search('')).toEqual(await notebook.list());
  });

  it('forgets a removed note and every note after removeAll', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    expect(await notebook.search('verpleegkundigen')).toHaveLength(4);
    await notebook.remove('april-0001');
    expect(ids(await notebook.search('verpleegkundigen'))).toEqual([
      'april-0002',
      'march-0001',
      'home-march',
    ]);
    await notebook.removeAll();
    expect(await notebook.search('')).toEqual([]);
  });

  it('finds imported notes, a few or many at once, and what an import replaced', async () => {
    const { notebook, open } = setup();
    await notebook.save(draft({ id: 'note-00001', text: 'Oud' }));
    expect(ids(await notebook.search('oud'))).toEqual(['note-00001']);
    // A few rows: Dexie names each one. Newer than the saved note, so it replaces it.
    const newer = { ...noteJson(1), text: 'Nieuw', createdAt: START, updatedAt: START * 2 };
    await notebook.importJson(exportFile([newer, { ...noteJson(2), text: 'Nieuw ook' }]));
    expect(await notebook.search('oud')).toEqual([]);
    expect(ids(await notebook.search('nieuw'))).toEqual(['note-00001', 'note-00002']);
    // Many rows (50 or more): Dexie names a range and the index is read again.
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...noteJson(i + 10),
      text: `Veel ${i}`,
    }));
    await notebook.importJson(exportFile(many));
    expect(await notebook.search('veel')).toHaveLength(120);
    expect(ids(await notebook.search('veel 7'))).toEqual(await truth(open, 'veel 7'));
    expect(await notebook.search('')).toHaveLength(122);
  });

  it("sees another window's save, removal and import on the same database", async () => {
    const { notebook, open } = setup();
    const other = open();
    await fillNotebook(notebook);
    expect(await notebook.search('elders')).toEqual([]);
    await other.save(draft({ id: 'elsewhere-1', text: 'Elders geschreven' }));
    expect(ids(await notebook.search('elders'))).toEqual(['elsewhere-1']);
    await other.save(draft({ id: 'elsewhere-1', text: 'Toch anders' }));
    expect(await notebook.search('elders')).toEqual([]);
    await other.remove('march-0001');
    expect(await notebook.search('maart')).toEqual([]);
    await other.importJson(exportFile([{ ...noteJson(3), text: 'Ingelezen elders' }]));
    expect(ids(await notebook.search('ingelezen'))).toEqual(['note-00003']);
    await other.removeAll();
    expect(await notebook.list()).toEqual([]);
  });

  it('sees a row that another window announces over the broadcast channel', async () => {
    const { notebook, indexedDB, open } = setup();
    await notebook.save(draft({ text: 'Eerst' }));
    expect(ids(await notebook.search('eerst'))).toEqual(['note-0001']);
    // Written below Dexie, so nothing in this window hears of it ...
    await putBelowDexie(indexedDB, { ...draftRow('note-0001', 'Daarna'), createdAt: START });
    expect(await truth(open, 'daarna')).toEqual(['note-0001']);
    expect(ids(await notebook.search('eerst'))).toEqual(['note-0001']);
    // ... until Dexie in another window says so: a structured clone of its event, as sent.
    const heard = new Promise<void>((resolve) => {
      const listener = () => {
        Dexie.on.storagemutated.unsubscribe(listener);
        resolve();
      };
      Dexie.on('storagemutated', listener);
    });
    const channel = new BroadcastChannel('x-storagemutated-1');
    channel.postMessage({ [`idb://${NOTEBOOK_DB_NAME}/notes/`]: node('note-0001') });
    channel.close();
    await heard;
    expect(await notebook.search('eerst')).toEqual([]);
    expect(ids(await notebook.search('daarna'))).toEqual(['note-0001']);
  });

  it(
    'keeps decrypted notes only while unlocked, and is right again after unlock',
    async () => {
      const { notebook, open, raw } = setup();
      await fillNotebook(notebook);
      await notebook.enableEncryption('wachtwoord');
      expect(ids(await notebook.search('maart'))).toEqual(['march-0001']);
      notebook.lock();
      // The decrypted notes go with the key (a look inside: nothing else can tell).
      expect(Reflect.get(notebook, 'index')).toBeNull();
      await expect(notebook.search('maart')).rejects.toBeInstanceOf(NotebookLockedError);
      await expect(notebook.list()).rejects.toBeInstanceOf(NotebookLockedError);
      // While this window is locked another one changes a note and adds one.
      const other = open();
      expect(await other.unlock('wachtwoord')).toEqual({ ok: true });
      await other.save(draft({ id: 'march-0001', meetingId: 'meeting-march', text: 'Verzegeld' }));
      await other.save(draft({ id: 'sealed-0002', text: 'Ook verzegeld' }));
      expect(await notebook.unlock('wachtwoord')).toEqual({ ok: true });
      expect(await notebook.search('maart')).toEqual([]);
      expect(ids(await notebook.search('verzegeld'))).toEqual(['sealed-0002', 'march-0001']);
      // A save while unlocked is found at once and stored sealed.
      await notebook.save(draft({ id: 'sealed-0003', text: 'Geheimzinnig' }));
      expect(ids(await notebook.search('geheimzinnig'))).toEqual(['sealed-0003']);
      expect(dump(await raw())).not.toContain('eheimzinnig');
    },
    SLOW,
  );

  it(
    'locks instead of answering from memory when another window changed the passphrase',
    async () => {
      const { notebook, open } = setup();
      await fillNotebook(notebook);
      await notebook.enableEncryption('wachtwoord');
      expect(ids(await notebook.search('maart'))).toEqual(['march-0001']);
      const other = open();
      expect(await other.unlock('wachtwoord')).toEqual({ ok: true });
      expect(await other.changePassphrase('wachtwoord', 'nieuw wachtwoord')).toEqual({ ok: true });
      await expect(notebook.search('maart')).rejects.toBeInstanceOf(NotebookLockedError);
      expect(await notebook.unlock('nieuw wachtwoord')).toEqual({ ok: true });
      expect(ids(await notebook.search('maart'))).toEqual(['march-0001']);
    },
    SLOW,
  );

  it(
    'locks when the stored setting alone changes elsewhere, though no note did',
    async () => {
      const { notebook, indexedDB } = setup();
      await fillNotebook(notebook);
      await notebook.enableEncryption('wachtwoord');
      expect(ids(await notebook.search('maart'))).toEqual(['march-0001']);
      // Another window's Dexie rewrites the setting under another salt (a key this one lacks).
      const db = new Dexie(NOTEBOOK_DB_NAME, { indexedDB, IDBKeyRange });
      await db.open();
      const [meta] = (await db.table('meta').toArray()) as Record<string, unknown>[];
      const salt = Uint8Array.from(meta!.salt as Uint8Array);
      salt[0] = (salt[0]! + 1) % 256;
      await db.table('meta').put({ ...meta, salt });
      db.close();
      await expect(notebook.search('maart')).rejects.toBeInstanceOf(NotebookLockedError);
    },
    SLOW,
  );

  it(
    'stays right when encryption is turned off in another window',
    async () => {
      const { notebook, open } = setup();
      await fillNotebook(notebook);
      await notebook.enableEncryption('wachtwoord');
      expect(ids(await notebook.search('maart'))).toEqual(['march-0001']);
      const other = open();
      expect(await other.disableEncryption('wachtwoord')).toEqual({ ok: true });
      await other.save(draft({ id: 'plain-0001', text: 'Weer open' }));
      expect(ids(await notebook.search('open'))).toEqual(['plain-0001']);
      expect(ids(await notebook.search('maart'))).toEqual(['march-0001']);
    },
    SLOW,
  );

  it('answers as a fresh read after a seeded mix of writes from two windows', async () => {
    const { notebook, open } = setup();
    const other = open();
    const words = ['rust', 'grens', 'twijfel', 'zorg', 'overleg', 'cliënt'];
    let seed = 15;
    const random = (n: number) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed % n;
    };
    const text = () => Array.from({ length: 1 + random(4) }, () => words[random(6)]).join(' ');
    let checked = 0;
    for (let step = 0; step < 80; step++) {
      const writer = random(2) === 0 ? notebook : other;
      const id = `note-${String(random(30)).padStart(5, '0')}`;
      const meeting = { meetingId: `meeting-${random(4)}`, meetingDate: START + random(4) };
      switch (random(5)) {
        case 0:
          await writer.remove(id);
          break;
        case 1: {
          const count = random(3) === 0 ? 60 : 1 + random(4);
          const notes = Array.from({ length: count }, (_, i) => ({
            ...noteJson(random(200)),
            ...meeting,
            text: text(),
            updatedAt: START + step * 100 + i,
          }));
          const unique = [...new Map(notes.map((note) => [note.id, note])).values()];
          await writer.importJson(exportFile(unique));
          break;
        }
        default:
          await writer.save(draft({ id, ...meeting, text: text() }));
      }
      const query =
        random(3) === 0 ? '' : `${words[random(6)]} ${random(2) ? words[random(6)] : ''}`;
      const found = ids(await notebook.search(query));
      expect(found, `step ${step}, "${query}"`).toEqual(await truth(open, query));
      if (found.length > 0) checked++;
    }
    // The mix did find notes most of the time, so the comparisons were not all of empty lists.
    expect(checked).toBeGreaterThan(40);
  });
});

function draftRow(id: string, text: string) {
  const { groupId, meetingId, ...rest } = draft({ id, text });
  return { id, groupId, meetingId, updatedAt: START * 2, body: { plain: rest } };
}

/** Puts a row with IndexedDB itself, so that no Dexie hears of it. */
async function putBelowDexie(indexedDB: IDBFactory, row: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(NOTEBOOK_DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('notes', 'readwrite');
    tx.objectStore('notes').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
