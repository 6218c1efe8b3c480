import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import * as Y from 'yjs';
import { itemNames } from '../../../components/boards/item-names';
import { AdviceBoard } from '../../../components/boards/AdviceBoard';
import { PitchBoard } from '../../../components/boards/PitchBoard';
import { QuestionBoard } from '../../../components/boards/QuestionBoard';
import { addAdvice, addPitch, addQuestion } from '../../../lib/shared-doc/board-commands';
import type { Authored } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, start, startWithCase } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');
const dirk = member('Dirk');

function item(id: string, authorName: string, text: string): Authored {
  return { id, authorId: `author-${authorName}`, authorName, text, createdAt: 0 };
}

const byAuthor = (text: string, who: string) => `${text} (${who})`;

describe('itemNames', () => {
  it('names an item by its text while no other item of the board has that text', () => {
    const names = itemNames(
      [item('a', 'Bram', 'Werkdruk'), item('b', 'Carla', 'Roosters')],
      byAuthor,
    );
    expect([...names.values()]).toEqual(['Werkdruk', 'Roosters']);
  });

  it('adds the author to a text two members wrote, and a number where one wrote it twice', () => {
    const names = itemNames(
      [
        item('a', 'Bram', 'Werkdruk'),
        item('b', 'Carla', 'Werkdruk'),
        item('c', 'Carla', 'Werkdruk'),
        item('d', 'Dirk', 'Iets anders'),
      ],
      byAuthor,
    );
    expect(names.get('a')).toBe('Werkdruk (Bram)');
    expect(names.get('b')).toBe('Werkdruk (Carla, 1)');
    expect(names.get('c')).toBe('Werkdruk (Carla, 2)');
    expect(names.get('d')).toBe('Iets anders');
  });

  it('takes case and spacing as the same text, and two members of one name as one author', () => {
    const names = itemNames(
      [
        item('a', 'Sanne', 'Werkdruk op de afdeling'),
        item('b', 'sanne', 'werkdruk  op de afdeling'),
        item('c', 'Bram', 'Werkdruk op de afdeling '),
      ],
      byAuthor,
    );
    expect(names.get('a')).toBe('Werkdruk op de afdeling (Sanne, 1)');
    expect(names.get('b')).toBe('werkdruk  op de afdeling (sanne, 2)');
    expect(names.get('c')).toBe('Werkdruk op de afdeling  (Bram)');
    expect(new Set(names.values()).size).toBe(3);
  });
});

describe('a text written twice on a board', () => {
  it('gives the chair one button per pitch, by author, and confirms the one picked (both languages)', async () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(addPitch(bram.ctx(doc, 100), 'Werkdruk', 'case').ok).toBe(true);
    expect(addPitch(carla.ctx(doc, 200), 'Werkdruk', 'case').ok).toBe(true);
    expect(addPitch(dirk.ctx(doc, 300), 'Een ouder die boos belt', 'case').ok).toBe(true);

    const panel = renderBoard(PitchBoard, doc, anna);
    expect(
      panel
        .getAllByRole('button', { name: /^Confirm as case: / })
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([
      'Confirm as case: Werkdruk (Bram)',
      'Confirm as case: Werkdruk (Carla)',
      'Confirm as case: Een ouder die boos belt',
    ]);
    // The result names them so too.
    const result = panel.getAllByRole('listitem').filter((li) => li.closest('ol'));
    expect(result.map((li) => li.textContent?.split(' EGT')[0])).toEqual([
      'Werkdruk (Bram)',
      'Werkdruk (Carla)',
      'Een ouder die boos belt',
    ]);
    await panel.user.click(
      panel.getByRole('button', { name: 'Confirm as case: Werkdruk (Carla)' }),
    );
    expect(readMeeting(doc).caseBringerId).toBe(carla.id);
    cleanup();

    const nl = renderBoard(PitchBoard, doc, dirk, 'nl');
    expect(nl.getByRole('button', { name: 'Stem hierop: Werkdruk (Bram)' })).toBeTruthy();
    expect(nl.getByRole('button', { name: 'Stem hierop: Werkdruk (Carla)' })).toBeTruthy();
  });

  it('tells the case bringer apart the same question asked twice, and its asker the two removes', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'asking');
    const QUESTION = 'Wat deed je toen?';
    act(() => {
      expect(addQuestion(carla.ctx(doc, 100), QUESTION).ok).toBe(true);
      expect(addQuestion(carla.ctx(doc, 200), QUESTION).ok).toBe(true);
      expect(addQuestion(dirk.ctx(doc, 300), QUESTION).ok).toBe(true);
    });

    // Before the case bringer marks one answered (which keeps it on the board).
    const asker = renderBoard(QuestionBoard, doc, carla);
    expect(
      asker.getAllByRole('button', { name: /^Remove: / }).map((b) => b.getAttribute('aria-label')),
    ).toEqual([`Remove: ${QUESTION} (Carla, 1)`, `Remove: ${QUESTION} (Carla, 2)`]);
    cleanup();

    const bringer = renderBoard(QuestionBoard, doc, bram);
    await bringer.user.click(
      bringer.getByRole('checkbox', { name: `Answered: ${QUESTION} (Carla, 2)` }),
    );
    expect(
      bringer.getByRole<HTMLInputElement>('checkbox', { name: `Answered: ${QUESTION} (Carla, 2)` })
        .checked,
    ).toBe(true);
    expect(
      bringer.getByRole<HTMLInputElement>('checkbox', { name: `Answered: ${QUESTION} (Carla, 1)` })
        .checked,
    ).toBe(false);
    expect(
      bringer.getByRole<HTMLInputElement>('checkbox', { name: `Answered: ${QUESTION} (Dirk)` })
        .checked,
    ).toBe(false);
  });

  it('names advice given twice by its author for the star', () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    act(() => {
      expect(addAdvice(carla.ctx(doc, 100), 'Bel haar terug.').ok).toBe(true);
      expect(addAdvice(dirk.ctx(doc, 200), 'Bel haar terug.').ok).toBe(true);
    });
    const bringer = renderBoard(AdviceBoard, doc, bram);
    expect(bringer.getByRole('button', { name: 'Star: Bel haar terug. (Carla)' })).toBeTruthy();
    expect(bringer.getByRole('button', { name: 'Star: Bel haar terug. (Dirk)' })).toBeTruthy();
  });
});
