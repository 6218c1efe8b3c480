import type * as Y from 'yjs';
import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { LIMITS } from '../util/limits';
import { findMethod } from '../method/method-list';
import { MEETING_KEYS, meetingMap } from './doc-schema';
import { settled } from './last-valid';
import type { KeyRule } from './last-valid';
import { byChair } from './who-writes';

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
  /**
   * The chair guided as an external procesbegeleider, not a member of the group (issue 14,
   * point 8). Absent (false) in summaries of an earlier build.
   */
  readonly chairExternal?: boolean;
  readonly caseBringerName: string | null;
  /** Member id of the case bringer, so that their own panel can offer them the look back. */
  readonly caseBringerId: string | null;
  readonly caseTitle: string | null;
  readonly agreements: readonly string[];
  readonly followUp: readonly string[];
  /**
   * Who chairs next, as the group agreed at the end ("per toerbeurt", issue 14 point 7): a name
   * the chair picked from the members present. Absent when nothing was agreed, as in summaries
   * kept before this existed: readers take absent as null.
   */
  readonly nextChair?: string | null;
  /** The date of the next meeting, 'YYYY-MM-DD' (nextDateIn); absent when none was set. */
  readonly nextDate?: string | null;
  /**
   * The second case, when the chair opened one ("een enkele keer lukt het om er nog een te
   * bespreken", issue 14 point 5); the fields above are the first case's. Absent for a meeting
   * of one case, as in summaries kept before this existed. Agreements and follow-up hold both
   * cases' lines, the first case's first.
   */
  readonly secondCase?: CaseInSummary;
}

/** What a summary keeps of one case: who brought it, and its title only when they agreed. */
export interface CaseInSummary {
  readonly caseBringerName: string | null;
  readonly caseBringerId: string | null;
  readonly caseTitle: string | null;
}

/** Decodes the second case of a summary; null when absent or malformed. */
function decodeCaseInSummary(value: unknown): CaseInSummary | null {
  if (!isRecord(value)) return null;
  const caseBringerName = boundedString(value.caseBringerName, LIMITS.memberName);
  const caseBringerId = safeId(value.caseBringerId);
  if (caseBringerName === null && caseBringerId === null) return null;
  return {
    caseBringerName,
    caseBringerId,
    caseTitle: boundedString(value.caseTitle, LIMITS.pitch),
  };
}

/**
 * The next chair and date as a summary holds them: only what was agreed, so that a summary with
 * none is the same value as one kept before the series existed (absent reads as null).
 */
export function seriesFields(
  nextChair: string | null,
  nextDate: string | null,
): Pick<MeetingSummary, 'nextChair' | 'nextDate'> {
  return {
    ...(nextChair !== null ? { nextChair } : {}),
    ...(nextDate !== null ? { nextDate } : {}),
  };
}

/** How far ahead a next date may lie: two years after the meeting ended. */
export const NEXT_DATE_MAX_DAYS = 731;

const DAY_MS = 86_400_000;

/**
 * The next meeting's date when `value` is a real calendar date 'YYYY-MM-DD' after the day the
 * meeting ended (UTC) and at most two years later; else null. Judged against the end, not the
 * wall clock, so that a kept summary reads the same on every device and every day.
 */
export function nextDateIn(value: unknown, endedAt: number): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  const check = new Date(at);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null;
  }
  const endDay = Math.floor(endedAt / DAY_MS) * DAY_MS;
  if (at <= endDay || at > endDay + NEXT_DATE_MAX_DAYS * DAY_MS) return null;
  return value;
}

/** Most agreement and follow-up lines a summary keeps per case (twice this for two cases). */
export const MAX_SUMMARY_LINES = 50;

/**
 * The meeting has ended only when `ended` holds a valid summary: junk there once read as ended
 * while endMeeting refused, and the meeting was stuck (issue 10). Once a valid summary was
 * seen it stays, whatever a peer writes over it.
 */
export const ENDED_RULE: KeyRule = {
  valid: (value) => decodeSummary(value) !== null,
  absent: 'keeps',
  who: byChair,
};

/** Reads the summary of an ended meeting from the document, or null while it runs. */
export function readEndedSummary(doc: Y.Doc): MeetingSummary | null {
  return decodeSummary(settled(meetingMap(doc), MEETING_KEYS.ended, ENDED_RULE));
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
          .slice(0, 2 * MAX_SUMMARY_LINES)
          .map((line) => boundedString(line, max))
          .filter((line): line is string => line !== null)
      : [];
  const secondCase = decodeCaseInSummary(value.secondCase);
  return {
    meetingId,
    startedAt,
    endedAt,
    methodId,
    chairName: boundedString(value.chairName, LIMITS.memberName),
    // Only when true, so that a summary of an ordinary chair stays as it was.
    ...(value.chairExternal === true ? { chairExternal: true } : {}),
    caseBringerName: boundedString(value.caseBringerName, LIMITS.memberName),
    caseBringerId: safeId(value.caseBringerId),
    caseTitle: boundedString(value.caseTitle, LIMITS.pitch),
    agreements: lines(value.agreements, LIMITS.evaluation),
    followUp: lines(value.followUp, LIMITS.evaluation),
    // Summaries kept before the series was recorded have neither: they read as not agreed.
    ...seriesFields(
      boundedString(value.nextChair, LIMITS.memberName),
      nextDateIn(value.nextDate, endedAt),
    ),
    ...(secondCase ? { secondCase } : {}),
  };
}
