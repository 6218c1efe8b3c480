import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { LIMITS } from '../../lib/util/limits';
import { notePrompt } from '../../lib/method/note-prompts';
import type { Notebook } from '../../lib/notebook/notebook';
import type { Note, NoteDraft } from '../../lib/notebook/note-codec';
import { phaseNoteId } from '../../lib/notebook/note-ids';
import type { Role } from '../../lib/method/roles';
import type { MeetingState } from '../../lib/shared-doc/meeting-state';
import type { Locale } from '../../lib/i18n/i18n';
import { useI18n } from '../common/I18n';
import { SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';
import { SaveStatusLine } from './SaveStatusLine';
import { useAutosave } from './useAutosave';
import { useNotebook, useNotebookRead } from './NotebookContext';
import { PRIVATE_TEXT } from '../common/private-text';

/** Where a note belongs: the group, the meeting, and the phase it is written in. */
export interface NotePlace {
  readonly groupId: string;
  readonly groupName: string;
  readonly meetingId: string;
  readonly meeting: MeetingState;
}

/** A note written now, in this place: the group, the meeting and its current phase. */
export function noteDraft(
  place: NotePlace,
  locale: Locale,
  note: Pick<NoteDraft, 'id' | 'kind' | 'text' | 'takeHome'>,
): NoteDraft {
  const { meeting } = place;
  return {
    ...note,
    groupId: place.groupId,
    groupName: place.groupName,
    meetingId: place.meetingId,
    meetingDate: meeting.startedAt ?? Date.now(),
    phaseId: meeting.phase.id,
    phaseName: meeting.phase.name[locale],
  };
}

/**
 * The member's private notes during the meeting, reachable in every phase: a note for the
 * current phase with a reflective prompt, autosaved on every keystroke into IndexedDB on this
 * device, and the notes of earlier phases of this meeting. Nothing here enters the shared
 * document, the network or the companion server.
 */
export function NotesPane({ place, role }: { place: NotePlace; role: Role }) {
  const { t } = useI18n();
  const notebook = useNotebook();
  const headingId = useId();
  const { meeting, meetingId } = place;
  const lock = useNotebookRead('lock', (nb) => nb.encryptionState());
  const earlier = useNotebookRead(`earlier:${meetingId}`, (nb) => nb.list({ meetingId }));
  const noteId = phaseNoteId(meetingId, meeting.phase.id);
  return (
    <section aria-labelledby={headingId} className="notes-pane">
      <h3 id={headingId}>{t('notesHeading')}</h3>
      <p className="hint">{t('notesOnlyHere')}</p>
      {!notebook ? (
        <LiveRegion live="alert">{t('notesUnavailable')}</LiveRegion>
      ) : lock.kind === 'value' && lock.value === 'locked' ? (
        <UnlockForm notebook={notebook} />
      ) : lock.kind === 'value' ? (
        <>
          <PhaseNote key={noteId} notebook={notebook} place={place} noteId={noteId} role={role} />
          {earlier.kind === 'value' && (
            <EarlierNotes notes={earlier.value.filter((n) => n.id !== noteId && n.text !== '')} />
          )}
        </>
      ) : lock.kind === 'error' ? (
        <LiveRegion live="alert">{t('noteSaveFailed', { error: lock.message })}</LiveRegion>
      ) : null}
    </section>
  );
}

function PhaseNote({
  notebook,
  place,
  noteId,
  role,
}: {
  notebook: Notebook;
  place: NotePlace;
  noteId: string;
  role: Role;
}) {
  const { t, locale } = useI18n();
  const fieldId = useId();
  const promptId = useId();
  const { meeting } = place;
  const [text, setText] = useState<string | null>(null);
  const { status, save } = useAutosave(notebook);

  // Load what was written before (a reload, or coming back to this phase); typing wins.
  useEffect(() => {
    let cancelled = false;
    notebook.get(noteId).then(
      (note) => {
        if (!cancelled) setText((current) => current ?? note?.text ?? '');
      },
      () => {
        if (!cancelled) setText((current) => current ?? '');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [notebook, noteId]);

  // Every keystroke is written at once: closing the panel or a crash loses nothing.
  const write = (value: string) => {
    setText(value);
    save(noteDraft(place, locale, { id: noteId, kind: 'note', text: value, takeHome: null }));
  };

  return (
    <div className="phase-note">
      <label htmlFor={fieldId}>{t('noteForPhase', { phase: meeting.phase.name[locale] })}</label>
      <p id={promptId} className="note-prompt">
        {
          notePrompt(meeting.phase.activity, role, {
            methodId: meeting.method.id,
            phaseId: meeting.phase.id,
          })[locale]
        }
      </p>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        rows={4}
        maxLength={LIMITS.noteText}
        aria-describedby={promptId}
        value={text ?? ''}
        disabled={text === null}
        onChange={(e) => write(e.target.value)}
      />
      <SaveStatusLine status={status} />
    </div>
  );
}

function EarlierNotes({ notes }: { notes: readonly Note[] }) {
  const { t } = useI18n();
  if (notes.length === 0) return null;
  return (
    <details className="earlier-notes">
      <summary>{t('notesEarlier')}</summary>
      <ul>
        {notes.map((note) => (
          <li key={note.id}>
            <strong>{note.phaseName}</strong>
            <p className="item-text">{note.text}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Unlocks an encrypted notebook; a wrong passphrase changes nothing and says so. */
export function UnlockForm({ notebook }: { notebook: Notebook }) {
  const { t } = useI18n();
  const fieldId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    void notebook.unlock(passphrase).then((result) => {
      setBusy(false);
      setWrong(!result.ok);
      if (result.ok) setPassphrase('');
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('unlock')}>
      <p>{t('notebookLocked')}</p>
      <label htmlFor={fieldId}>{t('passphrase')}</label>
      <input
        id={fieldId}
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      {wrong && <LiveRegion live="alert">{t('wrongPassphrase')}</LiveRegion>}
      <button type="submit" {...SUBMIT_ONCE} disabled={busy}>
        {t('unlock')}
      </button>
      <ForgottenPassphrase notebook={notebook} />
    </form>
  );
}

/** The honest way out of a forgotten passphrase: start over with an empty notebook. */
function ForgottenPassphrase({ notebook }: { notebook: Notebook }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <details className="forgotten-passphrase">
      <summary>{t('forgotPassphrase')}</summary>
      <p>{t('forgotPassphraseExplained')}</p>
      {confirming ? (
        <p role="group" aria-label={t('resetNotebookSure')}>
          {t('resetNotebookSure')}{' '}
          <button type="button" onClick={() => void notebook.reset()}>
            {t('resetNotebookYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('resetNotebook')}
        </button>
      )}
    </details>
  );
}
