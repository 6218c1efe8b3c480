import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../lib/util/limits';
import {
  deriveIdKey,
  deriveKey,
  PBKDF2_ITERATIONS,
  randomSalt,
  seal,
} from '../../../lib/notebook/notebook-crypto';
import {
  decodeNote,
  decodeRow,
  notePhaseId,
  OFF,
  storeRow,
} from '../../../lib/notebook/note-codec';
import type { Mode, Note } from '../../../lib/notebook/note-codec';
import { draft, START, TAKE_HOME, takeHomeDraft } from './fixtures';

const NOTE: Note = { ...draft(), createdAt: START, updatedAt: START + 1 };
const HOME: Note = { ...takeHomeDraft(), createdAt: START, updatedAt: START };
const QUESTION = { text: 'Wanneer lukte het wel?', authorName: 'Carla', rating: 'warm' as const };
const ASSOCIATION = { text: 'Een kraan die blijft druppen', authorName: 'Dirk' };

describe('decodeNote', () => {
  it('keeps a valid note and a valid take-home as they are, spaces included', () => {
    const spaced = { ...NOTE, text: '  begin van een zin ' };
    expect(decodeNote(spaced)).toEqual(spaced);
    expect(decodeNote(HOME)).toEqual(HOME);
  });

  const advice = TAKE_HOME.advice[0];
  it.each<[string, unknown]>([
    ['a list', [NOTE]],
    ['an id with a space', { ...NOTE, id: 'note 0001' }],
    ['a short group id', { ...NOTE, groupId: 'g1' }],
    ['another kind', { ...NOTE, kind: 'diary' }],
    ['a phase id in capitals', { ...NOTE, phaseId: 'Analysis' }],
    ['a text over the limit', { ...NOTE, text: 'x'.repeat(LIMITS.noteText + 1) }],
    ['a phase name over 100 characters', { ...NOTE, phaseName: 'x'.repeat(101) }],
    ['a meeting date that is not a number', { ...NOTE, meetingDate: '2025-03-12' }],
    ['no updatedAt', { ...NOTE, updatedAt: undefined }],
    ['a missing take-home', { ...NOTE, takeHome: undefined }],
    ['a take-home without intentions', { ...HOME, takeHome: { ...TAKE_HOME, intentions: 1 } }],
    [
      'an advice ranked 0',
      { ...HOME, takeHome: { ...TAKE_HOME, advice: [{ ...advice, rank: 0 }] } },
    ],
    [
      'an advice ranked 1.5',
      { ...HOME, takeHome: { ...TAKE_HOME, advice: [{ ...advice, rank: 1.5 }] } },
    ],
    [
      'an advice whose "already tried" is not true or false',
      { ...HOME, takeHome: { ...TAKE_HOME, advice: [{ ...advice, tried: 'ja' }] } },
    ],
    [
      'an advice whose why is over the limit',
      {
        ...HOME,
        takeHome: {
          ...TAKE_HOME,
          advice: [{ ...advice, why: 'x'.repeat(LIMITS.adviceWhy + 1) }],
        },
      },
    ],
    [
      'a take-home of items other than compliments',
      { ...HOME, takeHome: { ...TAKE_HOME, items: 'advies' } },
    ],
    ...[11, -1, 2.5, '4', null].map((scale): [string, unknown] => [
      `a scale of ${JSON.stringify(scale)} (the scaling question goes 0 to 10)`,
      { ...HOME, takeHome: { ...TAKE_HOME, scale } },
    ]),
    ...(
      [
        ['a rated question rated "lauw"', [{ ...QUESTION, rating: 'lauw' }]],
        ['a rated question without a rating', [{ ...QUESTION, rating: null }]],
        ['a question over the limit', [{ ...QUESTION, text: 'x'.repeat(LIMITS.question + 1) }]],
        ['questions that are not a list', { ...QUESTION }],
        ['more questions than a board holds', Array(LIMITS.itemsPerBoard + 1).fill(QUESTION)],
      ] as const
    ).map(([what, questions]): [string, unknown] => [
      what,
      { ...HOME, takeHome: { ...TAKE_HOME, questions } },
    ]),
    ...(
      [
        ['an association without an author', [{ text: ASSOCIATION.text }]],
        [
          'an association over the limit',
          [{ ...ASSOCIATION, text: 'x'.repeat(LIMITS.advice + 1) }],
        ],
        ['associations that are not a list', ASSOCIATION],
        ['more associations than a board holds', Array(LIMITS.itemsPerBoard + 1).fill(ASSOCIATION)],
      ] as const
    ).map(([what, associations]): [string, unknown] => [
      what,
      { ...HOME, takeHome: { ...TAKE_HOME, associations } },
    ]),
    [
      'more advice than a board holds',
      {
        ...HOME,
        takeHome: { ...TAKE_HOME, advice: Array(LIMITS.itemsPerBoard + 1).fill(advice) },
      },
    ],
  ])('refuses %s', (_, value) => {
    expect(decodeNote(value)).toBeNull();
  });

  it('keeps "already tried" and why it fits (issue 14, point 4: "geeft aan wat hij/zij al gedaan heeft")', () => {
    const home = {
      ...HOME,
      takeHome: { ...TAKE_HOME, advice: [{ ...advice, tried: true, why: 'Past bij mij' }] },
    };
    expect(decodeNote(home)).toEqual(home);
  });

  it('keeps a take-home of compliments as compliments (the solution-focused method)', () => {
    const home = { ...HOME, takeHome: { ...TAKE_HOME, items: 'compliments' as const } };
    expect(decodeNote(home)).toEqual(home);
  });

  it('keeps the questions the case bringer rated, as they were taken home (Socratic, ten-step)', () => {
    const questions = [
      QUESTION,
      { text: 'Wie wil dat je ja zegt?', authorName: 'Dirk', rating: 'cold' as const },
    ];
    const home = { ...HOME, takeHome: { ...TAKE_HOME, questions } };
    expect(decodeNote(home)).toEqual(home);
    // A take-home kept before there were rated questions has none.
    expect(decodeNote(HOME)?.takeHome).not.toHaveProperty('questions');
  });

  it('keeps the first associations apart from the advice, as they were taken home (Balint)', () => {
    const home = { ...HOME, takeHome: { ...TAKE_HOME, associations: [ASSOCIATION] } };
    expect(decodeNote(home)).toEqual(home);
    expect(decodeNote(HOME)?.takeHome).not.toHaveProperty('associations');
  });

  it('keeps where the case bringer was on the scaling question, 0 and 10 included', () => {
    for (const scale of [0, 4, 10]) {
      const home = { ...HOME, takeHome: { ...TAKE_HOME, scale } };
      expect(decodeNote(home)).toEqual(home);
    }
  });

  it('reads a take-home saved before issue 14 as not tried, without a why', () => {
    const { tried: _tried, why: _why, ...old } = advice!;
    const stored = { ...HOME, takeHome: { ...TAKE_HOME, advice: [old] } };
    expect(decodeNote(stored)?.takeHome?.advice).toEqual([{ ...old, tried: false, why: null }]);
  });
});

describe('notePhaseId', () => {
  it.each<[unknown, string | null]>([
    ['analysis', 'analysis'],
    ['look-back', 'look-back'],
    ['', ''],
    ['Analysis', null],
    [' ', null],
    [undefined, null],
  ])('reads %j as %j', (value, expected) => {
    expect(notePhaseId(value)).toBe(expected);
  });
});

describe('stored rows', () => {
  let sealed: Mode;
  let otherKey: Mode;
  beforeAll(async () => {
    const salt = randomSalt();
    const key = await deriveKey('wachtwoord', salt, PBKDF2_ITERATIONS);
    const other = await deriveKey('ander wachtwoord', salt, PBKDF2_ITERATIONS);
    sealed = { kind: 'unlocked', key, salt, ids: await deriveIdKey(key) };
    otherKey = { kind: 'unlocked', key: other, salt, ids: await deriveIdKey(other) };
  });

  it('reads a plain row back as the note it was stored from, in any mode', async () => {
    const row = await storeRow(OFF, HOME);
    expect(row.body).toEqual({ plain: expect.objectContaining({ text: HOME.text }) });
    expect(await decodeRow(row, OFF)).toEqual(HOME);
    expect(await decodeRow(row, sealed)).toEqual(HOME);
  });

  it('reads a sealed row back only with the key it was sealed under', async () => {
    const row = await storeRow(sealed, NOTE);
    expect(Object.keys(row.body)).toEqual(['sealed']);
    expect(await decodeRow(row, sealed)).toEqual(NOTE);
    expect(await decodeRow(row, otherKey)).toBeNull();
    expect(await decodeRow(row, OFF)).toBeNull();
  });

  it('refuses a sealed body moved onto a row with another head', async () => {
    const row = await storeRow(sealed, NOTE);
    const other = await storeRow(sealed, { ...NOTE, id: 'note-0002' });
    expect(await decodeRow({ ...row, id: other.id }, sealed)).toBeNull();
    expect(await decodeRow({ ...row, meetingId: 'meeting-0009' }, sealed)).toBeNull();
    expect(await decodeRow({ ...row, kind: 'take-home' }, sealed)).toBeNull();
  });

  it('stores a sealed row under an opaque id, with neither kind nor note id readable', async () => {
    const row = await storeRow(sealed, HOME);
    expect(Object.keys(row).sort()).toEqual([
      'body',
      'createdAt',
      'groupId',
      'id',
      'meetingId',
      'updatedAt',
    ]);
    expect(row.id).toMatch(/^s_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(row)).not.toContain(HOME.id);
    expect(JSON.stringify(row)).not.toContain('take-home');
    // The same note lands on the same row; another key gives another id.
    expect((await storeRow(sealed, HOME)).id).toBe(row.id);
    expect((await storeRow(otherKey, HOME)).id).not.toBe(row.id);
    expect(await decodeRow(row, sealed)).toEqual(HOME);
  });

  it('still reads a version-2 row, with the kind in its head', async () => {
    const { id, groupId, meetingId, kind, createdAt, updatedAt, ...rest } = HOME;
    const plain = {
      groupName: rest.groupName,
      meetingDate: rest.meetingDate,
      phaseId: rest.phaseId,
      phaseName: rest.phaseName,
      text: rest.text,
      takeHome: rest.takeHome,
    };
    const legacy = { id, groupId, meetingId, kind, createdAt, updatedAt, body: { plain } };
    expect(await decodeRow(legacy, OFF)).toEqual(HOME);
    const context = JSON.stringify(['kring-note', id, groupId, meetingId, kind]);
    const sealedBody = await seal(
      sealed.kind === 'unlocked' ? sealed.key : (null as never),
      JSON.stringify(plain),
      context,
    );
    const legacySealed = { ...legacy, body: { sealed: sealedBody } };
    expect(await decodeRow(legacySealed, sealed)).toEqual(HOME);
    expect(await decodeRow(legacySealed, otherKey)).toBeNull();
  });
});
