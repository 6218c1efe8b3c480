import { useId, useState } from 'react';
import { shareLookBack } from '../../lib/shared-doc/board-commands';
import { takeHomeLines } from '../../lib/notebook/take-home';
import type { TakeHomeLine } from '../../lib/notebook/take-home';
import { mayDo } from '../../lib/method/roles';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import type { MeetingProps } from '../boards/meeting-props';
import { useNotebookRead } from '../notes/NotebookContext';
import { useBoardCommand } from '../boards/useBoardCommand';

/** How the case bringer reads a line of their own take-home (the number apart). */
const LINE_LABELS = {
  intended: 'lastTakeHomeIntended',
  starred: 'lastTakeHomeStarred',
  warm: 'lastTakeHomeWarm',
} as const satisfies Record<Exclude<TakeHomeLine['label'], 'scale'>, string>;

/**
 * At the start of the next meeting, for last time's case bringer only: their last take-home
 * (from their private notes on this device). They tick what, if anything, to tell the group;
 * only the ticked lines enter the shared board, as their part of the shared look back.
 */
export function LastTakeHome({
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
  const takeHome = last.kind === 'value' ? last.value?.takeHome : null;
  if (!takeHome) return null;
  const lines = takeHomeLines(takeHome);
  if (lines.length === 0) return null;
  const canShare = mayDo('share-look-back', props.role, props.meeting.phase.activity);
  // What the group reads when a line is shared: the bringer's own words, or a number said so.
  const told = (line: TakeHomeLine) =>
    line.label === 'scale' ? t('lastTakeHomeScaleShared', { n: line.text }) : line.text;
  const share = () => {
    const chosen = lines.filter((line) => ticked.has(line.key) && !shared.has(line.key));
    setNothingTicked(chosen.length === 0);
    const done = new Set(shared);
    for (const line of chosen) {
      if (act((ctx) => shareLookBack(ctx, told(line)))) done.add(line.key);
    }
    setShared(done);
  };
  return (
    <section aria-labelledby={headingId} className="private-look-back private-note">
      <h3 id={headingId}>{t('lastTakeHomeHeading')}</h3>
      {takeHome.coreQuestion && <p>{t('coreQuestion', { text: takeHome.coreQuestion })}</p>}
      <p className="hint">{t('lastTakeHomeIntro')}</p>
      <ul className="look-back-lines">
        {lines.map((line) => {
          const text =
            line.label === 'scale'
              ? t('lastTakeHomeScale', { n: line.text })
              : t(LINE_LABELS[line.label], { text: line.text });
          return (
            <li key={line.key}>
              {canShare && !shared.has(line.key) ? (
                <label className="check">
                  <input
                    type="checkbox"
                    aria-label={t('shareLine', { text: told(line) })}
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
      {nothingTicked && <LiveRegion>{t('shareNothingTicked')}</LiveRegion>}
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
    </section>
  );
}
