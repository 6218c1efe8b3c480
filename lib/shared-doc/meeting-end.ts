import type * as Y from 'yjs';
import { keepsCaseTitle, readBoard, readPitch } from './board-state';
import { readMeeting } from './meeting-state';
import { mayAct } from './may-act';
import type { CommandResult } from './meeting-commands';
import { BOARD_ROOTS, LOCAL_ORIGIN, MEETING_KEYS, meetingMap } from './doc-schema';
import { lostValue } from './last-valid';
import { liveKeys } from './map-index';
import { MAX_SUMMARY_LINES, readEndedSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-summary';
import { put } from './signed';
import { nextMeetingFields, readNextMeeting } from './next-meeting';

export { decodeSummary, readEndedSummary } from './meeting-summary';
export type { MeetingSummary } from './meeting-summary';

/** What the document keeps after the end besides the summary: who met, how, and when. */
const KEPT_KEYS: ReadonlySet<string> = new Set([
  MEETING_KEYS.methodId,
  MEETING_KEYS.chairId,
  MEETING_KEYS.chairName,
  MEETING_KEYS.groupName,
  MEETING_KEYS.startedAt,
  MEETING_KEYS.ended,
]);

/**
 * The chair ends the meeting: in one transaction the boards and everything said are cleared
 * for everyone, and only the summary stays in the document (and from there on each device).
 */
export function endMeeting(
  doc: Y.Doc,
  actorId: string,
  meetingId: string,
  now: number,
): CommandResult {
  const meeting = readMeeting(doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (!mayAct(meeting, actorId, 'end')) return { ok: false, reason: 'not-chair' };
  const board = readBoard(doc, meeting.method, actorId);
  const pitch = meeting.casePitchId ? readPitch(doc, meeting.casePitchId) : null;
  // Both cases' evaluations, the first case's lines first (each case up to MAX_SUMMARY_LINES).
  const evaluations = [...board.earlierCases.map((c) => c.evaluation), board.evaluation];
  const lines = (kind: 'agreement' | 'follow-up') =>
    evaluations.flatMap((evaluation) =>
      evaluation
        .filter((e) => e.kind === kind)
        .map((e) => e.text)
        .slice(0, MAX_SUMMARY_LINES),
    );
  const first = meeting.firstCase;
  const firstPitch = first?.pitchId ? readPitch(doc, first.pitchId) : null;
  // The fields every summary has are the first case's; a second case has its own field.
  const cases = first
    ? {
        caseBringerName: first.bringerName,
        caseBringerId: first.bringerId,
        caseTitle: keepsCaseTitle(doc, 1) && firstPitch ? firstPitch.text : null,
        secondCase: {
          caseBringerName: meeting.caseBringerName,
          caseBringerId: meeting.caseBringerId,
          caseTitle: board.keepCaseTitle && pitch ? pitch.text : null,
        },
      }
    : {
        caseBringerName: meeting.caseBringerName,
        caseBringerId: meeting.caseBringerId,
        caseTitle: board.keepCaseTitle && pitch ? pitch.text : null,
      };
  const summary: MeetingSummary = {
    meetingId,
    startedAt: meeting.startedAt ?? now,
    endedAt: now,
    methodId: meeting.method.id,
    chairName: meeting.chairName,
    ...(meeting.chairIsExternal ? { chairExternal: true } : {}),
    ...cases,
    agreements: lines('agreement'),
    followUp: lines('follow-up'),
    // What the chair recorded in the end dialog (next-meeting.ts); a member's write is not read.
    ...nextMeetingFields(readNextMeeting(doc, now)),
  };
  doc.transact(() => {
    for (const root of Object.values(BOARD_ROOTS)) {
      const map = doc.getMap<unknown>(root);
      for (const key of [...map.keys()]) map.delete(key);
    }
    const map = meetingMap(doc);
    for (const key of [...map.keys()]) if (!KEPT_KEYS.has(key)) map.delete(key);
    put(map, MEETING_KEYS.ended, { ...summary });
  }, LOCAL_ORIGIN);
  return { ok: true };
}

/**
 * Clears again what arrived after the end, in one transaction: board content a member wrote
 * while offline (Yjs re-sends a member's own writes when they come back, so clearing once at
 * the end is not enough), junk, and anything garbled among the keys the end keeps (written back
 * from what this document last held valid). Returns whether it wrote. Idempotent, and cheap
 * when there is nothing to clear: it looks only at keys the document holds (map-index.ts).
 * One member's panel runs it (meeting-upkeep.ts), so that late writes are not cleared by
 * every member at once.
 */
export function clearAfterEnd(doc: Y.Doc, restoreKept = true): boolean {
  if (readEndedSummary(doc) === null) return false;
  const progress = meetingMap(doc);
  const late: Array<readonly [Y.Map<unknown>, string]> = [];
  for (const root of Object.values(BOARD_ROOTS)) {
    const map = doc.getMap<unknown>(root);
    for (const key of liveKeys(map).keys) late.push([map, key]);
  }
  for (const key of liveKeys(progress).keys) {
    if (!KEPT_KEYS.has(key)) late.push([progress, key]);
  }
  const restore = [...(restoreKept ? KEPT_KEYS : [])]
    .map((key) => [key, lostValue(progress, key)] as const)
    .filter(([, value]) => value !== undefined);
  if (late.length === 0 && restore.length === 0) return false;
  doc.transact(() => {
    for (const [map, key] of late) map.delete(key);
    for (const [key, value] of restore) put(progress, key, value);
  }, LOCAL_ORIGIN);
  return true;
}
