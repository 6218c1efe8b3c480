import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_ROOTS,
  MEETING_KEYS,
  boardMap,
  meetingMap,
} from '../../../lib/shared-doc/doc-schema';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readTimer } from '../../../lib/shared-doc/timer';
import { changeTimer, goToPhase } from '../../../lib/shared-doc/meeting-commands';
import { addQuestion, setIntentions } from '../../../lib/shared-doc/board-commands';
import { clearAfterEnd, endMeeting, readEndedSummary } from '../../../lib/shared-doc/meeting-end';
import { repairMeeting, tendMeeting } from '../../../lib/shared-doc/meeting-upkeep';
import { keeperOf } from '../../../lib/shared-doc/presence';
import type { Member } from '../../../lib/shared-doc/presence';
import { InMemoryNetwork } from '../helpers/in-memory-network';
import { goTo, member, start, startWithCase } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');

/** Everyone present, as a panel lists them. */
function present(...who: TestMember[]): Member[] {
  return who.map((m) => ({ memberId: m.id, name: m.name, role: 'member', isSelf: false }));
}

/** Everything the document holds, every root included (toJSON leaves out roots not read yet). */
function content(doc: Y.Doc): string {
  const roots = [meetingMap(doc), ...Object.values(BOARD_ROOTS).map((root) => doc.getMap(root))];
  return JSON.stringify(roots.map((map) => map.toJSON()));
}

/** What a member's panel shows of the meeting. */
function shown(doc: Y.Doc, viewer: TestMember) {
  const meeting = readMeeting(doc);
  return { meeting, timer: readTimer(doc), board: readBoard(doc, meeting.method, viewer.id) };
}

describe('the owner writes back what a peer garbled (issue 10, point 4)', () => {
  it('has the chair write back a garbled phase, so that a member who joins later reads it too', () => {
    const net = new InMemoryNetwork(3); // chair, member, hostile
    const [chairDoc, memberDoc, hostileDoc] = net.docs;
    start(chairDoc!, anna);
    net.flush();
    expect(goToPhase(chairDoc!, anna.id, 2, 2000)).toEqual({ ok: true });
    net.flush();
    for (const doc of net.docs) readMeeting(doc);
    meetingMap(hostileDoc!).set(MEETING_KEYS.phaseIndex, 'the first phase, please');
    meetingMap(hostileDoc!).set(MEETING_KEYS.timer, { durationMs: -1 });
    net.flush();
    expect(readMeeting(memberDoc!).phaseIndex).toBe(2);
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(chairDoc!));
    expect(readMeeting(late).phaseIndex).toBe(0);

    expect(tendMeeting(memberDoc!, carla.id, present(anna, carla))).toBe(false);
    expect(tendMeeting(chairDoc!, anna.id, present(anna, carla))).toBe(true);
    net.flush();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(chairDoc!));
    expect(readMeeting(late).phaseIndex).toBe(2);
    expect(shown(late, carla)).toEqual(shown(memberDoc!, carla));
    expect(meetingMap(memberDoc!).get(MEETING_KEYS.phaseIndex)).toBe(2);
    // Nothing is garbled any more: the chair writes nothing.
    expect(tendMeeting(chairDoc!, anna.id, present(anna, carla))).toBe(false);
  });

  it('writes back only what the member owns: the case bringer their intentions, not the phase', () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    expect(setIntentions(bram.ctx(doc), 'Ik bel haar morgen')).toEqual({ ok: true });
    readBoard(doc, readMeeting(doc).method, bram.id);
    meetingMap(doc).set(MEETING_KEYS.intentions, 42);
    meetingMap(doc).set(MEETING_KEYS.phaseIndex, -1);
    expect(repairMeeting(doc, carla.id)).toBe(false);
    expect(repairMeeting(doc, bram.id)).toBe(true);
    expect(meetingMap(doc).get(MEETING_KEYS.intentions)).toBe('Ik bel haar morgen');
    expect(meetingMap(doc).get(MEETING_KEYS.phaseIndex)).toBe(-1);
    expect(repairMeeting(doc, anna.id)).toBe(true);
    expect(meetingMap(doc).get(MEETING_KEYS.phaseIndex)).toBe(readMeeting(doc).phaseIndex);
  });

  it("writes back the chair's own last write, even when garbage arrived before any read of it", () => {
    const net = new InMemoryNetwork(2);
    const [chairDoc, hostileDoc] = net.docs;
    start(chairDoc!, anna);
    net.flush();
    readTimer(chairDoc!);
    expect(changeTimer(chairDoc!, anna.id, { kind: 'pause' }, 60_000)).toEqual({ ok: true });
    net.flush();
    meetingMap(hostileDoc!).set(MEETING_KEYS.timer, { runningSince: 'again' });
    net.flush();
    expect(repairMeeting(chairDoc!, anna.id)).toBe(true);
    net.flush();
    expect(readTimer(hostileDoc!)).toMatchObject({ runningSince: null, elapsedMs: 60_000 });
  });
});

describe('after the end, late writes are ignored and cleared again (issue 10, point 4)', () => {
  it('ignores and clears a question a member wrote offline, when they come back after the end', () => {
    const net = new InMemoryNetwork(3); // Anna chairs, Bram, Carla
    const [chairDoc, bramDoc, carlaDoc] = net.docs;
    start(chairDoc!, anna);
    goTo(chairDoc!, anna, 'asking');
    net.flush();
    net.disconnect(2);
    expect(addQuestion(carla.ctx(carlaDoc!), 'Wat zei ze precies? LAAT')).toEqual({ ok: true });
    expect(endMeeting(chairDoc!, anna.id, 'meeting-0001', 99)).toEqual({ ok: true });
    net.flush();
    for (const doc of net.docs) readMeeting(doc);

    net.reconnect(2);
    net.flush();
    for (const [doc, who] of [
      [chairDoc!, anna],
      [bramDoc!, bram],
      [carlaDoc!, carla],
    ] as const) {
      expect(readMeeting(doc).ended).toBe(true);
      expect(shown(doc, who).board.questions).toEqual([]);
    }
    expect(content(bramDoc!)).toContain('LAAT');

    // Anna has left; of Bram and Carla, Bram keeps the meeting clean.
    const here = present(bram, carla);
    expect(tendMeeting(carlaDoc!, carla.id, here)).toBe(false);
    expect(tendMeeting(bramDoc!, bram.id, here)).toBe(true);
    expect(tendMeeting(bramDoc!, bram.id, here)).toBe(false);
    net.flush();
    for (const doc of net.docs) expect(content(doc)).not.toContain('LAAT');

    // Deleted stays deleted: Carla going away and coming back brings nothing back.
    net.disconnect(2);
    net.reconnect(2);
    net.flush();
    expect(content(bramDoc!)).not.toContain('LAAT');
    expect(readEndedSummary(carlaDoc!)?.meetingId).toBe('meeting-0001');
  });

  it('clears junk written after the end and writes back a garbled summary', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(endMeeting(doc, anna.id, 'meeting-0001', 99)).toEqual({ ok: true });
    const summary = readEndedSummary(doc);
    const before = content(doc);
    doc.transact(() => {
      boardMap(doc, 'questions').set('junk', 1);
      boardMap(doc, 'adviceMarks').set('x'.repeat(100), { starred: true });
      meetingMap(doc).set(MEETING_KEYS.phaseIndex, 2);
      meetingMap(doc).set(MEETING_KEYS.ended, 'not any more');
      meetingMap(doc).set(MEETING_KEYS.chairName, '');
    });
    expect(readEndedSummary(doc)).toEqual(summary);
    expect(clearAfterEnd(doc)).toBe(true);
    expect(content(doc)).toBe(before);
    expect(clearAfterEnd(doc)).toBe(false);
  });

  it('leaves a running meeting alone', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    boardMap(doc, 'questions').set('junk', 1);
    expect(clearAfterEnd(doc)).toBe(false);
    expect(tendMeeting(doc, carla.id, present(carla))).toBe(false);
  });
});

describe('the keeper', () => {
  it('is the present member with the smallest member id, and the next one when they leave', () => {
    expect(keeperOf(present(carla, bram, anna))).toBe(anna.id);
    expect(keeperOf(present(carla, bram))).toBe(bram.id);
    expect(keeperOf([])).toBeNull();
  });
});
