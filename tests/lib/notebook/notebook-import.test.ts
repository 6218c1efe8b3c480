import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseImported,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_NOTES,
  parseImport,
} from '../../../lib/notebook/notebook-import';
import type { NoteRow } from '../../../lib/notebook/note-codec';
import { closeOpened, draft, exportFile, field, fillNotebook, noteJson, setup } from './fixtures';

afterEach(closeOpened);

describe('importing a JSON export into the notebook', () => {
  it('round-trips every note through JSON into a fresh notebook', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    const json = await notebook.exportJson();
    const file: unknown = JSON.parse(json);
    expect(file).toMatchObject({ format: 'kring-notebook', version: 1 });
    expect(typeof field(file, 'exportedAt')).toBe('number');

    const fresh = setup().notebook;
    expect(await fresh.importJson(json)).toEqual({ ok: true, added: 5, updated: 0 });
    expect(await fresh.list()).toEqual(await notebook.list());
  });

  it('replaces a note with the same id only when the imported one is newer', async () => {
    const { notebook } = setup();
    const saved = await notebook.save(draft({ text: 'Op dit apparaat' }));
    const older = { ...saved, text: 'Oud', updatedAt: saved.updatedAt - 1 };
    const newer = { ...saved, text: 'Nieuw', updatedAt: saved.updatedAt + 1 };
    const added = noteJson(1);
    expect(await notebook.importJson(exportFile([older, added]))).toEqual({
      ok: true,
      added: 1,
      updated: 0,
    });
    expect((await notebook.get(saved.id))?.text).toBe('Op dit apparaat');
    expect(await notebook.importJson(exportFile([newer]))).toEqual({
      ok: true,
      added: 0,
      updated: 1,
    });
    expect(await notebook.get(saved.id)).toEqual(newer);
  });

  const tooManyNotes = () =>
    exportFile(Array.from({ length: MAX_IMPORT_NOTES + 1 }, (_, i) => noteJson(i)));
  const badImports: [string, () => string, string][] = [
    ['text that is not JSON', () => '{"format": "kring-notebook",', 'not-json'],
    ['a JSON list', () => '[]', 'wrong-format'],
    [
      'another format',
      () => JSON.stringify({ format: 'other', version: 1, notes: [] }),
      'wrong-format',
    ],
    ['notes that are not a list', () => exportFile([], { notes: {} }), 'wrong-format'],
    ['version 2', () => exportFile([], { version: 2 }), 'unsupported-version'],
    [
      'a note with a number as text',
      () => exportFile([noteJson(1), { ...noteJson(2), text: 7 }]),
      'invalid-notes',
    ],
    [
      'a note without an id',
      () => exportFile([{ ...noteJson(1), id: undefined }]),
      'invalid-notes',
    ],
    ['two notes with one id', () => exportFile([noteJson(1), noteJson(1)]), 'invalid-notes'],
    [`${MAX_IMPORT_NOTES + 1} notes`, tooManyNotes, 'too-large'],
    [
      'more than 5 MB',
      () => exportFile([], { padding: 'x'.repeat(MAX_IMPORT_BYTES) }),
      'too-large',
    ],
    [
      'more than 5 MB in UTF-8',
      () => exportFile([], { padding: 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1) }),
      'too-large',
    ],
  ];

  it.each(badImports)(
    'refuses %s with the right error and changes nothing',
    async (_, file, error) => {
      const { notebook } = setup();
      await fillNotebook(notebook);
      const before = await notebook.list();
      expect(await notebook.importJson(file())).toEqual({ ok: false, error });
      expect(await notebook.list()).toEqual(before);
    },
  );
});

describe('parseImport', () => {
  it('reads the notes of a valid file in the order the file holds them', () => {
    const notes = [noteJson(3), noteJson(1), noteJson(2)];
    expect(parseImport(exportFile(notes))).toEqual({ ok: true, notes });
  });

  it.each([
    ['without a version', { version: undefined }],
    ['with the version as text', { version: '1' }],
  ])('refuses a file %s as another format', (_, extra) => {
    expect(parseImport(exportFile([], extra))).toEqual({ ok: false, error: 'wrong-format' });
  });

  it('accepts an empty export', () => {
    expect(parseImport(exportFile([]))).toEqual({ ok: true, notes: [] });
  });
});

describe('chooseImported', () => {
  /** A stored row of note-0001 written at the given time. */
  const row = (updatedAt: number): NoteRow => {
    const { id, groupId, meetingId, kind, ...body } = draft();
    return {
      id,
      groupId,
      meetingId,
      createdAt: 1,
      updatedAt,
      body: { plain: { ...body, id, kind } },
    };
  };
  const imported = row(20);

  it.each<[string, unknown, boolean, { added: number; updated: number }]>([
    ['adds a note that is not stored yet', undefined, true, { added: 1, updated: 0 }],
    ['replaces an older stored note', row(10), true, { added: 0, updated: 1 }],
    ['keeps a stored note as new as the imported one', row(20), false, { added: 0, updated: 0 }],
    ['keeps a newer stored note', row(30), false, { added: 0, updated: 0 }],
    ['replaces a stored row without a time', { id: 'note-0001' }, true, { added: 0, updated: 1 }],
    ['replaces a stored row that is not an object', 'broken', true, { added: 0, updated: 1 }],
  ])('%s', (_, stored, written, counts) => {
    const result = chooseImported([imported], [stored]);
    expect(result.chosen).toEqual(written ? [imported] : []);
    expect({ added: result.added, updated: result.updated }).toEqual(counts);
  });
});
