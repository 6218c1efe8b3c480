import { useId, useState } from 'react';
import type { MessageKey } from '../../lib/i18n/messages';
import { NotebookLockedError } from '../../lib/notebook/notebook-locked-error';
import type { Notebook } from '../../lib/notebook/notebook';
import { MAX_IMPORT_BYTES } from '../../lib/notebook/notebook-import';
import type { ImportError } from '../../lib/notebook/notebook-import';
import { downloadText, exportFileName } from '../common/download';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

const IMPORT_ERRORS: Record<ImportError, MessageKey> = {
  'too-large': 'importTooLarge',
  'not-json': 'importNotJson',
  'wrong-format': 'importWrongFormat',
  'unsupported-version': 'importUnsupportedVersion',
  'invalid-notes': 'importInvalidNotes',
};

const LIMIT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

type Outcome = { readonly status: string } | { readonly alert: string };

/**
 * Export (a readable Markdown document or a JSON backup, downloaded as a file) and import of a
 * JSON backup. An import is all or nothing: a bad file changes nothing, and says so.
 */
export function NotesTransfer({ notebook }: { notebook: Notebook }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const fileId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const failure = (error: unknown) =>
    error instanceof NotebookLockedError
      ? t('notebookLocked')
      : error instanceof Error
        ? error.message
        : String(error);

  const exportAs = async (extension: 'md' | 'json') => {
    try {
      const text =
        extension === 'md' ? await notebook.exportMarkdown(locale) : await notebook.exportJson();
      const fileName = exportFileName(extension, new Date());
      const type = extension === 'md' ? 'text/markdown;charset=utf-8' : 'application/json';
      downloadText(fileName, text, type);
      setOutcome({ status: t('exportDone', { file: fileName }) });
    } catch (error) {
      setOutcome({ alert: t('somethingWrong', { error: failure(error) }) });
    }
  };

  const importFile = async (file: File): Promise<Outcome> => {
    // Checked before reading: a huge file should not be loaded into memory at all.
    if (file.size > MAX_IMPORT_BYTES) return { alert: t('importTooLarge', { limit: LIMIT_MB }) };
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return { alert: t('importReadFailed', { error: failure(error) }) };
    }
    try {
      const result = await notebook.importJson(text);
      if (result.ok) {
        return { status: t('importDone', { added: result.added, updated: result.updated }) };
      }
      return { alert: t(IMPORT_ERRORS[result.error], { limit: LIMIT_MB }) };
    } catch (error) {
      return { alert: t('somethingWrong', { error: failure(error) }) };
    }
  };

  return (
    <section aria-labelledby={headingId} className="notes-transfer">
      <h3 id={headingId}>{t('transferHeading')}</h3>
      <p className="hint">{t('transferHint')}</p>
      <button type="button" onClick={() => void exportAs('md')}>
        {t('exportMarkdown')}
      </button>{' '}
      <button type="button" onClick={() => void exportAs('json')}>
        {t('exportJson')}
      </button>
      {/* The browser's own file field speaks the browser's language ("Choose File", "No file
          chosen"), not the panel's: it is hidden, and its label is the button to press. The
          field keeps the focus and the name, so the keyboard and screen readers reach it. */}
      <div className="file-pick">
        <input
          id={fileId}
          type="file"
          className="file-input visually-hidden"
          accept=".json,application/json"
          aria-describedby={hintId}
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared, so that choosing the same file again (after fixing it) imports again.
            input.value = '';
            if (!file) return;
            setBusy(true);
            setOutcome({ status: t('importing') });
            void importFile(file).then((result) => {
              setBusy(false);
              setOutcome(result);
            });
          }}
        />
        <label htmlFor={fileId} className="file-button">
          {t('importLabel')}
        </label>
      </div>
      <p id={hintId} className="hint">
        {t('importHint')}
      </p>
      <p role="status">{outcome && 'status' in outcome ? outcome.status : ''}</p>
      {outcome && 'alert' in outcome && <LiveRegion live="alert">{outcome.alert}</LiveRegion>}
    </section>
  );
}
