import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  goToPhase,
  nextPhase,
  previousPhase,
  startMeeting,
} from '../../../lib/shared-doc/session-commands';
import { readSession } from '../../../lib/shared-doc/session-state';
import { sessionMap } from '../../../lib/shared-doc/session-schema';

const CHAIR = 'chair-000001';
const MEMBER = 'member-00002';

function started(): Y.Doc {
  const doc = new Y.Doc();
  const result = startMeeting(doc, {
    methodId: 'basic',
    chairId: CHAIR,
    chairName: 'Anna',
    groupName: 'Verpleging B3',
    now: 1000,
  });
  expect(result).toEqual({ ok: true });
  return doc;
}

describe('session commands', () => {
  it('starts a meeting in the first phase with the starter as chair', () => {
    const state = readSession(started());
    expect(state).toMatchObject({
      started: true,
      phaseIndex: 0,
      chairId: CHAIR,
      chairName: 'Anna',
      groupName: 'Verpleging B3',
    });
    expect(state.phase.id).toBe('inventory');
  });

  it('reads an empty document as not started', () => {
    expect(readSession(new Y.Doc()).started).toBe(false);
  });

  it('refuses to start a meeting twice or with an unknown method', () => {
    const doc = started();
    expect(
      startMeeting(doc, {
        methodId: 'basic',
        chairId: MEMBER,
        chairName: 'B',
        groupName: 'G',
        now: 2,
      }),
    ).toEqual({ ok: false, reason: 'already-started' });
    expect(
      startMeeting(new Y.Doc(), {
        methodId: 'nope',
        chairId: CHAIR,
        chairName: 'A',
        groupName: 'G',
        now: 2,
      }),
    ).toEqual({ ok: false, reason: 'unknown-method' });
  });

  it('lets the chair move forward and back through the phases', () => {
    const doc = started();
    expect(nextPhase(doc, CHAIR, 2000)).toEqual({ ok: true });
    expect(nextPhase(doc, CHAIR, 3000)).toEqual({ ok: true });
    expect(readSession(doc)).toMatchObject({ phaseIndex: 2, phaseStartedAt: 3000 });
    expect(previousPhase(doc, CHAIR, 4000)).toEqual({ ok: true });
    expect(readSession(doc).phase.id).toBe('analysis');
  });

  it('does not let a member move the phase', () => {
    const doc = started();
    expect(nextPhase(doc, MEMBER, 2000)).toEqual({ ok: false, reason: 'not-chair' });
    expect(readSession(doc).phaseIndex).toBe(0);
  });

  it('stops at the first and the last phase', () => {
    const doc = started();
    expect(previousPhase(doc, CHAIR, 1)).toEqual({ ok: false, reason: 'no-such-phase' });
    expect(goToPhase(doc, CHAIR, 4, 2)).toEqual({ ok: true });
    expect(nextPhase(doc, CHAIR, 3)).toEqual({ ok: false, reason: 'no-such-phase' });
  });

  it('reads malformed values written by a peer as safe defaults', () => {
    const doc = started();
    const map = sessionMap(doc);
    map.set('phaseIndex', 99);
    map.set('methodId', { evil: true });
    map.set('chairName', 'x'.repeat(10_000));
    map.set('startedAt', 'yesterday');
    const state = readSession(doc);
    expect(state.method.id).toBe('basic');
    expect(state.phaseIndex).toBe(4);
    expect(state.chairName).toBeNull();
    expect(state.startedAt).toBeNull();
  });
});
