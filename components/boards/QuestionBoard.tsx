import { memo, useId, useMemo } from 'react';
import type { FormEvent } from 'react';
import {
  addQuestion,
  markAnswered,
  rateQuestion,
  removeOwnItem,
  revealPhase,
} from '../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import { isBlindNow } from '../../lib/shared-doc/board-state';
import type { Question, Rating } from '../../lib/shared-doc/board-state';
import { LIMITS } from '../../lib/util/limits';
import type { MessageKey } from '../../lib/i18n/messages';
import { coachQuestion } from '../../lib/method/question-coach';
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

const RATINGS: readonly { value: Rating; label: MessageKey }[] = [
  { value: 'warm', label: 'ratingWarm' },
  { value: 'neutral', label: 'ratingNeutral' },
  { value: 'cold', label: 'ratingCold' },
];

const RATING_LABELS: Readonly<Record<Rating, MessageKey>> = {
  warm: 'ratingWarm',
  neutral: 'ratingNeutral',
  cold: 'ratingCold',
};

/**
 * Questions to the case bringer: members write them (a coach advises as they type, never
 * blocks), blind phases hide others' questions until the chair reveals them, and the case
 * bringer marks questions answered and rates them warm, neutral or cold.
 */
export function QuestionBoard({ meeting, board, role, selfId, run }: MeetingProps) {
  const { t, locale } = useI18n();
  const { act, error } = useBoardCommand(run);
  const headingId = useId();
  const { phase, method } = meeting;
  const blindNow = isBlindNow(phase, board);
  // A group smaller than its method needs: the chair asks too (lib/method/roles.ts chairJoinsIn).
  const canAsk = mayDo('ask', role, phase.activity, { chairJoinsIn: meeting.chairJoinsIn });
  const canMark = mayDo('mark-answered', role, phase.activity);
  const canRate = mayDo('rate', role, phase.activity);
  const canReveal = mayDo('reveal', role, phase.activity) && blindNow;
  const named = useItemNames(board.questions);
  const limit = phase.questionsEach;
  const mine = board.questions.filter(
    (q) => q.authorId === selfId && q.phaseId === phase.id,
  ).length;
  const phaseName = (id: string) => method.phases.find((p) => p.id === id)?.name[locale] ?? null;

  return (
    <section aria-labelledby={headingId} className="board question-board">
      <h3 id={headingId}>{t('questionHeading')}</h3>
      {error && <LiveRegion live="alert">{t(error)}</LiveRegion>}
      {canAsk && role === 'chair' && <p className="hint">{t('chairJoinsInNote')}</p>}
      {canAsk &&
        (limit !== undefined && mine >= limit ? (
          // Written all the method allows (Socratic, gossip: up to three each).
          <LiveRegion className="hint">{t('questionsEachDone', { limit })}</LiveRegion>
        ) : (
          <QuestionForm
            act={act}
            blind={blindNow}
            phaseId={phase.id}
            written={limit === undefined ? null : { count: mine, limit }}
          />
        ))}
      <LiveRegion className="hidden-count">
        {board.hiddenQuestions > 0 ? t('questionsHidden', { count: board.hiddenQuestions }) : ''}
      </LiveRegion>
      {canReveal && (
        <button type="button" onClick={() => act(revealPhase)}>
          {t('revealQuestions')}
        </button>
      )}
      {board.questions.length === 0 ? (
        board.hiddenQuestions === 0 && (
          <p className="hint empty-board">
            {t(
              canAsk
                ? 'questionNone'
                : role === 'bringer'
                  ? 'questionNoneBringer'
                  : 'questionNoneChair',
            )}
          </p>
        )
      ) : (
        <ul className="board-items">
          {board.questions.map((question) => (
            <QuestionRow
              key={question.id}
              question={question}
              named={named(question)}
              otherPhase={question.phaseId !== phase.id ? phaseName(question.phaseId) : null}
              canMark={canMark}
              canRate={canRate}
              mine={question.authorId === selfId}
              act={act}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One question. Memoised: a question that did not change is the same object in the next
 * snapshot (GroupSession shares unchanged parts), so a phase change or another member's new
 * question does not render it again (issue 15).
 */
const QuestionRow = memo(function QuestionRow({
  question,
  named,
  otherPhase,
  canMark,
  canRate,
  mine,
  act,
}: {
  question: Question;
  /** The question as its controls name it (itemNames). */
  named: string;
  otherPhase: string | null;
  canMark: boolean;
  canRate: boolean;
  mine: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  return (
    <li className="board-item">
      <p className="item-text">{question.text}</p>
      <p className="hint">
        {t('byAuthor', { name: question.authorName })}
        {otherPhase && ` · ${otherPhase}`}
        {question.answered && ` · ${t('questionAnsweredMark')}`}
        {question.rating &&
          ` · ${t('questionRatingShown', { rating: t(RATING_LABELS[question.rating]) })}`}
      </p>
      {canMark && (
        <label className="check">
          <input
            type="checkbox"
            checked={question.answered}
            aria-label={t('questionAnsweredFor', { text: named })}
            onChange={(e) => {
              const answered = e.target.checked;
              act((ctx) => markAnswered(ctx, question.id, answered));
            }}
          />{' '}
          {t('questionAnswered')}
        </label>
      )}
      {canRate && (
        <div role="group" className="rating" aria-label={t('questionRatingFor', { text: named })}>
          {RATINGS.map(({ value, label }) => (
            <button
              key={value}
              type="button"
              aria-pressed={question.rating === value}
              onClick={once(() =>
                act((ctx) =>
                  rateQuestion(ctx, question.id, question.rating === value ? null : value),
                ),
              )}
            >
              {t(label)}
            </button>
          ))}
        </div>
      )}
      {mine && (
        <button
          type="button"
          className="link-button"
          aria-label={t('removeOwnFor', { text: named })}
          onClick={once(() => act((ctx) => removeOwnItem(ctx, 'questions', question.id)))}
        >
          {t('removeOwn')}
        </button>
      )}
    </li>
  );
});

function QuestionForm({
  act,
  blind,
  phaseId,
  written,
}: {
  act: Act;
  blind: boolean;
  phaseId: string;
  /** In a phase with a limit per member: how many this member wrote, of how many. */
  written: { count: number; limit: number } | null;
}) {
  const { t, locale } = useI18n();
  // Kept on the device until posted: the chair moving on must not lose a question half written.
  const { text, setText, clear } = useDraft('question', phaseId);
  const fieldId = useId();
  const hintId = useId();
  const coachId = useId();
  // The coach only advises: whatever it says, the question can be posted.
  const coach = useMemo(
    () => (text.trim() === '' ? null : coachQuestion(text, locale)),
    [text, locale],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (act((ctx) => addQuestion(ctx, text))) clear();
  };
  return (
    <form onSubmit={submit} noValidate className="board-form">
      <label htmlFor={fieldId}>{t('questionField')}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={fieldId}
        rows={3}
        value={text}
        maxLength={LIMITS.question}
        aria-describedby={`${hintId} ${coachId}`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={hintId} className="hint">
        {t('questionHint')}
        {blind && ` ${t('questionsBlindHint')}`}
        {written && ` ${t('questionsEachCount', written)}`}
      </p>
      {/* A draft kept from before brings the coach's words with the field: said a frame later. */}
      <LiveRegion as="div" live="polite" id={coachId} className="coach">
        {coach === null ? null : coach.hints.length === 0 ? (
          <p>{t('coachFine')}</p>
        ) : (
          coach.hints.map((hint, index) => (
            <p key={`${hint.issue}-${index}`}>
              {t('coachHint', { message: hint.message[locale] })}
              {hint.suggestion && (
                <> {t('coachSuggestion', { suggestion: hint.suggestion[locale] })}</>
              )}
            </p>
          ))
        )}
      </LiveRegion>
      <button type="submit" {...SUBMIT_ONCE}>
        {t('postQuestion')}
      </button>
    </form>
  );
}
