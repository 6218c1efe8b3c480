import type * as Y from 'yjs';
import {
  BOARD_ROOTS,
  LOCAL_ORIGIN,
  MEETING_KEYS,
  REVEALED_PREFIX,
  boardMap,
  caseKey,
  meetingMap,
  SECOND_CASE_KEY,
  SCALE_KEY,
} from './doc-schema';
import type { BoardRoot } from './doc-schema';
import { lostEntries } from './map-index';
import { acceptedWrite, lostValue } from './last-valid';
import { clearAfterEnd } from './meeting-end';
import { readMeeting, roleOf } from './meeting-state';
import { keeperOf } from './presence';
import type { Member } from './presence';
import { readTimer } from './timer';
import { readTimekeeper, TIMEKEEPER_KEY } from './timekeeper';
import { isEnforced, publishCard, put } from './signed';

/** The progress keys the chair writes: the chair writes them back when a peer garbles them. */
const CHAIR_KEYS: readonly string[] = [
  MEETING_KEYS.methodId,
  MEETING_KEYS.phaseIndex,
  MEETING_KEYS.phaseMinutes,
  MEETING_KEYS.timer,
  MEETING_KEYS.chairId,
  MEETING_KEYS.chairName,
  MEETING_KEYS.groupName,
  MEETING_KEYS.startedAt,
  MEETING_KEYS.caseBringerId,
  MEETING_KEYS.caseBringerName,
  MEETING_KEYS.casePitchId,
  MEETING_KEYS.chairTakenOver,
];

/** The chair's keys that belong to one case (the second case's under caseKey). */
const CASE_CHAIR_KEYS: readonly string[] = [
  MEETING_KEYS.caseBringerId,
  MEETING_KEYS.caseBringerName,
  MEETING_KEYS.casePitchId,
];

/** The progress keys the case bringer writes. */
const BRINGER_KEYS: readonly string[] = [
  MEETING_KEYS.coreQuestion,
  MEETING_KEYS.intentions,
  MEETING_KEYS.keepCaseTitle,
  SCALE_KEY,
];

/**
 * Writes back, in one transaction, the keys this member owns whose value a peer garbled, from
 * the last valid value this document held (last-valid.ts). Readers already step over the
 * garbage; writing back makes a member who never saw the valid value (one who joins later)
 * read it too, so every panel converges. Only the key's owner writes it back: their document
 * holds their own last write, where another member's might hold an older value and move the
 * meeting back. Keys are written back only once their readers have run (the panel reads the
 * meeting, the timer and the boards on every refresh). Returns whether it wrote.
 */
export function repairMeeting(
  doc: Y.Doc,
  memberId: string,
  otherChairKeys: readonly string[] = [],
): boolean {
  const meeting = readMeeting(doc);
  if (!meeting.started || meeting.ended) return false;
  const role = roleOf(meeting, memberId);
  if (role === 'member') return false;
  if (role === 'chair') readTimer(doc);
  // The case-scoped keys of the case the meeting is on (doc-schema.ts caseKey).
  const n = meeting.caseNumber;
  const ofCase = (keys: readonly string[]) => keys.map((key) => caseKey(key, n));
  const keys =
    role === 'chair'
      ? [
          ...CHAIR_KEYS.filter((key) => !CASE_CHAIR_KEYS.includes(key)),
          ...ofCase(CASE_CHAIR_KEYS),
          ...(n === 2 ? [SECOND_CASE_KEY] : []),
          ...ofCase(meeting.method.phases.map((phase) => REVEALED_PREFIX + phase.id)),
        ]
      : ofCase(BRINGER_KEYS);
  const map = meetingMap(doc);
  const lost = keys
    .map((key) => [key, lostValue(map, key)] as const)
    .filter(([, value]) => value !== undefined);
  if (role === 'chair') lost.push(...inOwnName(doc, map, memberId, [...keys, ...otherChairKeys]));
  if (lost.length === 0) return false;
  doc.transact(() => {
    for (const [key, value] of lost) put(map, key, value);
  }, LOCAL_ORIGIN);
  return true;
}

/** The keys that name the chair: written by whoever passed the chair on, and read so. */
const NAMING_KEYS: readonly string[] = [
  MEETING_KEYS.chairId,
  MEETING_KEYS.chairName,
  MEETING_KEYS.chairTakenOver,
];

/**
 * A new chair's panel writes again, under its own name, what the chair before wrote (the phase,
 * the timer, the case, the timekeeper…): readers accept those of the chair who handed the chair
 * on (who-writes.ts `byChair`), but not of the one before them, nor of a chair whose chair was
 * taken over; after a second hand-over, or a take-over, a panel reading the meeting afresh would
 * refuse them and show the first phase. Once per key: then the writer is this chair. The
 * timekeeper's timer stays theirs. `keys`: the chair's keys of this layer and the caller's
 * (GroupSession adds the doorkeeper, the fresh room and the new invite).
 */
function inOwnName(
  doc: Y.Doc,
  map: Y.Map<unknown>,
  memberId: string,
  keys: readonly string[],
): Array<readonly [string, unknown]> {
  const timekeeper = readTimekeeper(doc);
  const again: Array<readonly [string, unknown]> = [];
  for (const key of [...keys, TIMEKEEPER_KEY]) {
    if (NAMING_KEYS.includes(key)) continue;
    const write = acceptedWrite(map, key);
    if (!write || write.writer === memberId) continue;
    if (key === MEETING_KEYS.timer && write.writer === timekeeper) continue;
    again.push([key, write.value]);
  }
  return again;
}

/**
 * What a member's panel does after each refresh to keep the shared meeting clean: while it
 * runs, the chair and the case bringer write back what a peer garbled of theirs; once it has
 * ended, one present member (keeperOf) clears what came in late. Writes only when something
 * is wrong, so panels do not answer each other's writes. Returns whether it wrote.
 */
export function tendMeeting(
  doc: Y.Doc,
  memberId: string,
  present: readonly Member[],
  otherChairKeys: readonly string[] = [],
): boolean {
  const meeting = readMeeting(doc);
  if (meeting.ended) {
    // In a signed document only the chair's rewrite of the kept keys counts.
    const restore = !isEnforced(doc) || meeting.chairId === memberId;
    return keeperOf(present) === memberId && clearAfterEnd(doc, restore);
  }
  // A member's card was removed or garbled: every later reader needs it to trust their writes.
  const card = publishCard(doc, LOCAL_ORIGIN);
  return repairMeeting(doc, memberId, otherChairKeys) || repairEntries(doc, memberId) || card;
}

/**
 * Writes back this member's board entries (items, votes and scores, and the case bringer's
 * marks) that a peer removed or wrote over, in a signed document; readers already keep them.
 */
function repairEntries(doc: Y.Doc, memberId: string): boolean {
  const lost = Object.keys(BOARD_ROOTS).flatMap((root) => {
    const map = boardMap(doc, root as BoardRoot);
    return lostEntries(map, memberId).map(([key, value]) => [map, key, value] as const);
  });
  if (lost.length === 0) return false;
  doc.transact(() => {
    for (const [map, key, value] of lost) put(map, key, value);
  }, LOCAL_ORIGIN);
  return true;
}
