import { finiteNumber, isRecord, safeId } from '../util/guards';
import { cleanName } from '../util/clean-name';
import { LIMITS } from '../util/limits';
import { findMethod } from '../method/method-list';
import type { MeetingSummary } from '../shared-doc/meeting-summary';
import { decodeAtRest } from './at-rest';
import type { AtRestValue } from './at-rest';
import { defineStoredItem } from './stored-item';
import type { StoredItem } from './stored-item';
import { byName } from '../util/order';

/**
 * The member's own record of the meetings they attended, across all groups, for the hours of
 * intervisie a professional register asks them to prove (issue 14, point 11). It is kept apart
 * from the history (30 meetings per group, pruned) so that years of meetings stay provable, and
 * it holds who met, when and how, never what was said: no case title, question, advice or
 * agreement exists in this type, so none can leak into an export.
 */
export interface AttendanceEntry {
  readonly meetingId: string;
  readonly groupId: string;
  /** The group's name as this device knew it at the end; null for a group never named. */
  readonly groupName: string | null;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly methodId: string;
  /** This member's role in the meeting. */
  readonly role: AttendanceRole;
  /** The names of the members present, sorted, this member's own included. */
  readonly present: readonly string[];
}

/**
 * 'facilitator' is the external procesbegeleider (issue 14, point 8): read already, so that a
 * record written by a build that has the role is not dropped by one that lacks it.
 */
export const ATTENDANCE_ROLES = ['chair', 'bringer', 'member', 'facilitator'] as const;
export type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];

/** Meetings kept: weekly intervisie for twenty years. Past it the oldest go first. */
export const MAX_ATTENDANCE = 1000;
/** Names kept per meeting: a group is at most a dozen; a peer could claim many. */
export const MAX_PRESENT = 30;
/** The store key of the record: one per device, for every group. */
export const ATTENDANCE_KEY = 'attendance';

export function attendanceRole(value: unknown): AttendanceRole {
  return ATTENDANCE_ROLES.find((r) => r === value) ?? 'member';
}

/** Names as they go into the record: cleaned (no control characters), bounded, unique, sorted. */
export function presentNames(names: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const name of names.slice(0, MAX_PRESENT * 4)) {
    if (typeof name !== 'string') continue;
    const clean = cleanName(name, LIMITS.memberName);
    if (clean) out.add(clean);
  }
  return [...out].sort(byName).slice(0, MAX_PRESENT);
}

/** Decodes one stored entry; null when it is malformed. */
export function decodeAttendanceEntry(value: unknown): AttendanceEntry | null {
  if (!isRecord(value)) return null;
  const meetingId = safeId(value.meetingId);
  const groupId = safeId(value.groupId);
  const startedAt = finiteNumber(value.startedAt);
  const endedAt = finiteNumber(value.endedAt);
  const methodId = findMethod(value.methodId)?.id ?? null;
  if (!meetingId || !groupId || startedAt === null || endedAt === null || !methodId) return null;
  if (startedAt < 0 || endedAt < startedAt) return null;
  const groupName =
    typeof value.groupName === 'string' ? cleanName(value.groupName, LIMITS.groupName) : '';
  return {
    meetingId,
    groupId,
    groupName: groupName || null,
    startedAt,
    endedAt,
    methodId,
    role: attendanceRole(value.role),
    present: presentNames(Array.isArray(value.present) ? value.present : []),
  };
}

/** Decodes the stored record, newest first, dropping malformed and repeated entries. */
export function decodeAttendance(value: unknown): AttendanceEntry[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: AttendanceEntry[] = [];
  for (const raw of value.slice(0, MAX_ATTENDANCE * 2)) {
    const entry = decodeAttendanceEntry(raw);
    if (!entry || seen.has(entry.meetingId)) continue;
    seen.add(entry.meetingId);
    out.push(entry);
  }
  return out.sort((a, b) => b.endedAt - a.endedAt).slice(0, MAX_ATTENDANCE);
}

/** Adds a meeting once (every panel sees the end; a reload must not add it twice). */
export function addAttendance(
  record: readonly AttendanceEntry[],
  entry: AttendanceEntry,
): AttendanceEntry[] {
  if (record.some((e) => e.meetingId === entry.meetingId)) return [...record];
  return [entry, ...record].sort((a, b) => b.endedAt - a.endedAt).slice(0, MAX_ATTENDANCE);
}

/** Merges an opened sealed entry (a list) into the record. */
export function mergeAttendance(
  record: readonly AttendanceEntry[],
  opened: unknown,
): AttendanceEntry[] {
  return decodeAttendance([...record, ...(Array.isArray(opened) ? opened : [])]);
}

/**
 * The record, stored as `{ v, value }`. Version 1 is `{ plain: list }` or, with a passphrase on
 * the notebook, `{ sealed: [entries] }` (`at-rest.ts`), like the history.
 */
export const attendanceItem: StoredItem<AtRestValue<AttendanceEntry[]>> = defineStoredItem({
  key: ATTENDANCE_KEY,
  version: 1,
  decode: (value) => decodeAtRest(value, decodeAttendance),
  migrations: {},
});

/** What the panel knows at the end besides the summary. */
export interface AttendanceContext {
  readonly groupId: string;
  readonly groupName: string | null;
  readonly selfId: string;
  /** The member's last role seen while the meeting ran, or null when none was seen. */
  readonly role: string | null;
  /** Names of the members seen present in the meeting. */
  readonly present: readonly string[];
}

/**
 * The record of an ended meeting: times and method from the summary, the rest from the panel.
 * The summary's case title and agreements are deliberately not read. The case bringer is taken
 * from the summary, since the end clears who brought the case from the meeting's state.
 */
export function attendanceEntryFrom(
  summary: MeetingSummary,
  context: AttendanceContext,
): AttendanceEntry | null {
  return decodeAttendanceEntry({
    meetingId: summary.meetingId,
    groupId: context.groupId,
    groupName: context.groupName,
    startedAt: summary.startedAt,
    endedAt: summary.endedAt,
    methodId: summary.methodId,
    // A meeting of two cases (issue 14, point 5): the member who brought either case was its
    // case bringer; that is the role a register asks about.
    role:
      summary.caseBringerId === context.selfId ||
      (summary.secondCase?.caseBringerId ?? null) === context.selfId
        ? 'bringer'
        : // The chair at the end guided as an external procesbegeleider (issue 14, point 8).
          context.role === 'chair' && summary.chairExternal === true
          ? 'facilitator'
          : context.role,
    // The chair and the case bringer were there, even if their panel had gone by the end.
    present: [
      ...context.present,
      ...[
        summary.chairName,
        summary.caseBringerName,
        summary.secondCase?.caseBringerName ?? null,
      ].filter((n) => n !== null),
    ],
  });
}
