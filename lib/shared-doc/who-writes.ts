import type * as Y from 'yjs';
import { MEETING_KEYS, boardMap, caseKey, SECOND_CASE_KEY } from './doc-schema';
import type { CaseNumber } from './doc-schema';
import { acceptedWrite, acceptedWriter, LATER, settled } from './last-valid';
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

/** The case bringer of the case the meeting is on, as this panel has accepted it. */
export function currentBringer(map: Y.Map<unknown>): string | null {
  return bringerOf(map, caseNumberOf(map));
}

/** The case bringer of one case (the first case's stays its own after a second is opened). */
export function bringerOf(map: Y.Map<unknown>, caseNumber: CaseNumber): string | null {
  return safeId(
    settled(map, caseKey(MEETING_KEYS.caseBringerId, caseNumber), caseBringerRule(caseNumber)),
  );
}

/** The pitch that is one case, as this panel has accepted it. */
export function pitchOf(map: Y.Map<unknown>, caseNumber: CaseNumber): string | null {
  return safeId(
    settled(map, caseKey(MEETING_KEYS.casePitchId, caseNumber), casePitchRule(caseNumber)),
  );
}

/** The case the meeting is on: the second once the chair opened it (SECOND_CASE_RULE). */
export function caseNumberOf(map: Y.Map<unknown>): CaseNumber {
  return decodeSecondCase(settled(map, SECOND_CASE_KEY, SECOND_CASE_RULE)) ? 2 : 1;
}

/**
 * A key only the chair writes: the chair now, or the chair who handed the chair on, for what
 * they wrote before they did. Without the second, a panel that reads the meeting afresh after a
 * hand-over (a member who joins or reloads later, a panel that was away while it happened)
 * would refuse the phase, the timer and the rest the old chair last wrote, and show the first
 * phase while everyone else is further on. A writer's own writes are ordered by their numbers
 * (signed.ts `put`), so "before" is certain; the new chair's panel writes those keys again under
 * its own name soon after (meeting-upkeep.ts), for the next hand-over. `n`: the write's number;
 * absent (a caller that does not know it): the chair now only.
 */
export function byChair(
  writer: string,
  _value: unknown,
  map: Y.Map<unknown>,
  n = Number.POSITIVE_INFINITY,
): boolean {
  const chair = currentChair(map);
  if (writer === chair) return true;
  const handedOn = acceptedWrite(map, MEETING_KEYS.chairId);
  return handedOn !== null && handedOn.writer === writer && n < handedOn.n;
}

/** A key only the case bringer writes. */
export function byBringer(writer: string, _value: unknown, map: Y.Map<unknown>): boolean {
  const bringer = currentBringer(map);
  return bringer !== null && writer === bringer;
}

/**
 * A key only one case's bringer writes: the first case's answers stay the first bringer's
 * after the second case is opened (a panel that joins during the second case reads them too).
 */
export function byBringerOf(caseNumber: CaseNumber): KeyRule['who'] & {} {
  return (writer, _value, map) => {
    const bringer = bringerOf(map, caseNumber);
    return bringer !== null && writer === bringer;
  };
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
 * (the pitch must be on the board, signed by them). The second case's is another member's,
 * from another pitch: "een enkele keer lukt het om er nog een te bespreken" (one more case,
 * so one more member's), and the first case's pitch has had its turn.
 */
function caseBringerWho(caseNumber: CaseNumber): KeyRule['who'] & {} {
  return (writer, value, map, n) => {
    if (!byChair(writer, value, map, n)) return false;
    if (value === null || !map.doc) return true;
    if (caseNumber === 2 && value === bringerOf(map, 1)) return false;
    const pitchId = pitchOf(map, caseNumber);
    if (pitchId === null) return false;
    const pitches = boardMap(map.doc, 'pitches');
    const raw = pitches.get(pitchId);
    // The pitch comes from its author, the confirmation from the chair: over other connections,
    // so it may come later. Told once it is here (and its author's card).
    if (raw === undefined) return LATER;
    const pitch = openValue(pitches, pitchId, raw);
    if (!pitch.ok && pitch.waitFor !== undefined) return LATER;
    return (
      pitch.ok && isRecord(pitch.value) && pitch.value.authorId === value && pitch.writer === value
    );
  };
}

/** The pitch that is a case: named by the chair; the second case's is not the first's. */
function casePitchWho(caseNumber: CaseNumber): KeyRule['who'] & {} {
  return (writer, value, map, n) =>
    byChair(writer, value, map, n) &&
    !(caseNumber === 2 && value !== null && value === pitchOf(map, 1));
}

/** One rule object per case and key: last-valid.ts keeps the first rule a key was read with. */
function perCase(make: (caseNumber: CaseNumber) => KeyRule): (caseNumber: CaseNumber) => KeyRule {
  const rules = new Map<CaseNumber, KeyRule>();
  return (caseNumber) => {
    const known = rules.get(caseNumber);
    if (known) return known;
    const rule = make(caseNumber);
    rules.set(caseNumber, rule);
    return rule;
  };
}

/** The rule of a case's bringer key (caseKey(caseBringerId, n)). */
export const caseBringerRule = perCase((n) => ({
  valid: isId,
  absent: 'clears',
  who: caseBringerWho(n),
}));

/** The rule of a case's pitch key (caseKey(casePitchId, n)). */
export const casePitchRule = perCase((n) => ({
  valid: isId,
  absent: 'clears',
  who: casePitchWho(n),
}));

/** The first case's bringer (the key's first rule, kept for readers of a single case). */
export const CASE_BRINGER_RULE: KeyRule = caseBringerRule(1);

/** The first case's pitch. */
export const CASE_PITCH_RULE: KeyRule = casePitchRule(1);

/** The second case as the chair opened it. */
export interface SecondCase {
  readonly n: 2;
  /** When the chair opened it, on the chair's clock. */
  readonly at: number;
}

/**
 * Decodes the second-case key. Only `n: 2`: a meeting holds at most two cases. The source says
 * "een enkele keer lukt het om er nog een te bespreken": once in a while one more case fits, not
 * a series of them; a 90-minute meeting has no room for a third, and a third case would leave
 * the first two without the evaluation the method ends with.
 */
export function decodeSecondCase(value: unknown): SecondCase | null {
  if (!isRecord(value) || value.n !== 2) return null;
  const at = finiteNumber(value.at);
  return at === null ? null : { n: 2, at };
}

/**
 * The second case: opened by the chair, and only after a first case was held (it had a case
 * bringer). Never taken back: a removal or garbage keeps it (the boards of both cases stay).
 */
export const SECOND_CASE_RULE: KeyRule = {
  valid: (value) => decodeSecondCase(value) !== null,
  absent: 'keeps',
  who: (writer, value, map, n) => byChair(writer, value, map, n) && bringerOf(map, 1) !== null,
};
