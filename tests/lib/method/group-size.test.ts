import { describe, expect, it } from 'vitest';
import { METHODS, findMethod } from '../../../lib/method/method-list';
import { chairJoinsIn, mayDo } from '../../../lib/method/roles';
import type { Action, Role } from '../../../lib/method/roles';
import type { Activity, Method } from '../../../lib/method/method';

/**
 * Issue 14, point 10: "With two people a method that needs questioners stalls silently today (the
 * only member becomes case bringer; nobody may ask)." Each method says how many people it needs
 * (chair and case bringer included) and whether the chair may ask and advise in a smaller group.
 */

function method(id: string): Method {
  const found = findMethod(id);
  if (!found) throw new Error(`no method ${id}`);
  return found;
}

const PER_METHOD: ReadonlyArray<readonly [string, number, boolean]> = [
  ['basic', 3, true],
  ['incident', 3, true],
  ['balint', 4, false],
  ['gossip', 4, true],
  ['socratic', 3, true],
  ['ten-step', 4, false],
  ['solution-focused', 3, true],
  ['first-meeting', 2, false],
];

describe('how many people each method needs, and whether the chair may join in', () => {
  it.each(PER_METHOD)('%s needs %i people; the chair may join in: %s', (id, min, joins) => {
    expect(method(id).minMembers).toBe(min);
    expect(method(id).chairMayJoinIn).toBe(joins);
  });

  it('has a row for every method offered', () => {
    expect(PER_METHOD.map(([id]) => id).sort()).toEqual(METHODS.map((m) => m.id).sort());
  });

  it('asks of every method with a case room for a chair, a case bringer and someone who asks', () => {
    for (const m of METHODS.filter((x) => x.hasCase))
      expect(m.minMembers).toBeGreaterThanOrEqual(3);
  });

  it('lets the chair join in only in a method where members ask or advise', () => {
    for (const m of METHODS.filter((x) => x.chairMayJoinIn)) {
      const activities = m.phases.map((p) => p.activity);
      expect(activities.some((a) => a === 'asking' || a === 'advising')).toBe(true);
    }
  });
});

const JOINS_IN: ReadonlyArray<readonly [string, number, boolean]> = [
  // "With two people ... the only member becomes case bringer; nobody may ask."
  ['basic', 2, true],
  ['basic', 1, true],
  ['basic', 3, false],
  ['basic', 8, false],
  ['incident', 2, true],
  ['gossip', 3, true],
  ['gossip', 4, false],
  ['balint', 2, false],
  ['balint', 3, false],
  ['ten-step', 2, false],
  ['first-meeting', 1, false],
];

describe('chairJoinsIn: fewer people than the method needs, and the method allows it', () => {
  it.each(JOINS_IN)('%s with %i present: the chair joins in: %s', (id, present, expected) => {
    expect(chairJoinsIn(method(id), present)).toBe(expected);
  });
});

const SMALL = { chairJoinsIn: true };
const ROWS: ReadonlyArray<readonly [Action, Role, Activity, boolean, boolean]> = [
  // action, role, activity, in a full group, when the chair joins in
  ['ask', 'chair', 'asking', false, true],
  ['advise', 'chair', 'advising', false, true],
  ['ask', 'chair', 'advising', false, false],
  ['advise', 'chair', 'asking', false, false],
  ['ask', 'member', 'asking', true, true],
  ['advise', 'member', 'advising', true, true],
  // The case bringer answers and listens, however small the group.
  ['ask', 'bringer', 'asking', false, false],
  ['advise', 'bringer', 'advising', false, false],
  // Joining in is asking and advising only: the chair still does not pitch, score or propose.
  ['pitch', 'chair', 'pitching', false, false],
  ['score', 'chair', 'pitching', false, false],
  ['propose', 'chair', 'reformulating', false, false],
  ['star', 'chair', 'advising', false, false],
  // And keeps the chair's own actions.
  ['move-phase', 'chair', 'asking', true, true],
  ['reveal', 'chair', 'advising', true, true],
];

describe('the roles table when the chair joins in a small group', () => {
  it.each(ROWS)(
    '%s by %s in %s: full group %s, chair joins in %s',
    (action, role, activity, full, small) => {
      expect(mayDo(action, role, activity)).toBe(full);
      expect(mayDo(action, role, activity, { chairJoinsIn: false })).toBe(full);
      expect(mayDo(action, role, activity, SMALL)).toBe(small);
    },
  );
});
