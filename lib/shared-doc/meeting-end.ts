import type * as Y from 'yjs';
import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { LIMITS } from '../util/limits';
import { findMethod } from '../method/method-list';
import { readBoard, readPitch } from './board-state';
import { readMeeting } from './meeting-state';
import { mayAct } from './may-act';
import type { CommandResult } from './meeting-commands';
import { BOARD_ROOTS, LOCAL_ORIGIN, MEETING_KEYS, meetingMap } from './doc-schema';

/**
 * What a group keeps of a meeting, and nothing more (domain.md, confidentiality): the date,
 * the method, the roles, the agreements and the follow-up, and the case title only when the
 * case bringer agreed. Each member's panel stores it on their own device.
 */
export interface MeetingSummary {
  readonly meetingId: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly methodId: string;
  readonly chairName: string | null;
  readonly caseBringerName: string | null;
  /** Member id of the case bringer, so that their own panel can offer them the look back. */
  readonly caseBringerId: string | null;
  readonly caseTitle: string | null;
  readonly agreements: readonly string[];
  readonly followUp: readonly string[];
}

const MAX_LINES = 50;

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
  const lines = (kind: 'agreement' | 'follow-up') =>
    board.evaluation
      .filter((e) => e.kind === kind)
      .map((e) => e.text)
      .slice(0, MAX_LINES);
  const summary: MeetingSummary = {
    meetingId,
    startedAt: meeting.startedAt ?? now,
    endedAt: now,
    methodId: meeting.method.id,
    chairName: meeting.chairName,
    caseBringerName: meeting.caseBringerName,
    caseBringerId: meeting.caseBringerId,
    caseTitle: board.keepCaseTitle && pitch ? pitch.text : null,
    agreements: lines('agreement'),
    followUp: lines('follow-up'),
  };
  doc.transact(() => {
    for (const root of Object.values(BOARD_ROOTS)) {
      const map = doc.getMap<unknown>(root);
      for (const key of [...map.keys()]) map.delete(key);
    }
    const map = meetingMap(doc);
    for (const key of [...map.keys()]) {
      if (key === MEETING_KEYS.methodId || key === MEETING_KEYS.chairId) continue;
      if (key === MEETING_KEYS.chairName || key === MEETING_KEYS.groupName) continue;
      if (key === MEETING_KEYS.startedAt) continue;
      map.delete(key);
    }
    map.set(MEETING_KEYS.ended, { ...summary });
  }, LOCAL_ORIGIN);
  return { ok: true };
}

/** Reads the summary of an ended meeting from the document, or null. */
export function readEndedSummary(doc: Y.Doc): MeetingSummary | null {
  return decodeSummary(meetingMap(doc).get(MEETING_KEYS.ended));
}

/** Decodes a summary from a peer or from storage; null when it is malformed. */
export function decodeSummary(value: unknown): MeetingSummary | null {
  if (!isRecord(value)) return null;
  const meetingId = safeId(value.meetingId);
  const startedAt = finiteNumber(value.startedAt);
  const endedAt = finiteNumber(value.endedAt);
  const methodId = findMethod(value.methodId)?.id ?? null;
  if (meetingId === null || startedAt === null || endedAt === null || methodId === null)
    return null;
  const lines = (raw: unknown, max: number) =>
    Array.isArray(raw)
      ? raw
          .slice(0, MAX_LINES)
          .map((line) => boundedString(line, max))
          .filter((line): line is string => line !== null)
      : [];
  return {
    meetingId,
    startedAt,
    endedAt,
    methodId,
    chairName: boundedString(value.chairName, LIMITS.memberName),
    caseBringerName: boundedString(value.caseBringerName, LIMITS.memberName),
    caseBringerId: safeId(value.caseBringerId),
    caseTitle: boundedString(value.caseTitle, LIMITS.pitch),
    agreements: lines(value.agreements, LIMITS.evaluation),
    followUp: lines(value.followUp, LIMITS.evaluation),
  };
}
