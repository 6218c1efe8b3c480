import { useId, useState } from 'react';
import { setScale } from '../../lib/shared-doc/board-commands';
import { SCALE_TOP } from '../../lib/util/limits';
import { mayDo } from '../../lib/method/roles';
import type { MessageKey } from '../../lib/i18n/messages';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import type { MeetingProps } from './meeting-props';
import { useBoardCommand } from './useBoardCommand';

const POINTS = Array.from({ length: SCALE_TOP + 1 }, (_, point) => point);

/**
 * The solution-focused scaling question (Phase.scale), above the questions: the case bringer
 * picks where they are now, 0 to 10, and every other panel shows that number with what to ask
 * next (what makes it not a 0, what one point higher would look like). The bringer may change
 * it or take it away; it goes home with their take-home.
 */
export function ScaleBoard({ meeting, board, role, run }: MeetingProps) {
  const { t } = useI18n();
  const headingId = useId();
  const canPick = mayDo('scale', role, meeting.phase.activity);
  const name = meeting.caseBringerName;
  return (
    <section aria-labelledby={headingId} className="board scale-board">
      <h3 id={headingId}>{t(canPick ? 'scaleHeadingBringer' : 'scaleHeading')}</h3>
      {canPick ? (
        <ScalePicker value={board.scale} run={run} />
      ) : board.scale === null ? (
        name !== null && <p className="hint">{t('scaleWaiting', { name })}</p>
      ) : (
        <>
          <LiveRegion className="scale-value">
            {t('scaleOf', { name: name ?? '', n: board.scale })}
          </LiveRegion>
          <ScaleBar value={board.scale} />
          <p className="hint">{t(askNext(board.scale), { next: board.scale + 1 })}</p>
        </>
      )}
    </section>
  );
}

/** What the members ask about the number: how one point higher would look. */
function askNext(value: number): MessageKey {
  if (value === 0) return 'scaleAskFromZero';
  if (value === SCALE_TOP) return 'scaleAskTop';
  return 'scaleAskNext';
}

/** Eleven radio buttons, one per point: arrow keys move along them, each choice is kept at once. */
function ScalePicker({ value, run }: { value: number | null; run: MeetingProps['run'] }) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const name = useId();
  const lowId = useId();
  // Said after the bringer acted, not when the view opens with a number already there.
  const [said, setSaid] = useState<'shared' | 'taken-back' | null>(null);
  return (
    <>
      <fieldset className="scale-picker">
        <legend>{t('scaleLegend')}</legend>
        <div className="scale-points">
          {POINTS.map((point) => (
            <label key={point} className="scale-point">
              <input
                type="radio"
                name={name}
                value={point}
                checked={value === point}
                aria-describedby={point === 0 || point === SCALE_TOP ? lowId : undefined}
                onChange={() => {
                  if (act((ctx) => setScale(ctx, point))) setSaid('shared');
                }}
              />
              <span>{point}</span>
            </label>
          ))}
        </div>
        <p className="scale-ends hint" id={lowId}>
          <span>{t('scaleLow')}</span>
          <span>{t('scaleHigh')}</span>
        </p>
      </fieldset>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      <LiveRegion>
        {said === 'shared' && value !== null && t('scaleShared', { n: value })}
        {said === 'taken-back' && value === null && t('scaleTakenBack')}
      </LiveRegion>
      <p className="hint">{t(value === 0 ? 'scaleBringerHintZero' : 'scaleBringerHint')}</p>
      {value !== null && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (act((ctx) => setScale(ctx, null))) setSaid('taken-back');
          }}
        >
          {t('scaleTakeBack')}
        </button>
      )}
    </>
  );
}

/** The scale drawn as eleven cells, filled up to the number; the text beside it says it all. */
function ScaleBar({ value }: { value: number }) {
  return (
    <div className="scale-bar" aria-hidden="true">
      {POINTS.map((point) => (
        <span
          key={point}
          className={point === value ? 'scale-cell scale-cell-now' : 'scale-cell'}
          data-filled={point <= value ? '' : undefined}
        >
          {point === 0 || point === SCALE_TOP || point === value ? point : ''}
        </span>
      ))}
    </div>
  );
}

/**
 * After the scaling question, in the same case's later phases: where the case bringer said they
 * were, one line under the core question, so the next small step can be one point higher.
 */
export function ScaleThen({
  meeting,
  board,
  role,
}: Pick<MeetingProps, 'meeting' | 'board' | 'role'>) {
  const { t } = useI18n();
  if (board.scale === null || meeting.phase.scale === true) return null;
  return (
    <p className="scale-then">
      {role === 'bringer'
        ? t('scaleThenOwn', { n: board.scale })
        : t('scaleThen', { name: meeting.caseBringerName ?? '', n: board.scale })}
    </p>
  );
}
