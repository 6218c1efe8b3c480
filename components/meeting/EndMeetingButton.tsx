import { useId, useRef, useState } from 'react';
import { nextDateIn } from '../../lib/shared-doc/meeting-summary';
import { NO_NEXT_MEETING } from '../../lib/shared-doc/next-meeting';
import type { NextMeeting } from '../../lib/shared-doc/next-meeting';
import { isoCalendarDate } from '../../lib/i18n/format-date';
import { useI18n } from '../common/I18n';

/**
 * The chair's "End the meeting" and its confirmation, a modal `<dialog>`: the browser keeps
 * focus inside it and makes the rest inert, Escape cancels, and focus goes back to the button.
 * The safe choice (cancel) has the focus when it opens, as in the WAI-ARIA alert dialog pattern:
 * ending clears the shared board for everyone.
 *
 * The series (issue 14, point 7): "at the end the group records the next chair and the next
 * date; the next meeting opens with them." The chair picks the next chair from the members
 * present (the rota's suggestion first) and may set a date; both go into the summary.
 */
export function EndMeetingButton({
  onEnd,
  names = [],
  suggested = null,
  now = Date.now,
  primary = false,
}: {
  onEnd: (next: NextMeeting) => void;
  /** Names of the members present, the chair included: who may chair next. */
  names?: readonly string[];
  /** Whose turn it is by the rota (meeting-history.ts suggestNextChair), preselected. */
  suggested?: string | null;
  /** The clock the date is judged by (tests pass a fixed one). */
  now?: () => number;
  /** In the last phase ending is what comes next: the filled button, not the red one set apart. */
  primary?: boolean;
}) {
  const { t } = useI18n();
  const choices = [...new Set(names)];
  const [picked, setPicked] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [dateInvalid, setDateInvalid] = useState(false);
  const chairId = useId();
  const dateId = useId();
  const dateErrorId = useId();
  // Until the chair picks, the rota's suggestion when it is among those present.
  const nextChair = picked ?? (suggested !== null && choices.includes(suggested) ? suggested : '');
  const today = now();
  const end = () => {
    const nextDate = date === '' ? null : nextDateIn(date, now());
    if (date !== '' && nextDate === null) {
      setDateInvalid(true);
      return;
    }
    dialog.current?.close();
    onEnd(
      date === '' && nextChair === ''
        ? NO_NEXT_MEETING
        : { nextChair: nextChair || null, nextDate },
    );
  };
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  return (
    <>
      <button
        ref={opener}
        type="button"
        className={primary ? 'primary' : 'end-meeting'}
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          cancel.current?.focus();
        }}
      >
        {t('endMeeting')}
      </button>
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="confirm confirm-dialog"
        // Closed by Escape, by cancel or by ending: back where the chair was.
        onClose={() => opener.current?.focus()}
      >
        <h2 id={titleId}>{t('endMeeting')}</h2>
        <p id={textId}>{t('endMeetingConfirm')}</p>
        <fieldset className="next-meeting">
          <legend>{t('endNextHeading')}</legend>
          <label htmlFor={chairId}>{t('nextChairLabel')}</label>
          <select id={chairId} value={nextChair} onChange={(e) => setPicked(e.target.value)}>
            <option value="">{t('nextChairNone')}</option>
            {choices.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <label htmlFor={dateId}>{t('nextDateLabel')}</label>
          <input
            id={dateId}
            type="date"
            value={date}
            min={isoCalendarDate(today + 86_400_000)}
            max={isoCalendarDate(today + 730 * 86_400_000)}
            aria-invalid={dateInvalid || undefined}
            aria-describedby={dateInvalid ? dateErrorId : undefined}
            onChange={(e) => {
              setDate(e.target.value);
              setDateInvalid(false);
            }}
          />
          {dateInvalid && (
            <p id={dateErrorId} role="alert" className="field-error">
              {t('nextDateInvalid')}
            </p>
          )}
        </fieldset>
        <button type="button" onClick={end}>
          {t('confirmEnd')}
        </button>{' '}
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()}>
          {t('cancel')}
        </button>
      </dialog>
    </>
  );
}
