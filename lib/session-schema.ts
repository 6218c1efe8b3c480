import type * as Y from 'yjs';

/**
 * The one file that names the shared documents' top-level Yjs types. Everything else reads
 * through lib/session-state.ts and lib/lobby.ts and writes through their commands.
 *
 * Two documents per group, each in its own encrypted room:
 * - the lobby (long-lived, tiny): which meeting is running now;
 * - the meeting (fresh for every meeting): phase, roles and, later, the boards.
 */

/** Keys of the meeting's `session` map; values are plain JSON, validated on read. */
export const SESSION_KEYS = {
  methodId: 'methodId',
  phaseIndex: 'phaseIndex',
  chairId: 'chairId',
  chairName: 'chairName',
  groupName: 'groupName',
  startedAt: 'startedAt',
  phaseStartedAt: 'phaseStartedAt',
} as const;

/** The meeting document's root map for its settings and progress. */
export function sessionMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('session');
}

/** The lobby document's root map; its `meeting` key points at the running meeting. */
export function lobbyMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('lobby');
}

/** Origin of local transactions, so that undo and observers can tell them from remote ones. */
export const LOCAL_ORIGIN = Symbol('kring-local');
