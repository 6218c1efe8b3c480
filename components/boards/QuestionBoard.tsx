import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef } from 'react';
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
import { ratesQuestions } from '../../lib/method/method';
import type { CommandResult } from '../../lib/shared-doc/meeting-commands';
import { useDraft } from '../common/DraftContext';
import { useI18n } from '../common/I18n';
import { once, SUBMIT_ONCE } from '../common/repeat-click';
import { LiveRegion } from '../common/LiveRegion';
import type { MeetingProps } from './meeting-props';
import { useBoardCommand } from './useBoardCommand';
import { useItemNames } from './item-names';
import { PRIVATE_TEXT } from '../common/private-text';
import { questionsByRating } from './question-order';
import type { RatingGroup } from './question-order';

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

/** The heading of a group of questions in an answering phase (question-order.ts). */
const GROUP_LABELS: Readonly<Record<RatingGroup['rating'], MessageKey>> = {
  ...RATING_LABELS,
  unrated: 'ratingNone',
};

/** A rating button the case bringer pressed, to find again once its row has moved. */
interface PressedRating {
  readonly questionId: string;
  readonly rating: Rating | null;
  readonly button: Rating;
}

/**
 * Questions to the case bringer: members write them (a coach advises as they type, never
 * blocks), blind phases hide others' questions until the chair reveals them, and the case
 * bringer marks questions answered and rates them warm, neutral or cold. While they rate, every
 * panel shows how far they are; in the answering phase after it (Socratic, ten-step:
 * Phase.answerByRating) the questions stand by their rating, warm first, so that the case
 * bringer starts with what struck home.
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
  // Only where the method rates (Socratic, ten-step): elsewhere answered is all the bringer marks.
  const canRate = mayDo('rate', role, phase.activity) && ratesQuestions(method);
  const canReveal = mayDo('reveal', role, phase.activity) && blindNow;
  const named = useItemNames(board.questions);
  const limit = phase.questionsEach;
  const mine = board.questions.filter(
    (q) => q.authorId === selfId && q.phaseId === phase.id,
  ).length;
  const phaseName = (id: string) => method.phases.find((p) => p.id === id)?.name[locale] ?? null;
  const groups = questionsByRating(phase, board.questions);
  const sorting = phase.activity === 'rating' && groups === null;
  const rated = board.questions.filter((q) => q.rating !== null).length;

  // A new rating moves its row to another group: focus follows the pressed button there, or a
  // keyboard user would be thrown back to the top of the panel.
  const list = useRef<HTMLDivElement>(null);
  const pressed = useRef<PressedRating | null>(null);
  const onRate = useCallback((press: PressedRating | null) => {
    pressed.current = press;
  }, []);
  useLayoutEffect(() => {
    const press = pressed.current;
    if (!press) return;
    const question = board.questions.find((q) => q.id === press.questionId);
    if (question && question.rating !== press.rating) return; // Not read back yet.
    pressed.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!question || !lost) return;
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-question]') ?? [])].find(
      (item) => item.dataset.question === press.questionId,
    );
    row?.querySelector<HTMLElement>(`[data-rating="${press.button}"]`)?.focus();
  });

  const row = (question: Question) => (
    <QuestionRow
      key={question.id}
      question={question}
      named={named(question)}
      otherPhase={question.phaseId !== phase.id ? phaseName(question.phaseId) : null}
      canMark={canMark}
      canRate={canRate}
      // Taken back in the round it was asked in only: an earlier round's stays.
      mine={question.authorId === selfId && question.phaseId === phase.id}
      act={act}
      onRate={onRate}
    />
  );

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
        <div ref={list}>
          {sorting && (
            <p className="hint rated-count">
              {t('questionsRated', { count: rated, total: board.questions.length })}
            </p>
          )}
          {groups === null ? (
            <ul className="board-items">{board.questions.map(row)}</ul>
          ) : (
            <>
              <p className="hint">
                {t(role === 'bringer' ? 'questionsByRatingYou' : 'questionsByRating')}
              </p>
              {groups.map((group) => (
                <div key={group.rating} className={`rating-group rating-${group.rating}`}>
                  <h4>
                    {t('ratingGroup', {
                      rating: t(GROUP_LABELS[group.rating]),
                      count: group.questions.length,
                    })}
                  </h4>
                  {group.rating === 'cold' && phase.answerByRating === 'cold-aside' && (
                    <p className="hint">
                      {t(role === 'bringer' ? 'questionsColdAsideYou' : 'questionsColdAside')}
                    </p>
                  )}
                  <ul className="board-items">{group.questions.map(row)}</ul>
                </div>
              ))}
            </>
          )}
        </div>
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
  onRate,
}: {
  question: Question;
  /** The question as its controls name it (itemNames). */
  named: string;
  otherPhase: string | null;
  canMark: boolean;
  canRate: boolean;
  mine: boolean;
  act: Act;
  /** Told which button was pressed before the rating is written (focus follows the row). */
  onRate: (press: PressedRating | null) => void;
}) {
  const { t } = useI18n();
  return (
    <li className="board-item" data-question={question.id}>
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
              data-rating={value}
              aria-pressed={question.rating === value}
              onClick={once(() => {
                const rating = question.rating === value ? null : value;
                onRate({ questionId: question.id, rating, button: value });
                if (!act((ctx) => rateQuestion(ctx, question.id, rating))) onRate(null);
              })}
            >
              {t(label)}
            </button>
          ))}
        </div>
      )}
      {/* Taken back in its own round, and only until the case bringer rated or answered it. */}
      {mine && question.rating === null && !question.answered && (
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
