import type { Method } from './method';
import { BALINT_METHOD } from './methods/balint';
import { BASIC_METHOD } from './methods/basic';
import { FIRST_MEETING_METHOD } from './methods/first-meeting';
import { GOSSIP_METHOD } from './methods/gossip';
import { INCIDENT_METHOD } from './methods/incident';
import { SOCRATIC_METHOD } from './methods/socratic';
import { SOLUTION_FOCUSED_METHOD } from './methods/solution-focused';
import { TEN_STEP_METHOD } from './methods/ten-step';

/**
 * Each method file checks its data with `satisfies Method<'id'>`, which keeps the literal type of
 * every phase; listed here, a method is seen as a plain `Method` with its own id, so that code
 * over all methods reads optional fields (`blind`, `bringerListens`) on any phase.
 */
const listed = <Id extends string>(method: Method<Id>): Method<Id> => method;

/** Every method the chair can pick, the basic model first (it is the default). */
export const METHODS = [
  listed(BASIC_METHOD),
  listed(INCIDENT_METHOD),
  listed(BALINT_METHOD),
  listed(GOSSIP_METHOD),
  listed(SOCRATIC_METHOD),
  listed(TEN_STEP_METHOD),
  listed(SOLUTION_FOCUSED_METHOD),
  listed(FIRST_MEETING_METHOD),
] as const;

/** The id of a method this version knows; a peer's document may name others. */
export type MethodId = (typeof METHODS)[number]['id'];

/** Finds a method by id; unknown ids (for instance from a newer peer) give undefined. */
export function findMethod(id: unknown): Method | undefined {
  return METHODS.find((method) => method.id === id);
}
