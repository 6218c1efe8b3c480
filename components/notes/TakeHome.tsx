import { useId, useState } from 'react';
import type { BoardState } from '../../lib/shared-doc/board-state';
import { takeHomeFrom } from '../../lib/notebook/take-home';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { useNotebook } from './NotebookContext';
import { takeHomeNoteId } from '../../lib/notebook/note-ids';
import { noteDraft } from './NotesPane';
import type { NotePlace } from './NotesPane';
import { notebookErrorText } from './useAutosave';

/**
 * For the case bringer, at the end of the advice round: one action saves all advice given to
 * them, with their stars, order and intentions, into their private notes on this device.
 */
export function TakeHome({ place, board }: { place: NotePlace; board: BoardState }) {
  const { t, locale } = useI18n();
  const notebook = useNotebook();
  const headingId = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!notebook || board.advice.length === 0) return null;
  const { meeting } = place;
  const caseTitle = board.pitches.find((p) => p.id === meeting.casePitchId)?.text ?? null;
  const save = () => {
    const takeHome = takeHomeFrom(board, caseTitle);
    notebook
      .save(
        noteDraft(place, locale, {
          id: takeHomeNoteId(place.meetingId),
          kind: 'take-home',
          text: '',
          takeHome,
        }),
      )
      .then(
        () =>
          setMessage({
            text: t('takeHomeSaved', { count: takeHome.advice.length }),
            error: false,
          }),
        (error: unknown) =>
          setMessage({
            text: t('noteSaveFailed', { error: notebookErrorText(error, t) }),
            error: true,
          }),
      );
  };
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
