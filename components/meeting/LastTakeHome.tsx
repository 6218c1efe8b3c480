import { useId, useState } from 'react';
import { shareLookBack } from '../../lib/shared-doc/board-commands';
import type { Note } from '../../lib/notebook/notebook';
import { mayDo } from '../../lib/method/roles';
import { useI18n } from '../common/I18n';
import type { MeetingProps } from '../boards/meeting-props';
import { useNotebookRead } from '../notes/NotebookContext';
import { useBoardCommand } from '../boards/useBoardCommand';

/** The lines of a take-home note a member may choose to share: intentions, then starred advice. */
export function lookBackLines(
  note: Note,
): { key: string; label: 'intended' | 'starred'; text: string }[] {
  const takeHome = note.takeHome;
  if (!takeHome) return [];
  const lines: { key: string; label: 'intended' | 'starred'; text: string }[] = [];
  if (takeHome.intentions.trim() !== '') {
    lines.push({ key: 'intentions', label: 'intended', text: takeHome.intentions.trim() });
  }
  takeHome.advice
    .filter((advice) => advice.starred)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
    .forEach((advice, index) => {
      lines.push({ key: `advice-${index}`, label: 'starred', text: advice.text });
    });
  return lines;
}

/**
 * At the start of the next meeting, for last time's case bringer only: what they took home
 * (from their private notes on this device). They tick what, if anything, to tell the group;
 * only the ticked lines enter the shared board.
 */
export function PrivateLookBack({
  groupId,
  meetingId,
  props,
}: {
  groupId: string;
  meetingId: string;
  props: MeetingProps;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const { act, error } = useBoardCommand(props.run);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [shared, setShared] = useState<ReadonlySet<string>>(new Set());
  const [nothingTicked, setNothingTicked] = useState(false);
  const last = useNotebookRead(`take-home:${groupId}:${meetingId}`, (nb) =>
    nb.latestTakeHome(groupId, meetingId),
  );
  if (last.kind !== 'value' || !last.value) return null;
  const lines = lookBackLines(last.value);
  if (lines.length === 0) return null;
  const canShare = mayDo('share-look-back', props.role, props.session.phase.activity);
  const share = () => {
    const chosen = lines.filter((line) => ticked.has(line.key) && !shared.has(line.key));
    setNothingTicked(chosen.length === 0);
    const done = new Set(shared);
    for (const line of chosen) {
      if (act((ctx) => shareLookBack(ctx, line.text))) done.add(line.key);
    }
    setShared(done);
  };
  return (
    <section aria-labelledby={headingId} className="private-look-back private-note">
      <h3 id={headingId}>{t('privateLookBackHeading')}</h3>
      {last.value.takeHome?.coreQuestion && (
        <p>{t('coreQuestion', { text: last.value.takeHome.coreQuestion })}</p>
      )}
      <p className="hint">{t('privateLookBackIntro')}</p>
      <ul className="look-back-lines">
        {lines.map((line) => {
          const text =
            line.label === 'intended'
              ? t('lookBackIntended', { text: line.text })
              : t('lookBackStarred', { text: line.text });
          return (
            <li key={line.key}>
              {canShare && !shared.has(line.key) ? (
                <label className="check">
                  <input
                    type="checkbox"
                    aria-label={t('shareLine', { text: line.text })}
                    checked={ticked.has(line.key)}
                    onChange={(e) => {
                      const next = new Set(ticked);
                      if (e.target.checked) next.add(line.key);
                      else next.delete(line.key);
                      setTicked(next);
                    }}
                  />{' '}
                  {text}
                </label>
              ) : (
                <p className="item-text">{text}</p>
              )}
            </li>
          );
        })}
      </ul>
      {canShare && shared.size < lines.length && (
        <button type="button" onClick={share}>
          {t('shareSelected')}
        </button>
      )}
      {nothingTicked && <p role="status">{t('shareNothingTicked')}</p>}
      {error && <p role="alert">{t(error)}</p>}
    </section>
  );
}

/** What members shared about how it went since last time: on every panel. */
export function SharedLookBack({ board }: { board: MeetingProps['board'] }) {
  const { t } = useI18n();
  const headingId = useId();
  if (board.lookBack.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="shared-look-back">
      <h3 id={headingId}>{t('sharedLookBackHeading')}</h3>
      <ul>
        {board.lookBack.map((line) => (
          <li key={line.id}>{t('sharedBy', { name: line.authorName, text: line.text })}</li>
        ))}
      </ul>
    </section>
  );
}
