import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAdvice,
  addPitch,
  addQuestion,
  confirmCase,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import {
  fitChairToGroup,
  goToPhase,
  nextPhase,
  startMeeting,
} from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';

/**
 * Issue 14, point 10. The chair's choice to join in is stored with the start (a chair key, read
 * through meeting-state.ts), so that every command and every panel reads the same rule; the
 * command that starts stores it only for a method that allows it.
 */

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

/** Anna chairs `methodId`; Bram's case is confirmed; the meeting is in `phase`. */
function meeting(methodId: string, joinsIn: boolean, phase: string): Y.Doc {
  const doc = new Y.Doc();
  const started = startMeeting(doc, {
    methodId,
    chairId: anna.id,
    chairName: anna.name,
    groupName: 'Testgroep',
    now: 0,
    chairJoinsIn: joinsIn,
  });
  expect(started).toEqual({ ok: true });
  if (readMeeting(doc).phase.activity !== 'pitching') goTo(doc, anna, 'pitching');
  expect(addPitch(bram.ctx(doc), 'Een ouder die steeds boos belt', 'case').ok).toBe(true);
  const pitch = readBoard(doc, readMeeting(doc).method, anna.id).pitches[0]!;
  expect(confirmCase(anna.ctx(doc), pitch.id)).toEqual({ ok: true });
  goTo(doc, anna, phase);
  return doc;
}

const authors = (doc: Y.Doc, who: TestMember) => {
  const board = readBoard(doc, readMeeting(doc).method, who.id);
  return {
    questions: board.questions.map((q) => [q.authorName, q.text]),
    advice: board.advice.map((a) => [a.authorName, a.text]),
  };
};

describe('too few members: the chair asks and advises (issue 14, point 10)', () => {
  it('with two people the chair may ask and advise, so the case does not stall with nobody allowed to ask', () => {
    const doc = meeting('basic', true, 'asking');
    expect(readMeeting(doc).chairJoinsIn).toBe(true);
    expect(addQuestion(anna.ctx(doc), 'Wat deed je toen hij belde?')).toEqual({ ok: true });
    goTo(doc, anna, 'advising');
    expect(addAdvice(anna.ctx(doc), 'Bel hem terug op een vast moment.')).toEqual({ ok: true });
    // The case bringer, reading the same document, sees both as the chair's.
    expect(authors(doc, bram)).toEqual({
      questions: [['Anna', 'Wat deed je toen hij belde?']],
      advice: [['Anna', 'Bel hem terug op een vast moment.']],
    });
  });

  it('refuses the chair a question and advice in a group that has enough members', () => {
    const doc = meeting('basic', false, 'asking');
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
    expect(addQuestion(anna.ctx(doc), 'Wat deed je toen hij belde?')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(addQuestion(carla.ctx(doc), 'Wat deed je toen hij belde?')).toEqual({ ok: true });
    goTo(doc, anna, 'advising');
    expect(addAdvice(anna.ctx(doc), 'Bel hem terug.')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('keeps the chair out of the content in a method that does not allow joining in (Balint)', () => {
    const doc = meeting('balint', true, 'asking');
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
    expect(meetingMap(doc).has(MEETING_KEYS.chairJoinsIn)).toBe(false);
    expect(addQuestion(anna.ctx(doc), 'Wat voelde je toen?')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('still refuses the case bringer a question when the chair joins in', () => {
    const doc = meeting('basic', true, 'asking');
    expect(addQuestion(bram.ctx(doc), 'Vraag aan mezelf?')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('lets the chair ask only in the asking phases, even when joining in', () => {
    const doc = meeting('basic', true, 'reformulating');
    expect(addQuestion(anna.ctx(doc), 'Nog een vraag?')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('reads garbage in the key as not joining in, and a method that disallows it as not joining in', () => {
    const doc = meeting('basic', false, 'asking');
    for (const garbage of ['true', 1, { yes: true }, null]) {
      meetingMap(doc).set(MEETING_KEYS.chairJoinsIn, garbage);
      expect(readMeeting(doc).chairJoinsIn).toBe(false);
    }
    // Only true means joining in; a peer's true in a Balint meeting does not make it one.
    const balint = meeting('balint', false, 'asking');
    meetingMap(balint).set(MEETING_KEYS.chairJoinsIn, true);
    expect(readMeeting(balint).chairJoinsIn).toBe(false);
  });
});

/**
 * A chair usually starts alone: the invite's first step tells them to, and the others come in by
 * themselves. So the choice made at the start follows the group from there (found in a field
 * walk: the chair of eight still had the question form and "Few members" because they were one
 * when they started).
 */
describe('joining in follows the group as it grows and shrinks', () => {
  it('stops once enough people are here, and only the chair makes it so', () => {
    const doc = meeting('basic', true, 'asking');
    // Bram's panel counts three as well: not his to decide.
    expect(fitChairToGroup(doc, bram.id, 3)).toEqual({ ok: false, reason: 'not-chair' });
    expect(readMeeting(doc).chairJoinsIn).toBe(true);
    // Two are not enough for the basic model: nothing changes.
    expect(fitChairToGroup(doc, anna.id, 2)).toEqual({ ok: true });
    expect(readMeeting(doc).chairJoinsIn).toBe(true);
    expect(fitChairToGroup(doc, anna.id, 3)).toEqual({ ok: true });
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
    expect(addQuestion(anna.ctx(doc), 'Wat deed je toen hij belde?')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('never starts joining in within a phase: a member reloading is gone only for a moment', () => {
    const doc = meeting('basic', false, 'asking');
    expect(fitChairToGroup(doc, anna.id, 1)).toEqual({ ok: true });
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
  });

  it('judges the size again at a phase change, in both directions', () => {
    const doc = meeting('basic', false, 'pitching');
    // Carla left for good: the chair and the case bringer alone in the analysis.
    expect(nextPhase(doc, anna.id, 1_000, 2)).toEqual({ ok: true });
    expect(readMeeting(doc).phase.activity).toBe('asking');
    expect(readMeeting(doc).chairJoinsIn).toBe(true);
    expect(addQuestion(anna.ctx(doc), 'Wat deed je toen hij belde?')).toEqual({ ok: true });
    // She is back by the next phase.
    const advising = readMeeting(doc).method.phases.findIndex((p) => p.activity === 'advising');
    expect(goToPhase(doc, anna.id, advising, 2_000, undefined, 3)).toEqual({ ok: true });
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
    // Without a count (a panel that does not know who is here), the choice stays as it is.
    expect(nextPhase(doc, anna.id, 3_000)).toEqual({ ok: true });
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
  });

  it('never makes a method that keeps the chair out, or an external chair, join in', () => {
    const balint = meeting('balint', false, 'pitching');
    expect(nextPhase(balint, anna.id, 1_000, 1)).toEqual({ ok: true });
    expect(readMeeting(balint).chairJoinsIn).toBe(false);
    expect(meetingMap(balint).has(MEETING_KEYS.chairJoinsIn)).toBe(false);

    const doc = new Y.Doc();
    startMeeting(doc, {
      methodId: 'basic',
      chairId: anna.id,
      chairName: anna.name,
      groupName: 'Testgroep',
      now: 0,
      chairIsExternal: true,
    });
    expect(nextPhase(doc, anna.id, 1_000, 1)).toEqual({ ok: true });
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
    expect(meetingMap(doc).has(MEETING_KEYS.chairJoinsIn)).toBe(false);
  });
});
