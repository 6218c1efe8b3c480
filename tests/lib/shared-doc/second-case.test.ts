import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { member, start, goTo } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';
import { signedPanel, syncDocs } from '../helpers/signed-docs';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { openSecondCase } from '../../../lib/shared-doc/meeting-commands';
import { takeHomeFrom } from '../../../lib/notebook/take-home';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  addQuestion,
  confirmCase,
  markTried,
  setIntentions,
  setKeepCaseTitle,
  starAdvice,
} from '../../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../../lib/shared-doc/board-commands';
import { endMeeting, decodeSummary } from '../../../lib/shared-doc/meeting-end';
import { SECOND_CASE_KEY, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { newSessionSigner, put } from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { attendanceEntryFrom } from '../../../lib/device/attendance';
import { INCIDENT_METHOD } from '../../../lib/method/methods/incident';
import { findMethod } from '../../../lib/method/method-list';
import {
  MAX_CASES,
  caseStartIndex,
  minutesLeft,
  secondCaseMinutes,
  secondCaseRefusal,
} from '../../../lib/method/second-case';
import type { SecondCaseSituation } from '../../../lib/method/second-case';
import { METHODS } from '../../../lib/method/method-list';

/*
 * Issue 14, point 5, from the basic model: "een enkele keer lukt het om er nog een te
 * bespreken" (once in a while one more case fits). After the first case's evaluation the chair
 * opens a second case from the remaining pitches; both cases' boards stay until the end and
 * the summary keeps both.
 */

const anna = member('Anna'); // chair
const bram = member('Bram'); // first case
const carla = member('Carla'); // second case

const pitches = (doc: Y.Doc) => readBoard(doc, readMeeting(doc).method, anna.id).pitches;

/** An incident meeting whose first case (Bram's) has run to its evaluation; Carla pitched too. */
function firstCaseToEvaluation(doc: Y.Doc, as = { anna, bram, carla }): void {
  start(doc, as.anna, 'incident');
  goTo(doc, as.anna, 'pitching');
  expect(addPitch(as.bram.ctx(doc), 'Bram: de boze vader', 'case').ok).toBe(true);
  expect(addPitch(as.carla.ctx(doc), 'Carla: de stille collega', 'case').ok).toBe(true);
  const first = pitches(doc).find((p) => p.authorId === as.bram.id)!;
  expect(confirmCase(as.anna.ctx(doc), first.id)).toEqual({ ok: true });
  goTo(doc, as.anna, 'fact-questions');
  expect(addQuestion(as.carla.ctx(doc), 'Wanneer belde hij?').ok).toBe(true);
  goTo(doc, as.anna, 'suggestions');
  expect(addAdvice(as.carla.ctx(doc), 'Bel hem terug').ok).toBe(true);
  goTo(doc, as.anna, 'reaction');
  const advice = readBoard(doc, INCIDENT_METHOD, as.bram.id).advice[0]!;
  expect(starAdvice(as.bram.ctx(doc), advice.id, true).ok).toBe(true);
  expect(markTried(as.bram.ctx(doc), advice.id, true).ok).toBe(true);
  expect(setIntentions(as.bram.ctx(doc), 'Ik bel maandag').ok).toBe(true);
  expect(setKeepCaseTitle(as.bram.ctx(doc), true).ok).toBe(true);
  goTo(doc, as.anna, 'evaluating');
  expect(addEvaluation(as.carla.ctx(doc), 'agreement', 'Afspraak een').ok).toBe(true);
}

describe('the rule: who may open a second case, and when', () => {
  const basic = findMethod('basic')!;
  const evaluation = basic.phases.findIndex((p) => p.activity === 'evaluating');
  const base: SecondCaseSituation = {
    method: basic,
    isChair: true,
    phaseIndex: evaluation,
    caseNumber: 1,
    caseBringerId: 'bram-000000',
    ended: false,
  };
  // [what differs, refusal]
  const TABLE: ReadonlyArray<readonly [string, Partial<typeof base>, string | null]> = [
    ['the chair, in the first case’s evaluation', {}, null],
    ['a member', { isChair: false }, 'not-chair'],
    ['before the evaluation (advice round)', { phaseIndex: evaluation - 1 }, 'not-yet'],
    ['without a first case', { caseBringerId: null }, 'no-first-case'],
    ['a third case: at most one more', { caseNumber: 2 }, 'no-more'],
    ['after the end', { ended: true }, 'not-yet'],
    ['a method without a case', { method: findMethod('first-meeting')! }, 'no-case'],
  ];
  for (const [name, differs, refusal] of TABLE) {
    it(`${name}: ${refusal ?? 'may open'}`, () => {
      expect(secondCaseRefusal({ ...base, ...differs })).toBe(refusal);
    });
  }

  it('holds at most two cases ("nog een": one more, not a series)', () => {
    expect(MAX_CASES).toBe(2);
  });

  it('starts every method with a case again at its pitch round', () => {
    for (const method of METHODS.filter((m) => m.hasCase)) {
      const index = caseStartIndex(method);
      expect(index, method.id).not.toBeNull();
      expect(method.phases[index!]!.activity).toBe('pitching');
    }
  });

  it('gives the second case the time left, at least 20 minutes, and keeps the done phases', () => {
    const planned = INCIDENT_METHOD.phases.map((p) => p.minutes);
    const from = caseStartIndex(INCIDENT_METHOD)!;
    const roomy = secondCaseMinutes(INCIDENT_METHOD, planned, 45);
    expect(roomy.slice(0, from)).toEqual(planned.slice(0, from));
    expect(roomy.slice(from).reduce((a, b) => a + b, 0)).toBe(45);
    const late = secondCaseMinutes(INCIDENT_METHOD, planned, 5);
    expect(late.slice(from).reduce((a, b) => a + b, 0)).toBe(20);
    expect(minutesLeft(0, [30, 60], 80 * 60_000)).toBe(10);
    expect(minutesLeft(0, [30, 60], 100 * 60_000)).toBe(0);
  });
});

describe('opening a second case (commands on one document)', () => {
  it('refuses before the first case’s evaluation, and a member; the chair may after it', () => {
    const doc = new Y.Doc();
    firstCaseToEvaluation(doc);
    expect(openSecondCase(doc, carla.id, 2000)).toEqual({ ok: false, reason: 'not-chair' });
    goTo(doc, anna, 'reaction');
    expect(openSecondCase(doc, anna.id, 2000)).toEqual({ ok: false, reason: 'not-yet' });
    goTo(doc, anna, 'evaluating');
    expect(openSecondCase(doc, anna.id, 2000)).toEqual({ ok: true });
    const meeting = readMeeting(doc);
    expect(meeting.caseNumber).toBe(2);
    expect(meeting.phase.activity).toBe('pitching');
    expect(meeting.caseBringerId).toBeNull();
    expect(meeting.firstCase?.bringerId).toBe(bram.id);
    expect(meeting.ended).toBe(false);
  });

  it('refuses a third case', () => {
    const doc = new Y.Doc();
    firstCaseToEvaluation(doc);
    expect(openSecondCase(doc, anna.id, 2000).ok).toBe(true);
    const second = pitches(doc).find((p) => p.authorId === carla.id)!;
    expect(confirmCase(anna.ctx(doc), second.id).ok).toBe(true);
    goTo(doc, anna, 'evaluating');
    expect(openSecondCase(doc, anna.id, 3000)).toEqual({ ok: false, reason: 'no-more' });
  });

  it('chooses from the remaining pitches: not the first case’s, nor its bringer again', () => {
    const doc = new Y.Doc();
    firstCaseToEvaluation(doc);
    openSecondCase(doc, anna.id, 2000);
    const first = pitches(doc).find((p) => p.authorId === bram.id)!;
    expect(confirmCase(anna.ctx(doc), first.id)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(addPitch(bram.ctx(doc), 'Bram: nog een', 'case').ok).toBe(true);
    const bramAgain = pitches(doc).find((p) => p.text === 'Bram: nog een')!;
    expect(confirmCase(anna.ctx(doc), bramAgain.id)).toEqual({ ok: false, reason: 'not-allowed' });
    const second = pitches(doc).find((p) => p.authorId === carla.id)!;
    expect(confirmCase(anna.ctx(doc), second.id)).toEqual({ ok: true });
    expect(readMeeting(doc).caseBringerId).toBe(carla.id);
  });

  it('keeps both boards apart until the end: the first case’s questions, advice, marks', () => {
    const doc = new Y.Doc();
    firstCaseToEvaluation(doc);
    openSecondCase(doc, anna.id, 2000);
    const second = pitches(doc).find((p) => p.authorId === carla.id)!;
    confirmCase(anna.ctx(doc), second.id);
    goTo(doc, anna, 'fact-questions');
    // Bram brought the first case; in the second he is a member and asks.
    expect(addQuestion(bram.ctx(doc), 'Wie was erbij?').ok).toBe(true);
    goTo(doc, anna, 'suggestions');
    expect(addAdvice(bram.ctx(doc), 'Vraag het haar zelf').ok).toBe(true);
    goTo(doc, anna, 'reaction');
    const board = readBoard(doc, INCIDENT_METHOD, carla.id);
    expect(board.questions.map((q) => q.text)).toEqual(['Wie was erbij?']);
    expect(board.advice.map((a) => a.text)).toEqual(['Vraag het haar zelf']);
    expect(board.intentions).toBeNull();
    const [first] = board.earlierCases;
    expect(first?.bringerName).toBe('Bram');
    expect(first?.caseTitle).toBe('Bram: de boze vader');
    expect(first?.questions.map((q) => q.text)).toEqual(['Wanneer belde hij?']);
    expect(first?.advice[0]).toMatchObject({ text: 'Bel hem terug', starred: true, tried: true });
    expect(first?.intentions).toBe('Ik bel maandag');
    expect(first?.evaluation.map((e) => e.text)).toEqual(['Afspraak een']);
    // The first case's board is closed: its bringer's marks stay as they were.
    expect(starAdvice(carla.ctx(doc), first!.advice[0]!.id, false).ok).toBe(false);
  });

  it('gives the second case’s bringer their own case’s advice to take home', () => {
    const doc = new Y.Doc();
    firstCaseToEvaluation(doc);
    openSecondCase(doc, anna.id, 2000);
    const second = pitches(doc).find((p) => p.authorId === carla.id)!;
    confirmCase(anna.ctx(doc), second.id);
    goTo(doc, anna, 'suggestions');
    expect(addAdvice(bram.ctx(doc), 'Vraag het haar zelf').ok).toBe(true);
    goTo(doc, anna, 'reaction');
    const advice = readBoard(doc, INCIDENT_METHOD, carla.id).advice[0]!;
    expect(starAdvice(carla.ctx(doc), advice.id, true).ok).toBe(true);
    const home = takeHomeFrom(readBoard(doc, INCIDENT_METHOD, carla.id), null);
    const lines = JSON.stringify(home);
    expect(lines).toContain('Vraag het haar zelf');
    // Nothing of the first case's advice.
    expect(lines).not.toContain('Bel hem terug');
  });

  it('keeps both cases in the summary, and each bringer’s role in the attendance record', () => {
    const doc = new Y.Doc();
    firstCaseToEvaluation(doc);
    openSecondCase(doc, anna.id, 2000);
    const second = pitches(doc).find((p) => p.authorId === carla.id)!;
    confirmCase(anna.ctx(doc), second.id);
    goTo(doc, anna, 'evaluating');
    expect(addEvaluation(bram.ctx(doc), 'agreement', 'Afspraak twee').ok).toBe(true);
    expect(endMeeting(doc, anna.id, 'meeting-0001', 5000).ok).toBe(true);
    const summary = decodeSummary(meetingMap(doc).get('ended'))!;
    expect(summary.caseBringerName).toBe('Bram');
    expect(summary.caseTitle).toBe('Bram: de boze vader');
    expect(summary.secondCase).toEqual({
      caseBringerName: 'Carla',
      caseBringerId: carla.id,
      caseTitle: null,
    });
    expect(summary.agreements).toEqual(['Afspraak een', 'Afspraak twee']);
    const context = { groupId: 'group-00001', groupName: 'G', present: [], role: 'member' };
    for (const who of [bram, carla]) {
      const entry = attendanceEntryFrom(summary, { ...context, selfId: who.id });
      expect(entry?.role, who.name).toBe('bringer');
      expect(entry?.present).toEqual(['Anna', 'Bram', 'Carla']);
    }
    // Read back from storage: a summary without a second case stays as it was.
    expect(decodeSummary({ ...summary, secondCase: undefined })?.secondCase).toBeUndefined();
  });
});

describe('a signed reader takes the second case only from the chair', () => {
  const SCOPE = 'meeting-second-1';
  let signers: Record<'anna' | 'bram' | 'carla', SessionSigner>;
  beforeAll(async () => {
    const make = async (name: string) => newSessionSigner(await memoryDeviceKey(), name);
    const [a, b, c] = await Promise.all(['Anna', 'Bram', 'Carla'].map(make));
    signers = { anna: a!, bram: b!, carla: c! };
  });
  const as = (signer: SessionSigner): TestMember => ({
    id: signer.card.memberId,
    name: signer.card.name,
    ctx: (doc, now = 1000): CommandContext => ({
      doc,
      actorId: signer.card.memberId,
      actorName: signer.card.name,
      now,
    }),
  });

  it('ignores a member’s second case, and a late joiner reads the first case’s marks', () => {
    const docs = [signedPanel(signers.anna, SCOPE), signedPanel(signers.bram, SCOPE)];
    const carlaDoc = signedPanel(signers.carla, SCOPE);
    const [annaDoc, bramDoc] = docs as [Y.Doc, Y.Doc];
    const people = { anna: as(signers.anna), bram: as(signers.bram), carla: as(signers.carla) };
    // Everyone writes on their own panel: one document for the run, synced to the others.
    const shared = annaDoc;
    const all = [annaDoc, bramDoc, carlaDoc];
    const inOwn = (who: TestMember, docOf: Y.Doc): TestMember => ({
      ...who,
      ctx: (_doc, now) => who.ctx(docOf, now),
    });
    mesh(all);
    firstCaseToEvaluation(shared, {
      anna: inOwn(people.anna, annaDoc),
      bram: inOwn(people.bram, bramDoc),
      carla: inOwn(people.carla, carlaDoc),
    });
    // Carla (a member) writes the second-case key herself: every panel ignores it.
    carlaDoc.transact(() => put(meetingMap(carlaDoc), SECOND_CASE_KEY, { n: 2, at: 1 }));
    syncDocs(all);
    for (const doc of all) expect(readMeeting(doc).caseNumber).toBe(1);
    expect(openSecondCase(annaDoc, people.anna.id, 2000).ok).toBe(true);
    syncDocs(all);
    // A panel that joins now reads the first case's board with Bram's marks.
    const late = signedPanel(signers.carla, SCOPE);
    syncDocs([...all, late]);
    for (const doc of [...all, late]) {
      expect(readMeeting(doc).caseNumber).toBe(2);
      const first = readBoard(doc, INCIDENT_METHOD, people.carla.id).earlierCases[0];
      expect(first?.advice[0]).toMatchObject({ starred: true, tried: true });
      expect(first?.intentions).toBe('Ik bel maandag');
    }
  });
});

/** A live mesh: every update of one panel reaches the others at once. */
function mesh(docs: readonly Y.Doc[]): void {
  syncDocs(docs);
  for (const doc of docs) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'mesh') return;
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'mesh');
    });
  }
}
