import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAdvice,
  addPitch,
  addQuestion,
  confirmCase,
  handChair,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { startMeeting } from '../../../lib/shared-doc/meeting-commands';
import { decodeSummary, endMeeting, readEndedSummary } from '../../../lib/shared-doc/meeting-end';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { listMembers, PRESENCE_FIELD } from '../../../lib/shared-doc/presence';
import { attendanceEntryFrom } from '../../../lib/device/attendance';
import { goTo, member } from '../helpers/meeting';

/**
 * Issue 14, point 8: "An external procesbegeleider: a role for a facilitator who is not a member
 * (guides, never brings a case, never gives advice, appears as such in the record)." The start
 * stores the chair's own id under chairIsExternal (a chair-only key): the role belongs to that
 * person, so a chair handed on is an ordinary chair again, and handed back is external again.
 */

const eva = member('Eva'); // the external procesbegeleider
const bram = member('Bram');
const carla = member('Carla');

/** Eva chairs `methodId` as external; Bram's case is confirmed; the meeting is in `phase`. */
function meeting(phase: string, { external = true, joinsIn = true, methodId = 'basic' } = {}) {
  const doc = new Y.Doc();
  expect(
    startMeeting(doc, {
      methodId,
      chairId: eva.id,
      chairName: eva.name,
      groupName: 'Team Oost',
      now: 0,
      chairJoinsIn: joinsIn,
      chairIsExternal: external,
    }),
  ).toEqual({ ok: true });
  if (readMeeting(doc).phase.activity !== 'pitching') goTo(doc, eva, 'pitching');
  expect(addPitch(bram.ctx(doc), 'Een ouder die steeds boos belt', 'case').ok).toBe(true);
  const pitch = readBoard(doc, readMeeting(doc).method, eva.id).pitches[0]!;
  expect(confirmCase(eva.ctx(doc), pitch.id)).toEqual({ ok: true });
  goTo(doc, eva, phase);
  return doc;
}

const REFUSED = { ok: false, reason: 'not-allowed' };

describe('an external procesbegeleider (issue 14, point 8)', () => {
  it('never asks or advises, even in a group of two where another chair would join in', () => {
    const doc = meeting('asking');
    expect(readMeeting(doc).chairIsExternal).toBe(true);
    expect(readMeeting(doc).chairJoinsIn).toBe(false);
    // Only the external choice is stored: the joining in is not written at all.
    expect(meetingMap(doc).has(MEETING_KEYS.chairJoinsIn)).toBe(false);
    expect(addQuestion(eva.ctx(doc), 'Wat deed je toen hij belde?')).toEqual(REFUSED);
    goTo(doc, eva, 'advising');
    expect(addAdvice(eva.ctx(doc), 'Bel hem terug op een vast moment.')).toEqual(REFUSED);
    expect(readBoard(doc, readMeeting(doc).method, bram.id).advice).toEqual([]);
  });

  it('the same start without the external choice lets the chair join in (so the test can fail)', () => {
    const doc = meeting('asking', { external: false });
    expect(readMeeting(doc).chairIsExternal).toBe(false);
    expect(addQuestion(eva.ctx(doc), 'Wat deed je toen hij belde?')).toEqual({ ok: true });
  });

  it('never brings a case: a pitch by the external chair is refused', () => {
    const doc = new Y.Doc();
    startMeeting(doc, {
      methodId: 'basic',
      chairId: eva.id,
      chairName: eva.name,
      groupName: 'Team Oost',
      now: 0,
      chairIsExternal: true,
    });
    goTo(doc, eva, 'pitching');
    expect(addPitch(eva.ctx(doc), 'Mijn eigen casus', 'case').ok).toBe(false);
  });

  it('belongs to the person: handed on, the new chair is not external; handed back, it is again', () => {
    const doc = meeting('asking', { joinsIn: false });
    expect(handChair(eva.ctx(doc), carla.id, carla.name)).toEqual({ ok: true });
    expect(readMeeting(doc).chairId).toBe(carla.id);
    expect(readMeeting(doc).chairIsExternal).toBe(false);
    expect(handChair(carla.ctx(doc), eva.id, eva.name)).toEqual({ ok: true });
    expect(readMeeting(doc).chairIsExternal).toBe(true);
  });

  it('reads garbage or another id in the key as not external', () => {
    const doc = meeting('asking', { external: false, joinsIn: false });
    for (const garbage of [true, 'true', 1, { id: eva.id }, null, carla.id]) {
      meetingMap(doc).set(MEETING_KEYS.chairIsExternal, garbage);
      expect(readMeeting(doc).chairIsExternal, JSON.stringify(garbage)).toBe(false);
    }
  });

  it('appears as such in the member list, and only the chair', () => {
    const doc = meeting('asking');
    const state = (memberId: string, name: string) => ({ [PRESENCE_FIELD]: { memberId, name } });
    const states = new Map<number, unknown>([
      [1, state(eva.id, eva.name)],
      [2, state(bram.id, bram.name)],
      [3, state(carla.id, carla.name)],
    ]);
    const members = listMembers(states, readMeeting(doc), carla.id);
    expect(members.map((m) => [m.name, m.role, m.external === true])).toEqual([
      ['Eva', 'chair', true],
      ['Bram', 'bringer', false],
      ['Carla', 'member', false],
    ]);
  });

  it('appears as such in the summary and in the attendance record', () => {
    const doc = meeting('evaluating');
    expect(endMeeting(doc, eva.id, 'meeting-0001', 60_000)).toEqual({ ok: true });
    const summary = readEndedSummary(doc)!;
    expect(summary.chairName).toBe('Eva');
    expect(summary.chairExternal).toBe(true);
    const context = {
      groupId: 'group-0001',
      groupName: 'Team Oost',
      present: ['Eva', 'Bram', 'Carla'],
    };
    expect(attendanceEntryFrom(summary, { ...context, selfId: eva.id, role: 'chair' })?.role).toBe(
      'facilitator',
    );
    expect(
      attendanceEntryFrom(summary, { ...context, selfId: carla.id, role: 'member' })?.role,
    ).toBe('member');
    expect(
      attendanceEntryFrom(summary, { ...context, selfId: bram.id, role: 'member' })?.role,
    ).toBe('bringer');
  });

  it('a summary whose chair was handed on to a member records an ordinary chair', () => {
    const doc = meeting('evaluating', { joinsIn: false });
    expect(handChair(eva.ctx(doc), carla.id, carla.name)).toEqual({ ok: true });
    expect(endMeeting(doc, carla.id, 'meeting-0002', 60_000)).toEqual({ ok: true });
    const summary = readEndedSummary(doc)!;
    expect(summary.chairExternal).toBeUndefined();
    const entry = attendanceEntryFrom(summary, {
      groupId: 'group-0001',
      groupName: 'Team Oost',
      selfId: carla.id,
      role: 'chair',
      present: [],
    });
    expect(entry?.role).toBe('chair');
  });

  it('reads a summary kept before this existed as an ordinary chair; only true means external', () => {
    const old = {
      meetingId: 'meeting-0003',
      startedAt: 0,
      endedAt: 1,
      methodId: 'basic',
      chairName: 'Anna',
      agreements: [],
      followUp: [],
    };
    expect(decodeSummary(old)?.chairExternal).toBeUndefined();
    expect(decodeSummary({ ...old, chairExternal: 'yes' })?.chairExternal).toBeUndefined();
    expect(decodeSummary({ ...old, chairExternal: true })?.chairExternal).toBe(true);
  });
});
