import type * as Y from 'yjs';
import { MEETING_KEYS, caseKey, meetingMap, SECOND_CASE_KEY } from './doc-schema';
import type { CaseNumber } from './doc-schema';
import { settled } from './last-valid';
import type { KeyRule } from './last-valid';
import { readEndedSummary } from './meeting-summary';
import { BASIC_METHOD } from '../method/methods/basic';
import { findMethod } from '../method/method-list';
import type { Method, Phase } from '../method/method';
import { boundedString, finiteNumber, safeId } from '../util/guards';
import { decodePhaseMinutes } from '../method/phase-times';
import type { Role } from '../method/roles';
import { LIMITS } from '../util/limits';
import {
  CHAIR_ID_RULE,
  CHAIR_NAME_RULE,
  CHAIR_TAKEN_RULE,
  SECOND_CASE_RULE,
  byChair,
  bringerOf,
  caseNumberOf,
  decodeSecondCase,
  decodeTakenOver,
  pitchOf,
} from './who-writes';

/** A plain, validated snapshot of the meeting's shared state. */
export interface MeetingState {
  /** False until a chair has started the meeting in this document. */
  readonly started: boolean;
  readonly method: Method;
  readonly phaseIndex: number;
  readonly phase: Phase;
  readonly chairId: string | null;
  readonly chairName: string | null;
  readonly groupName: string | null;
  readonly startedAt: number | null;
  /** Minutes per phase: the chair's rescaled times, or the method's defaults. */
  readonly phaseMinutes: readonly number[];
  readonly caseBringerId: string | null;
  readonly caseBringerName: string | null;
  readonly casePitchId: string | null;
  /** Set when a member took the chair over from a chair who had gone. */
  readonly chairTakenOver: {
    readonly memberId: string;
    readonly name: string;
    readonly at: number;
    /** Whom it was taken from (null in documents of an earlier build). */
    readonly from: string | null;
  } | null;
  /** True once the document holds a valid summary of the meeting's end (meeting-summary.ts). */
  readonly ended: boolean;
  /**
   * Fewer people are in the meeting than the method needs, so the chair asks and advises with
   * the members (lib/method/roles.ts chairJoinsIn; kept by the chair's panel,
   * meeting-commands.ts fitChairToGroup); only for a method that allows it.
   */
  readonly chairJoinsIn: boolean;
  /**
   * The chair guides as an external procesbegeleider, not a member of the group (issue 14,
   * point 8): true only while the member who started as one holds the chair. Such a chair never
   * joins in (chairJoinsIn is then false).
   */
  readonly chairIsExternal: boolean;
  /**
   * The case the meeting is on: 2 once the chair opened a second case after the first case's
   * evaluation (issue 14, point 5). The case bringer and pitch above are the current case's.
   */
  readonly caseNumber: CaseNumber;
  /** When the chair opened the second case (their clock), or null on the first case. */
  readonly secondCaseAt: number | null;
  /** The first case while the second runs: who brought it and which pitch it was. */
  readonly firstCase: {
    readonly bringerId: string | null;
    readonly bringerName: string | null;
    readonly pitchId: string | null;
  } | null;
}

const methodRule: KeyRule = {
  valid: (value) => findMethod(value) !== undefined,
  absent: 'keeps',
  who: byChair,
};

/** The meeting's method as readers settle it (the basic method before one is set). */
function methodIn(map: Y.Map<unknown>): Method {
  return findMethod(settled(map, MEETING_KEYS.methodId, methodRule)) ?? BASIC_METHOD;
}

/** Keys only the chair writes (who-writes.ts), kept or cleared when removed. */
const keeps = (valid: (value: unknown, map: Y.Map<unknown>) => boolean): KeyRule => ({
  valid,
  absent: 'keeps',
  who: byChair,
});
const clears = (valid: (value: unknown, map: Y.Map<unknown>) => boolean): KeyRule => ({
  valid,
  absent: 'clears',
  who: byChair,
});
const isId = (value: unknown): boolean => safeId(value) !== null;
const isTime = (value: unknown): boolean => finiteNumber(value) !== null;
const isMemberName = (value: unknown): boolean => boundedString(value, LIMITS.memberName) !== null;

/**
 * How each key of the meeting's progress is read (lib/shared-doc/last-valid.ts): garbage keeps
 * the last valid value. Keys that commands remove (the case on a hand-over or at the end, the
 * take-over note) clear when removed; the others also keep when a peer deletes them.
 */
const RULES = {
  phaseIndex: keeps((value, map) => {
    const phases = methodIn(map).phases.length;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < phases;
  }),
  chairId: CHAIR_ID_RULE,
  chairName: CHAIR_NAME_RULE,
  groupName: keeps((value) => boundedString(value, LIMITS.groupName) !== null),
  startedAt: keeps(isTime),
  phaseMinutes: clears((value, map) => decodePhaseMinutes(value, methodIn(map)) !== null),
  chairTakenOver: CHAIR_TAKEN_RULE,
  chairJoinsIn: keeps((value) => typeof value === 'boolean'),
  chairIsExternal: keeps(isId),
} satisfies Partial<Record<keyof typeof MEETING_KEYS, KeyRule>>;

/** The rule of a case's bringer name (one object per case: last-valid.ts keeps the first). */
const bringerNameRules = new Map<CaseNumber, KeyRule>();
function bringerNameRule(caseNumber: CaseNumber): KeyRule {
  const known = bringerNameRules.get(caseNumber);
  if (known) return known;
  const rule = clears(isMemberName);
  bringerNameRules.set(caseNumber, rule);
  return rule;
}

/** One case's bringer (never the chair: a document that says so has none) and pitch. */
function caseIn(
  map: Y.Map<unknown>,
  caseNumber: CaseNumber,
  chairId: string | null,
): { bringerId: string | null; bringerName: string | null; pitchId: string | null } {
  const bringerId = bringerOf(map, caseNumber);
  const hasBringer = bringerId !== null && bringerId !== chairId;
  const name = settled(
    map,
    caseKey(MEETING_KEYS.caseBringerName, caseNumber),
    bringerNameRule(caseNumber),
  );
  return {
    bringerId: hasBringer ? bringerId : null,
    bringerName: hasBringer ? boundedString(name, LIMITS.memberName) : null,
    pitchId: pitchOf(map, caseNumber),
  };
}

/**
 * Reads the meeting's state from the shared document. A value a peer garbled keeps the last
 * valid one this document held (never a default: a phase that read as 0 sent every panel back
 * to phase 1); a document that never held a valid one reads as before a start.
 */
export function readMeeting(doc: Y.Doc): MeetingState {
  const map = meetingMap(doc);
  const read = (key: keyof typeof RULES): unknown => settled(map, MEETING_KEYS[key], RULES[key]);
  const method = methodIn(map);
  const index = read('phaseIndex');
  const phaseIndex = typeof index === 'number' ? index : 0;
  const chairId = safeId(read('chairId'));
  // The chair can never be the case bringer: a document that says otherwise has no bringer.
  const caseNumber = method.hasCase ? caseNumberOf(map) : 1;
  const current = caseIn(map, caseNumber, chairId);
  const secondCase =
    caseNumber === 2 ? decodeSecondCase(settled(map, SECOND_CASE_KEY, SECOND_CASE_RULE)) : null;
  // The role belongs to the person who started as external: a chair handed on is not external.
  const chairIsExternal = chairId !== null && safeId(read('chairIsExternal')) === chairId;
  return {
    started: chairId !== null,
    method,
    phaseIndex,
    // The rule keeps the index in range and every method has phases.
    phase: method.phases[phaseIndex] ?? BASIC_METHOD.phases[0]!,
    chairId,
    chairName: boundedString(read('chairName'), LIMITS.memberName),
    groupName: boundedString(read('groupName'), LIMITS.groupName),
    startedAt: finiteNumber(read('startedAt')),
    phaseMinutes:
      decodePhaseMinutes(read('phaseMinutes'), method) ?? method.phases.map((p) => p.minutes),
    caseBringerId: current.bringerId,
    caseBringerName: current.bringerName,
    casePitchId: current.pitchId,
    chairTakenOver: takenOverBy(decodeTakenOver(read('chairTakenOver')), chairId),
    ended: readEndedSummary(doc) !== null,
    chairJoinsIn: method.chairMayJoinIn && read('chairJoinsIn') === true && !chairIsExternal,
    chairIsExternal,
    caseNumber,
    secondCaseAt: secondCase?.at ?? null,
    firstCase: caseNumber === 2 ? caseIn(map, 1, chairId) : null,
  };
}

/** The take-over note while the member who took the chair still holds it (else it is history). */
function takenOverBy(
  taken: ReturnType<typeof decodeTakenOver>,
  chairId: string | null,
): MeetingState['chairTakenOver'] {
  return taken && taken.memberId === chairId
    ? { memberId: taken.memberId, name: taken.name, at: taken.at, from: taken.from }
    : null;
}

/** The role a member has in the meeting. */
export function roleOf(state: MeetingState, memberId: string): Role {
  if (state.chairId === memberId) return 'chair';
  if (state.caseBringerId === memberId) return 'bringer';
  return 'member';
}
