import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  addProposal,
  addQuestion,
  chooseCoreQuestion,
  confirmCase,
  handChair,
  markAnswered,
  orderAdvice,
  rateQuestion,
  removeOwnItem,
  revealPhase,
  scorePitch,
  setIntentions,
  shareLookBack,
  starAdvice,
  takeChair,
  votePitch,
} from '../../../lib/shared-doc/board-commands';
import { rankPitches, readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting, roleOf } from '../../../lib/shared-doc/meeting-state';
import { boardMap, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { LIMITS } from '../../../lib/util/limits';
import { goTo, member, start, startWithCase } from '../helpers/meeting';

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const dirk = member('Dirk');

function withCase(methodId = 'basic'): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram, { methodId });
  return doc;
}

const board = (doc: Y.Doc, viewer = carla) => readBoard(doc, readMeeting(doc).method, viewer.id);

describe('choosing the case', () => {
  it('ranks pitches by EGT score, votes only breaking a tie', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    addPitch(bram.ctx(doc, 1), 'Ouder belt boos', 'case');
    addPitch(carla.ctx(doc, 2), 'Omgaan met onzekerheid', 'theme');
    const [first, second] = board(doc).pitches;
    votePitch(dirk.ctx(doc), second!.id);
    votePitch(bram.ctx(doc), second!.id);
    votePitch(carla.ctx(doc), first!.id);
    scorePitch(dirk.ctx(doc), first!.id, { emotion: 3, shared: 3, time: 3 });
    const ranked = rankPitches(board(doc).pitches);
    expect(ranked.map((p) => [p.text, p.votes, p.total])).toEqual([
      ['Ouder belt boos', 1, 9],
      ['Omgaan met onzekerheid', 2, 0],
    ]);
    expect(ranked[1]!.kind).toBe('theme');
    expect(board(doc, dirk).pitches.find((p) => p.id === second!.id)!.myVote).toBe(true);
  });

  it('keeps one vote per member: voting again moves it', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    addPitch(bram.ctx(doc, 1), 'A', 'case');
    addPitch(carla.ctx(doc, 2), 'B', 'case');
    const [a, b] = board(doc).pitches;
    votePitch(dirk.ctx(doc), a!.id);
    votePitch(dirk.ctx(doc), b!.id);
    expect(board(doc).pitches.map((p) => p.votes)).toEqual([0, 1]);
  });

  it('makes the author of the confirmed pitch the case bringer', () => {
    const doc = withCase();
    const meeting = readMeeting(doc);
    expect(meeting.caseBringerName).toBe('Bram');
    expect(roleOf(meeting, bram.id)).toBe('bringer');
    expect(roleOf(meeting, carla.id)).toBe('member');
  });

  it('refuses to make the chair the case bringer', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    meetingMap(doc).set('chairId', bram.id); // Bram chairs now and pitched earlier
    addPitch(carla.ctx(doc), 'C', 'case');
    boardMap(doc, 'pitches').set('pitch-of-bram', {
      authorId: bram.id,
      authorName: 'Bram',
      text: 'Mijn eigen casus',
      createdAt: 5,
      kind: 'case',
    });
    expect(confirmCase(bram.ctx(doc), 'pitch-of-bram')).toEqual({
      ok: false,
      reason: 'chair-cannot-bring',
    });
  });

  it('refuses pitches outside the inventory and from the chair', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(addPitch(anna.ctx(doc), 'Ik ook', 'case')).toEqual({ ok: false, reason: 'not-allowed' });
    goTo(doc, anna, 'asking');
    expect(addPitch(bram.ctx(doc), 'Te laat', 'case')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });
});

describe('questions', () => {
  it('lets members ask and the case bringer mark answered and rate', () => {
    const doc = withCase();
    goTo(doc, anna, 'asking');
    expect(addQuestion(carla.ctx(doc), 'Wat gebeurde er precies?')).toEqual({ ok: true });
    expect(addQuestion(bram.ctx(doc), 'Mag ik zelf?')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    const [question] = board(doc).questions;
    expect(markAnswered(bram.ctx(doc), question!.id, true)).toEqual({ ok: true });
    expect(rateQuestion(bram.ctx(doc), question!.id, 'warm')).toEqual({ ok: true });
    expect(rateQuestion(carla.ctx(doc), question!.id, 'cold')).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(board(doc).questions[0]).toMatchObject({
      answered: true,
      rating: 'warm',
      authorName: 'Carla',
    });
  });

  it('refuses empty and overlong questions with a reason', () => {
    const doc = withCase();
    goTo(doc, anna, 'asking');
    expect(addQuestion(carla.ctx(doc), '   ')).toEqual({ ok: false, reason: 'empty' });
    expect(addQuestion(carla.ctx(doc), 'x'.repeat(LIMITS.question + 1))).toEqual({
      ok: false,
      reason: 'too-long',
    });
  });
});

describe('blind rounds', () => {
  it('hides what others wrote until the chair reveals it, and shows the author their own', () => {
    const doc = withCase('incident');
    const method = readMeeting(doc).method;
    const blind = method.phases.find((p) => p.blind && p.activity === 'asking');
    expect(blind).toBeDefined();
    goTo(doc, anna, blind!.id);
    addQuestion(carla.ctx(doc), 'Wat zei de moeder letterlijk?');
    addQuestion(dirk.ctx(doc), 'Hoe laat was het?');
    expect(board(doc, carla).questions.map((q) => q.authorName)).toEqual(['Carla']);
    expect(board(doc, carla).hiddenQuestions).toBe(1);
    expect(board(doc, bram).questions).toHaveLength(0);
    expect(revealPhase(carla.ctx(doc))).toEqual({ ok: false, reason: 'not-allowed' });
    expect(revealPhase(anna.ctx(doc))).toEqual({ ok: true });
    expect(board(doc, bram).questions).toHaveLength(2);
    expect(board(doc, bram).hiddenQuestions).toBe(0);
  });

  it('reveals a blind round when the chair moves on from it, so nothing stays hidden for good', () => {
    const doc = withCase('incident');
    const method = readMeeting(doc).method;
    const blind = method.phases.find((p) => p.blind && p.activity === 'advising')!;
    goTo(doc, anna, blind.id);
    addAdvice(carla.ctx(doc), 'Ik zou eerst luisteren.');
    expect(board(doc, bram).hiddenAdvice).toBe(1);
    goTo(doc, anna, 'reacting');
    expect(board(doc, bram).hiddenAdvice).toBe(0);
    expect(board(doc, bram).advice.map((a) => a.text)).toEqual(['Ik zou eerst luisteren.']);
  });

  it('counts who gave advice per phase, so earlier rounds do not count as this one', () => {
    const doc = withCase('balint');
    const method = readMeeting(doc).method;
    const [associations, advice] = method.phases.filter((p) => p.activity === 'advising');
    goTo(doc, anna, associations!.id);
    addAdvice(carla.ctx(doc), 'Machteloosheid');
    expect(board(doc).adviceGivenBy).toEqual([carla.id]);
    goTo(doc, anna, advice!.id);
    expect(board(doc).adviceGivenBy).toEqual([]);
  });

  it('refuses to reveal a phase that is not blind', () => {
    const doc = withCase();
    goTo(doc, anna, 'asking');
    expect(revealPhase(anna.ctx(doc))).toEqual({ ok: false, reason: 'not-allowed' });
  });
});

describe('reformulation and advice', () => {
  it('lets the case bringer choose a proposal or write their own core question', () => {
    const doc = withCase();
    goTo(doc, anna, 'reformulating');
    addProposal(carla.ctx(doc), 'Hoe blijf ik rustig als een ouder boos wordt?');
    const [proposal] = board(doc).proposals;
    expect(chooseCoreQuestion(carla.ctx(doc), { proposalId: proposal!.id }).ok).toBe(false);
    expect(chooseCoreQuestion(bram.ctx(doc), { proposalId: proposal!.id })).toEqual({ ok: true });
    expect(board(doc).coreQuestion).toBe('Hoe blijf ik rustig als een ouder boos wordt?');
    chooseCoreQuestion(bram.ctx(doc), {
      text: 'Hoe zet ik grenzen zonder de relatie te verliezen?',
    });
    expect(board(doc).coreQuestion).toBe('Hoe zet ik grenzen zonder de relatie te verliezen?');
  });

  it('lets the case bringer star advice, put the best in order and state intentions', () => {
    const doc = withCase();
    goTo(doc, anna, 'advising');
    addAdvice(carla.ctx(doc, 1), 'Plan een vast belmoment.');
    addAdvice(dirk.ctx(doc, 2), 'Vraag je teamleider mee.');
    addAdvice(carla.ctx(doc, 3), 'Schrijf op wat je wilt zeggen.');
    expect(addAdvice(bram.ctx(doc), 'Zelf?')).toEqual({ ok: false, reason: 'not-allowed' });
    const [a, b, c] = board(doc).advice;
    starAdvice(bram.ctx(doc), c!.id, true);
    starAdvice(bram.ctx(doc), a!.id, true);
    orderAdvice(bram.ctx(doc), [c!.id, a!.id]);
    setIntentions(bram.ctx(doc), 'Ik plan morgen een belmoment.');
    const after = board(doc);
    expect(after.advice.map((x) => [x.text, x.starred, x.order])).toEqual([
      ['Schrijf op wat je wilt zeggen.', true, 0],
      ['Plan een vast belmoment.', true, 1],
      ['Vraag je teamleider mee.', false, null],
    ]);
    expect(after.intentions).toBe('Ik plan morgen een belmoment.');
    starAdvice(bram.ctx(doc), c!.id, false);
    expect(board(doc).advice.find((x) => x.id === c!.id)).toMatchObject({
      starred: false,
      order: null,
    });
    expect([...after.adviceGivenBy].sort()).toEqual([carla.id, dirk.id].sort());
    expect(b).toBeDefined();
  });

  it('lets everybody write the evaluation', () => {
    const doc = withCase();
    goTo(doc, anna, 'evaluating');
    expect(addEvaluation(anna.ctx(doc, 1), 'agreement', 'Volgende keer Carla voorzitter')).toEqual({
      ok: true,
    });
    expect(
      addEvaluation(bram.ctx(doc, 2), 'follow-up', 'Bram vertelt hoe het belmoment ging'),
    ).toEqual({
      ok: true,
    });
    expect(addEvaluation(carla.ctx(doc, 3), 'learning', 'Open vragen werken')).toEqual({
      ok: true,
    });
    expect(board(doc).evaluation.map((e) => e.kind)).toEqual([
      'agreement',
      'follow-up',
      'learning',
    ]);
  });

  it('lets authors remove only their own items', () => {
    const doc = withCase();
    goTo(doc, anna, 'asking');
    addQuestion(carla.ctx(doc), 'Wat deed je toen?');
    const [q] = board(doc).questions;
    expect(removeOwnItem(dirk.ctx(doc), 'questions', q!.id)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    expect(removeOwnItem(carla.ctx(doc), 'questions', q!.id)).toEqual({ ok: true });
    expect(board(doc).questions).toHaveLength(0);
  });

  it("keeps an earlier round's advice: the Balint method's first associations stay", () => {
    const doc = withCase('balint');
    goTo(doc, anna, 'associations');
    addAdvice(carla.ctx(doc), 'Een kraan die blijft druppen');
    const [association] = board(doc).advice;
    goTo(doc, anna, 'advice');
    expect(removeOwnItem(carla.ctx(doc), 'advice', association!.id)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
    goTo(doc, anna, 'associations');
    expect(removeOwnItem(carla.ctx(doc), 'advice', association!.id)).toEqual({ ok: true });
  });

  it("keeps an earlier round's question: the incident method's questions on the facts", () => {
    const doc = withCase('incident');
    goTo(doc, anna, 'fact-questions');
    addQuestion(carla.ctx(doc), 'Wie waren er nog meer bij?');
    revealPhase(anna.ctx(doc));
    const [fact] = board(doc).questions;
    goTo(doc, anna, 'second-questions');
    expect(removeOwnItem(carla.ctx(doc), 'questions', fact!.id)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('keeps a question once the case bringer rated it or marked it answered', () => {
    const doc = withCase();
    goTo(doc, anna, 'asking');
    addQuestion(carla.ctx(doc), 'Wat deed je toen?');
    addQuestion(carla.ctx(doc), 'Wie was erbij?');
    const [rated, answered] = board(doc).questions;
    rateQuestion(bram.ctx(doc), rated!.id, 'cold');
    markAnswered(bram.ctx(doc), answered!.id, true);
    for (const q of [rated!, answered!]) {
      expect(removeOwnItem(carla.ctx(doc), 'questions', q.id)).toEqual({
        ok: false,
        reason: 'not-allowed',
      });
    }
    // Taken back by the bringer (rating cleared, no longer answered): the author may remove it.
    rateQuestion(bram.ctx(doc), rated!.id, null);
    markAnswered(bram.ctx(doc), answered!.id, false);
    expect(removeOwnItem(carla.ctx(doc), 'questions', rated!.id)).toEqual({ ok: true });
    expect(removeOwnItem(carla.ctx(doc), 'questions', answered!.id)).toEqual({ ok: true });
    expect(board(doc).questions).toHaveLength(0);
  });
});

describe('the chair', () => {
  it('can hand the chair to a member but not to the case bringer', () => {
    const doc = withCase();
    expect(handChair(anna.ctx(doc), bram.id, 'Bram')).toEqual({
      ok: false,
      reason: 'chair-cannot-bring',
    });
    expect(handChair(anna.ctx(doc), carla.id, 'Carla')).toEqual({ ok: true });
    expect(readMeeting(doc)).toMatchObject({ chairId: carla.id, chairName: 'Carla' });
    expect(roleOf(readMeeting(doc), anna.id)).toBe('member');
  });

  it('can be taken by a member only when the chair has gone, and says who took it', () => {
    const doc = withCase();
    expect(takeChair(carla.ctx(doc), true)).toEqual({ ok: false, reason: 'chair-present' });
    expect(takeChair(bram.ctx(doc), false)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(takeChair(carla.ctx(doc, 777), false)).toEqual({ ok: true });
    expect(readMeeting(doc).chairTakenOver).toEqual({
      memberId: carla.id,
      name: 'Carla',
      at: 777,
      from: anna.id,
    });
  });

  it('never reads the chair as case bringer, whatever a peer wrote', () => {
    const doc = withCase();
    meetingMap(doc).set('caseBringerId', anna.id);
    expect(readMeeting(doc).caseBringerId).toBeNull();
  });
});

describe('reading untrusted boards', () => {
  it('drops malformed items and caps what it reads', () => {
    const doc = withCase();
    const questions = boardMap(doc, 'questions');
    questions.set('no-author-1', { text: 'x', createdAt: 1, phaseId: 'analysis' });
    questions.set('bad-phase-1', {
      authorId: carla.id,
      authorName: 'C',
      text: 'x',
      createdAt: 1,
      phaseId: '<img>',
    });
    questions.set('toolong-0001', {
      authorId: carla.id,
      authorName: 'C',
      text: 'x'.repeat(LIMITS.question + 1),
      createdAt: 1,
      phaseId: 'analysis',
    });
    questions.set('x', {
      authorId: carla.id,
      authorName: 'C',
      text: 'short id',
      createdAt: 1,
      phaseId: 'analysis',
    });
    questions.set('not-an-object', 'hello');
    for (let i = 0; i < LIMITS.itemsPerBoard + 20; i++) {
      questions.set(`flood-${String(i).padStart(6, '0')}`, {
        authorId: dirk.id,
        authorName: 'D',
        text: `q${i}`,
        createdAt: i,
        phaseId: 'analysis',
      });
    }
    const read = board(doc);
    expect(read.questions.length).toBeLessThanOrEqual(LIMITS.itemsPerBoard);
    expect(read.questions.every((q) => q.authorName === 'D')).toBe(true);
  });

  it('ignores scores out of range and votes for pitches that do not exist', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    addPitch(bram.ctx(doc), 'A', 'case');
    const [pitch] = board(doc).pitches;
    const scores = boardMap(doc, 'scores');
    scores.set(`score:${pitch!.id}:${dirk.id}`, { emotion: 9, shared: 1, time: 1 });
    scores.set(`vote:${dirk.id}`, 'no-such-pitch');
    scores.set(`vote:${carla.id}`, pitch!.id);
    expect(board(doc).pitches[0]).toMatchObject({ votes: 1, total: 0, scorers: 0 });
  });
});

describe('the shared look back', () => {
  it('shares what a member chose to tell about last time, in the opening phase only', () => {
    const doc = new Y.Doc();
    start(doc, anna, 'incident');
    expect(readMeeting(doc).phase.activity).toBe('lookback');
    expect(shareLookBack(bram.ctx(doc), '  Ik heb de ouder teruggebeld.  ')).toEqual({ ok: true });
    expect(board(doc, anna).sharedLookBack.map((l) => [l.authorName, l.text])).toEqual([
      ['Bram', 'Ik heb de ouder teruggebeld.'],
    ]);
    expect(shareLookBack(carla.ctx(doc), '')).toEqual({ ok: false, reason: 'empty' });
    expect(shareLookBack(carla.ctx(doc), 'x'.repeat(LIMITS.sharedLookBack + 1))).toEqual({
      ok: false,
      reason: 'too-long',
    });
    goTo(doc, anna, 'asking');
    expect(shareLookBack(bram.ctx(doc), 'Te laat')).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('drops look-back lines from peers that are malformed or too long', () => {
    const doc = new Y.Doc();
    start(doc, anna, 'incident');
    doc.transact(() => {
      boardMap(doc, 'sharedLookBack').set('good-line-1', {
        authorId: bram.id,
        authorName: 'Bram',
        text: 'Het gaat beter',
        createdAt: 1,
      });
      boardMap(doc, 'sharedLookBack').set('too-long-01', {
        authorId: bram.id,
        authorName: 'Bram',
        text: 'x'.repeat(LIMITS.sharedLookBack + 1),
        createdAt: 2,
      });
      boardMap(doc, 'sharedLookBack').set('no-text-001', { authorId: bram.id, authorName: 'Bram' });
    });
    expect(board(doc).sharedLookBack.map((l) => l.text)).toEqual(['Het gaat beter']);
  });

  it("reads lines from a document written under the root's first name, lookBack", () => {
    const doc = new Y.Doc();
    start(doc, anna, 'incident');
    doc.getMap('lookBack').set('old-line-01', {
      authorId: bram.id,
      authorName: 'Bram',
      text: 'Geschreven door een oudere versie',
      createdAt: 1,
    });
    expect(board(doc).sharedLookBack.map((l) => l.text)).toEqual([
      'Geschreven door een oudere versie',
    ]);
  });
});
