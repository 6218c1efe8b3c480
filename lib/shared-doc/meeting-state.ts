import type * as Y from 'yjs';
import { MEETING_KEYS, meetingMap } from './doc-schema';
import { BASIC_METHOD } from '../method/methods/basic';
import { clampPhaseIndex } from '../method/method';
import { findMethod } from '../method/method-list';
import type { Method, Phase } from '../method/method';
import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { decodePhaseMinutes } from '../method/phase-times';
import type { Role } from '../method/roles';
import { LIMITS } from '../util/limits';

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
  readonly phaseStartedAt: number | null;
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
  } | null;
  /** True once the chair has ended the meeting. */
  readonly ended: boolean;
}

/** Reads the meeting's state from the shared document, dropping anything malformed. */
export function readMeeting(doc: Y.Doc): MeetingState {
  const map = meetingMap(doc);
  const method = findMethod(map.get(MEETING_KEYS.methodId)) ?? BASIC_METHOD;
  const phaseIndex = clampPhaseIndex(method, map.get(MEETING_KEYS.phaseIndex));
  const chairId = safeId(map.get(MEETING_KEYS.chairId));
  const bringerId = safeId(map.get(MEETING_KEYS.caseBringerId));
  const takenOver = map.get(MEETING_KEYS.chairTakenOver);
  const takenOverId = isRecord(takenOver) ? safeId(takenOver.memberId) : null;
  const takenOverName = isRecord(takenOver)
    ? boundedString(takenOver.name, LIMITS.memberName)
    : null;
  const takenOverAt = isRecord(takenOver) ? finiteNumber(takenOver.at) : null;
  return {
    started: chairId !== null,
    method,
    phaseIndex,
    // clampPhaseIndex keeps the index in range and every method has phases.
    phase: method.phases[phaseIndex] ?? BASIC_METHOD.phases[0]!,
    chairId,
    chairName: boundedString(map.get(MEETING_KEYS.chairName), LIMITS.memberName),
    groupName: boundedString(map.get(MEETING_KEYS.groupName), LIMITS.groupName),
    startedAt: finiteNumber(map.get(MEETING_KEYS.startedAt)),
    phaseStartedAt: finiteNumber(map.get(MEETING_KEYS.phaseStartedAt)),
    phaseMinutes:
      decodePhaseMinutes(map.get(MEETING_KEYS.phaseMinutes), method) ??
      method.phases.map((p) => p.minutes),
    // The chair can never be the case bringer: a document that says otherwise has no bringer.
    caseBringerId: bringerId !== chairId ? bringerId : null,
    caseBringerName:
      bringerId !== null && bringerId !== chairId
        ? boundedString(map.get(MEETING_KEYS.caseBringerName), LIMITS.memberName)
        : null,
    casePitchId: safeId(map.get(MEETING_KEYS.casePitchId)),
    chairTakenOver:
      takenOverId !== null && takenOverName !== null && takenOverAt !== null
        ? { memberId: takenOverId, name: takenOverName, at: takenOverAt }
        : null,
    ended: map.get(MEETING_KEYS.ended) !== undefined,
  };
}

/** The role a member has in the meeting. */
export function roleOf(state: MeetingState, memberId: string): Role {
  if (state.chairId === memberId) return 'chair';
  if (state.caseBringerId === memberId) return 'bringer';
  return 'member';
}
