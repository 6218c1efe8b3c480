import type * as Y from 'yjs';
import { SESSION_KEYS, sessionMap } from './session-schema';
import { BASIC_METHOD, clampPhaseIndex, findMethod } from './methods';
import type { Method, Phase } from './methods';
import { boundedString, finiteNumber, safeId } from './guards';
import { LIMITS } from './limits';

/** A plain, validated snapshot of the meeting's shared state. */
export interface SessionState {
  /** False until a chair has started the meeting in this document. */
  readonly started: boolean;
  readonly method: Method;
  readonly phaseIndex: number;
  readonly phase: Phase;
  readonly chairId: string | null;
  readonly chairName: string | null;
  readonly groupName: string | null;
  readonly startedAt: number | null;
  readonly phaseStartedAt: number | null;
}

/** Reads the meeting's state from the shared document, dropping anything malformed. */
export function readSession(doc: Y.Doc): SessionState {
  const map = sessionMap(doc);
  const method = findMethod(map.get(SESSION_KEYS.methodId)) ?? BASIC_METHOD;
  const phaseIndex = clampPhaseIndex(method, map.get(SESSION_KEYS.phaseIndex));
  const chairId = safeId(map.get(SESSION_KEYS.chairId));
  return {
    started: chairId !== null,
    method,
    phaseIndex,
    // clampPhaseIndex keeps the index in range and every method has phases.
    phase: method.phases[phaseIndex] ?? BASIC_METHOD.phases[0]!,
    chairId,
    chairName: boundedString(map.get(SESSION_KEYS.chairName), LIMITS.memberName),
    groupName: boundedString(map.get(SESSION_KEYS.groupName), LIMITS.groupName),
    startedAt: finiteNumber(map.get(SESSION_KEYS.startedAt)),
    phaseStartedAt: finiteNumber(map.get(SESSION_KEYS.phaseStartedAt)),
  };
}

/** True when the member with this id chairs the meeting. */
export function isChair(state: SessionState, memberId: string): boolean {
  return state.chairId !== null && state.chairId === memberId;
}
