import type { Activity } from './method';

/** A member's role in the running meeting. The chair is never the case bringer. */
export type Role = 'chair' | 'bringer' | 'member';

/**
 * Everything a member can do in a meeting besides reading the board: write to the shared board,
 * steer the meeting (the chair), or take the advice home into their private notes.
 */
export type Action =
  | 'pitch'
  | 'score'
  | 'confirm-case'
  | 'ask'
  | 'mark-answered'
  | 'rate'
  | 'reveal'
  | 'propose'
  | 'choose-core'
  | 'advise'
  | 'star'
  | 'intend'
  | 'evaluate'
  | 'keep-title'
  | 'move-phase'
  | 'timer'
  | 'hand-chair'
  | 'take-chair'
  | 'end'
  | 'share-look-back'
  | 'take-home';

interface Rule {
  readonly roles: readonly Role[];
  /** Activities in which the action is open; null: in every phase. */
  readonly activities: readonly Activity[] | null;
}

const MEMBER: readonly Role[] = ['member'];
const BRINGER: readonly Role[] = ['bringer'];
const CHAIR: readonly Role[] = ['chair'];
const CHOOSING: readonly Activity[] = ['pitching', 'choosing'];
/** From the advice round to the evaluation: the advice is there for the case bringer to weigh. */
const WITH_ADVICE: readonly Activity[] = ['advising', 'reacting', 'evaluating'];

/**
 * Who may do what, when. The chair guards the structure and takes no part in the content; the
 * case bringer answers, chooses and listens; members pitch, ask, propose and advise.
 */
export const RULES: Readonly<Record<Action, Rule>> = {
  pitch: { roles: MEMBER, activities: CHOOSING },
  score: { roles: MEMBER, activities: CHOOSING },
  'confirm-case': { roles: CHAIR, activities: CHOOSING },
  ask: { roles: MEMBER, activities: ['asking'] },
  'mark-answered': { roles: BRINGER, activities: ['asking', 'rating'] },
  rate: { roles: BRINGER, activities: ['asking', 'rating'] },
  reveal: { roles: CHAIR, activities: null },
  propose: { roles: MEMBER, activities: ['reformulating'] },
  'choose-core': { roles: BRINGER, activities: ['reformulating'] },
  advise: { roles: MEMBER, activities: ['advising'] },
  star: { roles: BRINGER, activities: WITH_ADVICE },
  intend: { roles: BRINGER, activities: WITH_ADVICE },
  evaluate: { roles: ['chair', 'bringer', 'member'], activities: ['evaluating', 'sharing'] },
  'keep-title': { roles: BRINGER, activities: null },
  'move-phase': { roles: CHAIR, activities: null },
  // The running phase timer and the minutes planned per phase: both are the chair's time keeping.
  timer: { roles: CHAIR, activities: null },
  'hand-chair': { roles: CHAIR, activities: null },
  'take-chair': { roles: MEMBER, activities: null },
  end: { roles: CHAIR, activities: null },
  // Last time's case bringer tells how it went, from their private notes if they choose to.
  'share-look-back': {
    roles: ['chair', 'bringer', 'member'],
    activities: ['lookback', 'pitching', 'choosing', 'sharing'],
  },
  // Saving the advice into the case bringer's private notes: offered while they may still star
  // and order it, so that what they take home carries their choice.
  'take-home': { roles: BRINGER, activities: WITH_ADVICE },
};

/** True when a member with this role may take this action in a phase with this activity. */
export function mayDo(action: Action, role: Role, activity: Activity): boolean {
  const rule = RULES[action];
  if (!rule.roles.includes(role)) return false;
  return rule.activities === null || rule.activities.includes(activity);
}
