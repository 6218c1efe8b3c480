import { useState } from 'react';
import {
  attendanceCsv,
  attendanceFileName,
  attendanceRows,
  totalHours,
} from '../../lib/device/attendance-export';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { downloadText } from '../common/download';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useNotebook } from '../notes/NotebookContext';
import { UnlockForm } from '../notes/NotesPane';
import { printAttendance } from './attendance-print';
import { useAttendanceRecord } from './useAttendance';

/**
 * The attendance record unfolded: the total, and two ways out: a CSV file and a page to print
 * or save as PDF (`attendance-print.ts`). Loaded only when unfolded (`AttendanceRecord.tsx`).
 */
export function AttendanceBody({ store }: { store: KeyValueStore }) {
  const { t, locale } = useI18n();
  const notebook = useNotebook();
  const { entries, locked, loaded } = useAttendanceRecord(store);
  const [refused, setRefused] = useState(false);
  const rows = attendanceRows(entries, locale);
  return (
    <>
      <p className="hint">{t('attendanceIntro')}</p>
      {!loaded ? null : locked && notebook ? (
        <div className="attendance-locked">
          <p>{t('attendanceLocked')}</p>
          <UnlockForm notebook={notebook} />
        </div>
      ) : entries.length === 0 ? (
        <p className="hint">{t('attendanceEmpty')}</p>
      ) : (
        <>
          <p>{t('attendanceTotal', { count: rows.length, hours: totalHours(rows, locale) })}</p>
          <p className="actions">
            <button
              type="button"
              onClick={() =>
                downloadText(
                  attendanceFileName(Date.now()),
                  attendanceCsv(entries, locale),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('attendanceCsv')}
            </button>{' '}
            <button type="button" onClick={() => setRefused(!printAttendance(entries, locale))}>
              {t('attendancePrint')}
            </button>
          </p>
        </>
      )}
      <LiveRegion live="alert">{refused ? t('attendancePopupBlocked') : ''}</LiveRegion>
    </>
  );
}
