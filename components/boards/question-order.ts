import type { Phase } from '../../lib/method/method';
import type { Question, Rating } from '../../lib/shared-doc/board-state';

/** A group of questions on the board of an answering phase: one rating, or none yet. */
export interface RatingGroup {
  readonly rating: Rating | 'unrated';
  readonly questions: readonly Question[];
}

/** The order the case bringer answers in: what struck home first, what left them cold last. */
const ORDER: readonly RatingGroup['rating'][] = ['warm', 'neutral', 'unrated', 'cold'];

/**
 * The questions of an answering phase grouped by the case bringer's rating, in ORDER, each group
 * in the board's own order (the order they were written in); empty groups left out. Null where
 * the phase shows the questions as written (Phase.answerByRating absent): while the bringer
 * sorts, a row must not move away from under their hand.
 */
export function questionsByRating(
  phase: Phase,
  questions: readonly Question[],
): RatingGroup[] | null {
  if (!phase.answerByRating) return null;
  return ORDER.map((rating) => ({
    rating,
    questions: questions.filter((q) => (q.rating ?? 'unrated') === rating),
  })).filter((group) => group.questions.length > 0);
}
