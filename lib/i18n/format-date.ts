import type { Locale } from './i18n';

const MEETING_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * The day of a meeting as the panel shows it, in the member's time zone: '14 maart 2026',
 * 'March 14, 2026'. Through Date, so that a broken time reads 'Invalid Date' instead of throwing.
 */
export function formatMeetingDate(ms: number, locale: Locale): string {
  return new Date(ms).toLocaleDateString(locale, MEETING_DATE);
}

/**
 * A local calendar date, YYYY-MM-DD, the same in every language: the day the member lived it,
 * for file names and exports that sort by date.
 */
export function isoCalendarDate(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
