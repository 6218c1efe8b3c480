import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changeTimer, nextPhase, setPhaseMinutes } from '../../../lib/shared-doc/meeting-commands';
import { formatRemaining, nearlyUp, readTimer, remainingMs } from '../../../lib/shared-doc/timer';
import type { TimerState } from '../../../lib/shared-doc/timer';
import { ClockOffsets } from '../../../lib/shared-doc/clock-offsets';
import { meetingMap } from '../../../lib/shared-doc/doc-schema';
import { member, start } from '../helpers/meeting';
import { InMemoryNetwork } from '../helpers/in-memory-network';

const anna = member('Anna');
const carla = member('Carla');
const MIN = 60_000;

describe('the phase timer', () => {
  it('starts with each phase at its minutes and counts down on the chair clock', () => {
    const doc = new Y.Doc();
    start(doc, anna); // at 0: inventory, 15 minutes
    const timer = readTimer(doc)!;
    expect(timer).toMatchObject({ phaseId: 'inventory', durationMs: 15 * MIN, runningSince: 0 });
    expect(remainingMs(timer, 5 * MIN, 0)).toBe(10 * MIN);
    nextPhase(doc, anna.id, 20 * MIN);
    expect(readTimer(doc)).toMatchObject({ phaseId: 'analysis', runningSince: 20 * MIN });
  });

  it('shows members with a different clock the same remaining time', () => {
    const net = new InMemoryNetwork(2);
    const [chairDoc, memberDoc] = net.docs;
    const chairNow = 1_000_000;
    start(chairDoc!, anna);
    changeTimer(chairDoc!, anna.id, { kind: 'reset' }, chairNow);
    net.flush();
    // The member's clock runs 7 minutes behind the chair's; presence tells them so.
    const skew = -7 * MIN;
    const offsets = new ClockOffsets();
    offsets.observe(anna.id, chairNow, chairNow + skew + 40); // 40 ms network delay
    const memberNow = chairNow + 3 * MIN + skew;
    const chairView = remainingMs(readTimer(chairDoc!)!, chairNow + 3 * MIN, 0);
    const memberView = remainingMs(readTimer(memberDoc!)!, memberNow, offsets.offset(anna.id));
    expect(chairView).toBe(12 * MIN);
    expect(Math.abs(memberView - chairView)).toBeLessThan(100);
  });

  it('pauses, resumes, extends and resets', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    changeTimer(doc, anna.id, { kind: 'pause' }, 4 * MIN);
    expect(remainingMs(readTimer(doc)!, 60 * MIN, 0)).toBe(11 * MIN);
    changeTimer(doc, anna.id, { kind: 'resume' }, 10 * MIN);
    expect(remainingMs(readTimer(doc)!, 12 * MIN, 0)).toBe(9 * MIN);
    changeTimer(doc, anna.id, { kind: 'extend', minutes: 5 }, 12 * MIN);
    expect(remainingMs(readTimer(doc)!, 12 * MIN, 0)).toBe(14 * MIN);
    changeTimer(doc, anna.id, { kind: 'reset' }, 13 * MIN);
    expect(remainingMs(readTimer(doc)!, 13 * MIN, 0)).toBe(15 * MIN);
  });

  it('goes negative when time is up', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(remainingMs(readTimer(doc)!, 16 * MIN, 0)).toBe(-1 * MIN);
    expect(formatRemaining(-61_000)).toBe('-1:01');
    expect(formatRemaining(15 * MIN)).toBe('15:00');
    expect(formatRemaining(59_999)).toBe('0:59');
  });

  it('lets only the chair change the timer', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(changeTimer(doc, carla.id, { kind: 'pause' }, 1)).toEqual({
      ok: false,
      reason: 'not-chair',
    });
    expect(changeTimer(doc, anna.id, { kind: 'extend', minutes: 1000 }, 1)).toEqual({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('follows the chair rescaling the phase times', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(setPhaseMinutes(doc, anna.id, [10, 20, 10, 20, 10])).toEqual({ ok: true });
    expect(readTimer(doc)!.durationMs).toBe(10 * MIN);
    expect(setPhaseMinutes(doc, carla.id, [10, 20, 10, 20, 10]).ok).toBe(false);
    expect(setPhaseMinutes(doc, anna.id, [10, 20]).ok).toBe(false);
  });

  it('ignores a malformed timer from a peer', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    for (const bad of [
      'soon',
      { phaseId: 'x', durationMs: -5, elapsedMs: 0, runningSince: 0, clockOf: anna.id },
      { phaseId: 'x', durationMs: 1e12, elapsedMs: 0, runningSince: 0, clockOf: anna.id },
      { phaseId: 'x', durationMs: 5, elapsedMs: 0, runningSince: 'now', clockOf: anna.id },
      { phaseId: 'x', durationMs: 5, elapsedMs: 0, runningSince: 0, clockOf: '?' },
    ]) {
      meetingMap(doc).set('timer', bad);
      expect(readTimer(doc)).toBeNull();
    }
  });
});

describe('clock offsets', () => {
  it('takes the median of recent samples, so one slow delivery does not skew it', () => {
    const offsets = new ClockOffsets();
    for (const delay of [10, 12, 900, 11, 9]) offsets.observe('x-000001', 5000, 1000 + delay);
    expect(offsets.offset('x-000001')).toBe(5000 - 1011);
    expect(offsets.offset('unknown-01')).toBe(0);
  });
});

describe('time nearly up', () => {
  const phase = (minutes: number): TimerState => ({
    phaseId: 'inventory',
    durationMs: minutes * MIN,
    elapsedMs: 0,
    runningSince: 0,
    clockOf: anna.id,
  });

  it('is the last two minutes of a phase, not once time is up', () => {
    expect(nearlyUp(phase(15), 2 * MIN)).toBe(true);
    expect(nearlyUp(phase(15), 2 * MIN + 1)).toBe(false);
    expect(nearlyUp(phase(15), 1)).toBe(true);
    expect(nearlyUp(phase(15), 0)).toBe(false);
    expect(nearlyUp(phase(15), -MIN)).toBe(false);
  });

  it('is the last quarter of a short phase', () => {
    expect(nearlyUp(phase(3), 45_000)).toBe(true);
    expect(nearlyUp(phase(3), 46_000)).toBe(false);
  });
});
