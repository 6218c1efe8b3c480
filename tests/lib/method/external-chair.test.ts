import { describe, expect, it } from 'vitest';
import { mayDo, RULES } from '../../../lib/method/roles';
import type { Action, Role } from '../../../lib/method/roles';
import type { Activity } from '../../../lib/method/method';

/**
 * Issue 14, point 8: "An external procesbegeleider: a role for a facilitator who is not a member
 * (guides, never brings a case, never gives advice, appears as such in the record)." In the
 * roles table such a chair is a chair that nothing widens: not even a group too small for its
 * method (chairJoinsIn), where another chair asks and advises too.
 */

const ACTIVITIES: readonly Activity[] = [
  'lookback',
  'pitching',
  'choosing',
  'presenting',
  'asking',
  'rating',
  'reformulating',
  'analysing',
  'advising',
  'reacting',
  'evaluating',
  'sharing',
];
const ACTIONS = Object.keys(RULES) as Action[];

describe('an external procesbegeleider in the roles table (issue 14, point 8)', () => {
  // "never gives advice" — and, as the chair who guards the process, never asks either.
  it.each([
    ['ask', 'asking'],
    ['advise', 'advising'],
    ['pitch', 'pitching'],
    ['score', 'pitching'],
    ['propose', 'reformulating'],
  ] as const)(
    'never takes %s (in %s), even when the chair would join in a small group',
    (action, activity) => {
      expect(mayDo(action, 'chair', activity, { chairJoinsIn: true, chairIsExternal: true })).toBe(
        false,
      );
      expect(mayDo(action, 'chair', activity, { chairIsExternal: true })).toBe(false);
    },
  );

  it('the same chair, not external, does ask and advise in a small group (the widening is real)', () => {
    expect(mayDo('ask', 'chair', 'asking', { chairJoinsIn: true })).toBe(true);
    expect(mayDo('advise', 'chair', 'advising', { chairJoinsIn: true })).toBe(true);
  });

  it('for every action, role and activity: external with joining in equals a chair that never joins in', () => {
    const roles: readonly Role[] = ['chair', 'bringer', 'member'];
    for (const action of ACTIONS) {
      for (const role of roles) {
        for (const activity of ACTIVITIES) {
          expect(
            mayDo(action, role, activity, { chairJoinsIn: true, chairIsExternal: true }),
            `${action} ${role} ${activity}`,
          ).toBe(mayDo(action, role, activity));
        }
      }
    }
  });

  it('keeps guiding: moves phases, keeps time, reveals, confirms the case, hands on and ends', () => {
    const external = { chairIsExternal: true };
    expect(mayDo('move-phase', 'chair', 'asking', external)).toBe(true);
    expect(mayDo('timer', 'chair', 'advising', external)).toBe(true);
    expect(mayDo('reveal', 'chair', 'asking', external)).toBe(true);
    expect(mayDo('confirm-case', 'chair', 'choosing', external)).toBe(true);
    expect(mayDo('hand-chair', 'chair', 'asking', external)).toBe(true);
    expect(mayDo('end', 'chair', 'evaluating', external)).toBe(true);
  });
});
