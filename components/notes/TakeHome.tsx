import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BoardState } from '../../lib/shared-doc/board-state';
import { holdsAnything, takeHomeFrom } from '../../lib/notebook/take-home';
import type { TakeHome as Kept } from '../../lib/notebook/note-codec';
import { associationPhases, takeHomeTexts } from '../../lib/method/board-words';
import { useMeetingMark, useStoredDraft, useStoredItemDrafts } from '../common/DraftContext';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useNotebook } from './NotebookContext';
import { takeHomeNoteId } from '../../lib/notebook/note-ids';
import { noteDraft } from './NotesPane';
import type { NotePlace } from './NotesPane';
import { notebookErrorText } from './useAutosave';

/** How long the take-home waits after a change before it is kept: a burst of stars is one write. */
export const TAKE_HOME_KEEP_MS = 400;

/**
 * For the case bringer, from the advice round on: all advice given to them, with their stars,
 * order and intentions, kept in their private notes on this device; where they rate the
 * questions (Socratic, ten-step), from the rating on, the questions they rated too. It is kept
 * as it changes (a moment after the last change, and at once when this view goes: the chair
 * ended the meeting or moved on), so that a bringer who never presses the button, or whose panel is gone when the
 * meeting ends and the board is cleared, still takes the advice home; the button keeps it now
 * and says so.
 */
export function TakeHome({ place, board }: { place: NotePlace; board: BoardState }) {
  const { t, locale } = useI18n();
  const notebook = useNotebook();
  const headingId = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { meeting } = place;
  // Compliments in the solution-focused method, advice elsewhere.
  const texts = takeHomeTexts(meeting.method);
  const associations = useMemo(() => associationPhases(meeting.method), [meeting.method]);
  const caseTitle = board.pitches.find((p) => p.id === meeting.casePitchId)?.text ?? null;
  // Intentions, and why a starred piece of advice fits, typed and not yet saved to the board are
  // the bringer's own words: they go home too (the chair may end the meeting while they type).
  const typed = useStoredDraft('intentions', meeting.phase.id);
  const typedWhys = useStoredItemDrafts('why');
  const takeHome = useMemo(() => {
    const advice =
      typedWhys.size === 0
        ? board.advice
        : board.advice.map((a) => {
            const why = typedWhys.get(a.id);
            return a.starred && why !== undefined ? { ...a, why: why.trim() || null } : a;
          });
    return takeHomeFrom(
      { ...board, advice, intentions: typed.trim() === '' ? board.intentions : typed },
      caseTitle,
      texts.items,
      associations,
    );
  }, [board, caseTitle, typed, typedWhys, texts.items, associations]);
  const json = JSON.stringify(takeHome);
  // The case bringer removed the kept take-home from their notes (My notes, while the meeting
  // runs): it is not written back by itself at the next change, only by the button. Marked on
  // the device with the drafts, so that a reload does not write it back either.
  const mark = useMeetingMark('take-home-removed');
  // What the callbacks below read when they run (a timer, the view going), not when made.
  const latest = useRef({ takeHome, json, place, locale, notebook, t, mark });
  useEffect(() => {
    latest.current = { takeHome, json, place, locale, notebook, t, mark };
  });
  // What this view last kept (as JSON), so that an unchanged take-home is not written again.
  const kept = useRef<string | null>(null);
  const [removedHere, setRemovedHere] = useState(false);
  const removed = removedHere || mark.marked;
  const removedNow = useRef(removed);
  useEffect(() => {
    if (removed) removedNow.current = true;
  }, [removed]);
  const noteId = takeHomeNoteId(place.meetingId);
  useEffect(() => {
    if (!notebook) return;
    return notebook.subscribe(() => {
      if (kept.current === null || removedNow.current) return;
      notebook.get(noteId).then(
        (note) => {
          if (note !== null || kept.current === null) return;
          removedNow.current = true;
          setRemovedHere(true);
          mark.set(true);
        },
        // Locked or gone: nothing to conclude.
        () => undefined,
      );
    });
  }, [notebook, noteId, mark]);
  /** Keeps the take-home as it is now; `after` hears what was kept. */
  const keep = useCallback((after?: (kept: Kept) => void) => {
    const {
      takeHome: now,
      json: nowJson,
      place: where,
      locale: lang,
      notebook: notes,
      t: tr,
    } = latest.current;
    // Never an empty take-home; the case bringer's own words alone are worth keeping (the
    // solution-focused next small step comes before any compliment, the gossip method has none).
    if (!notes || !holdsAnything(now)) return;
    notes
      .save(
        noteDraft(where, lang, {
          id: takeHomeNoteId(where.meetingId),
          kind: 'take-home',
          text: '',
          takeHome: now,
        }),
      )
      .then(
        () => {
          kept.current = nowJson;
          after?.(now);
        },
        (error: unknown) =>
          setMessage({
            text: tr('noteSaveFailed', { error: notebookErrorText(error, tr) }),
            error: true,
          }),
      );
  }, []);
  // Quietly, a moment after the last change (and once the notebook is here), and not before the
  // device's marks are read: a reloaded panel must not write back what the bringer removed.
  useEffect(() => {
    if (json === kept.current || removed) return;
    const timer = setTimeout(() => {
      void mark.loaded().then(() => {
        if (!removedNow.current && !mark.isMarked()) keep();
      });
    }, TAKE_HOME_KEEP_MS);
    return () => clearTimeout(timer);
  }, [json, notebook, keep, removed, mark]);
  // Leaving (the meeting ended, the phase moved on) with a change not yet kept: keep it now.
  useEffect(
    () => () => {
      if (latest.current.json === kept.current || removedNow.current) return;
      if (!latest.current.mark.isMarked()) keep();
    },
    [keep],
  );
  // Shown once something was given: advice, compliments, first associations, or questions the
  // bringer rated.
  const given = takeHome.advice.length > 0 || takeHome.questions || takeHome.associations;
  if (!notebook || !given) return null;
  const save = () => {
    removedNow.current = false;
    setRemovedHere(false);
    mark.set(false);
    keep((kept) => {
      // Before the advice round of a method that rates questions: the questions were kept.
      const questionsOnly = texts.questions && kept.advice.length === 0;
      // Before the written advice of the Balint method: the first associations were kept.
      const associationsOnly = kept.advice.length === 0 && kept.associations !== undefined;
      const text = questionsOnly
        ? t('takeHomeQuestionsSaved', { count: kept.questions?.length ?? 0 })
        : associationsOnly
          ? t('takeHomeAssociationsSaved', { count: kept.associations?.length ?? 0 })
          : t(texts.saved, { count: kept.advice.length });
      setMessage({ text, error: false });
    });
  };
  return (
    <section aria-labelledby={headingId} className="take-home">
      <h3 id={headingId}>{t(texts.heading)}</h3>
      <p className="hint">{t(removed ? 'takeHomeRemoved' : texts.hint)}</p>
      <button type="button" onClick={save}>
        {t(texts.save)}
      </button>
      {/* Two regions: one that changed its role as it filled would arrive filled. */}
      <LiveRegion>{message && !message.error ? message.text : ''}</LiveRegion>
      {message?.error && <LiveRegion live="alert">{message.text}</LiveRegion>}
    </section>
  );
}
