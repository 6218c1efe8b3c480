import type * as Y from 'yjs';
import { nameRoot } from './signed';

/**
 * The one file that names the shared documents' top-level Yjs types. Everything else reads
 * through lib/shared-doc/meeting-state.ts and lib/shared-doc/lobby.ts and writes through their commands.
 *
 * Two documents per group, each in its own encrypted room:
 * - the lobby (long-lived, tiny): which meeting is running now;
 * - the meeting (fresh for every meeting): phase, roles, timer and the boards.
 *
 * Board items are plain JSON objects in a Y.Map keyed by a random id, written once by their
 * author. What others add to an item (the case bringer's answered mark, rating, star, order) lives
 * in a separate map of marks keyed by the item id, so that no two members ever write the same
 * value and nothing nested is created lazily (tech-notes: nested types made by two peers at once
 * lose one side). Scores are per voter, never shared counters.
 */

/**
 * Keys of the meeting's progress map (method, phase, chair, timer, case); values are plain JSON,
 * validated on read. The Yjs root keeps its first name, `session`, so documents stay readable.
 * Earlier builds also wrote `phaseStartedAt` with every phase change; nothing read it (the
 * phase's timer says when it started), so it is no longer written and is ignored where found.
 */
export const MEETING_KEYS = {
  methodId: 'methodId',
  phaseIndex: 'phaseIndex',
  chairId: 'chairId',
  chairName: 'chairName',
  groupName: 'groupName',
  startedAt: 'startedAt',
  /** Minutes per phase after the chair rescaled them, or absent for the method's defaults. */
  phaseMinutes: 'phaseMinutes',
  timer: 'timer',
  caseBringerId: 'caseBringerId',
  caseBringerName: 'caseBringerName',
  casePitchId: 'casePitchId',
  /** The core question as the case bringer confirmed it: `{ text, proposalId }`. */
  coreQuestion: 'coreQuestion',
  /** What the case bringer will do with the advice. */
  intentions: 'intentions',
  /** The case bringer agrees that the case title is kept in the meeting's summary. */
  keepCaseTitle: 'keepCaseTitle',
  /**
   * Fewer people are in the meeting than the method needs, and the chair asks and advises too
   * (written by the chair's panel as the group changes: meeting-commands.ts fitChairToGroup).
   */
  chairJoinsIn: 'chairJoinsIn',
  /**
   * The member id of a chair who guides as an external procesbegeleider (not a member of the
   * group). An id, not a flag: it belongs to that person and applies only while they chair.
   */
  chairIsExternal: 'chairIsExternal',
  /** Who took the chair over from a disconnected chair, and when: `{ memberId, name, at }`. */
  chairTakenOver: 'chairTakenOver',
  /** The next chair and date the chair records just before the end: `{ nextChair, nextDate }`. */
  nextMeeting: 'nextMeeting',
  /** Set when the chair ended the meeting: the summary the group keeps. */
  ended: 'ended',
} as const;

/**
 * The progress key the chair writes to open a second case after the first case's evaluation
 * (issue 14, point 5): `{ n: 2, at }`. Absent: the meeting is on its first case. Chair-only
 * (who-writes.ts SECOND_CASE_RULE). Kept out of MEETING_KEYS so that the seeded hostile fuzz
 * (tests/helpers/garbage.ts picks from MEETING_KEYS) keeps its pinned streams.
 */
export const SECOND_CASE_KEY = 'secondCase';

/**
 * The progress key of the case bringer's answer to the scaling question (Phase.scale): an
 * integer from 0 to SCALE_TOP; absent: not said (or taken back). One per case (caseKey: the
 * second case's under `case2.scale`). Bringer-only (board-state.ts BRINGER_RULES). Kept out of
 * MEETING_KEYS and CASE_SCOPED_KEYS for the same reason as SECOND_CASE_KEY: the seeded hostile
 * fuzz picks from MEETING_KEYS.
 */
export const SCALE_KEY = 'scale';

/** A case of the meeting: the first, or the one more that "een enkele keer" fits in. */
export type CaseNumber = 1 | 2;

/**
 * The progress keys that belong to one case: who brings it, which pitch it is, and the case
 * bringer's answers. The second case writes them under `case2.<key>` (caseKey), so that the
 * first case's values, signed by their writers, stay in the document as they were.
 */
export const CASE_SCOPED_KEYS = [
  MEETING_KEYS.caseBringerId,
  MEETING_KEYS.caseBringerName,
  MEETING_KEYS.casePitchId,
  MEETING_KEYS.coreQuestion,
  MEETING_KEYS.intentions,
  MEETING_KEYS.keepCaseTitle,
] as const;

/**
 * The key under which a case keeps a case-scoped progress key (or a `revealed:` key): the first
 * case under the key's own name (documents of earlier builds read the same), the second under
 * `case2.<key>`.
 */
export function caseKey(key: string, caseNumber: CaseNumber): string {
  return caseNumber === 1 ? key : `case${caseNumber}.${key}`;
}

/** Prefix of the meeting keys that mark a blind phase as revealed: `revealed:<phaseId>`. */
export const REVEALED_PREFIX = 'revealed:';

/** The meeting's boards: one root map per kind of item, and maps of marks on them. */
export const BOARD_ROOTS = {
  pitches: 'pitches',
  scores: 'scores',
  questions: 'questions',
  questionMarks: 'questionMarks',
  proposals: 'proposals',
  advice: 'advice',
  adviceMarks: 'adviceMarks',
  evaluation: 'evaluation',
  /**
   * The shared look back: lines members chose to share about how it went since last time. The
   * root keeps its first name, so that documents written before the rename still read.
   */
  sharedLookBack: 'lookBack',
  /** Who confirmed the group's confidentiality agreement: `{ at }` keyed by member id. */
  confidentiality: 'confidentiality',
} as const;

/** A kind of board root. */
export type BoardRoot = keyof typeof BOARD_ROOTS;

/** One of the meeting's board maps. */
export function boardMap(doc: Y.Doc, root: BoardRoot): Y.Map<unknown> {
  return nameRoot(doc.getMap<unknown>(BOARD_ROOTS[root]), BOARD_ROOTS[root]);
}

/** The meeting document's root map for its settings and progress. */
export function meetingMap(doc: Y.Doc): Y.Map<unknown> {
  return nameRoot(doc.getMap<unknown>('session'), 'session');
}

/** The lobby document's root map; its `meeting` key points at the running meeting. */
export function lobbyMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('lobby');
}

/** Origin of local transactions, so that undo and observers can tell them from remote ones. */
export const LOCAL_ORIGIN = Symbol('kring-local');
