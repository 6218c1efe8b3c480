import { isoCalendarDate } from '../i18n/format-date';
import type { Locale } from '../i18n/i18n';
import { translate } from '../i18n/messages';
import type { MessageKey } from '../i18n/messages';
import { findMethod } from '../method/method-list';
import type { AttendanceEntry, AttendanceRole } from './attendance';

/**
 * The attendance record as a register reads it: one row of plain text per meeting, the same for
 * the CSV and the printed page, so that both say the same. Times are the member's local time.
 */
export interface AttendanceRow {
  readonly group: string;
  /** YYYY-MM-DD: sorts, and reads the same in every language. */
  readonly date: string;
  /** HH:MM, 24 hours. */
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
  readonly method: string;
  readonly role: string;
  readonly present: string;
}

const ROLE_KEYS = {
  chair: 'attendanceRoleChair',
  bringer: 'attendanceRoleBringer',
  member: 'attendanceRoleMember',
  facilitator: 'attendanceRoleFacilitator',
} as const satisfies Readonly<Record<AttendanceRole, MessageKey>>;

function clock(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Whole minutes between start and end (never negative). */
export function meetingMinutes(entry: AttendanceEntry): number {
  return Math.max(0, Math.round((entry.endedAt - entry.startedAt) / 60_000));
}

/** The rows, oldest first: a register reads a year from its start. */
export function attendanceRows(
  entries: readonly AttendanceEntry[],
  locale: Locale,
): AttendanceRow[] {
  return [...entries]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((entry) => ({
      group: entry.groupName ?? translate(locale, 'attendanceUnnamedGroup'),
      date: isoCalendarDate(entry.startedAt),
      start: clock(entry.startedAt),
      end: clock(entry.endedAt),
      minutes: meetingMinutes(entry),
      method: findMethod(entry.methodId)?.name[locale] ?? entry.methodId,
      role: translate(locale, ROLE_KEYS[entry.role]),
      present: entry.present.join(', '),
    }));
}

/** 90 -> '1:30': how long a meeting took, as the printed page shows it. */
export function formatDuration(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The total in hours, as the language writes decimals: '12,5' in Dutch, '12.5' in English. */
export function totalHours(rows: readonly AttendanceRow[], locale: Locale): string {
  const minutes = rows.reduce((sum, row) => sum + row.minutes, 0);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(minutes / 60);
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Names and group names come from peers: a cell that a spreadsheet would run as a formula (it
 * starts with = + - @, or a tab or carriage return that some strip first) gets a leading
 * apostrophe, so that it is shown as text.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER_KEYS = [
  'attendanceGroup',
  'attendanceDate',
  'attendanceStart',
  'attendanceEnd',
  'attendanceDurationMinutes',
  'attendanceMethod',
  'attendanceRole',
  'attendancePresent',
] as const;

/**
 * The record as CSV: a header row in the member's language, one row per meeting, CRLF line
 * ends. A byte order mark first, so that spreadsheet programs read names with accents as UTF-8.
 */
export function attendanceCsv(entries: readonly AttendanceEntry[], locale: Locale): string {
  const header = HEADER_KEYS.map((key) => translate(locale, key));
  const lines = attendanceRows(entries, locale).map((row) => [
    row.group,
    row.date,
    row.start,
    row.end,
    row.minutes,
    row.method,
    row.role,
    row.present,
  ]);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The file name of an export made on a day: kring-attendance-YYYY-MM-DD.csv. */
export function attendanceFileName(now: number): string {
  return `kring-attendance-${isoCalendarDate(now)}.csv`;
}
