import type { Localized } from '../i18n/i18n';

/**
 * What a phase opens on the shared board.
 * - lookback: the group looks back at last time's case and agreements
 * - pitching: members pitch work questions (cases or themes); choosing: score/vote, chair confirms
 * - presenting: the case bringer tells the case (no board input)
 * - asking: members write questions to the case bringer, who marks them answered
 * - rating: the case bringer rates the questions warm, neutral or cold
 * - analysing: the group discusses (no board input; the gossip round is one)
 * - reformulating: members propose the core question, the case bringer chooses or writes one
 * - advising: members write advice, the case bringer stars and orders it and states intentions
 * - reacting: the case bringer says what touched them or what they will do (intentions)
 * - evaluating: learning points, agreements for next time, the follow-up for the case bringer
 * - sharing: open round without a case (first meeting: stories, wishes, working agreements)
 */
export type Activity =
  | 'lookback'
  | 'pitching'
  | 'choosing'
  | 'presenting'
  | 'asking'
  | 'rating'
  | 'analysing'
  | 'reformulating'
  | 'advising'
  | 'reacting'
  | 'evaluating'
  | 'sharing';

/** One phase of a method: names, a one-line explanation for every panel, default minutes. */
export interface Phase {
  readonly id: string;
  readonly name: Localized;
  /** One line that every panel shows under the phase name. */
  readonly explanation: Localized;
  /** What the chair guards in this phase. */
  readonly chairGuidance: Localized;
  /** What members (and the case bringer) do in this phase. */
  readonly memberGuidance: Localized;
  readonly minutes: number;
  readonly activity: Activity;
  /** Items written in this phase stay hidden from others until the chair reveals them. */
  readonly blind?: boolean;
  /** The case bringer only listens in this phase (advice round, gossip round). */
  readonly bringerListens?: boolean;
  /**
   * Each member writes at most this many questions in this phase (Socratic and gossip: "up to
   * three"). Kept by the panel that writes, not checked by readers: the chair guards the rule.
   */
  readonly questionsEach?: number;
  /**
   * What the items of an advising phase are (default 'advice'): the Balint method's first
   * associations and the solution-focused compliments go on the same board as advice, but are
   * called what they are, and the case bringer does not weigh them (no star, order, "already
   * tried" or "why it fits"). The incident method's suggestions ("what would I do?") are
   * weighed as advice is, and called suggestions, as its phase and guidance call them.
   */
  readonly items?: ItemWords;
  /**
   * The kind of line the evaluation board's form starts on in this phase (default 'learning'):
   * the first meeting's working agreements phase writes agreements.
   */
  readonly firstLine?: 'learning' | 'agreement';
  /**
   * The solution-focused scaling question: the case bringer marks where they stand now, from 0
   * to 10 (10: the desired situation is there), and every panel shows it while the members ask
   * what makes it not a 0 and what one point higher would look like. Only on an asking phase.
   */
  readonly scale?: true;
  /**
   * An answering phase after the case bringer rated the questions: the board shows them by their
   * rating, warm first, then neutral, the ones not rated, and cold last, so the case bringer
   * starts with what struck home (ten-step: "the most important first"). 'cold-aside': the cold
   * ones are left aside and say so (Socratic: the bringer answers the warm and neutral ones).
   * Only on a 'rating' phase that follows another.
   */
  readonly answerByRating?: 'warm-first' | 'cold-aside';
}

/** What an advising phase's items are called on the board. */
export type ItemWords = 'advice' | 'associations' | 'compliments' | 'suggestions';

/**
 * What the case bringer's intentions are in a method (default 'advice': what they will do with
 * the advice): the solution-focused method's next small step, the gossip method's reaction to
 * what touched them, what the case bringer will do with the incident method's suggestions.
 */
export type IntentionWords = 'advice' | 'next-step' | 'reaction' | 'suggestions';

/**
 * Whether the case bringer rates the questions warm, neutral or cold in this method: where it
 * has a rating phase (Socratic, ten-step; issue 3: "rate them warm, neutral or cold (Socratic,
 * ten-step)"). Elsewhere the rating buttons would only double the board's height.
 */
export function ratesQuestions(method: Method): boolean {
  return method.phases.some((p) => p.activity === 'rating');
}

/** The words of an advising phase's items: 'advice' unless the phase says otherwise. */
export function itemWords(phase: Phase | undefined): ItemWords {
  return phase?.items ?? 'advice';
}

/**
 * An intervisie method: a fixed sequence of phases. Each method is one file in methods/, named
 * after its id, and is offered once it is listed in method-list.ts.
 *
 * Every method with a case opens with a pitching phase, even where domain.md starts with the
 * case bringer telling: pitching is where the chair confirms a case and so names the case
 * bringer, whom the later phases need. A group that agreed the case beforehand pitches only that
 * one and confirms it. Minutes are defaults; the chair rescales them (phase-times.ts).
 */
export interface Method<Id extends string = string> {
  /** Its id carries its literal type, so that the list of methods gives the type of known ids. */
  readonly id: Id;
  readonly name: Localized;
  readonly description: Localized;
  readonly phases: readonly Phase[];
  /** The group may bring a theme instead of a case (domain.md: the same phases apply). */
  readonly allowsTheme: boolean;
  /** False for the first meeting (kennismaking), which has no case and no case bringer. */
  readonly hasCase: boolean;
  /**
   * The fewest people the method works with, counting the chair and the case bringer. With
   * fewer, a method that needs questioners stalls: with two people the only member becomes the
   * case bringer and nobody may ask (issue 14, point 10).
   */
  readonly minMembers: number;
  /**
   * Whether the chair may ask questions and give advice when the group is smaller than
   * minMembers. The chair normally "takes no part in the content" (domain.md); each method file
   * says why it does or does not allow this exception.
   */
  readonly chairMayJoinIn: boolean;
  /** What the case bringer's intentions are called in this method (default 'advice'). */
  readonly intentions?: IntentionWords;
}

/** Clamps a phase index from the shared document to the method's range. */
export function clampPhaseIndex(method: Method, index: unknown): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) return 0;
  return Math.min(Math.max(index, 0), method.phases.length - 1);
}
