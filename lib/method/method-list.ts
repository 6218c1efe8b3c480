import type { Method } from './method';
import { BALINT_METHOD } from './methods/balint';
import { BASIC_METHOD } from './methods/basic';
import { FIRST_MEETING_METHOD } from './methods/first-meeting';
import { GOSSIP_METHOD } from './methods/gossip';
import { INCIDENT_METHOD } from './methods/incident';
import { SOCRATIC_METHOD } from './methods/socratic';
import { SOLUTION_FOCUSED_METHOD } from './methods/solution-focused';
import { TEN_STEP_METHOD } from './methods/ten-step';

/** Every method the chair can pick, the basic model first (it is the default). */
export const METHODS = [
  BASIC_METHOD,
  INCIDENT_METHOD,
  BALINT_METHOD,
  GOSSIP_METHOD,
  SOCRATIC_METHOD,
  TEN_STEP_METHOD,
  SOLUTION_FOCUSED_METHOD,
  FIRST_MEETING_METHOD,
] as const;

/** The id of a method this version knows; a peer's document may name others. */
export type MethodId = (typeof METHODS)[number]['id'];

/** Finds a method by id; unknown ids (for instance from a newer peer) give undefined. */
export function findMethod(id: unknown): Method | undefined {
  return METHODS.find((method) => method.id === id);
}
