import { useId, useRef } from 'react';
import { useI18n } from '../common/I18n';

/**
 * The chair's "End the meeting" and its confirmation, a modal `<dialog>`: the browser keeps
 * focus inside it and makes the rest inert, Escape cancels, and focus goes back to the button.
 * The safe choice (cancel) has the focus when it opens, as in the WAI-ARIA alert dialog pattern:
 * ending clears the shared board for everyone.
 */
export function EndMeetingButton({ onEnd }: { onEnd: () => void }) {
  const { t } = useI18n();
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
        className="end-meeting"
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
        <button
          type="button"
          onClick={() => {
            dialog.current?.close();
            onEnd();
          }}
        >
          {t('confirmEnd')}
        </button>{' '}
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()}>
          {t('cancel')}
        </button>
      </dialog>
    </>
  );
}
