import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MEETING_KEYS, REVEALED_PREFIX, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { readTimer } from '../../../lib/shared-doc/timer';
import { goToPhase, nextPhase, setPhaseMinutes } from '../../../lib/shared-doc/meeting-commands';
import {
  addAdvice,
  chooseCoreQuestion,
  handChair,
  setIntentions,
  setKeepCaseTitle,
  takeChair,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { endMeeting, readEndedSummary } from '../../../lib/shared-doc/meeting-end';
import { goTo, member, start, startWithCase } from '../helpers/meeting';

const anna = member('Anna'); // chair until Carla takes over
const bram = member('Bram'); // case bringer
const carla = member('Carla'); // takes the chair
const dirk = member('Dirk');

/**
 * A meeting in which every key of the progress map holds a valid value: a case and its
 * bringer, the minutes rescaled, the second phase, a running timer, and a chair who took over.
 */
function fullMeeting(): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram);
  expect(setPhaseMinutes(doc, anna.id, [10, 20, 10, 20, 10])).toEqual({ ok: true });
  goTo(doc, anna, 'asking');
  expect(takeChair(carla.ctx(doc, 5000), false)).toEqual({ ok: true });
  return doc;
}

/** What a panel shows of the meeting's progress. */
function shown(doc: Y.Doc) {
  return { meeting: readMeeting(doc), timer: readTimer(doc) };
}

// Garbage a peer may write: wrong types, numbers that are no index, time or count, text that is
// empty, blank or far too long, objects and arrays of the wrong shape.
const SHAPES: readonly unknown[] = [{}, { evil: true, phaseIndex: 1 }, [], [1, 2, 3], null, true];
const NUMBERS: readonly unknown[] = [-1, NaN, Infinity, -Infinity, 2.5, 99, 1e308];
const TEXTS: readonly unknown[] = ['', '   ', 'x'.repeat(100_000)];
const NOT_AN_ID: readonly unknown[] = ['short', 'not an id!', '<img src=x>', 'a'.repeat(65)];
const NOT_A_NAME: readonly unknown[] = ['x'.repeat(41)];

const GARBAGE: Record<string, readonly unknown[]> = {
  [MEETING_KEYS.methodId]: [...SHAPES, ...NUMBERS, ...TEXTS, 'no-such-method', 'BASIC'],
  [MEETING_KEYS.phaseIndex]: [...SHAPES, ...NUMBERS, ...TEXTS, false, '2', 'next'],
  [MEETING_KEYS.chairId]: [...SHAPES, ...NUMBERS, ...TEXTS, ...NOT_AN_ID],
  [MEETING_KEYS.chairName]: [...SHAPES, ...NUMBERS, ...TEXTS, ...NOT_A_NAME],
  [MEETING_KEYS.groupName]: [...SHAPES, ...NUMBERS, ...TEXTS, 'g'.repeat(61)],
  [MEETING_KEYS.startedAt]: [...SHAPES, NaN, Infinity, ...TEXTS, '1000'],
  [MEETING_KEYS.phaseMinutes]: [
    ...SHAPES,
    ...NUMBERS,
    ...TEXTS,
    [10, 20],
    [0, 10, 10, 10, 10],
    [10, 10, 10, 10, 'x'],
    [1.5, 10, 10, 10, 10],
  ],
  [MEETING_KEYS.caseBringerId]: [...SHAPES, ...NUMBERS, ...TEXTS, ...NOT_AN_ID],
  [MEETING_KEYS.caseBringerName]: [...SHAPES, ...NUMBERS, ...TEXTS, ...NOT_A_NAME],
  [MEETING_KEYS.casePitchId]: [...SHAPES, ...NUMBERS, ...TEXTS, ...NOT_AN_ID],
  [MEETING_KEYS.chairTakenOver]: [
    ...SHAPES,
    ...NUMBERS,
    ...TEXTS,
    { memberId: 'x', name: 'Carla', at: 1 },
    { memberId: carla.id, name: '', at: 1 },
    { memberId: carla.id, name: 'Carla', at: 'then' },
  ],
  [MEETING_KEYS.timer]: [
    ...SHAPES,
    ...NUMBERS,
    ...TEXTS,
    { phaseId: 'analysis', durationMs: -5, elapsedMs: 0, runningSince: 0, clockOf: anna.id },
    { phaseId: 'analysis', durationMs: 1e12, elapsedMs: 0, runningSince: 0, clockOf: anna.id },
    { phaseId: 'analysis', durationMs: 5, elapsedMs: 0, runningSince: 'now', clockOf: anna.id },
    { phaseId: '<b>', durationMs: 5, elapsedMs: 0, runningSince: 0, clockOf: anna.id },
  ],
};

const ROWS = Object.entries(GARBAGE).flatMap(([key, values]) =>
  values.map((value) => [key, describeValue(value), value] as const),
);

function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 20 ? `${value.length} characters` : `'${value}'`;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

describe('a value a peer garbled keeps the last valid one (issue 10, point 4)', () => {
  it('has garbage for every key of the progress that the meeting state reads', () => {
    const read = Object.keys(GARBAGE);
    for (const key of [
      'methodId',
      'phaseIndex',
      'chairId',
      'chairName',
      'groupName',
      'startedAt',
      'phaseMinutes',
      'caseBringerId',
      'caseBringerName',
      'casePitchId',
      'chairTakenOver',
      'timer',
    ]) {
      expect(read).toContain(key);
    }
    expect(ROWS.length).toBeGreaterThan(200);
  });

  it.each(ROWS)('keeps the meeting and its timer when %s becomes %s', (key, _name, value) => {
    const doc = fullMeeting();
    const before = shown(doc);
    meetingMap(doc).set(key, value);
    expect(shown(doc)).toEqual(before);
    // The chair's next step acts on the phase every panel shows.
    expect(nextPhase(doc, carla.id, 9000)).toEqual({ ok: true });
    expect(readMeeting(doc).phaseIndex).toBe(before.meeting.phaseIndex + 1);
  });

  it.each(ROWS)(
    'keeps the meeting when a peer sends %s as %s over the network',
    (key, _n, value) => {
      const ours = fullMeeting();
      const before = shown(ours);
      const peer = new Y.Doc();
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(ours));
      meetingMap(peer).set(key, value);
      Y.applyUpdate(ours, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(ours)));
      expect(shown(ours)).toEqual(before);
    },
  );

  it.each([MEETING_KEYS.phaseIndex, MEETING_KEYS.methodId, MEETING_KEYS.chairId])(
    'keeps the meeting when a peer deletes %s, which no command removes while it runs',
    (key) => {
      const doc = fullMeeting();
      const before = shown(doc);
      meetingMap(doc).delete(key);
      expect(shown(doc)).toEqual(before);
    },
  );

  it('takes a valid value from a peer over the remembered one', () => {
    const doc = fullMeeting();
    meetingMap(doc).set(MEETING_KEYS.phaseIndex, 'junk');
    meetingMap(doc).set(MEETING_KEYS.phaseIndex, 3);
    expect(readMeeting(doc).phase.id).toBe('advice');
    meetingMap(doc).set(MEETING_KEYS.phaseIndex, { junk: 1 });
    expect(readMeeting(doc).phase.id).toBe('advice');
  });

  it('forgets a value a command removed, so garbage after it reads as absent', () => {
    const doc = fullMeeting();
    expect(readMeeting(doc).chairTakenOver).not.toBeNull();
    expect(handChair(carla.ctx(doc), dirk.id, 'Dirk')).toEqual({ ok: true });
    expect(readMeeting(doc).chairTakenOver).toBeNull();
    meetingMap(doc).set(MEETING_KEYS.chairTakenOver, 'junk');
    expect(readMeeting(doc).chairTakenOver).toBeNull();
    expect(readMeeting(doc).chairId).toBe(dirk.id);
  });

  it('reads a document that never held a valid value as a meeting that has not started', () => {
    const doc = new Y.Doc();
    for (const key of Object.keys(GARBAGE)) meetingMap(doc).set(key, { junk: key });
    const state = readMeeting(doc);
    expect(state).toMatchObject({
      started: false,
      phaseIndex: 0,
      chairId: null,
      caseBringerId: null,
      chairTakenOver: null,
      ended: false,
    });
    expect(state.method.id).toBe('basic');
    expect(readTimer(doc)).toBeNull();
  });

  it("keeps the case bringer's core question, intentions and title choice", () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'reformulating');
    expect(chooseCoreQuestion(bram.ctx(doc), { text: 'Hoe blijf ik rustig?' })).toEqual({
      ok: true,
    });
    goTo(doc, anna, 'advising');
    expect(setIntentions(bram.ctx(doc), 'Ik bel haar morgen')).toEqual({ ok: true });
    expect(setKeepCaseTitle(bram.ctx(doc), true)).toEqual({ ok: true });
    const board = () => readBoard(doc, readMeeting(doc).method, anna.id);
    const before = board();
    for (const value of [...SHAPES, ...NUMBERS, ...TEXTS, 'x'.repeat(1001), { text: '' }]) {
      meetingMap(doc).set(MEETING_KEYS.coreQuestion, value);
      meetingMap(doc).set(MEETING_KEYS.intentions, value);
      if (value !== true) meetingMap(doc).set(MEETING_KEYS.keepCaseTitle, value);
      expect(board()).toEqual(before);
    }
    expect(before).toMatchObject({
      coreQuestion: 'Hoe blijf ik rustig?',
      intentions: 'Ik bel haar morgen',
      keepCaseTitle: true,
    });
  });

  it('keeps a blind round revealed, whatever a peer writes over the reveal', () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram, { methodId: 'incident' });
    goTo(doc, anna, 'advising');
    expect(addAdvice(carla.ctx(doc), 'Bel haar terug')).toEqual({ ok: true });
    const advicePhase = readMeeting(doc).phase;
    expect(advicePhase.blind).toBe(true);
    expect(goToPhase(doc, anna.id, readMeeting(doc).phaseIndex + 1, 7000)).toEqual({ ok: true });
    const board = () => readBoard(doc, readMeeting(doc).method, dirk.id);
    expect(board().advice.map((a) => a.text)).toEqual(['Bel haar terug']);
    for (const value of [false, 'true', 1, null, {}]) {
      meetingMap(doc).set(REVEALED_PREFIX + advicePhase.id, value);
      expect(board().advice.map((a) => a.text)).toEqual(['Bel haar terug']);
      expect(board().revealed).toContain(advicePhase.id);
    }
  });
});

describe('the end of a meeting counts only with a valid summary (issue 10, point 4)', () => {
  it.each([...SHAPES, ...NUMBERS, ...TEXTS, { meetingId: 'meeting-1', startedAt: 1 }])(
    'neither ends the meeting nor stops the chair from ending it when `ended` is %j',
    (value) => {
      const doc = new Y.Doc();
      start(doc, anna);
      meetingMap(doc).set(MEETING_KEYS.ended, value);
      expect(readMeeting(doc).ended).toBe(false);
      expect(readEndedSummary(doc)).toBeNull();
      expect(endMeeting(doc, anna.id, 'meeting-0001', 99)).toEqual({ ok: true });
      expect(readMeeting(doc).ended).toBe(true);
      expect(readEndedSummary(doc)?.meetingId).toBe('meeting-0001');
    },
  );

  it.each([...SHAPES, ...NUMBERS, ...TEXTS, undefined])(
    'keeps an ended meeting ended, with its summary, when `ended` becomes %j',
    (value) => {
      const doc = new Y.Doc();
      start(doc, anna);
      expect(endMeeting(doc, anna.id, 'meeting-0001', 99)).toEqual({ ok: true });
      const summary = readEndedSummary(doc);
      if (value === undefined) meetingMap(doc).delete(MEETING_KEYS.ended);
      else meetingMap(doc).set(MEETING_KEYS.ended, value);
      expect(readMeeting(doc).ended).toBe(true);
      expect(readEndedSummary(doc)).toEqual(summary);
      expect(endMeeting(doc, anna.id, 'meeting-0002', 100)).toEqual({
        ok: false,
        reason: 'not-started',
      });
    },
  );
});
