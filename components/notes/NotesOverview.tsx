import { useId, useState } from 'react';
import type { Notebook } from '../../lib/notebook/notebook';
import type { Note } from '../../lib/notebook/note-codec';
import { ConfirmAction } from '../common/ConfirmAction';
import { useI18n } from '../common/I18n';
import { useFocusOnChange } from '../common/useFocusOnChange';
import { LiveRegion } from '../common/LiveRegion';
import { useNotebook, useNotebookRead } from './NotebookContext';
import type { NotebookRead } from './NotebookContext';
import { NotebookSecurity } from './NotebookSecurity';
import { NotebookStorage } from './NotebookStorage';
import { NoteList } from './NoteList';
// The meeting's notes pane and this overview unlock the same way.
import { UnlockForm } from './NotesPane';
import { NotesTransfer } from './NotesTransfer';
import { PRIVATE_TEXT } from '../common/private-text';

/**
 * The member's private notebook as a whole, outside any meeting: every note by group and
 * meeting, with search, edit and delete, export and import, passphrase protection and a word
 * on where the notes are stored. All of it stays on this device.
 */
export function NotesOverview({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const notebook = useNotebook();
  const headingId = useId();
  // Opening the notes is a new view: its heading takes focus (closing returns it to the button).
  const heading = useFocusOnChange('notes');
  return (
    <section aria-labelledby={headingId} className="notes-overview">
      <div className="notes-overview-head">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('myNotes')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('closeNotes')}
        </button>
      </div>
      {notebook ? (
        <>
          <p className="hint">{t('notesOnlyHere')}</p>
          <NotebookView notebook={notebook} focusHeading={() => heading.current?.focus()} />
        </>
      ) : (
        <p>{t('notesUnavailable')}</p>
      )}
    </section>
  );
}

function NotebookView({
  notebook,
  focusHeading,
}: {
  notebook: Notebook;
  focusHeading: () => void;
}) {
  const { t } = useI18n();
  // Turning protection on or off, or a new passphrase, is not announced by the notebook to its
  // own window (only the rows' change is, which can come before the new key is in place), so the
  // overview reads everything again after each: `version` is part of every read's key.
  const [version, setVersion] = useState(0);
  const encryption = useSteady(
    useNotebookRead(`encryption:${version}`, (nb) => nb.encryptionState()),
  );
  if (encryption.kind === 'loading') return <p className="hint">{t('loading')}</p>;
  if (encryption.kind === 'error') {
    return (
      <LiveRegion live="alert">{t('somethingWrong', { error: encryption.message })}</LiveRegion>
    );
  }
  if (encryption.kind === 'locked' || encryption.value === 'locked') {
    return <UnlockForm notebook={notebook} />;
  }
  return (
    <>
      <Overview notebook={notebook} version={version} focusHeading={focusHeading} />
      <NotesTransfer notebook={notebook} />
      <NotebookSecurity
        notebook={notebook}
        state={encryption.value}
        onChanged={() => setVersion((v) => v + 1)}
        onLocked={focusHeading}
      />
      <NotebookStorage />
    </>
  );
}

/**
 * The read, or while a new key loads the last outcome of the old one: typing in the search keeps
 * the previous results on screen (and the focus in the field) until the new ones are there.
 */
function useSteady<T>(read: NotebookRead<T>): NotebookRead<T> {
  const [last, setLast] = useState(read);
  if (read.kind !== 'loading' && read !== last) setLast(read);
  return read.kind === 'loading' ? last : read;
}

function Overview({
  notebook,
  version,
  focusHeading,
}: {
  notebook: Notebook;
  version: number;
  focusHeading: () => void;
}) {
  const { t } = useI18n();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const trimmed = query.trim();
  const all = useSteady(useNotebookRead(`notes:${version}`, (nb) => nb.list()));
  const found = useSteady(
    useNotebookRead(`search:${version}:${trimmed}`, (nb) =>
      trimmed ? nb.search(trimmed) : Promise.resolve(null),
    ),
  );

  if (all.kind === 'locked' || found.kind === 'locked') return <UnlockForm notebook={notebook} />;
  const failure =
    all.kind === 'error' ? all.message : found.kind === 'error' ? found.message : null;
  if (failure !== null) {
    return <LiveRegion live="alert">{t('somethingWrong', { error: failure })}</LiveRegion>;
  }
  if (all.kind !== 'value') return <p className="hint">{t('loading')}</p>;
  const allNotes = all.value;
  const shown: readonly Note[] =
    (trimmed && found.kind === 'value' ? found.value : null) ?? allNotes;
  const summary = !trimmed
    ? ''
    : shown.length === 0
      ? t('notesNoMatch', { query: trimmed })
      : t('notesMatch', { count: shown.length });
  const done = (text: string) => {
    setMessage(text);
    focusHeading();
  };

  // The status line keeps its place whatever is shown, so that screen readers announce it.
  return (
    <>
      {allNotes.length > 0 && (
        <div role="search" className="notes-search">
          <label htmlFor={searchId}>{t('searchNotes')}</label>
          <input
            {...PRIVATE_TEXT}
            id={searchId}
            type="search"
            value={query}
            spellCheck={false}
            onChange={(e) => {
              setQuery(e.target.value);
              setMessage(null);
            }}
          />
        </div>
      )}
      <LiveRegion className="hint">{message ?? summary}</LiveRegion>
      {allNotes.length === 0 ? (
        <p>{t('notesEmpty')}</p>
      ) : (
        <>
          <NoteList notebook={notebook} notes={shown} onRemoved={() => done(t('noteDeleted'))} />
          <DeleteAll
            notebook={notebook}
            count={allNotes.length}
            onDeleted={() => done(t('allNotesDeleted'))}
          />
        </>
      )}
    </>
  );
}

/** Deletes every note after an inline confirmation that says how many and that it is final. */
function DeleteAll({
  notebook,
  count,
  onDeleted,
}: {
  notebook: Notebook;
  count: number;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const removeAll = () => {
    setError(null);
    return notebook.removeAll().then(onDeleted, (e: unknown) => {
      setError(t('somethingWrong', { error: e instanceof Error ? e.message : String(e) }));
      throw e;
    });
  };
  return (
    <div className="delete-all">
      <ConfirmAction
        question={t('deleteAllConfirm', { count })}
        confirmLabel={t('deleteAllYes')}
        onConfirm={removeAll}
      >
        {t('deleteAllNotes')}
      </ConfirmAction>
      {error && <LiveRegion live="alert">{error}</LiveRegion>}
    </div>
  );
}
