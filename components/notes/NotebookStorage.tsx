import { useEffect, useId, useState } from 'react';
import { useI18n } from '../common/I18n';

/** The browser's storage manager, where there is one (not in every browser or context). */
function storageManager(): Partial<StorageManager> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Where the notes live and what deletes them; whether the browser keeps the storage for good,
 * and a way to ask it to. The answer is the browser's own: it may decide by itself.
 */
export function NotebookStorage() {
  const { t } = useI18n();
  const headingId = useId();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [answer, setAnswer] = useState<'granted' | 'denied' | null>(null);
  const storage = storageManager();

  useEffect(() => {
    const manager = storageManager();
    if (typeof manager?.persisted !== 'function') return undefined;
    let cancelled = false;
    manager.persisted().then(
      (value) => {
        if (!cancelled) setPersisted(value);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const ask = () => {
    const manager = storageManager();
    if (typeof manager?.persist !== 'function') return;
    manager.persist().then(
      (granted) => {
        setAnswer(granted ? 'granted' : 'denied');
        if (granted) setPersisted(true);
      },
      () => setAnswer('denied'),
    );
  };

  return (
    <section aria-labelledby={headingId} className="notebook-storage">
      <h3 id={headingId}>{t('storageHeading')}</h3>
      <p>{t('storageExplain')}</p>
      {persisted !== null && (
        <p>{persisted ? t('storagePersistent') : t('storageNotPersistent')}</p>
      )}
      {/* Kept after an answer, so that the focus does not vanish with the button. */}
      {(persisted === false || answer !== null) && typeof storage?.persist === 'function' && (
        <button type="button" onClick={ask}>
          {t('askPersist')}
        </button>
      )}
      <p role="status">
        {answer === 'granted' ? t('persistGranted') : answer === 'denied' ? t('persistDenied') : ''}
      </p>
    </section>
  );
}
