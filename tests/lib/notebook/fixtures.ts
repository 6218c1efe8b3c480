/** A notebook on a fake IndexedDB, and notes to fill it with, for the tests of lib/notebook. */

import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { isRecord } from '../../../lib/util/guards';
import { Notebook } from '../../../lib/notebook/notebook';
import { NOTEBOOK_DB_NAME } from '../../../lib/notebook/notebook-schema';
import type { Note, NoteDraft, TakeHome } from '../../../lib/notebook/note-codec';

// PBKDF2 runs 600k rounds (about 0.3 s here): encryption tests derive few keys and get time.
export const SLOW = 30_000;
// Local noon, so that the Markdown dates (local calendar days) hold in every time zone.
export const START = new Date(2025, 0, 1, 12).getTime();
export const MARCH = new Date(2025, 2, 12, 12).getTime();
export const APRIL = new Date(2025, 3, 9, 12).getTime();
export const MAY = new Date(2025, 4, 14, 12).getTime();

const opened: Notebook[] = [];

/** Closes every notebook that setup opened; each test file runs it after each test. */
export function closeOpened(): void {
  for (const notebook of opened.splice(0)) notebook.close();
}

/** A notebook on its own fake IndexedDB, with a clock that ticks a second per call. */
export function setup(name = NOTEBOOK_DB_NAME) {
  const indexedDB = new IDBFactory();
  let time = START;
  const now = () => (time += 1000);
  const open = (dbName = name) => {
    const notebook = Notebook.open({ indexedDB, IDBKeyRange, name: dbName, now });
    opened.push(notebook);
    return notebook;
  };
  return { indexedDB, notebook: open(), open, raw: () => readRaw(indexedDB, name) };
}

/** The stored rows as IndexedDB holds them, read without the Notebook class. */
async function readRaw(indexedDB: IDBFactory, name: string) {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  await db.open();
  try {
    const notes: unknown[] = await db.table('notes').toArray();
    const meta: unknown[] = await db.table('meta').toArray();
    return { notes, meta };
  } finally {
    db.close();
  }
}

export async function putRaw(indexedDB: IDBFactory, rows: unknown[]) {
  const db = new Dexie(NOTEBOOK_DB_NAME, { indexedDB, IDBKeyRange });
  await db.open();
  await db.table('notes').bulkPut(rows);
  db.close();
}

/** Everything stored, as text, bytes decoded both as UTF-8 and Latin-1 to be sure. */
export function dump(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? [new TextDecoder().decode(v), Buffer.from(v).toString('latin1')] : v,
  );
}

export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

export function keysOf(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value).sort() : [];
}

export function hex(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error('not bytes');
  return Buffer.from(value).toString('hex');
}

export function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    id: 'note-0001',
    groupId: 'group-0001',
    groupName: 'Verpleegkundigen B3',
    meetingId: 'meeting-0001',
    meetingDate: MARCH,
    phaseId: 'analysis',
    phaseName: 'Analysefase',
    kind: 'note',
    text: 'Een notitie',
    takeHome: null,
    ...overrides,
  };
}

/** A solution-focused take-home: compliments, not advice, and the case bringer's next step. */
export const COMPLIMENTS_TAKE_HOME: TakeHome = {
  coreQuestion: null,
  caseTitle: 'Rust in de ochtenddienst',
  advice: [
    {
      text: 'Je bleef rustig',
      authorName: 'Carla',
      starred: false,
      rank: null,
      tried: false,
      why: null,
    },
  ],
  intentions: 'Morgen om acht de planner bellen',
  items: 'compliments',
};

export const TAKE_HOME: TakeHome = {
  coreQuestion: 'Hoe houd ik grenzen aan bij een cliënt die blijft bellen?',
  caseTitle: 'De bellende cliënt',
  advice: [
    {
      text: 'Spreek vaste beltijden af',
      authorName: 'Piet',
      starred: true,
      rank: 2,
      tried: false,
      why: null,
    },
    {
      text: 'Bespreek het met je leidinggevende',
      authorName: 'Anna',
      starred: false,
      rank: null,
      tried: false,
      why: null,
    },
    {
      text: 'Vraag wat de cliënt eigenlijk zoekt',
      authorName: 'Sara',
      starred: true,
      rank: 1,
      tried: false,
      why: null,
    },
  ],
  intentions: 'Volgende week beltijden voorstellen.',
};

export function takeHomeDraft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return draft({
    id: 'home-0001',
    kind: 'take-home',
    phaseId: 'evaluation',
    phaseName: 'Evaluatie',
    text: '',
    takeHome: TAKE_HOME,
    ...overrides,
  });
}

/** Three meetings of two groups, saved out of order. */
export async function fillNotebook(notebook: Notebook) {
  await notebook.save(draft({ id: 'april-0002', meetingId: 'meeting-april', meetingDate: APRIL }));
  await notebook.save(draft({ id: 'march-0001', meetingId: 'meeting-march', text: 'Maart' }));
  await notebook.save(draft({ id: 'april-0001', meetingId: 'meeting-april', meetingDate: APRIL }));
  await notebook.save(
    draft({
      id: 'other-0001',
      groupId: 'group-0002',
      groupName: 'Teamleiders',
      meetingId: 'meeting-other',
      meetingDate: MAY,
    }),
  );
  await notebook.save(
    takeHomeDraft({ id: 'home-march', meetingId: 'meeting-march', meetingDate: MARCH }),
  );
}

export function exportFile(notes: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'kring-notebook', version: 1, exportedAt: 0, notes, ...extra });
}

export function noteJson(i: number): Note {
  return {
    ...draft({ id: `note-${String(i).padStart(5, '0')}` }),
    createdAt: START,
    updatedAt: START,
  };
}
