import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { isRecord } from '../../../lib/util/guards';
import { Notebook } from '../../../lib/notebook/notebook';
import { NOTEBOOK_DB_NAME } from '../../../lib/notebook/notebook-schema';
import { PBKDF2_ITERATIONS, seal } from '../../../lib/notebook/notebook-crypto';
import { keyForNewPassphrase } from '../../../lib/notebook/notebook-passphrase';

const CREATED = Date.UTC(2024, 10, 5, 12);
const opened: Notebook[] = [];

afterEach(() => {
  for (const notebook of opened.splice(0)) notebook.close();
});

/** Version-1 rows as the first release wrote them. */
const V1_ROWS = [
  {
    id: 'v1-note-0001',
    groupId: 'group-0001',
    meetingId: 'meeting-0001',
    phaseId: 'analysis',
    text: 'Eerste notitie over de cliënt',
    createdAt: CREATED,
    updatedAt: CREATED + 60_000,
  },
  {
    id: 'v1-note-0002',
    groupId: 'group-0001',
    meetingId: 'meeting-0002',
    phaseId: '',
    text: 'Zonder fase',
    createdAt: CREATED + 86_400_000,
    updatedAt: CREATED + 86_400_000,
  },
  // Damaged before the upgrade: stays as it was and is skipped when read.
  { id: 'v1-broken-01', groupId: 'group-0001', meetingId: 'meeting-0001', text: 7 },
];

/** Creates a real version-1 database with a Dexie that knows only version 1. */
async function createVersion1(indexedDB: IDBFactory, rows: unknown[]) {
  const db = new Dexie(NOTEBOOK_DB_NAME, { indexedDB, IDBKeyRange });
  db.version(1).stores({ notes: 'id, groupId, meetingId, updatedAt' });
  await db.table('notes').bulkPut(rows);
  expect(db.verno).toBe(1);
  db.close();
}

async function rawRows(indexedDB: IDBFactory) {
  const db = new Dexie(NOTEBOOK_DB_NAME, { indexedDB, IDBKeyRange });
  await db.open();
  try {
    const notes: unknown[] = await db.table('notes').toArray();
    return { version: db.verno, notes };
  } finally {
    db.close();
  }
}

function open(indexedDB: IDBFactory) {
  let time = Date.UTC(2025, 0, 1);
  const notebook = Notebook.open({ indexedDB, IDBKeyRange, now: () => (time += 1000) });
  opened.push(notebook);
  return notebook;
}

describe('notebook migration from version 1', () => {
  it('reads the rows of a version-1 database as plain notes', async () => {
    const indexedDB = new IDBFactory();
    await createVersion1(indexedDB, V1_ROWS);
    const notebook = open(indexedDB);

    expect(await notebook.list()).toEqual([
      {
        id: 'v1-note-0002',
        groupId: 'group-0001',
        groupName: '',
        meetingId: 'meeting-0002',
        meetingDate: CREATED + 86_400_000,
        phaseId: '',
        phaseName: '',
        kind: 'note',
        text: 'Zonder fase',
        takeHome: null,
        createdAt: CREATED + 86_400_000,
        updatedAt: CREATED + 86_400_000,
      },
      {
        id: 'v1-note-0001',
        groupId: 'group-0001',
        groupName: '',
        meetingId: 'meeting-0001',
        meetingDate: CREATED,
        phaseId: 'analysis',
        phaseName: '',
        kind: 'note',
        text: 'Eerste notitie over de cliënt',
        takeHome: null,
        createdAt: CREATED,
        updatedAt: CREATED + 60_000,
      },
    ]);
  });

  it('rewrites the rows in the version-3 shape and leaves a damaged row as it was', async () => {
    const indexedDB = new IDBFactory();
    await createVersion1(indexedDB, V1_ROWS);
    await open(indexedDB).encryptionState();

    const { version, notes } = await rawRows(indexedDB);
    expect(version).toBe(3);
    const byId = new Map(notes.filter(isRecord).map((row) => [row.id, row]));
    expect(byId.get('v1-note-0001')).toEqual({
      id: 'v1-note-0001',
      groupId: 'group-0001',
      meetingId: 'meeting-0001',
      createdAt: CREATED,
      updatedAt: CREATED + 60_000,
      body: {
        plain: {
          id: 'v1-note-0001',
          kind: 'note',
          groupName: '',
          meetingDate: CREATED,
          phaseId: 'analysis',
          phaseName: '',
          text: 'Eerste notitie over de cliënt',
          takeHome: null,
        },
      },
    });
    expect(byId.get('v1-broken-01')).toEqual(V1_ROWS[2]);
  });

  it('keeps migrated notes searchable and editable, with their createdAt', async () => {
    const indexedDB = new IDBFactory();
    await createVersion1(indexedDB, V1_ROWS);
    const notebook = open(indexedDB);

    expect((await notebook.search('CLIENT')).map((n) => n.id)).toEqual(['v1-note-0001']);
    const old = await notebook.get('v1-note-0001');
    if (!old) throw new Error('the migrated note is missing');
    const saved = await notebook.save({ ...old, groupName: 'Intervisiegroep', text: 'Bijgewerkt' });
    expect(saved.createdAt).toBe(CREATED);
    expect(await notebook.list({ groupId: 'group-0001' })).toHaveLength(2);
    expect((await notebook.search('intervisiegroep bijgewerkt')).map((n) => n.id)).toEqual([
      'v1-note-0001',
    ]);
  });

  it('opens an empty version-1 database', async () => {
    const indexedDB = new IDBFactory();
    await createVersion1(indexedDB, []);
    expect(await open(indexedDB).list()).toEqual([]);
  });
});

/** A real version-2 database (Dexie knowing versions 1 and 2), with the given rows and meta. */
async function createVersion2(indexedDB: IDBFactory, rows: unknown[], meta: unknown[] = []) {
  const db = new Dexie(NOTEBOOK_DB_NAME, { indexedDB, IDBKeyRange });
  db.version(1).stores({ notes: 'id, groupId, meetingId, updatedAt' });
  db.version(2).stores({ notes: 'id, groupId, meetingId, updatedAt, kind', meta: 'key' });
  await db.table('notes').bulkPut(rows);
  await db.table('meta').bulkPut(meta);
  expect(db.verno).toBe(2);
  db.close();
}

const HOME_BODY = {
  groupName: 'Teamleiders',
  meetingDate: CREATED,
  phaseId: 'closing',
  phaseName: 'Afronding',
  text: 'Mijn voornemen voor de cliënt',
  takeHome: {
    coreQuestion: 'Hoe zeg ik nee?',
    caseTitle: null,
    advice: [],
    intentions: 'Nee zeggen',
  },
};
const HOME_HEAD = {
  id: 't-meeting-0001',
  groupId: 'group-0001',
  meetingId: 'meeting-0001',
  kind: 'take-home',
  createdAt: CREATED,
  updatedAt: CREATED + 1000,
};

describe('notebook migration from version 2: note rows reveal no role', () => {
  it('moves the kind of plain rows into the body', async () => {
    const indexedDB = new IDBFactory();
    await createVersion2(indexedDB, [{ ...HOME_HEAD, body: { plain: HOME_BODY } }]);
    const notebook = open(indexedDB);
    expect(await notebook.latestTakeHome('group-0001', null)).toMatchObject({
      id: 't-meeting-0001',
      kind: 'take-home',
      text: HOME_BODY.text,
      createdAt: CREATED,
    });
    const { version, notes } = await rawRows(indexedDB);
    expect(version).toBe(3);
    expect(notes).toEqual([
      {
        id: 't-meeting-0001',
        groupId: 'group-0001',
        meetingId: 'meeting-0001',
        createdAt: CREATED,
        updatedAt: CREATED + 1000,
        body: { plain: { ...HOME_BODY, id: 't-meeting-0001', kind: 'take-home' } },
      },
    ]);
  });

  it('keeps sealed version-2 rows readable and re-seals them without kind or note id on unlock', async () => {
    const indexedDB = new IDBFactory();
    const { mode, meta } = await keyForNewPassphrase('oude wachtwoordzin', PBKDF2_ITERATIONS);
    const context = JSON.stringify([
      'kring-note',
      HOME_HEAD.id,
      HOME_HEAD.groupId,
      HOME_HEAD.meetingId,
      HOME_HEAD.kind,
    ]);
    const sealed = await seal(mode.key, JSON.stringify(HOME_BODY), context);
    await createVersion2(indexedDB, [{ ...HOME_HEAD, body: { sealed } }], [meta]);

    const notebook = open(indexedDB);
    expect(await notebook.encryptionState()).toBe('locked');
    // Locked, the upgrade cannot touch the sealed row: it keeps it as it was, nothing lost.
    const locked = await rawRows(indexedDB);
    expect(locked.version).toBe(3);
    expect(locked.notes).toEqual([{ ...HOME_HEAD, body: { sealed } }]);

    // An old, weak passphrase still unlocks: strength is checked only for new ones.
    expect(await notebook.unlock('oude wachtwoordzin')).toEqual({ ok: true });
    const { notes } = await rawRows(indexedDB);
    expect(notes).toHaveLength(1);
    const [row] = notes;
    if (!isRecord(row)) throw new Error('expected a row');
    expect(Object.keys(row).sort()).toEqual([
      'body',
      'createdAt',
      'groupId',
      'id',
      'meetingId',
      'updatedAt',
    ]);
    expect(row.id).toMatch(/^s_/);
    expect(JSON.stringify(notes)).not.toMatch(/take-home|t-meeting-0001|voornemen/);

    expect(await notebook.get('t-meeting-0001')).toMatchObject({
      kind: 'take-home',
      text: HOME_BODY.text,
      createdAt: CREATED,
    });
    // Saving it again replaces the row, not adds one.
    const note = await notebook.get('t-meeting-0001');
    if (!note) throw new Error('missing');
    await notebook.save({ ...note, text: 'bijgewerkt' });
    expect((await rawRows(indexedDB)).notes).toHaveLength(1);
    notebook.lock();
    expect(await notebook.unlock('oude wachtwoordzin')).toEqual({ ok: true });
    expect((await notebook.list()).map((n) => n.text)).toEqual(['bijgewerkt']);
  }, 30_000);
});
