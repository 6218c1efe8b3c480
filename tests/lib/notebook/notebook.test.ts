import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRecord } from '../../../lib/util/guards';
import { LIMITS } from '../../../lib/util/limits';
import { PBKDF2_ITERATIONS } from '../../../lib/notebook/notebook-crypto';
import { Notebook } from '../../../lib/notebook/notebook';
import { NotebookLockedError } from '../../../lib/notebook/notebook-locked-error';
import type { Note, NoteDraft } from '../../../lib/notebook/note-codec';
import {
  APRIL,
  closeOpened,
  draft,
  dump,
  exportFile,
  field,
  fillNotebook,
  hex,
  keysOf,
  MAY,
  noteJson,
  putRaw,
  setup,
  SLOW,
  TAKE_HOME,
  takeHomeDraft,
} from './fixtures';

afterEach(closeOpened);

describe('autosave', () => {
  it('stores the last text when 100 saves overlap without awaiting', async () => {
    const { notebook } = setup();
    const first = await notebook.save(draft({ text: 'b' }));
    const saves = Array.from({ length: 100 }, (_, i) =>
      notebook.save(draft({ text: `begin ${i}` })),
    );
    const results = await Promise.all(saves);
    const stored = await notebook.get('note-0001');
    expect(stored?.text).toBe('begin 99');
    expect(stored?.createdAt).toBe(first.createdAt);
    expect(results.every((note) => note.createdAt === first.createdAt)).toBe(true);
    expect(await notebook.list()).toHaveLength(1);
  });

  it(
    'stores the last text when 100 sealed saves overlap without awaiting',
    async () => {
      const { notebook } = setup();
      await notebook.enableEncryption('wachtwoord');
      // Early texts are long and late ones short, so unserialised sealing would finish out of order.
      const saves = Array.from({ length: 100 }, (_, i) =>
        notebook.save(draft({ text: `${'lang '.repeat((99 - i) * 40)}${i}` })),
      );
      await Promise.all(saves);
      expect((await notebook.get('note-0001'))?.text).toBe('99');
    },
    SLOW,
  );

  it(
    'runs calls in call order: a save made right after unlock waits for the unlock',
    async () => {
      const { notebook } = setup();
      await notebook.enableEncryption('wachtwoord');
      notebook.lock();
      const unlocked = notebook.unlock('wachtwoord');
      const saved = notebook.save(draft({ text: 'meteen getypt' }));
      expect(await unlocked).toEqual({ ok: true });
      expect((await saved).text).toBe('meteen getypt');
    },
    SLOW,
  );

  it('keeps createdAt and moves updatedAt when a note is saved again', async () => {
    const { notebook } = setup();
    const first = await notebook.save(draft({ text: 'Eerste ' }));
    const second = await notebook.save(draft({ text: 'Eerste versie ' }));
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    expect(await notebook.get('note-0001')).toEqual(second);
    expect(second.text).toBe('Eerste versie ');
  });

  it('refuses a draft with a bad id or a text over the limit, and stores nothing', async () => {
    const { notebook } = setup();
    const tooLong = 'x'.repeat(LIMITS.noteText + 1);
    await expect(notebook.save(draft({ text: tooLong }))).rejects.toThrow(TypeError);
    await expect(notebook.save(draft({ id: 'a b' }))).rejects.toThrow(TypeError);
    await expect(notebook.save(draft({ meetingDate: Number.NaN }))).rejects.toThrow(TypeError);
    expect(await notebook.list()).toEqual([]);
  });
});

describe('reading notes', () => {
  it('lists the newest meeting first and the notes of a meeting in the order they were written', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    expect((await notebook.list()).map((n) => n.id)).toEqual([
      'other-0001',
      'april-0002',
      'april-0001',
      'march-0001',
      'home-march',
    ]);
  });

  it('filters the list by group, by meeting, or by both', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    const ids = (notes: Note[]) => notes.map((n) => n.id);
    expect(ids(await notebook.list({ groupId: 'group-0002' }))).toEqual(['other-0001']);
    expect(ids(await notebook.list({ meetingId: 'meeting-march' }))).toEqual([
      'march-0001',
      'home-march',
    ]);
    expect(await notebook.list({ groupId: 'group-0002', meetingId: 'meeting-march' })).toEqual([]);
    expect(await notebook.list({ groupId: 'group-none' })).toEqual([]);
  });

  it('skips damaged rows in lists, searches and exports instead of failing', async () => {
    const { notebook, indexedDB } = setup();
    const good = await notebook.save(draft());
    const head = { groupId: 'group-0001', meetingId: 'meeting-0001', kind: 'note' };
    const times = { createdAt: 1, updatedAt: 1 };
    const body = { ...draft(), id: undefined };
    await putRaw(indexedDB, [
      { id: 'broken-0001', ...head },
      { id: 'broken-0002', ...head, ...times, body: { plain: { ...body, text: 42 } } },
      { id: 'broken-0003', ...head, ...times, body: { sealed: { iv: 'x', data: 'y' } } },
      { id: 'x', ...head, ...times, body: { plain: body } },
      { id: 'broken-0004', ...head, kind: 'diary', ...times, body: { plain: body } },
      {
        id: 'broken-0005',
        ...head,
        ...times,
        body: { plain: { ...body, takeHome: { ...TAKE_HOME, advice: [{ text: 'x', rank: 0 }] } } },
      },
    ]);
    expect(await notebook.list()).toEqual([good]);
    expect(await notebook.search('')).toEqual([good]);
    expect(await notebook.get('broken-0002')).toBeNull();
    expect(JSON.parse(await notebook.exportJson()).notes).toEqual([good]);
  });

  it('finds the newest take-home of the group from another meeting, for the look back', async () => {
    const { notebook } = setup();
    await notebook.save(takeHomeDraft({ id: 'home-march', meetingId: 'meet-march' }));
    await notebook.save(
      takeHomeDraft({ id: 'home-april', meetingId: 'meet-april', meetingDate: APRIL }),
    );
    await notebook.save(draft({ id: 'note-may', meetingId: 'meet-may', meetingDate: MAY }));
    await notebook.save(
      takeHomeDraft({ id: 'home-other', groupId: 'group-0002', meetingDate: MAY }),
    );
    expect((await notebook.latestTakeHome('group-0001', 'meet-may'))?.id).toBe('home-april');
    expect((await notebook.latestTakeHome('group-0001', 'meet-april'))?.id).toBe('home-march');
    expect((await notebook.latestTakeHome('group-0001', null))?.id).toBe('home-april');
    expect(await notebook.latestTakeHome('group-0003', null)).toBeNull();
  });
});

describe('removing notes', () => {
  it('removes one note and leaves the others', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    await notebook.remove('april-0001');
    expect(await notebook.get('april-0001')).toBeNull();
    expect(await notebook.list()).toHaveLength(4);
  });

  it('removes all notes', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    await notebook.removeAll();
    expect(await notebook.list()).toEqual([]);
  });
});

describe('subscribe', () => {
  it('tells a subscriber about changes here and through another Notebook on the database, until it stops', async () => {
    const { notebook, open } = setup('kring-notebook-subscribe');
    const other = open();
    const elsewhere = open('kring-notebook-elsewhere');
    // Opening a database tells every subscriber too (Dexie refreshes its live queries then).
    await Promise.all([notebook, other, elsewhere].map((n) => n.encryptionState()));
    let calls = 0;
    const stop = notebook.subscribe(() => calls++);
    // A positive control: a second subscriber that stays, told by the same events. Once it has
    // heard of a change, the stopped one would have too, so its silence means something.
    let controlCalls = 0;
    notebook.subscribe(() => controlCalls++);

    await notebook.save(draft());
    await vi.waitFor(() => expect(calls).toBe(1));
    await other.save(draft({ id: 'note-0002' }));
    await vi.waitFor(() => expect(calls).toBe(2));
    await elsewhere.save(draft());
    await other.remove('note-0002');
    await vi.waitFor(() => expect(calls).toBe(3));
    await vi.waitFor(() => expect(controlCalls).toBe(3));

    stop();
    await other.save(draft({ id: 'note-0003' }));
    await vi.waitFor(() => expect(controlCalls).toBe(4));
    await notebook.removeAll();
    await vi.waitFor(() => expect(controlCalls).toBe(5));
    expect(calls).toBe(3);
  });
});

describe('subscribe to the lock', () => {
  it(
    'tells a subscriber when this notebook is locked or unlocked, so that it reads again',
    async () => {
      const { notebook } = setup();
      await notebook.enableEncryption('wachtwoord');
      let calls = 0;
      notebook.subscribe(() => calls++);
      notebook.lock();
      await vi.waitFor(() => expect(calls).toBe(1));
      await notebook.unlock('wachtwoord');
      await vi.waitFor(() => expect(calls).toBe(2));
    },
    SLOW,
  );
});

describe('encryption', () => {
  const MARKER = 'Zqx7Marker';
  const marked = (): NoteDraft[] => [
    draft({ text: `tekst ${MARKER}`, groupName: `groep ${MARKER}`, phaseName: `fase ${MARKER}` }),
    takeHomeDraft({
      takeHome: {
        coreQuestion: `kern ${MARKER}`,
        caseTitle: `casus ${MARKER}`,
        advice: [
          {
            text: `advies ${MARKER}`,
            authorName: MARKER,
            starred: true,
            rank: 1,
            tried: true,
            why: `waarom ${MARKER}`,
          },
        ],
        intentions: `voornemen ${MARKER}`,
      },
    }),
  ];

  it(
    'stores nothing readable once encryption is on, only group and meeting ids and times',
    async () => {
      const { notebook, raw } = setup();
      for (const note of marked()) await notebook.save(note);
      const before = await notebook.list();
      expect(dump(await raw())).toContain(MARKER);

      expect(await notebook.enableEncryption('lange zin als wachtwoord')).toEqual({ ok: true });
      expect(await notebook.encryptionState()).toBe('unlocked');
      await notebook.save(draft({ id: 'after-0001', text: `later ${MARKER}` }));

      const stored = await raw();
      expect(dump(stored).toLowerCase()).not.toContain(MARKER.toLowerCase());
      expect(stored.notes).toHaveLength(3);
      for (const row of stored.notes) {
        expect(keysOf(row)).toEqual([
          'body',
          'createdAt',
          'groupId',
          'id',
          'meetingId',
          'updatedAt',
        ]);
        expect(keysOf(field(row, 'body'))).toEqual(['sealed']);
        // Nothing shows who brought the case: no kind, and no note id (a take-home's is t-…).
        expect(field(row, 'id')).toMatch(/^s_[A-Za-z0-9_-]{43}$/);
      }
      const text = dump(stored.notes);
      expect(text).not.toContain('take-home');
      for (const id of ['home-0001', 'note-0001', 'after-0001']) expect(text).not.toContain(id);
      expect(stored.meta).toHaveLength(1);
      expect(field(stored.meta[0], 'iterations')).toBeGreaterThanOrEqual(600_000);
      expect(field(stored.meta[0], 'salt')).toBeInstanceOf(Uint8Array);

      const after = await notebook.list();
      expect(after.filter((n) => n.id !== 'after-0001')).toEqual(before);
      expect((await notebook.search(MARKER)).map((n) => n.id).sort()).toEqual(
        ['after-0001', 'home-0001', 'note-0001'].sort(),
      );
    },
    SLOW,
  );

  it(
    'stays locked on a wrong passphrase and throws NotebookLockedError for reads and writes',
    async () => {
      const { notebook, open } = setup();
      await notebook.save(draft({ text: 'Voor het slot' }));
      await notebook.enableEncryption('het juiste wachtwoord');
      notebook.lock();
      expect(await notebook.encryptionState()).toBe('locked');

      await expect(notebook.list()).rejects.toThrow(NotebookLockedError);
      await expect(notebook.get('note-0001')).rejects.toThrow(NotebookLockedError);
      await expect(notebook.search('slot')).rejects.toThrow(NotebookLockedError);
      await expect(notebook.exportJson()).rejects.toThrow(NotebookLockedError);
      await expect(notebook.save(draft({ text: 'Kwijt?' }))).rejects.toThrow(NotebookLockedError);
      await expect(notebook.remove('note-0001')).rejects.toThrow(NotebookLockedError);
      await expect(notebook.removeAll()).rejects.toThrow(NotebookLockedError);
      await expect(notebook.importJson(exportFile([noteJson(1)]))).rejects.toThrow(
        NotebookLockedError,
      );

      expect(await notebook.unlock('het verkeerde wachtwoord')).toEqual({
        ok: false,
        reason: 'wrong-passphrase',
      });
      expect(await notebook.encryptionState()).toBe('locked');
      await expect(notebook.list()).rejects.toThrow(NotebookLockedError);

      expect(await notebook.unlock('het juiste wachtwoord')).toEqual({ ok: true });
      expect(await notebook.encryptionState()).toBe('unlocked');
      expect((await notebook.list()).map((n) => n.text)).toEqual(['Voor het slot']);
      // Another window on the same database starts locked: the key never leaves memory.
      expect(await open().encryptionState()).toBe('locked');
    },
    SLOW,
  );

  it(
    'changes the passphrase: the old one fails, the new one works, the notes stay, the salt changes',
    async () => {
      const { notebook, raw } = setup();
      await fillNotebook(notebook);
      const before = await notebook.list();
      await notebook.enableEncryption('oud wachtwoord');
      const oldSalt = hex(field((await raw()).meta[0], 'salt'));

      expect(await notebook.changePassphrase('fout wachtwoord', 'nieuw wachtwoord')).toEqual({
        ok: false,
        reason: 'wrong-passphrase',
      });
      expect(await notebook.changePassphrase('oud wachtwoord', 'nieuw wachtwoord')).toEqual({
        ok: true,
      });
      expect(hex(field((await raw()).meta[0], 'salt'))).not.toBe(oldSalt);
      expect(await notebook.list()).toEqual(before);

      notebook.lock();
      expect(await notebook.unlock('oud wachtwoord')).toEqual({
        ok: false,
        reason: 'wrong-passphrase',
      });
      expect(await notebook.unlock('nieuw wachtwoord')).toEqual({ ok: true });
      expect(await notebook.list()).toEqual(before);
    },
    SLOW,
  );

  it(
    'seals every write under a fresh IV and binds each sealed body to its own row',
    async () => {
      const { notebook, raw, indexedDB } = setup();
      await notebook.enableEncryption('wachtwoord');
      await notebook.save(draft({ text: 'zelfde' }));
      const first = hex(field((await raw()).notes[0], 'body', 'sealed', 'iv'));
      await notebook.save(draft({ text: 'zelfde' }));
      await notebook.save(draft({ id: 'note-0002', text: 'zelfde' }));
      const rows = (await raw()).notes;
      const ivs = rows.map((row) => hex(field(row, 'body', 'sealed', 'iv')));
      expect(new Set([first, ...ivs]).size).toBe(3);

      // A body copied onto another row does not open there: that row is skipped as damaged.
      const [a, b] = rows;
      if (!isRecord(a) || !isRecord(b)) throw new Error('expected two rows');
      await putRaw(indexedDB, [{ ...b, body: a.body }]);
      expect(await notebook.list()).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'turns encryption off only with the passphrase, writing the notes plain again',
    async () => {
      const { notebook, raw } = setup();
      await fillNotebook(notebook);
      const before = await notebook.list();
      await notebook.enableEncryption('wachtwoord');
      expect(await notebook.disableEncryption('verkeerd')).toEqual({
        ok: false,
        reason: 'wrong-passphrase',
      });
      expect(await notebook.disableEncryption('wachtwoord')).toEqual({ ok: true });
      expect(await notebook.encryptionState()).toBe('off');
      const stored = await raw();
      expect(stored.meta).toEqual([]);
      expect(stored.notes.every((row) => isRecord(field(row, 'body', 'plain')))).toBe(true);
      expect(await notebook.list()).toEqual(before);
    },
    SLOW,
  );

  it(
    'locks a window that missed encryption being enabled elsewhere, so it cannot write plain text',
    async () => {
      const { notebook, open, raw } = setup();
      const other = open();
      expect(await other.encryptionState()).toBe('off');
      await notebook.enableEncryption('wachtwoord');
      await expect(other.save(draft({ text: MARKER }))).rejects.toThrow(NotebookLockedError);
      expect(await other.encryptionState()).toBe('locked');
      expect(dump(await raw())).not.toContain(MARKER);
    },
    SLOW,
  );

  it(
    'imports into an encrypted notebook sealed',
    async () => {
      const { notebook, raw } = setup();
      await notebook.enableEncryption('wachtwoord');
      const note = { ...noteJson(1), text: MARKER };
      expect(await notebook.importJson(exportFile([note]))).toEqual({
        ok: true,
        added: 1,
        updated: 0,
      });
      expect(dump(await raw())).not.toContain(MARKER);
      expect(await notebook.list()).toEqual([note]);
    },
    SLOW,
  );

  it('refuses an empty passphrase and answers not-encrypted on a plain notebook', async () => {
    const { notebook } = setup();
    expect(await notebook.enableEncryption('   ')).toEqual({
      ok: false,
      reason: 'empty-passphrase',
    });
    expect(await notebook.unlock('iets')).toEqual({ ok: false, reason: 'not-encrypted' });
    expect(await notebook.changePassphrase('a', 'b')).toEqual({
      ok: false,
      reason: 'not-encrypted',
    });
    expect(await notebook.disableEncryption('a')).toEqual({ ok: false, reason: 'not-encrypted' });
    expect(await notebook.encryptionState()).toBe('off');
  });

  it('refuses to open with fewer than 600000 PBKDF2 iterations', () => {
    const indexedDB = new IDBFactory();
    expect(() => Notebook.open({ indexedDB, IDBKeyRange, iterations: 1000 })).toThrow(RangeError);
    expect(() =>
      Notebook.open({ indexedDB, IDBKeyRange, iterations: PBKDF2_ITERATIONS - 1 }),
    ).toThrow(RangeError);
  });
});

describe('a forgotten passphrase', () => {
  it(
    'lets the member start over without the passphrase: everything is deleted, nothing recovered',
    async () => {
      const { notebook, open, raw } = setup();
      await notebook.save(draft({ text: 'Vertrouwelijk' }));
      expect(await notebook.enableEncryption('een lange wachtwoordzin')).toEqual({ ok: true });
      notebook.lock();
      await expect(notebook.list()).rejects.toBeInstanceOf(NotebookLockedError);
      await notebook.reset();
      expect(await notebook.encryptionState()).toBe('off');
      expect(await notebook.list()).toEqual([]);
      expect(await raw()).toEqual({ notes: [], meta: [] });
      // Another panel on the same database sees the empty, unprotected notebook too.
      expect(await open().encryptionState()).toBe('off');
    },
    SLOW,
  );
});
