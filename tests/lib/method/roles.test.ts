import { describe, expect, it } from 'vitest';
import { mayDo, RULES } from '../../../lib/method/roles';
import type { Action, Role } from '../../../lib/method/roles';
import type { Activity } from '../../../lib/method/method';

/**
 * Who may do what, when, as a table: each row is an action, a role, an activity and the verdict.
 * The chair guards the structure and takes no part in the content; the case bringer answers and
 * listens; members pitch, ask, propose and advise.
 */
const TABLE: ReadonlyArray<readonly [Action, Role, Activity, boolean]> = [
  ['pitch', 'member', 'pitching', true],
  ['pitch', 'chair', 'pitching', false],
  ['pitch', 'member', 'asking', false],
  ['score', 'member', 'choosing', true],
  ['score', 'member', 'pitching', true],
  ['score', 'chair', 'choosing', false],
  ['confirm-case', 'chair', 'choosing', true],
  ['confirm-case', 'chair', 'pitching', true],
  ['confirm-case', 'member', 'choosing', false],
  ['confirm-case', 'chair', 'asking', false],
  ['ask', 'member', 'asking', true],
  ['ask', 'bringer', 'asking', false],
  ['ask', 'chair', 'asking', false],
  ['ask', 'member', 'advising', false],
  ['mark-answered', 'bringer', 'asking', true],
  ['mark-answered', 'member', 'asking', false],
  ['rate', 'bringer', 'rating', true],
  ['rate', 'bringer', 'asking', true],
  ['rate', 'member', 'rating', false],
  ['rate', 'bringer', 'advising', false],
  ['scale', 'bringer', 'asking', true],
  ['scale', 'member', 'asking', false],
  ['scale', 'chair', 'asking', false],
  ['scale', 'bringer', 'reacting', false],
  ['reveal', 'chair', 'asking', true],
  ['reveal', 'member', 'asking', false],
  ['propose', 'member', 'reformulating', true],
  ['propose', 'chair', 'reformulating', false],
  ['propose', 'member', 'asking', false],
  ['choose-core', 'bringer', 'reformulating', true],
  ['choose-core', 'member', 'reformulating', false],
  ['choose-core', 'chair', 'reformulating', false],
  ['advise', 'member', 'advising', true],
  ['advise', 'bringer', 'advising', false],
  ['advise', 'chair', 'advising', false],
  ['advise', 'member', 'evaluating', false],
  ['star', 'bringer', 'advising', true],
  ['star', 'bringer', 'reacting', true],
  ['star', 'member', 'advising', false],
  ['intend', 'bringer', 'reacting', true],
  ['intend', 'member', 'reacting', false],
  ['evaluate', 'member', 'evaluating', true],
  ['evaluate', 'chair', 'evaluating', true],
  ['evaluate', 'bringer', 'evaluating', true],
  ['evaluate', 'member', 'sharing', true],
  ['evaluate', 'member', 'advising', false],
  ['keep-title', 'bringer', 'evaluating', true],
  ['keep-title', 'member', 'evaluating', false],
  ['move-phase', 'chair', 'asking', true],
  ['move-phase', 'member', 'asking', false],
  ['move-phase', 'bringer', 'asking', false],
  ['timer', 'chair', 'advising', true],
  ['timer', 'member', 'advising', false],
  ['hand-chair', 'chair', 'asking', true],
  ['hand-chair', 'member', 'asking', false],
  ['take-chair', 'member', 'asking', true],
  ['take-chair', 'bringer', 'asking', false],
  ['take-chair', 'chair', 'asking', false],
  ['end', 'chair', 'evaluating', true],
  ['end', 'member', 'evaluating', false],
  // "Een enkele keer lukt het om er nog een te bespreken": the chair, after the evaluation.
  ['open-second-case', 'chair', 'evaluating', true],
  ['open-second-case', 'chair', 'advising', false],
  ['open-second-case', 'member', 'evaluating', false],
  ['open-second-case', 'bringer', 'evaluating', false],
  ['share-look-back', 'bringer', 'lookback', true],
  ['share-look-back', 'member', 'pitching', true],
  ['share-look-back', 'member', 'advising', false],
  ['take-home', 'bringer', 'advising', true],
  ['take-home', 'bringer', 'reacting', true],
  ['take-home', 'bringer', 'evaluating', true],
  ['take-home', 'bringer', 'asking', false],
  ['take-home', 'bringer', 'rating', true],
  ['take-home', 'member', 'rating', false],
  ['take-home', 'member', 'advising', false],
  ['take-home', 'chair', 'evaluating', false],
];

const ACTIVITIES: readonly Activity[] = [
  'lookback',
  'pitching',
  'choosing',
  'presenting',
  'asking',
  'rating',
  'analysing',
  'reformulating',
  'advising',
  'reacting',
  'evaluating',
  'sharing',
];

describe('who may do what', () => {
  it.each(TABLE)('%s by the %s during %s: %s', (action, role, activity, allowed) => {
    expect(mayDo(action, role, activity)).toBe(allowed);
  });

  it('covers every action in the table', () => {
    const covered = new Set(TABLE.map(([action]) => action));
    expect([...covered].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('offers the case bringer the advice to take home while they may star it, and the questions once they rate them', () => {
    for (const activity of ACTIVITIES.filter((a) => a !== 'rating')) {
      expect(mayDo('take-home', 'bringer', activity)).toBe(mayDo('star', 'bringer', activity));
    }
    expect(mayDo('take-home', 'bringer', 'rating')).toBe(mayDo('rate', 'bringer', 'rating'));
    expect(ACTIVITIES.filter((a) => mayDo('take-home', 'bringer', a))).toEqual([
      'rating',
      'advising',
      'reacting',
      'evaluating',
    ]);
  });

  it('keeps the structure of the meeting with the chair alone, in every phase', () => {
    const chairOnly = [
      'confirm-case',
      'reveal',
      'move-phase',
      'timer',
      'hand-chair',
      'end',
    ] as const;
    for (const action of chairOnly) {
      for (const role of ['member', 'bringer'] as const) {
        for (const activity of ACTIVITIES) expect(mayDo(action, role, activity)).toBe(false);
      }
    }
    for (const action of ['reveal', 'move-phase', 'timer', 'hand-chair', 'end'] as const) {
      for (const activity of ACTIVITIES) expect(mayDo(action, 'chair', activity)).toBe(true);
    }
  });

  it('never lets the chair write content: pitches, questions, proposals or advice', () => {
    const activities: Activity[] = ['pitching', 'asking', 'reformulating', 'advising'];
    for (const action of ['pitch', 'ask', 'propose', 'advise'] as const) {
      for (const activity of activities) expect(mayDo(action, 'chair', activity)).toBe(false);
    }
  });
});
