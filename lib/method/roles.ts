import type { Activity, Method } from './method';

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
  | 'scale'
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
  | 'open-second-case'
  | 'share-look-back'
  | 'take-home';

interface Rule {
  readonly roles: readonly Role[];
  /** Activities in which the action is open; null: in every phase. */
  readonly activities: readonly Activity[] | null;
  /** Roles that may also take it, in the same activities, when the chair joins in (chairJoinsIn). */
  readonly smallGroup?: readonly Role[];
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
  // A group too small for its method: the chair asks and advises too (see chairJoinsIn).
  ask: { roles: MEMBER, activities: ['asking'], smallGroup: CHAIR },
  'mark-answered': { roles: BRINGER, activities: ['asking', 'rating'] },
  // The panel offers the rating only in a method that rates (method.ts ratesQuestions); the
  // document takes a bringer's rating in any method, as builds before it wrote them.
  rate: { roles: BRINGER, activities: ['asking', 'rating'] },
  // The scaling question (Phase.scale): the case bringer says where they stand, 0 to 10; the
  // commands open it only in a phase that asks it.
  scale: { roles: BRINGER, activities: ['asking'] },
  reveal: { roles: CHAIR, activities: null },
  propose: { roles: MEMBER, activities: ['reformulating'] },
  'choose-core': { roles: BRINGER, activities: ['reformulating'] },
  advise: { roles: MEMBER, activities: ['advising'], smallGroup: CHAIR },
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
  // "Een enkele keer lukt het om er nog een te bespreken": after the first case's evaluation
  // the chair may open one more case (second-case.ts has the rest of the rule).
  'open-second-case': { roles: CHAIR, activities: ['evaluating'] },
  // Last time's case bringer tells how it went, from their private notes if they choose to.
  'share-look-back': {
    roles: ['chair', 'bringer', 'member'],
    activities: ['lookback', 'pitching', 'choosing', 'sharing'],
  },
  // Saving the advice into the case bringer's private notes: offered while they may still star
  // and order it, so that what they take home carries their choice; and from the rating of the
  // questions on, where the bringer rates them (the Socratic method has no advice round).
  'take-home': { roles: BRINGER, activities: [...WITH_ADVICE, 'rating'] },
};

/** What about the meeting, besides role and phase, widens who may act. */
export interface MeetingCircumstances {
  /** The chair joins in because the group is smaller than its method needs (chairJoinsIn). */
  readonly chairJoinsIn?: boolean;
  /**
   * The chair is an external procesbegeleider, not a member: "guides, never brings a case,
   * never gives advice" (issue 14, point 8). Nothing widens for such a chair.
   */
  readonly chairIsExternal?: boolean;
}

/** True when a member with this role may take this action in a phase with this activity. */
export function mayDo(
  action: Action,
  role: Role,
  activity: Activity,
  circumstances: MeetingCircumstances = {},
): boolean {
  const rule = RULES[action];
  const widened =
    circumstances.chairJoinsIn === true &&
    circumstances.chairIsExternal !== true &&
    rule.smallGroup?.includes(role) === true;
  if (!rule.roles.includes(role) && !widened) return false;
  return rule.activities === null || rule.activities.includes(activity);
}

/**
 * Whether the chair asks and advises with the members: the group is smaller than the method
 * needs and the method allows it. "With two people a method that needs questioners stalls
 * silently (the only member becomes case bringer; nobody may ask)" (issue 14, point 10).
 */
export function chairJoinsIn(method: Method, presentCount: number): boolean {
  return method.chairMayJoinIn && presentCount < method.minMembers;
}

/**
 * The last phase in which the chair may confirm the case ('confirm-case'), or null for a method
 * without one (the first meeting). Past it, a meeting with no case confirmed has nobody to
 * answer the questions or receive the advice: the panel says so and offers the way back.
 */
export function caseChoicePhase(method: Method): number | null {
  if (!method.hasCase) return null;
  const index = method.phases.findLastIndex((phase) =>
    RULES['confirm-case'].activities?.includes(phase.activity),
  );
  return index < 0 ? null : index;
}
