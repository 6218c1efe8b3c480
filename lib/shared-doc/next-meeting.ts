import { boundedString, isRecord } from '../util/guards';
import { LIMITS } from '../util/limits';
import type { CommandContext } from './board-commands';
import { LOCAL_ORIGIN, MEETING_KEYS, meetingMap } from './doc-schema';
import { settled } from './last-valid';
import type { KeyRule } from './last-valid';
import { mayAct } from './may-act';
import type { CommandResult } from './meeting-commands';
import { readMeeting } from './meeting-state';
import { nextDateIn, seriesFields } from './meeting-summary';
import type { MeetingSummary } from './meeting-summary';
import { put } from './signed';
import { byChair } from './who-writes';

/**
 * The series (issue 14, point 7): "A group agrees in advance who chairs next ('per toerbeurt'):
 * at the end the group records the next chair and the next date; the next meeting opens with
 * them." The chair records both in the end dialog; endMeeting copies them into the summary.
 */
export interface NextMeeting {
  readonly nextChair: string | null;
  /** 'YYYY-MM-DD', or null. */
  readonly nextDate: string | null;
}

export const NO_NEXT_MEETING: NextMeeting = { nextChair: null, nextDate: null };

/** Decodes a next chair and date; a date is judged against `now` (meeting-summary nextDateIn). */
export function decodeNextMeeting(value: unknown, now: number): NextMeeting {
  if (!isRecord(value)) return NO_NEXT_MEETING;
  return {
    nextChair: boundedString(value.nextChair, LIMITS.memberName),
    nextDate: nextDateIn(value.nextDate, now),
  };
}

/** Only the chair writes the next meeting: a member's forged value is never read. */
export const NEXT_MEETING_RULE: KeyRule = {
  valid: (value) => isRecord(value),
  absent: 'clears',
  who: byChair,
};

/** The next chair and date the chair recorded, as this document holds them. */
export function readNextMeeting(doc: Parameters<typeof meetingMap>[0], now: number): NextMeeting {
  return decodeNextMeeting(
    settled(meetingMap(doc), MEETING_KEYS.nextMeeting, NEXT_MEETING_RULE),
    now,
  );
}

/**
 * The chair records who chairs next and when, right before ending (the end is a chair write).
 * A date that is not a real day after today and within two years is refused, not dropped.
 */
export function recordNextMeeting(ctx: CommandContext, next: NextMeeting): CommandResult {
  const meeting = readMeeting(ctx.doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (!mayAct(meeting, ctx.actorId, 'end')) return { ok: false, reason: 'not-chair' };
  const nextChair =
    next.nextChair === null ? null : boundedString(next.nextChair, LIMITS.memberName);
  const nextDate = next.nextDate === null ? null : nextDateIn(next.nextDate, ctx.now);
  if (
    (next.nextChair !== null && nextChair === null) ||
    (next.nextDate !== null && nextDate === null)
  ) {
    return { ok: false, reason: 'not-allowed' };
  }
  ctx.doc.transact(() => {
    put(meetingMap(ctx.doc), MEETING_KEYS.nextMeeting, { nextChair, nextDate });
  }, LOCAL_ORIGIN);
  // Read once now, so that this document remembers the chair's value as the last valid one:
  // a member's write that lands over it before the end is then not read (last-valid.ts).
  readNextMeeting(ctx.doc, ctx.now);
  return { ok: true };
}

/** The summary's fields for a next meeting: only what was agreed (meeting-summary seriesFields). */
export function nextMeetingFields(
  next: NextMeeting,
): Pick<MeetingSummary, 'nextChair' | 'nextDate'> {
  return seriesFields(next.nextChair, next.nextDate);
}
