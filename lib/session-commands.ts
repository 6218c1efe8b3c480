import type * as Y from 'yjs';
import { LOCAL_ORIGIN, SESSION_KEYS, sessionMap } from './session-schema';
import { findMethod } from './methods';
import { isChair, readSession } from './session-state';
import { cleanName, LIMITS } from './limits';

/** Why a command was refused; the UI only offers allowed commands, so these mean a race. */
export type CommandRefusal = 'not-chair' | 'no-such-phase' | 'unknown-method' | 'already-started';

/** A command either ran in one transaction or was refused with a reason. */
export type CommandResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: CommandRefusal };

const OK: CommandResult = { ok: true };

/** Starts the meeting in a fresh document, with the caller as chair, in the first phase. */
export function startMeeting(
  doc: Y.Doc,
  input: { methodId: string; chairId: string; chairName: string; groupName: string; now: number },
): CommandResult {
  if (!findMethod(input.methodId)) return { ok: false, reason: 'unknown-method' };
  if (readSession(doc).started) return { ok: false, reason: 'already-started' };
  doc.transact(() => {
    const map = sessionMap(doc);
    map.set(SESSION_KEYS.methodId, input.methodId);
    map.set(SESSION_KEYS.chairId, input.chairId);
    map.set(SESSION_KEYS.chairName, cleanName(input.chairName, LIMITS.memberName));
    map.set(SESSION_KEYS.groupName, cleanName(input.groupName, LIMITS.groupName));
    map.set(SESSION_KEYS.startedAt, input.now);
    map.set(SESSION_KEYS.phaseIndex, 0);
    map.set(SESSION_KEYS.phaseStartedAt, input.now);
  }, LOCAL_ORIGIN);
  return OK;
}

/** Moves the meeting to a phase; only the chair may, and only to a phase that exists. */
export function goToPhase(doc: Y.Doc, actorId: string, index: number, now: number): CommandResult {
  const state = readSession(doc);
  if (!isChair(state, actorId)) return { ok: false, reason: 'not-chair' };
  if (!Number.isInteger(index) || index < 0 || index >= state.method.phases.length) {
    return { ok: false, reason: 'no-such-phase' };
  }
  doc.transact(() => {
    const map = sessionMap(doc);
    map.set(SESSION_KEYS.phaseIndex, index);
    map.set(SESSION_KEYS.phaseStartedAt, now);
  }, LOCAL_ORIGIN);
  return OK;
}

/** Moves the meeting one phase on (the chair's "next phase"). */
export function nextPhase(doc: Y.Doc, actorId: string, now: number): CommandResult {
  return goToPhase(doc, actorId, readSession(doc).phaseIndex + 1, now);
}

/** Moves the meeting one phase back (the chair's "previous phase"). */
export function previousPhase(doc: Y.Doc, actorId: string, now: number): CommandResult {
  return goToPhase(doc, actorId, readSession(doc).phaseIndex - 1, now);
}
