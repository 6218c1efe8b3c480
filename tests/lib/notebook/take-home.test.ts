import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { takeHomeFrom, takeHomeLines } from '../../../lib/notebook/take-home';
import type { AdviceAsShown, TakeHomeLine } from '../../../lib/notebook/take-home';
import type { TakeHome } from '../../../lib/notebook/note-codec';
import {
  addAdvice,
  orderAdvice,
  setIntentions,
  starAdvice,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, startWithCase } from '../helpers/meeting';

const advice = (text: string, starred: boolean) => ({ text, authorName: 'Carla', starred });

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
          { text: 'B', authorName: 'Carla', starred: true, rank: 1 },
          { text: 'C', authorName: 'Carla', starred: true, rank: 2 },
          { text: 'A', authorName: 'Carla', starred: false, rank: null },
          { text: 'D', authorName: 'Carla', starred: false, rank: null },
        ],
        intentions: 'Ik bel dinsdag terug',
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
  ])('gives %s', (_title, takeHome, expected) => {
    expect(takeHomeLines(takeHome)).toEqual(expected);
  });
});
