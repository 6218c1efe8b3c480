import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { holdsAnything, takeHomeFrom, takeHomeLines } from '../../../lib/notebook/take-home';
import type { AdviceAsShown, TakeHomeLine } from '../../../lib/notebook/take-home';
import type { TakeHome } from '../../../lib/notebook/note-codec';
import {
  addAdvice,
  explainFit,
  markTried,
  orderAdvice,
  setIntentions,
  starAdvice,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, startWithCase } from '../helpers/meeting';

const advice = (text: string, starred: boolean, tried = false, why: string | null = null) => ({
  text,
  authorName: 'Carla',
  starred,
  tried,
  why,
});

describe('what the case bringer takes home', () => {
  it.each<[string, AdviceAsShown, Pick<TakeHome, 'advice' | 'intentions'>]>([
    [
      'nothing but the core question when no advice was given',
      { coreQuestion: 'Hoe blijf ik rustig?', advice: [], intentions: null },
      { advice: [], intentions: '' },
    ],
    [
      'starred advice ranked in board order, then the rest unranked',
      {
        coreQuestion: null,
        advice: [advice('B', true), advice('A', false), advice('C', true), advice('D', false)],
        intentions: 'Ik bel dinsdag terug',
      },
      {
        advice: [
          { text: 'B', authorName: 'Carla', starred: true, rank: 1, tried: false, why: null },
          { text: 'C', authorName: 'Carla', starred: true, rank: 2, tried: false, why: null },
          { text: 'A', authorName: 'Carla', starred: false, rank: null, tried: false, why: null },
          { text: 'D', authorName: 'Carla', starred: false, rank: null, tried: false, why: null },
        ],
        intentions: 'Ik bel dinsdag terug',
      },
    ],
    // Issue 14, point 4: the case bringer "geeft aan wat hij/zij al gedaan heeft".
    [
      'what was already tried, starred or not, and why each chosen piece fits',
      {
        coreQuestion: null,
        advice: [
          advice('B', true, true, 'Past bij mijn team'),
          advice('A', false, true),
          advice('C', true, false, null),
        ],
        intentions: null,
      },
      {
        advice: [
          {
            text: 'B',
            authorName: 'Carla',
            starred: true,
            rank: 1,
            tried: true,
            why: 'Past bij mijn team',
          },
          { text: 'C', authorName: 'Carla', starred: true, rank: 2, tried: false, why: null },
          { text: 'A', authorName: 'Carla', starred: false, rank: null, tried: true, why: null },
        ],
        intentions: '',
      },
    ],
    [
      'no why for advice that is not chosen, whatever the board says',
      { coreQuestion: null, advice: [advice('A', false, false, 'los')], intentions: null },
      {
        advice: [
          { text: 'A', authorName: 'Carla', starred: false, rank: null, tried: false, why: null },
        ],
        intentions: '',
      },
    ],
  ])('takes %s', (_title, board, expected) => {
    expect(takeHomeFrom(board, 'Een ouder die steeds boos belt')).toEqual({
      coreQuestion: board.coreQuestion,
      caseTitle: 'Een ouder die steeds boos belt',
      ...expected,
    });
  });

  it("takes the case bringer's order from the shared board as they see it", () => {
    const anna = member('Anna');
    const bram = member('Bram');
    const carla = member('Carla');
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    ['Eerst', 'Tweede', 'Derde'].forEach((text, i) => addAdvice(carla.ctx(doc, 1000 + i), text));
    const ids = () => readBoard(doc, readMeeting(doc).method, bram.id).advice.map((a) => a.id);
    const [first, , third] = ids();
    starAdvice(bram.ctx(doc), first!, true);
    starAdvice(bram.ctx(doc), third!, true);
    orderAdvice(bram.ctx(doc), [third!, first!]);
    setIntentions(bram.ctx(doc), 'Vast belmoment');
    const board = readBoard(doc, readMeeting(doc).method, bram.id);
    expect(takeHomeFrom(board, null).advice.map((a) => [a.text, a.rank])).toEqual([
      ['Derde', 1],
      ['Eerst', 2],
      ['Tweede', null],
    ]);
    expect(takeHomeFrom(board, null).intentions).toBe('Vast belmoment');
  });

  it('takes "already tried" and why it fits from the shared board (geeft aan wat hij/zij al gedaan heeft)', () => {
    const anna = member('Anna');
    const bram = member('Bram');
    const carla = member('Carla');
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    ['Vast belmoment', 'Leidinggevende erbij'].forEach((text, i) =>
      addAdvice(carla.ctx(doc, 1000 + i), text),
    );
    const [first, second] = readBoard(doc, readMeeting(doc).method, bram.id).advice.map(
      (a) => a.id,
    );
    expect(starAdvice(bram.ctx(doc), first!, true)).toEqual({ ok: true });
    expect(explainFit(bram.ctx(doc), first!, '  Dan weet de ouder waar hij aan toe is ')).toEqual({
      ok: true,
    });
    expect(markTried(bram.ctx(doc), second!, true)).toEqual({ ok: true });
    const board = readBoard(doc, readMeeting(doc).method, bram.id);
    expect(takeHomeFrom(board, null).advice.map((a) => [a.text, a.rank, a.tried, a.why])).toEqual([
      ['Vast belmoment', 1, false, 'Dan weet de ouder waar hij aan toe is'],
      ['Leidinggevende erbij', null, true, null],
    ]);
  });
});

describe('the questions the case bringer rated (Socratic, ten-step)', () => {
  const question = (text: string, rating: 'warm' | 'neutral' | 'cold' | null) => ({
    text,
    authorName: 'Dirk',
    rating,
  });

  it('go home warm first, then neutral, then cold, each in the board order; unrated ones stay', () => {
    const home = takeHomeFrom(
      {
        coreQuestion: null,
        advice: [],
        intentions: null,
        questions: [
          question('A', 'cold'),
          question('B', null),
          question('C', 'warm'),
          question('D', 'neutral'),
          question('E', 'warm'),
        ],
      },
      null,
    );
    expect(home.questions?.map((q) => [q.text, q.rating])).toEqual([
      ['C', 'warm'],
      ['E', 'warm'],
      ['D', 'neutral'],
      ['A', 'cold'],
    ]);
    expect(holdsAnything(home)).toBe(true);
  });

  it('are left out where none was rated, so an empty take-home is never kept', () => {
    const home = takeHomeFrom(
      { coreQuestion: null, advice: [], intentions: null, questions: [question('B', null)] },
      null,
    );
    expect(home).not.toHaveProperty('questions');
    expect(holdsAnything(home)).toBe(false);
  });
});

describe('the first associations (Balint)', () => {
  const item = (text: string, phaseId: string, starred = false) => ({
    text,
    authorName: 'Dirk',
    starred,
    tried: false,
    why: null,
    phaseId,
  });

  it('go home apart from the advice, as written, and are never counted as advice', () => {
    const home = takeHomeFrom(
      {
        coreQuestion: null,
        advice: [
          item('Zet een automatisch antwoord aan', 'advice', true),
          item('Een kraan die blijft druppen', 'associations'),
          item('Bel de ouder één keer per week', 'advice'),
        ],
        intentions: null,
      },
      null,
      'advice',
      new Set(['associations']),
    );
    expect(home.associations).toEqual([
      { text: 'Een kraan die blijft druppen', authorName: 'Dirk' },
    ]);
    expect(home.advice.map((a) => [a.text, a.rank])).toEqual([
      ['Zet een automatisch antwoord aan', 1],
      ['Bel de ouder één keer per week', null],
    ]);
  });

  it('alone make a take-home worth keeping, before any written advice', () => {
    const home = takeHomeFrom(
      {
        coreQuestion: null,
        advice: [item('Een kraan', 'associations')],
        intentions: null,
      },
      null,
      'advice',
      new Set(['associations']),
    );
    expect(home.advice).toEqual([]);
    expect(holdsAnything(home)).toBe(true);
    // Without the association phases (another method), an item is advice as before.
    const other = takeHomeFrom(
      { coreQuestion: null, advice: [item('Een kraan', 'associations')], intentions: null },
      null,
    );
    expect(other).not.toHaveProperty('associations');
    expect(other.advice).toHaveLength(1);
  });
});

describe('the lines of a take-home its case bringer may share', () => {
  const home = (intentions: string, taken: TakeHome['advice']): TakeHome => ({
    coreQuestion: null,
    caseTitle: null,
    advice: taken,
    intentions,
  });
  const taken = (text: string, rank: number | null) => ({
    text,
    authorName: 'Carla',
    starred: rank !== null,
    rank,
    tried: false,
    why: null,
  });

  it.each<[string, TakeHome, TakeHomeLine[]]>([
    ['none from an empty take-home', home('  ', []), []],
    [
      'the intentions, trimmed, first',
      home('  Ik bel terug \n', [taken('A', 1)]),
      [
        { key: 'intentions', label: 'intended', text: 'Ik bel terug' },
        { key: 'advice-0', label: 'starred', text: 'A' },
      ],
    ],
    [
      'starred advice by rank and never unstarred advice',
      home('', [taken('Tweede', 2), taken('Niet gekozen', null), taken('Eerste', 1)]),
      [
        { key: 'advice-0', label: 'starred', text: 'Eerste' },
        { key: 'advice-1', label: 'starred', text: 'Tweede' },
      ],
    ],
    [
      'the questions called warm, after the starred advice, and never the others (ten-step)',
      {
        ...home('', [taken('Eerste', 1)]),
        questions: [
          { text: 'Wat raakt je?', authorName: 'Dirk', rating: 'warm' },
          { text: 'Wie beslist?', authorName: 'Dirk', rating: 'neutral' },
          { text: 'Wat wil je?', authorName: 'Carla', rating: 'warm' },
          { text: 'Waarom nu?', authorName: 'Carla', rating: 'cold' },
        ],
      },
      [
        { key: 'advice-0', label: 'starred', text: 'Eerste' },
        { key: 'warm-0', label: 'warm', text: 'Wat raakt je?' },
        { key: 'warm-1', label: 'warm', text: 'Wat wil je?' },
      ],
    ],
  ])('gives %s', (_title, takeHome, expected) => {
    expect(takeHomeLines(takeHome)).toEqual(expected);
  });
});
