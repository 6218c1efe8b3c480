import { memo, useId, useState } from 'react';
import { parseSeriesLength, MAX_SERIES_LENGTH } from '../../lib/device/series';
import { useI18n } from '../common/I18n';
import { SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';

/**
 * The group's "Meetings in this series", a small field beside the invite: how many meetings the
 * group agreed on, so that the panel can say "Meeting 3 of 10" (issue 14, point 7). Optional;
 * kept on this device.
 * Memoized (see GroupView).
 */
export const SeriesSetting = memo(function SeriesSetting({
  length,
  onSave,
}: {
  length: number | null;
  onSave: (length: number | null) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [text, setText] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'invalid' | 'saved'>('idle');
  const value = text ?? (length === null ? '' : String(length));
  return (
    <form
      className="series-setting"
      // Our own message says what fits; the browser's would differ per browser and language.
      noValidate
      aria-label={t('seriesLengthLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseSeriesLength(value);
        if (!parsed.ok) {
          setState('invalid');
          return;
        }
        void onSave(parsed.length).then((saved) => {
          if (saved) {
            setText(null);
            setState('saved');
          }
        });
      }}
    >
      <label htmlFor={inputId}>{t('seriesLengthLabel')}</label>{' '}
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_SERIES_LENGTH}
        size={3}
        value={value}
        aria-describedby={state === 'invalid' ? `${hintId} ${errorId}` : hintId}
        aria-invalid={state === 'invalid' || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setState('idle');
        }}
      />{' '}
      {/* A setting at the foot of the group: plain, so that what to do now stands out above it. */}
      <button type="submit" {...SUBMIT_ONCE} className="secondary">
        {t('seriesLengthSave')}
      </button>
      <p className="hint" id={hintId}>
        {t('seriesLengthHint')}
      </p>
      {state === 'invalid' && (
        <p id={errorId} role="alert" className="field-error">
          {t('seriesLengthInvalid')}
        </p>
      )}
      <LiveRegion>{state === 'saved' ? t('seriesLengthSaved') : ''}</LiveRegion>
    </form>
  );
});

/** "Meeting 3 of 10", or "Meeting 3" when the group set no series length. */
export function MeetingNumber({ number, length }: { number: number; length: number | null }) {
  const { t } = useI18n();
  return (
    <p className="meeting-number">
      {length === null
        ? t('meetingNumber', { number })
        : t('meetingNumberOf', { number, total: length })}
    </p>
  );
}
