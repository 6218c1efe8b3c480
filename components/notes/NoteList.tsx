import { Fragment, useId, useState } from 'react';
import { LIMITS } from '../../lib/util/limits';
import type { Notebook } from '../../lib/notebook/notebook';
import type { Note, TakeHome, TakenAdvice, TakenRating } from '../../lib/notebook/note-codec';
import { byGroupAndMeeting } from '../../lib/notebook/note-order';
import { questionGroups } from '../../lib/notebook/take-home';
import type { GroupNotes } from '../../lib/notebook/note-order';
import { formatMeetingDate } from '../../lib/i18n/format-date';
import { ConfirmAction } from '../common/ConfirmAction';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { SaveStatusLine } from './SaveStatusLine';
import { notebookErrorText, useAutosave } from './useAutosave';
import { PRIVATE_TEXT } from '../common/private-text';

/** The first words of a note, to tell its buttons apart for a screen reader. */
function snippet(note: Note): string {
  const home = note.takeHome;
  const text = note.text || home?.caseTitle || home?.coreQuestion || note.phaseName;
  return text.replace(/\s+/g, ' ').trim().slice(0, 40);
}

/** The notes, by group and meeting, each with its own edit and delete. */
export function NoteList({
  notebook,
  notes,
  onRemoved,
}: {
  notebook: Notebook;
  notes: readonly Note[];
  /** After a note is deleted (its buttons are gone, so focus must go somewhere). */
  onRemoved: () => void;
}) {
  return (
    <>
      {byGroupAndMeeting(notes).map((group) => (
        <GroupSection key={group.groupId} group={group} notebook={notebook} onRemoved={onRemoved} />
      ))}
    </>
  );
}

function GroupSection({
  group,
  notebook,
  onRemoved,
}: {
  group: GroupNotes;
  notebook: Notebook;
  onRemoved: () => void;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="notes-group">
      <h3 id={headingId}>{group.groupName || t('unnamedGroup')}</h3>
      {group.meetings.map((meeting) => {
        const meetingHeadingId = `${headingId}-${meeting.meetingId}`;
        return (
          <section key={meeting.meetingId} aria-labelledby={meetingHeadingId}>
            <h4 id={meetingHeadingId}>{formatMeetingDate(meeting.meetingDate, locale)}</h4>
            <ul className="notes-list" aria-labelledby={meetingHeadingId}>
              {meeting.notes.map((note) => (
                <NoteItem key={note.id} note={note} notebook={notebook} onRemoved={onRemoved} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

type ItemMode =
  { readonly kind: 'view'; readonly focus: 'edit' | null } | { readonly kind: 'edit' };

function NoteItem({
  note,
  notebook,
  onRemoved,
}: {
  note: Note;
  notebook: Notebook;
  onRemoved: () => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<ItemMode>({ kind: 'view', focus: null });
  const [error, setError] = useState<string | null>(null);
  const phase = note.phaseName || note.phaseId || t('noteWithoutPhase');
  const name = snippet(note);

  const remove = () => {
    setError(null);
    return notebook.remove(note.id).then(onRemoved, (e: unknown) => {
      setError(t('somethingWrong', { error: notebookErrorText(e, t) }));
      throw e;
    });
  };

  return (
    <li className="note">
      <p className="note-phase">
        {note.kind === 'take-home' ? t(takeHomeTitle(note.takeHome)) : phase}
      </p>
      {note.takeHome && <TakeHomeView home={note.takeHome} />}
      {mode.kind === 'edit' ? (
        <NoteEditor
          note={note}
          notebook={notebook}
          onDone={() => setMode({ kind: 'view', focus: 'edit' })}
        />
      ) : (
        note.text && <p className="note-text">{note.text}</p>
      )}
      {mode.kind === 'view' && (
        <div className="note-actions">
          {note.kind === 'note' && (
            <button
              type="button"
              className="link-button"
              aria-label={t('editNoteFor', { text: name })}
              autoFocus={mode.focus === 'edit'}
              onClick={() => setMode({ kind: 'edit' })}
            >
              {t('editNote')}
            </button>
          )}{' '}
          <ConfirmAction
            className="link-button"
            label={t('deleteNoteFor', { text: name })}
            question={t('deleteNoteConfirm')}
            confirmLabel={t('deleteNoteYes')}
            onConfirm={remove}
          >
            {t('deleteNote')}
          </ConfirmAction>
        </div>
      )}
      {error && <LiveRegion live="alert">{error}</LiveRegion>}
    </li>
  );
}

/** Edits a note's text in place; every change is saved at once (the notebook keeps the order). */
function NoteEditor({
  note,
  notebook,
  onDone,
}: {
  note: Note;
  notebook: Notebook;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const fieldId = useId();
  const [text, setText] = useState(note.text);
  const { status, save } = useAutosave(notebook);

  const write = (value: string) => {
    setText(value);
    const { createdAt: _createdAt, updatedAt: _updatedAt, ...draft } = note;
    save({ ...draft, text: value });
  };

  return (
    <div className="note-editor">
      <label htmlFor={fieldId}>{t('noteText')}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        rows={5}
        autoFocus
        value={text}
        maxLength={LIMITS.noteText}
        onChange={(e) => write(e.target.value)}
      />
      <SaveStatusLine status={status} />
      <button type="button" onClick={onDone}>
        {t('doneEditing')}
      </button>
    </div>
  );
}

/** A question or a first association in a take-home, and who wrote it. */
function AuthoredItem({ item }: { item: { readonly text: string; readonly authorName: string } }) {
  const { t } = useI18n();
  return (
    <li>
      <span className="note-text">{item.text}</span>
      {item.authorName && <span className="hint"> {t('byAuthor', { name: item.authorName })}</span>}
    </li>
  );
}

/** What a take-home is headed in the notes: what was given, or the bringer's own words alone. */
function takeHomeTitle(home: TakeHome | null) {
  if (home?.items === 'compliments') return 'notesTakeHomeCompliments';
  if (home && home.advice.length === 0 && home.questions) return 'notesTakeHomeQuestions';
  if (home && home.advice.length === 0 && home.associations) return 'notesTakeHomeAssociations';
  if (home && home.advice.length === 0) return 'notesTakeHomeOwn';
  return 'notesTakeHome';
}

/** The heading of a take-home's questions of one rating. */
const QUESTION_LABELS = {
  warm: 'notesWarmQuestions',
  neutral: 'notesNeutralQuestions',
  cold: 'notesColdQuestions',
} as const satisfies Record<TakenRating, string>;

/**
 * What a case bringer took home: case, core question, the questions they rated (warm, neutral,
 * cold), the first associations (Balint), starred advice by rank (with why it fits), the rest;
 * advice they had already tried says so.
 */
function TakeHomeView({ home }: { home: TakeHome }) {
  const { t } = useI18n();
  const id = useId();
  const starred = home.advice
    .filter((a) => a.starred)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const other = home.advice.filter((a) => !a.starred);
  const advice = (a: TakenAdvice) => (
    <>
      <span className="note-text">{a.text}</span>
      {a.authorName && <span className="hint"> {t('byAuthor', { name: a.authorName })}</span>}
      {a.tried && <span className="tag"> {t('notesAdviceTried')}</span>}
      {a.why && <span className="note-why"> {t('notesAdviceWhy', { text: a.why })}</span>}
    </>
  );
  return (
    <div className="take-home">
      {home.caseTitle && <p>{t('caseTitle', { title: home.caseTitle })}</p>}
      {home.coreQuestion && <p>{t('coreQuestion', { text: home.coreQuestion })}</p>}
      {home.scale !== undefined && <p>{t('notesScale', { n: home.scale })}</p>}
      {questionGroups(home).map(({ rating, questions }) => (
        <Fragment key={rating}>
          <p id={`${id}-${rating}`} className="take-home-label">
            {t(QUESTION_LABELS[rating])}
          </p>
          <ul aria-labelledby={`${id}-${rating}`}>
            {questions.map((q, i) => (
              <AuthoredItem key={i} item={q} />
            ))}
          </ul>
        </Fragment>
      ))}
      {home.associations && (
        <>
          <p id={`${id}-associations`} className="take-home-label">
            {t('notesAssociations')}
          </p>
          <ul aria-labelledby={`${id}-associations`}>
            {home.associations.map((a, i) => (
              <AuthoredItem key={i} item={a} />
            ))}
          </ul>
        </>
      )}
      {starred.length > 0 && (
        <>
          <p id={`${id}-starred`} className="take-home-label">
            {t('notesStarredAdvice')}
          </p>
          <ol aria-labelledby={`${id}-starred`}>
            {starred.map((a, i) => (
              <li key={i}>{advice(a)}</li>
            ))}
          </ol>
        </>
      )}
      {other.length > 0 && (
        <>
          <p id={`${id}-other`} className="take-home-label">
            {t(home.items === 'compliments' ? 'notesCompliments' : 'notesOtherAdvice')}
          </p>
          <ul aria-labelledby={`${id}-other`}>
            {other.map((a, i) => (
              <li key={i}>{advice(a)}</li>
            ))}
          </ul>
        </>
      )}
      {home.intentions.trim() && (
        <>
          <p className="take-home-label">{t('notesIntentions')}</p>
          <p className="note-text">{home.intentions}</p>
        </>
      )}
    </div>
  );
}
