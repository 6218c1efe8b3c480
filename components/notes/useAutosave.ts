import { useRef, useState } from 'react';
import { NotebookLockedError } from '../../lib/notebook/notebook-locked-error';
import type { Notebook } from '../../lib/notebook/notebook';
import type { NoteDraft } from '../../lib/notebook/note-codec';
import { useI18n } from '../common/I18n';
import type { Translate } from '../common/I18n';

/** Where an autosaved note stands: nothing typed yet, saving, saved, or an error to show. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | { readonly error: string };

/** What an error from the notebook means to the member. */
export function notebookErrorText(error: unknown, t: Translate): string {
  if (error instanceof NotebookLockedError) return t('notebookLocked');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Saves a note on every change (the notebook serialises writes, so the last one wins); only
 * the newest save reports its outcome, so an older one finishing late says nothing stale.
 */
export function useAutosave(notebook: Notebook): {
  status: SaveStatus;
  save: (draft: NoteDraft) => void;
} {
  const { t } = useI18n();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const latest = useRef(0);
  const save = (draft: NoteDraft) => {
    setStatus('saving');
    const mine = ++latest.current;
    notebook.save(draft).then(
      () => {
        if (mine === latest.current) setStatus('saved');
      },
      (error: unknown) => {
        if (mine === latest.current) setStatus({ error: notebookErrorText(error, t) });
      },
    );
  };
  return { status, save };
}
