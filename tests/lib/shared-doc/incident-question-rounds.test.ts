import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addQuestion, markAnswered, revealPhase } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, startWithCase } from '../helpers/meeting';

// Issue 14, point 2: "then clarifying questions on facts; an analysis of the case bringer's
// feelings, influences and actions; a second short round of clarifying questions". Two asking
// phases in one method: each question keeps the phase it was asked in.

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const dirk = member('Dirk');

function incidentWithCase(): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram, { methodId: 'incident' });
  return doc;
}

const board = (doc: Y.Doc, viewer: { id: string }) =>
  readBoard(doc, readMeeting(doc).method, viewer.id);

describe('the two rounds of clarifying questions in the incident method', () => {
  it('keeps the questions of the first and the second round apart by phase', () => {
    const doc = incidentWithCase();
    goTo(doc, anna, 'fact-questions');
    expect(addQuestion(carla.ctx(doc, 1), 'Hoe laat was het?')).toEqual({ ok: true });
    expect(addQuestion(dirk.ctx(doc, 2), 'Wie was er nog meer bij?')).toEqual({ ok: true });
    expect(revealPhase(anna.ctx(doc))).toEqual({ ok: true });

    goTo(doc, anna, 'analysis');
    // No questions in the analysis: it is talked through, not written.
    expect(addQuestion(carla.ctx(doc, 3), 'Wat voelde je?')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });

    goTo(doc, anna, 'second-questions');
    expect(readMeeting(doc).phase.id).toBe('second-questions');
    expect(addQuestion(carla.ctx(doc, 4), 'Wat zei je leidinggevende daarna?')).toEqual({
      ok: true,
    });

    const questions = board(doc, bram).questions;
    expect(questions.map((q) => [q.phaseId, q.text])).toEqual([
      ['fact-questions', 'Hoe laat was het?'],
      ['fact-questions', 'Wie was er nog meer bij?'],
      ['second-questions', 'Wat zei je leidinggevende daarna?'],
    ]);

    // The case bringer marks a question of the second round; the first round's stay as they were.
    const second = questions.find((q) => q.phaseId === 'second-questions')!;
    expect(markAnswered(bram.ctx(doc), second.id, true)).toEqual({ ok: true });
    const after = board(doc, carla).questions;
    expect(after.filter((q) => q.answered).map((q) => q.phaseId)).toEqual(['second-questions']);
  });

  it('hides only the blind first round until it is revealed; the second round is open at once', () => {
    const doc = incidentWithCase();
    goTo(doc, anna, 'fact-questions');
    addQuestion(carla.ctx(doc, 1), 'Hoe laat was het?');
    expect(board(doc, dirk).hiddenQuestions).toBe(1);
    expect(board(doc, bram).questions).toHaveLength(0);

    // Moving on from a blind round reveals it, so nothing from the first round stays hidden.
    goTo(doc, anna, 'second-questions');
    addQuestion(dirk.ctx(doc, 2), 'Wat zei je leidinggevende daarna?');
    const forBringer = board(doc, bram);
    expect(forBringer.hiddenQuestions).toBe(0);
    expect(forBringer.questions.map((q) => q.phaseId)).toEqual([
      'fact-questions',
      'second-questions',
    ]);
    expect(board(doc, anna).revealed).toContain('fact-questions');
    expect(board(doc, anna).revealed).not.toContain('second-questions');
  });

  it('does not let a question of the second round be hidden by the first round being blind', () => {
    const doc = incidentWithCase();
    goTo(doc, anna, 'second-questions');
    addQuestion(carla.ctx(doc, 1), 'Wanneer was dat precies?');
    // Seen at once by the others: the second round is not blind.
    expect(board(doc, dirk).questions.map((q) => q.text)).toEqual(['Wanneer was dat precies?']);
    expect(board(doc, dirk).hiddenQuestions).toBe(0);
  });
});
