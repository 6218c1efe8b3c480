import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BoardState } from '../../lib/shared-doc/board-state';
import { takeHomeFrom } from '../../lib/notebook/take-home';
import { useStoredDraft } from '../common/DraftContext';
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
 * order and intentions, kept in their private notes on this device. It is kept as it changes
 * (a moment after the last change, and at once when this view goes: the chair ended the meeting
 * or moved on), so that a bringer who never presses the button, or whose panel is gone when the
 * meeting ends and the board is cleared, still takes the advice home; the button keeps it now
 * and says so.
 */
export function TakeHome({ place, board }: { place: NotePlace; board: BoardState }) {
  const { t, locale } = useI18n();
  const notebook = useNotebook();
  const headingId = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { meeting } = place;
  const caseTitle = board.pitches.find((p) => p.id === meeting.casePitchId)?.text ?? null;
  // Intentions typed and not yet saved to the board are the bringer's own words: they go home too.
  const typed = useStoredDraft('intentions', meeting.phase.id);
  const takeHome = useMemo(
    () => takeHomeFrom(typed.trim() === '' ? board : { ...board, intentions: typed }, caseTitle),
    [board, caseTitle, typed],
  );
  const latest = useRef({ takeHome, place, locale });
  useEffect(() => {
    latest.current = { takeHome, place, locale };
  });
  // What this view last kept (as JSON), so that an unchanged take-home is not written again.
  const kept = useRef<string | null>(null);
  const keep = useCallback(
    (after: (count: number) => void, failed: (error: unknown) => void) => {
      const { takeHome: now, place: where, locale: lang } = latest.current;
      if (!notebook || now.advice.length === 0) return;
      const json = JSON.stringify(now);
      notebook
        .save(
          noteDraft(where, lang, {
            id: takeHomeNoteId(where.meetingId),
            kind: 'take-home',
            text: '',
            takeHome: now,
          }),
        )
        .then(() => {
          kept.current = json;
          after(now.advice.length);
        }, failed);
    },
    [notebook],
  );
  const keepQuietly = useCallback(
    () =>
      keep(
        () => {},
        (error: unknown) =>
          setMessage({
            text: t('noteSaveFailed', { error: notebookErrorText(error, t) }),
            error: true,
          }),
      ),
    [keep, t],
  );
  const json = JSON.stringify(takeHome);
  useEffect(() => {
    if (json === kept.current) return;
    const timer = setTimeout(keepQuietly, TAKE_HOME_KEEP_MS);
    return () => clearTimeout(timer);
  }, [json, keepQuietly]);
  // Leaving (the meeting ended, the phase moved on) with a change not yet kept: keep it now.
  const leave = useRef(keepQuietly);
  useEffect(() => {
    leave.current = () => {
      if (JSON.stringify(latest.current.takeHome) !== kept.current) keepQuietly();
    };
  }, [keepQuietly]);
  useEffect(() => () => leave.current(), []);
  if (!notebook || board.advice.length === 0) return null;
  const save = () =>
    keep(
      (count) => setMessage({ text: t('takeHomeSaved', { count }), error: false }),
      (error: unknown) =>
        setMessage({
          text: t('noteSaveFailed', { error: notebookErrorText(error, t) }),
          error: true,
        }),
    );
  return (
    <section aria-labelledby={headingId} className="take-home">
      <h3 id={headingId}>{t('takeHomeHeading')}</h3>
      <p className="hint">{t('takeHomeHint')}</p>
      <button type="button" onClick={save}>
        {t('takeHome')}
      </button>
      {/* Two regions: one that changed its role as it filled would arrive filled. */}
      <LiveRegion>{message && !message.error ? message.text : ''}</LiveRegion>
      {message?.error && <LiveRegion live="alert">{message.text}</LiveRegion>}
    </section>
  );
}
