import type * as Y from 'yjs';
import { MEETING_KEYS, boardMap } from './doc-schema';
import { acceptedWriter, settled } from './last-valid';
import type { KeyRule } from './last-valid';
import { chairIsAbsent, openValue } from './signed';
import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { LIMITS } from '../util/limits';

/**
 * Who may write which key of the meeting's progress, checked on read in a document that
 * enforces signatures (signed.ts, last-valid.ts): the roles table of lib/method/roles.ts in the
 * form a reader can check. The chair writes the meeting's course, the case bringer their
 * answers to it; the chair passes from hand to hand by rules of its own (CHAIR_ID_RULE).
 */

const isId = (value: unknown): boolean => safeId(value) !== null;

/** The chair as this panel has accepted it. */
export function currentChair(map: Y.Map<unknown>): string | null {
  return safeId(settled(map, MEETING_KEYS.chairId, CHAIR_ID_RULE));
}

/** The case bringer as this panel has accepted it. */
export function currentBringer(map: Y.Map<unknown>): string | null {
  return safeId(settled(map, MEETING_KEYS.caseBringerId, CASE_BRINGER_RULE));
}

/** A key only the chair writes. */
export function byChair(writer: string, _value: unknown, map: Y.Map<unknown>): boolean {
  return writer === currentChair(map);
}

/** A key only the case bringer writes. */
export function byBringer(writer: string, _value: unknown, map: Y.Map<unknown>): boolean {
  const bringer = currentBringer(map);
  return bringer !== null && writer === bringer;
}

/** A take-over of the chair as the document holds it. */
export interface TakenOver {
  readonly memberId: string;
  readonly name: string;
  readonly at: number;
  /** Whom it was taken from (absent in documents of an earlier build). */
  readonly from: string | null;
}

/** Decodes the take-over note; null when malformed. */
export function decodeTakenOver(value: unknown): TakenOver | null {
  if (!isRecord(value)) return null;
  const memberId = safeId(value.memberId);
  const name = boundedString(value.name, LIMITS.memberName);
  const at = finiteNumber(value.at);
  if (memberId === null || name === null || at === null) return null;
  return { memberId, name, at, from: safeId(value.from) };
}

/**
 * Who may name the chair. The first chair this panel sees names itself (the start) or was
 * named before this panel came (a late joiner trusts what it finds, and the chair's own panel
 * writes back anything it did not accept, so every panel ends on the same chair). After that:
 * the chair hands it on; a member takes it only when this panel has missed the chair long
 * enough (the same grace the panel gives before offering the take-over); and a chair whose
 * chair was taken takes it back.
 */
export const CHAIR_ID_RULE: KeyRule = {
  valid: isId,
  absent: 'keeps',
  who: (writer, value, map) => {
    const before = safeId(settled(map, MEETING_KEYS.chairId, CHAIR_ID_RULE));
    if (before === null || writer === before) return true;
    if (writer !== value) return false;
    if (map.doc && chairIsAbsent(map.doc, before)) return true;
    const taken = decodeTakenOver(settled(map, MEETING_KEYS.chairTakenOver, CHAIR_TAKEN_RULE));
    return taken !== null && taken.memberId === before && taken.from === writer;
  },
};

/**
 * Whether the writer is the chair or the member whose write named the chair: keys written in
 * the same transaction as a hand-over (the name, clearing the take-over note) come from the
 * chair who handed it on, and may be judged after the chair id.
 */
function namesTheChair(writer: string, map: Y.Map<unknown>): boolean {
  return writer === currentChair(map) || writer === acceptedWriter(map, MEETING_KEYS.chairId);
}

/** The chair's name: written with the chair id, by whoever may name the chair. */
export const CHAIR_NAME_RULE: KeyRule = {
  valid: (value) => boundedString(value, LIMITS.memberName) !== null,
  absent: 'keeps',
  who: (writer, _value, map) => namesTheChair(writer, map),
};

/** The take-over note: by the member who took the chair, or cleared by the chair. */
export const CHAIR_TAKEN_RULE: KeyRule = {
  valid: (value) => decodeTakenOver(value) !== null,
  absent: 'clears',
  who: (writer, value, map) => {
    if (value === null) return namesTheChair(writer, map);
    return decodeTakenOver(value)?.memberId === writer && writer === currentChair(map);
  },
};

/**
 * The case bringer: named by the chair, and only as the author of a pitch that is the case
 * (the pitch must be on the board, signed by them).
 */
export const CASE_BRINGER_RULE: KeyRule = {
  valid: isId,
  absent: 'clears',
  who: (writer, value, map) => {
    if (!byChair(writer, value, map)) return false;
    if (value === null || !map.doc) return true;
    const pitchId = safeId(settled(map, MEETING_KEYS.casePitchId, CASE_PITCH_RULE));
    if (pitchId === null) return false;
    const pitches = boardMap(map.doc, 'pitches');
    const raw = pitches.get(pitchId);
    const pitch = raw === undefined ? null : openValue(pitches, pitchId, raw);
    return (
      pitch !== null &&
      pitch.ok &&
      isRecord(pitch.value) &&
      pitch.value.authorId === value &&
      pitch.writer === value
    );
  },
};

/** The pitch that is the case: named by the chair. */
export const CASE_PITCH_RULE: KeyRule = { valid: isId, absent: 'clears', who: byChair };
