import { lazy, Suspense, useId, useState } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { useI18n } from '../common/I18n';

/** The record's code (the methods' names, the store, the exports) loads when it is unfolded. */
const AttendanceBody = lazy(() =>
  import('./AttendanceBody').then((m) => ({ default: m.AttendanceBody })),
);
/**
 * The member's attendance record for a professional register, on the home screen: folded by
 * default (it is for once or twice a year; `AttendanceBody.tsx` when unfolded). Everything
 * stays on this device.
 */
export function AttendanceRecord({ store }: { store: KeyValueStore }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <section className="attendance" aria-labelledby={`${bodyId}-h`}>
      <h2 id={`${bodyId}-h`}>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          {t('attendanceRecord')}
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {open && (
          <Suspense fallback={null}>
            <AttendanceBody store={store} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
