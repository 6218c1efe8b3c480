import { memo, useId, useState } from 'react';
import type { FormEvent } from 'react';
import {
  addPitch,
  confirmCase,
  removeOwnItem,
  scorePitch,
  votePitch,
} from '../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import { rankPitches } from '../../lib/shared-doc/board-state';
import type { PitchScore, PitchView } from '../../lib/shared-doc/board-state';
import { LIMITS } from '../../lib/util/limits';
import type { MessageKey } from '../../lib/i18n/messages';
import { mayDo } from '../../lib/method/roles';
import type { CommandResult } from '../../lib/shared-doc/meeting-commands';
import { useDraft } from '../common/DraftContext';
import { useI18n } from '../common/I18n';
import { once, SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';
import type { MeetingProps } from './meeting-props';
import { useBoardCommand } from './useBoardCommand';
import { useItemNames } from './item-names';
import { PRIVATE_TEXT } from '../common/private-text';

type Act = (command: (ctx: CommandContext) => CommandResult) => boolean;

const KIND_LABELS: Readonly<Record<PitchView['kind'], MessageKey>> = {
  case: 'pitchKindCase',
  theme: 'pitchKindTheme',
};

/**
 * The three EGT criteria in the basic model's words ("bij welke vraag gaat veel Emotie gepaard;
 * welke vraag gaat om Gezamenlijke casuïstiek of welke werkvraag is erg aan een Tijdslimiet
 * gebonden"), each with its visible label, its one-line explanation and its name for one pitch.
 */
const CRITERIA: readonly {
  key: keyof PitchScore;
  label: MessageKey;
  explain: MessageKey;
  labelFor: MessageKey;
}[] = [
  { key: 'emotion', label: 'egtEmotion', explain: 'egtEmotionExplain', labelFor: 'egtEmotionFor' },
  { key: 'shared', label: 'egtShared', explain: 'egtSharedExplain', labelFor: 'egtSharedFor' },
  { key: 'time', label: 'egtTime', explain: 'egtTimeExplain', labelFor: 'egtTimeFor' },
];

const NO_SCORE: PitchScore = { emotion: 0, shared: 0, time: 0 };

/**
 * The inventory: members pitch work questions (or themes) and score each other's on EGT, with a
 * vote that only breaks a tie; the result follows EGT, the chair confirms one as the case, and
 * its author becomes the case bringer.
 */
export function PitchBoard({ meeting, board, role, selfId, run }: MeetingProps) {
  const { t } = useI18n();
  const { act, error } = useBoardCommand(run);
  const headingId = useId();
  const resultId = useId();
  const egtHintId = useId();
  const activity = meeting.phase.activity;
  const canPitch = mayDo('pitch', role, activity);
  const canScore = mayDo('score', role, activity);
  const canConfirm = mayDo('confirm-case', role, activity);
  const casePitch = board.pitches.find((p) => p.id === meeting.casePitchId) ?? null;
  // A second case is chosen from the pitches that remain: the first case's has had its turn.
  const firstPitchId = meeting.firstCase?.pitchId ?? null;
  const pitches = board.pitches.filter((p) => p.id !== firstPitchId);
  const ranked = rankPitches(pitches);
  const named = useItemNames(board.pitches);

  return (
    <section aria-labelledby={headingId} className="board pitch-board">
      <h3 id={headingId}>{t('pitchHeading')}</h3>
      <LiveRegion as="div" className="case-status">
        {meeting.caseBringerName !== null && (
          <p className="case-confirmed">
            <strong>
              {casePitch
                ? t('caseConfirmed', { text: casePitch.text, name: meeting.caseBringerName })
                : t('caseBroughtBy', { name: meeting.caseBringerName })}
            </strong>
          </p>
        )}
      </LiveRegion>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {canPitch && (
        <PitchForm act={act} allowsTheme={meeting.method.allowsTheme} phaseId={meeting.phase.id} />
      )}
      {pitches.length > 0 && (
        <div className="egt-explained">
          <p className="hint" id={egtHintId}>
            {t('egtHint')}
          </p>
          <ul className="hint" aria-label={t('egtExplained')}>
            {CRITERIA.map((criterion) => (
              <li key={criterion.key} id={`${egtHintId}-${criterion.key}`}>
                <strong>{t(criterion.label)}</strong>: {t(criterion.explain)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {pitches.length === 0 ? (
        <p className="hint empty-board">{t(canPitch ? 'pitchNone' : 'pitchNoneOthers')}</p>
      ) : (
        <ul className="board-items">
          {pitches.map((pitch) => (
            <PitchRow
              key={pitch.id}
              pitch={pitch}
              named={named(pitch)}
              isCase={pitch.id === meeting.casePitchId}
              canScore={canScore}
              canConfirm={canConfirm}
              mine={pitch.authorId === selfId}
              egtHintId={egtHintId}
              act={act}
            />
          ))}
        </ul>
      )}
      {ranked.length > 0 && (
        <section aria-labelledby={resultId} className="pitch-result">
          <h4 id={resultId}>{t('pitchResult')}</h4>
          <ol>
            {ranked.map((pitch) => (
              <li key={pitch.id}>
                {/* A text pitched twice is told apart by its author here too. */}
                {named(pitch)}{' '}
                <span className="hint">
                  {t('pitchTally', {
                    votes: pitch.votes,
                    total: pitch.total,
                    emotion: pitch.egt.emotion,
                    shared: pitch.egt.shared,
                    time: pitch.egt.time,
                  })}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

/**
 * One pitch with the viewer's vote and score. Memoised: a pitch whose tally did not change is
 * the same object in the next snapshot (GroupSession shares unchanged parts), so another
 * member's score of another pitch does not render it again (issue 15).
 */
const PitchRow = memo(function PitchRow({
  pitch,
  named,
  isCase,
  canScore,
  canConfirm,
  mine,
  egtHintId,
  act,
}: {
  pitch: PitchView;
  /** The pitch as its controls name it (itemNames). */
  named: string;
  isCase: boolean;
  canScore: boolean;
  canConfirm: boolean;
  mine: boolean;
  egtHintId: string;
  act: (command: (ctx: CommandContext) => CommandResult) => boolean;
}) {
  const { t } = useI18n();
  return (
    <li className={isCase ? 'board-item chosen' : 'board-item'}>
      <p className="item-text">{pitch.text}</p>
      <p className="hint">
        {t('pitchMeta', { kind: t(KIND_LABELS[pitch.kind]), name: pitch.authorName })}
        {isCase && ` · ${t('caseChosenMark')}`}
      </p>
      {canScore && (
        <>
          <button
            type="button"
            aria-pressed={pitch.myVote}
            aria-label={t(pitch.myVote ? 'pitchUnvoteFor' : 'pitchVoteFor', {
              text: named,
            })}
            onClick={once(() => act((ctx) => votePitch(ctx, pitch.myVote ? null : pitch.id)))}
          >
            {t(pitch.myVote ? 'pitchUnvote' : 'pitchVote')}
          </button>
          {mine ? (
            <p className="hint">{t('egtOwnPitch')}</p>
          ) : (
            <fieldset className="egt" aria-describedby={egtHintId}>
              <legend>{t('egtLegend')}</legend>
              {CRITERIA.map((criterion) => (
                <label key={criterion.key} className="egt-criterion">
                  {t(criterion.label)}{' '}
                  <select
                    aria-label={t(criterion.labelFor, { text: named })}
                    aria-describedby={`${egtHintId}-${criterion.key}`}
                    value={(pitch.myScore ?? NO_SCORE)[criterion.key]}
                    onChange={(e) => {
                      const score = {
                        ...(pitch.myScore ?? NO_SCORE),
                        [criterion.key]: Number(e.target.value),
                      };
                      act((ctx) => scorePitch(ctx, pitch.id, score));
                    }}
                  >
                    {[0, 1, 2, 3].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      {canConfirm && !isCase && (
        <button
          type="button"
          aria-label={t('confirmCaseFor', { text: named })}
          onClick={once(() => act((ctx) => confirmCase(ctx, pitch.id)))}
        >
          {t('confirmCase')}
        </button>
      )}
      {mine && !isCase && (
        <button
          type="button"
          className="link-button"
          aria-label={t('removeOwnFor', { text: named })}
          onClick={once(() => act((ctx) => removeOwnItem(ctx, 'pitches', pitch.id)))}
        >
          {t('removeOwn')}
        </button>
      )}
    </li>
  );
});

function PitchForm({
  act,
  allowsTheme,
  phaseId,
}: {
  act: Act;
  allowsTheme: boolean;
  phaseId: string;
}) {
  const { t } = useI18n();
  const { text, setText, clear } = useDraft('pitch', phaseId);
  const [kind, setKind] = useState<PitchView['kind']>('case');
  const fieldId = useId();
  const hintId = useId();
  const kindName = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (act((ctx) => addPitch(ctx, text, allowsTheme ? kind : 'case'))) {
      clear();
      setKind('case');
    }
  };
  return (
    <form onSubmit={submit} noValidate className="board-form">
      <label htmlFor={fieldId}>{t('pitchField')}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        rows={2}
        value={text}
        maxLength={LIMITS.pitch}
        aria-describedby={hintId}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={hintId} className="hint">
        {t('pitchHint')}
      </p>
      {allowsTheme && (
        <fieldset className="choice">
          <legend>{t('pitchKind')}</legend>
          {(['case', 'theme'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={kindName}
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />{' '}
              {t(KIND_LABELS[value])}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" {...SUBMIT_ONCE}>
        {t('pitchSubmit')}
      </button>
    </form>
  );
}
