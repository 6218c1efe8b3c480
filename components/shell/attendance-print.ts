import { attendanceRows, formatDuration, totalHours } from '../../lib/device/attendance-export';
import type { AttendanceEntry } from '../../lib/device/attendance';
import { formatMeetingDate } from '../../lib/i18n/format-date';
import type { Locale } from '../../lib/i18n/i18n';
import { translate } from '../../lib/i18n/messages';

const COLUMNS = [
  'attendanceGroup',
  'attendanceDate',
  'attendanceStart',
  'attendanceEnd',
  'attendanceDuration',
  'attendanceMethod',
  'attendanceRole',
  'attendancePresent',
] as const;

/**
 * Writes the attendance record into an empty document, as a plain page to print or save as PDF:
 * a heading, the table (group, date, start, end, duration, method, role, present) and the total
 * of hours at its foot. Built with DOM calls and `textContent` only: names come from peers.
 * No styles: the web panel's CSP allows only the companion's own stylesheets, and a bordered
 * table prints well without them.
 */
export function writeAttendancePage(
  doc: Document,
  entries: readonly AttendanceEntry[],
  locale: Locale,
  now: number,
): void {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const title = translate(locale, 'attendanceRecord');
  doc.documentElement.lang = locale;
  const meta = el('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.replaceChildren(meta, el('title', `${title} — Kring`));

  const rows = attendanceRows(entries, locale);
  const table = el('table');
  table.setAttribute('border', '1');
  table.setAttribute('cellpadding', '4');
  table.setAttribute('cellspacing', '0');
  const headRow = el('tr');
  for (const key of COLUMNS) {
    const th = el('th', translate(locale, key));
    th.setAttribute('scope', 'col');
    headRow.append(th);
  }
  table.append(el('thead'));
  table.tHead?.append(headRow);
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    for (const cell of [
      row.group,
      row.date,
      row.start,
      row.end,
      formatDuration(row.minutes),
      row.method,
      row.role,
      row.present,
    ]) {
      tr.append(el('td', cell));
    }
    body.append(tr);
  }
  table.append(body);
  const foot = el('tfoot');
  const totalRow = el('tr');
  const total = el(
    'td',
    translate(locale, 'attendanceTotal', {
      count: rows.length,
      hours: totalHours(rows, locale),
    }),
  );
  total.colSpan = COLUMNS.length;
  totalRow.append(total);
  foot.append(totalRow);
  table.append(foot);

  doc.body.replaceChildren(
    el('h1', title),
    el('p', translate(locale, 'attendanceMadeOn', { date: formatMeetingDate(now, locale) })),
    table,
  );
}

/**
 * Opens the record as a page of its own in a new tab and asks the browser to print it (where
 * the member can also save it as PDF). False when the browser refused the new tab.
 */
export function printAttendance(entries: readonly AttendanceEntry[], locale: Locale): boolean {
  const page = window.open('', '_blank');
  if (!page) return false;
  writeAttendancePage(page.document, entries, locale, Date.now());
  page.focus();
  page.print();
  return true;
}
