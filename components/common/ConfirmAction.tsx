import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useI18n } from './I18n';

/**
 * A button for something that cannot be taken back (reset the timer, hand over the chair, delete
 * notes): pressing it asks first, in place. The question takes the button's place with the
 * action and Cancel; Cancel has the focus (the WAI-ARIA alert dialog pattern), so a double
 * click or Enter pressed twice does nothing, and Escape cancels. Focus returns to the button
 * after Cancel, and after the action when the button is still there.
 */
export function ConfirmAction({
  children,
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled = false,
  className,
}: {
  /** What the button shows. */
  children: ReactNode;
  /** The button's accessible name, when its text alone would not tell buttons apart. */
  label?: string;
  question: string;
  confirmLabel: string;
  /**
   * Runs the action. A promise keeps both choices disabled until it settles; when it rejects
   * the question stays (the caller says what went wrong).
   */
  onConfirm: () => void | Promise<unknown>;
  disabled?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  const questionId = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  const close = () => {
    refocus.current = true;
    setAsking(false);
  };

  const confirm = () => {
    const result = onConfirm();
    if (!(result instanceof Promise)) return close();
    setBusy(true);
    result.then(
      () => {
        if (!mounted.current) return;
        setBusy(false);
        close();
      },
      () => {
        if (mounted.current) setBusy(false);
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || busy) return;
    event.stopPropagation();
    close();
  };

  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className={className}
        aria-label={label}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={questionId} className="confirm" onKeyDown={onKeyDown}>
      <p id={questionId}>{question}</p>
      <button type="button" className="danger" disabled={busy} onClick={confirm}>
        {confirmLabel}
      </button>{' '}
      <button ref={cancel} type="button" disabled={busy} onClick={close}>
        {t('cancel')}
      </button>
    </div>
  );
}
