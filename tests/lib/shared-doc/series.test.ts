import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeSummary, nextDateIn } from '../../../lib/shared-doc/meeting-summary';
import { endMeeting, readEndedSummary } from '../../../lib/shared-doc/meeting-end';
import { recordNextMeeting } from '../../../lib/shared-doc/next-meeting';
import { addToHistory } from '../../../lib/device/meeting-history';
import { member, start } from '../helpers/meeting';

/**
 * Issue 14, point 7, the series: "A group agrees in advance who chairs next ('per toerbeurt'):
 * at the end the group records the next chair and the next date; the next meeting opens with
 * them."
 */

const anna = member('Anna');
const bram = member('Bram');

/** 1 December 2026, 20:00 UTC: the evening the meeting ends. */
const DEC_1 = Date.UTC(2026, 11, 1, 20);

const OLD_SUMMARY = {
  meetingId: 'meeting-0001',
  startedAt: DEC_1 - 5_400_000,
  endedAt: DEC_1,
  methodId: 'basic',
  chairName: 'Anna',
  caseBringerName: 'Bram',
  caseBringerId: bram.id,
  caseTitle: null,
  agreements: ['Volgende keer om 19:30'],
  followUp: [],
};

describe('the next meeting in the summary (decodeSummary)', () => {
  it('keeps a summary kept before the series readable, with no next chair and no date', () => {
    const summary = decodeSummary(OLD_SUMMARY);
    expect(summary).not.toBeNull();
    expect(summary!.nextChair ?? null).toBeNull();
    expect(summary!.nextDate ?? null).toBeNull();
    expect(summary!.agreements).toEqual(['Volgende keer om 19:30']);
  });

  it('reads the next chair and date of a new summary', () => {
    const summary = decodeSummary({ ...OLD_SUMMARY, nextChair: 'Bram', nextDate: '2026-12-14' });
    expect([summary!.nextChair, summary!.nextDate]).toEqual(['Bram', '2026-12-14']);
  });

  it.each([
    ['a date in the past', '2026-11-30'],
    ['the day it ended', '2026-12-01'],
    ['more than two years ahead', '2028-12-03'],
    ['a day that does not exist', '2027-02-30'],
    ['another format', '14-12-2026'],
    ['a time in it', '2026-12-14T19:30'],
    ['a number', 20261214],
  ])('drops %s as the next date, and keeps the rest of the summary', (_, nextDate) => {
    const summary = decodeSummary({ ...OLD_SUMMARY, nextChair: 'Bram', nextDate });
    expect(summary!.nextDate ?? null).toBeNull();
    expect(summary!.nextChair).toBe('Bram');
  });

  it('drops a next chair that is not a name', () => {
    for (const nextChair of ['', '   ', 42, 'x'.repeat(500), { name: 'Bram' }]) {
      expect(decodeSummary({ ...OLD_SUMMARY, nextChair })!.nextChair ?? null).toBeNull();
    }
  });
});

describe('a next date "in the future within 2 years" (nextDateIn)', () => {
  it.each([
    ['2026-12-02', '2026-12-02'],
    ['2026-12-14', '2026-12-14'],
    ['2028-02-29', '2028-02-29'],
    ['2028-11-30', '2028-11-30'],
    ['2028-12-02', null],
    ['2026-12-01', null],
    ['2027-13-01', null],
    ['', null],
  ])('%s after a meeting that ended on 1 December 2026 reads as %s', (value, expected) => {
    expect(nextDateIn(value, DEC_1)).toBe(expected);
  });
});

describe('ending with the next chair and date (the end is a chair write)', () => {
  it('puts what the chair recorded into the summary every member keeps', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(
      recordNextMeeting(anna.ctx(doc, DEC_1), { nextChair: 'Bram', nextDate: '2026-12-14' }),
    ).toEqual({ ok: true });
    expect(endMeeting(doc, anna.id, 'meeting-0001', DEC_1)).toEqual({ ok: true });
    const summary = readEndedSummary(doc)!;
    expect([summary.nextChair ?? null, summary.nextDate ?? null]).toEqual(['Bram', '2026-12-14']);
    // The next meeting opens with them: the device history holds the summary newest first.
    expect(addToHistory([], summary)[0]!.nextChair).toBe('Bram');
  });

  it('ends with no next chair and no date when the chair recorded none', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(endMeeting(doc, anna.id, 'meeting-0001', DEC_1)).toEqual({ ok: true });
    const summary = readEndedSummary(doc)!;
    expect([summary.nextChair ?? null, summary.nextDate ?? null]).toEqual([null, null]);
  });

  it('refuses a member who is not the chair', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(
      recordNextMeeting(bram.ctx(doc, DEC_1), { nextChair: 'Bram', nextDate: '2026-12-14' }),
    ).toEqual({ ok: false, reason: 'not-chair' });
    endMeeting(doc, anna.id, 'meeting-0001', DEC_1);
    expect(readEndedSummary(doc)!.nextChair ?? null).toBeNull();
  });

  it('refuses a date in the past or too far ahead, and writes nothing', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    for (const nextDate of ['2026-11-01', '2029-01-01', 'morgen']) {
      expect(recordNextMeeting(anna.ctx(doc, DEC_1), { nextChair: 'Bram', nextDate })).toEqual({
        ok: false,
        reason: 'not-allowed',
      });
    }
    endMeeting(doc, anna.id, 'meeting-0001', DEC_1);
    expect(readEndedSummary(doc)!.nextChair ?? null).toBeNull();
  });

  it('refuses once the meeting has ended', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    endMeeting(doc, anna.id, 'meeting-0001', DEC_1);
    expect(recordNextMeeting(anna.ctx(doc, DEC_1), { nextChair: 'Bram', nextDate: null })).toEqual({
      ok: false,
      reason: 'not-started',
    });
  });
});
