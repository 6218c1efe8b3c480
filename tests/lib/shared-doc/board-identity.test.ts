import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { addQuestion, markAnswered } from '../../../lib/shared-doc/board-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { boardMap } from '../../../lib/shared-doc/doc-schema';
import { goTo, member, startWithCase } from '../helpers/meeting';

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

/** A meeting in the asking phase with three of Carla's questions. */
function asking(): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram);
  goTo(doc, anna, 'asking');
  for (const text of ['Wat deed je?', 'Wat dacht je?', 'Wat wilde je?']) {
    expect(addQuestion(carla.ctx(doc), text).ok).toBe(true);
  }
  return doc;
}

const read = (doc: Y.Doc) => readBoard(doc, readMeeting(doc).method, carla.id);

describe('board items keep their identity (issue 15)', () => {
  it('reads an unchanged question as the same object, also after a phase change', () => {
    const doc = asking();
    const before = read(doc).questions;
    goTo(doc, anna, 'advising');
    const after = read(doc).questions;
    expect(after).toHaveLength(3);
    after.forEach((question, i) => expect(question).toBe(before[i]));
  });

  it('decodes again only the question whose marks changed', () => {
    const doc = asking();
    const before = read(doc).questions;
    const marked = before[1]!;
    expect(markAnswered(bram.ctx(doc), marked.id, true).ok).toBe(true);
    const after = read(doc).questions;
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(marked);
    expect(after[1]).toMatchObject({ id: marked.id, answered: true });
  });

  it('decodes a new stored value of a question, and drops it when it no longer decodes', () => {
    const doc = asking();
    const first = read(doc).questions[0]!;
    const map = boardMap(doc, 'questions');
    const stored = map.get(first.id) as Record<string, unknown>;
    map.set(first.id, { ...stored, text: 'Wat gebeurde er daarna?' });
    expect(read(doc).questions.find((q) => q.id === first.id)?.text).toBe(
      'Wat gebeurde er daarna?',
    );
    map.set(first.id, { ...stored, authorId: 42 });
    expect(read(doc).questions.find((q) => q.id === first.id)).toBeUndefined();
  });
});
