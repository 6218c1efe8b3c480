import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  addQuestion,
  confirmCase,
  setKeepCaseTitle,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { decodeSummary, endMeeting, readEndedSummary } from '../../../lib/shared-doc/meeting-end';
import { addToHistory, decodeHistory, suggestNextChair } from '../../../lib/device/meeting-history';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, start } from '../helpers/meeting';
import { InMemoryNetwork } from '../helpers/in-memory-network';

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

function fullMeeting(doc: Y.Doc, keepTitle: boolean): void {
  start(doc, anna);
  addPitch(bram.ctx(doc), 'Ouder die boos belt', 'case');
  confirmCase(anna.ctx(doc), readBoard(doc, readMeeting(doc).method, anna.id).pitches[0]!.id);
  goTo(doc, anna, 'asking');
  addQuestion(carla.ctx(doc), 'Wat zei ze precies? GEHEIM-VRAAG');
  goTo(doc, anna, 'advising');
  addAdvice(carla.ctx(doc), 'Bel terug op een vast moment. GEHEIM-ADVIES');
  goTo(doc, anna, 'evaluating');
  addEvaluation(carla.ctx(doc), 'learning', 'Ik leerde veel. GEHEIM-LEERPUNT');
  addEvaluation(anna.ctx(doc), 'agreement', 'Volgende keer om 19:30');
  addEvaluation(bram.ctx(doc), 'follow-up', 'Bram vertelt hoe het ging');
  setKeepCaseTitle(bram.ctx(doc), keepTitle);
}

describe('ending the meeting', () => {
  it('clears every board for everyone and keeps only the summary', () => {
    const net = new InMemoryNetwork(3);
    const [chairDoc] = net.docs;
    fullMeeting(chairDoc!, false);
    net.flush();
    expect(endMeeting(chairDoc!, anna.id, 'meeting-0001', 99)).toEqual({ ok: true });
    net.flush();
    for (const doc of net.docs) {
      const summary = readEndedSummary(doc);
      expect(summary).toEqual({
        meetingId: 'meeting-0001',
        startedAt: 0,
        endedAt: 99,
        methodId: 'basic',
        chairName: 'Anna',
        caseBringerName: 'Bram',
        caseBringerId: bram.id,
        caseTitle: null,
        agreements: ['Volgende keer om 19:30'],
        followUp: ['Bram vertelt hoe het ging'],
      });
      const state = JSON.stringify(doc.toJSON());
      expect(state).not.toContain('GEHEIM');
      expect(state).not.toContain('Ouder die boos belt');
      expect(readMeeting(doc).ended).toBe(true);
    }
  });

  it('keeps the case title only when the case bringer agreed', () => {
    const doc = new Y.Doc();
    fullMeeting(doc, true);
    endMeeting(doc, anna.id, 'meeting-0002', 5);
    expect(readEndedSummary(doc)?.caseTitle).toBe('Ouder die boos belt');
  });

  it('is for the chair only, and only once', () => {
    const doc = new Y.Doc();
    fullMeeting(doc, false);
    expect(endMeeting(doc, carla.id, 'meeting-0003', 5)).toEqual({
      ok: false,
      reason: 'not-chair',
    });
    expect(endMeeting(doc, anna.id, 'meeting-0003', 5).ok).toBe(true);
    expect(endMeeting(doc, anna.id, 'meeting-0003', 6)).toEqual({
      ok: false,
      reason: 'not-started',
    });
  });

  it('decodes summaries defensively', () => {
    expect(decodeSummary(null)).toBeNull();
    expect(
      decodeSummary({ meetingId: 'meeting-1', startedAt: 1, endedAt: 2, methodId: 'nope' }),
    ).toBeNull();
    expect(
      decodeSummary({
        meetingId: 'meeting-1',
        startedAt: 1,
        endedAt: 2,
        methodId: 'basic',
        agreements: ['ok', 5, 'x'.repeat(10_000)],
      })?.agreements,
    ).toEqual(['ok']);
  });
});

describe('the history on this device', () => {
  const summary = (id: string, endedAt: number, chairName: string) => ({
    meetingId: id,
    startedAt: endedAt - 10,
    endedAt,
    methodId: 'basic',
    chairName,
    caseBringerName: null,
    caseBringerId: null,
    caseTitle: null,
    agreements: [],
    followUp: [],
  });

  it('adds each meeting once, newest first', () => {
    let history = addToHistory([], summary('meeting-a1', 10, 'Anna'));
    history = addToHistory(history, summary('meeting-b2', 20, 'Bram'));
    history = addToHistory(history, summary('meeting-a1', 10, 'Anna'));
    expect(history.map((h) => h.meetingId)).toEqual(['meeting-b2', 'meeting-a1']);
    expect(decodeHistory(JSON.parse(JSON.stringify(history)))).toEqual(history);
  });

  it('suggests as next chair whoever chaired longest ago, or never', () => {
    const history = [summary('meeting-b2', 20, 'Bram'), summary('meeting-a1', 10, 'Anna')];
    expect(suggestNextChair(history, ['Anna', 'Bram', 'Carla'])).toBe('Carla');
    expect(suggestNextChair(history, ['Anna', 'Bram'])).toBe('Anna');
    expect(suggestNextChair(history, [])).toBeNull();
  });
});
