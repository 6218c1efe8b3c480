import { itemWords, ratesQuestions } from './method';
import type { IntentionWords, ItemWords, Method, Phase } from './method';
import type { MessageKey } from '../i18n/messages';

/*
 * The words of the advice board and the case bringer's take-home, by what a method's items and
 * intentions are (Phase.items, Method.intentions): message keys, so that both languages come
 * from the one table.
 */

/** The advice board's texts for one kind of item (Phase.items). */
export interface ItemTexts {
  readonly heading: MessageKey;
  readonly label: MessageKey;
  readonly submit: MessageKey;
  readonly added: MessageKey;
  readonly blindHint: MessageKey;
  readonly reveal: MessageKey;
  /** How the case bringer weighs them, above the list (for weighed items only). */
  readonly starHint: MessageKey;
  readonly noneYet: MessageKey;
  readonly noneYetBringer: MessageKey;
  readonly noneYetChair: MessageKey;
  readonly everyone: MessageKey;
  /** Announced when another member adds one (`{name}`), or counted when a reveal brings many. */
  readonly from: 'newAdviceFrom' | 'newAssociationFrom' | 'newComplimentFrom' | 'newSuggestionFrom';
  readonly count: 'newAdvice' | 'newAssociations' | 'newCompliments' | 'newSuggestions';
  /**
   * Whether the case bringer weighs these items: stars, order, "already tried", "why it fits".
   * Advice yes; first associations and compliments are taken in, not weighed.
   */
  readonly weighed: boolean;
}

const ITEM_TEXTS: Readonly<Record<ItemWords, ItemTexts>> = {
  advice: {
    heading: 'adviceHeading',
    label: 'yourAdvice',
    submit: 'giveAdvice',
    added: 'adviceAdded',
    blindHint: 'adviceBlindHint',
    reveal: 'revealAdvice',
    starHint: 'starHint',
    noneYet: 'noAdviceYet',
    noneYetBringer: 'noAdviceYetBringer',
    noneYetChair: 'noAdviceYetChair',
    everyone: 'adviceEveryone',
    from: 'newAdviceFrom',
    count: 'newAdvice',
    weighed: true,
  },
  associations: {
    heading: 'associationsHeading',
    label: 'yourAssociation',
    submit: 'addAssociation',
    added: 'associationAdded',
    blindHint: 'associationsBlindHint',
    reveal: 'revealAssociations',
    starHint: 'starHint',
    noneYet: 'noAssociationsYet',
    noneYetBringer: 'noAssociationsYetBringer',
    noneYetChair: 'noAssociationsYetChair',
    everyone: 'associationsEveryone',
    from: 'newAssociationFrom',
    count: 'newAssociations',
    weighed: false,
  },
  compliments: {
    heading: 'complimentsHeading',
    label: 'yourCompliment',
    submit: 'giveCompliment',
    added: 'complimentAdded',
    blindHint: 'complimentsBlindHint',
    reveal: 'revealCompliments',
    starHint: 'starHint',
    noneYet: 'noComplimentsYet',
    noneYetBringer: 'noComplimentsYetBringer',
    noneYetChair: 'noComplimentsYetChair',
    everyone: 'complimentsEveryone',
    from: 'newComplimentFrom',
    count: 'newCompliments',
    weighed: false,
  },
  suggestions: {
    heading: 'suggestionsHeading',
    label: 'yourSuggestion',
    submit: 'addSuggestion',
    added: 'suggestionAdded',
    blindHint: 'suggestionsBlindHint',
    reveal: 'revealSuggestions',
    starHint: 'starSuggestionsHint',
    noneYet: 'noSuggestionsYet',
    noneYetBringer: 'noSuggestionsYetBringer',
    noneYetChair: 'noSuggestionsYetChair',
    everyone: 'suggestionsEveryone',
    from: 'newSuggestionFrom',
    count: 'newSuggestions',
    weighed: true,
  },
};

/** The texts of the case bringer's intentions in a method (Method.intentions). */
export interface IntentionTexts {
  /** The board's heading in a reacting phase that shows no advice list. */
  readonly heading: MessageKey;
  readonly label: MessageKey;
  readonly save: MessageKey;
  /** `{name}`: the case bringer. */
  readonly of: MessageKey;
  /** What the others see before the case bringer wrote anything; `{name}`: the case bringer. */
  readonly waiting: MessageKey;
  /** The first case's intentions while a second case runs; `{text}`: what they wrote. */
  readonly earlier: MessageKey;
}

const INTENTION_TEXTS: Readonly<Record<IntentionWords, IntentionTexts>> = {
  advice: {
    heading: 'adviceHeading',
    label: 'intentionsLabel',
    save: 'saveIntentions',
    of: 'intentionsOf',
    waiting: 'intentionsWaiting',
    earlier: 'earlierCaseIntentions',
  },
  'next-step': {
    heading: 'nextStepHeading',
    label: 'nextStepLabel',
    save: 'saveNextStep',
    of: 'nextStepOf',
    waiting: 'nextStepWaiting',
    earlier: 'earlierCaseNextStep',
  },
  suggestions: {
    heading: 'suggestionsHeading',
    label: 'suggestionsIntentionsLabel',
    save: 'saveIntentions',
    of: 'suggestionsIntentionsOf',
    waiting: 'suggestionsIntentionsWaiting',
    earlier: 'earlierCaseIntentions',
  },
  reaction: {
    heading: 'reactionHeading',
    label: 'reactionLabel',
    save: 'saveReaction',
    of: 'reactionOf',
    waiting: 'reactionWaiting',
    earlier: 'earlierCaseReaction',
  },
};

/** The advice board's texts for the items of an advising phase (advice unless it says otherwise). */
export function itemTexts(phase: Phase | undefined): ItemTexts {
  return ITEM_TEXTS[itemWords(phase)];
}

/** The texts of the case bringer's intentions in a method (about advice unless it says otherwise). */
export function intentionTexts(method: Method): IntentionTexts {
  return INTENTION_TEXTS[method.intentions ?? 'advice'];
}

/** The texts of the case bringer's take-home, in the meeting (components/notes/TakeHome). */
export interface TakeHomeTexts {
  /** What the take-home holds, as the notebook keeps it (TakeHome.items). */
  readonly items: 'advice' | 'compliments';
  readonly heading: MessageKey;
  readonly hint: MessageKey;
  readonly save: MessageKey;
  /** The heading of the first case's items while a second case runs. */
  readonly earlier: MessageKey;
  /** Counted: how many items were kept. */
  readonly saved:
    | 'takeHomeSaved'
    | 'takeHomeComplimentsSaved'
    | 'takeHomeQuestionsSaved'
    | 'takeHomeSuggestionsSaved';
  /** The case bringer rates the questions in this method, and the rated ones go home too. */
  readonly questions: boolean;
}

type TakeHomeKind =
  | 'advice'
  | 'associations-and-advice'
  | 'compliments'
  | 'questions'
  | 'questions-and-advice'
  | 'suggestions';

const TAKE_HOME_TEXTS: Readonly<Record<TakeHomeKind, TakeHomeTexts>> = {
  advice: {
    items: 'advice',
    heading: 'takeHomeHeading',
    hint: 'takeHomeHint',
    save: 'takeHome',
    earlier: 'earlierCaseAdvice',
    saved: 'takeHomeSaved',
    questions: false,
  },
  'associations-and-advice': {
    items: 'advice',
    heading: 'takeHomeHeading',
    hint: 'takeHomeAssociationsHint',
    save: 'takeHome',
    earlier: 'earlierCaseAdvice',
    saved: 'takeHomeSaved',
    questions: false,
  },
  // Kept in the notebook as advice (its kind), called suggestions in the meeting.
  suggestions: {
    items: 'advice',
    heading: 'takeHomeSuggestionsHeading',
    hint: 'takeHomeSuggestionsHint',
    save: 'takeHomeSuggestions',
    earlier: 'earlierCaseSuggestions',
    saved: 'takeHomeSuggestionsSaved',
    questions: false,
  },
  compliments: {
    items: 'compliments',
    heading: 'takeHomeComplimentsHeading',
    hint: 'takeHomeComplimentsHint',
    save: 'takeHomeCompliments',
    earlier: 'notesCompliments',
    saved: 'takeHomeComplimentsSaved',
    questions: false,
  },
  questions: {
    items: 'advice',
    heading: 'takeHomeQuestionsHeading',
    hint: 'takeHomeQuestionsHint',
    save: 'takeHomeQuestions',
    earlier: 'earlierCaseAdvice',
    saved: 'takeHomeQuestionsSaved',
    questions: true,
  },
  'questions-and-advice': {
    items: 'advice',
    heading: 'takeHomeBothHeading',
    hint: 'takeHomeBothHint',
    save: 'takeHomeBoth',
    earlier: 'earlierCaseAdvice',
    saved: 'takeHomeSaved',
    questions: true,
  },
};

/**
 * What the case bringer takes home in a method: compliments where every item round gives
 * compliments (solution-focused), suggestions where every item round gives suggestions
 * (incident), advice otherwise, with the first associations beside it (Balint); where the
 * bringer rates the questions (Socratic, ten-step), the rated questions too, and in the Socratic
 * method, which has no advice round, only those.
 */
export function takeHomeTexts(method: Method): TakeHomeTexts {
  const rounds = method.phases.filter((p) => p.activity === 'advising');
  const everyRound = (words: ItemWords): boolean =>
    rounds.length > 0 && rounds.every((p) => p.items === words);
  if (ratesQuestions(method)) {
    return TAKE_HOME_TEXTS[rounds.length === 0 ? 'questions' : 'questions-and-advice'];
  }
  if (associationPhases(method).size > 0) return TAKE_HOME_TEXTS['associations-and-advice'];
  if (everyRound('suggestions')) return TAKE_HOME_TEXTS.suggestions;
  return TAKE_HOME_TEXTS[everyRound('compliments') ? 'compliments' : 'advice'];
}

/** The phases whose items are first associations (Balint): they go home apart from the advice. */
export function associationPhases(method: Method): ReadonlySet<string> {
  return new Set(
    method.phases
      .filter((p) => p.activity === 'advising' && itemWords(p) === 'associations')
      .map((p) => p.id),
  );
}
