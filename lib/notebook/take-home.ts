import type { TakeHome, TakenAssociation, TakenQuestion, TakenRating } from './note-codec';

/*
 * The case bringer's take-home: made from the shared advice board, kept in the private notebook,
 * and seen again at the start of the next meeting. It lives here, on the notebook's side: the
 * notebook declares the little it reads from the board (`AdviceAsShown`, which lib/shared-doc's
 * BoardState satisfies) instead of importing lib/shared-doc, and lib/shared-doc never learns of
 * the notebook, so no code path leads from private notes into the shared document.
 */

/** What a take-home is made of, as the case bringer's panel shows the advice board. */
export interface AdviceAsShown {
  readonly coreQuestion: string | null;
  /** In the board's order: the case bringer's ordered advice first, then the rest as written. */
  readonly advice: readonly {
    readonly text: string;
    readonly authorName: string;
    readonly starred: boolean;
    readonly tried: boolean;
    readonly why: string | null;
    /** The phase it was written in: a first association's goes home apart from the advice. */
    readonly phaseId?: string;
  }[];
  readonly intentions: string | null;
  /** Where the case bringer said they were on the scaling question, or null. */
  readonly scale?: number | null;
  /** The questions to the case bringer, in the board's order, with the rating they gave. */
  readonly questions?: readonly {
    readonly text: string;
    readonly authorName: string;
    readonly rating: TakenRating | null;
  }[];
}

/**
 * Every rating, in the order rated questions go home: what struck home first. Here, not in
 * note-codec.ts: the group view imports this module, and a value from the codec would tie the
 * group's chunk to the notebook's (tests/extension/built-chunks.test.ts).
 */
const TAKEN_RATINGS: readonly TakenRating[] = ['warm', 'neutral', 'cold'];

/** The questions the case bringer rated, warm first, then neutral, then cold, each as written. */
function ratedQuestions(board: AdviceAsShown): TakenQuestion[] {
  const questions = board.questions ?? [];
  return TAKEN_RATINGS.flatMap((rating) =>
    questions
      .filter((q) => q.rating === rating)
      .map((q) => ({ text: q.text, authorName: q.authorName, rating })),
  );
}

/**
 * What the case bringer takes home: every piece of advice with its star and rank, whether they
 * had already tried it ("geeft aan wat hij/zij al gedaan heeft") and, for the chosen advice, why
 * it fits; the core question, the case and their intentions; the questions they rated warm,
 * neutral or cold (Socratic, ten-step), which in a Socratic meeting are all they are given; and
 * the first associations (Balint: the items of `associationPhases`), apart from the advice.
 */
export function takeHomeFrom(
  board: AdviceAsShown,
  caseTitle: string | null,
  items: 'advice' | 'compliments' = 'advice',
  associationPhases: ReadonlySet<string> = NO_PHASES,
): TakeHome {
  const questions = ratedQuestions(board);
  const isAssociation = (item: AdviceAsShown['advice'][number]) =>
    item.phaseId !== undefined && associationPhases.has(item.phaseId);
  const associations: TakenAssociation[] = board.advice
    .filter(isAssociation)
    .map((item) => ({ text: item.text, authorName: item.authorName }));
  const given = board.advice.filter((item) => !isAssociation(item));
  // The starred advice first, in the case bringer's order (the board's order), then the rest.
  const starred = given.filter((advice) => advice.starred);
  const others = given.filter((advice) => !advice.starred);
  return {
    coreQuestion: board.coreQuestion,
    caseTitle,
    advice: [
      ...starred.map((advice, index) => ({
        text: advice.text,
        authorName: advice.authorName,
        starred: true,
        rank: index + 1,
        tried: advice.tried,
        why: advice.why,
      })),
      ...others.map((advice) => ({
        text: advice.text,
        authorName: advice.authorName,
        starred: false,
        rank: null,
        tried: advice.tried,
        why: null,
      })),
    ],
    intentions: board.intentions ?? '',
    ...(items === 'compliments' ? { items } : {}),
    ...(board.scale !== undefined && board.scale !== null ? { scale: board.scale } : {}),
    ...(questions.length > 0 ? { questions } : {}),
    ...(associations.length > 0 ? { associations } : {}),
  };
}

const NO_PHASES: ReadonlySet<string> = new Set();

/**
 * The questions a take-home holds, by rating, warm first, each group as it was kept; the
 * ratings no question had are left out (My notes and the Markdown export show them so).
 */
export function questionGroups(
  takeHome: TakeHome,
): { rating: TakenRating; questions: TakenQuestion[] }[] {
  return TAKEN_RATINGS.map((rating) => ({
    rating,
    questions: takeHome.questions?.filter((q) => q.rating === rating) ?? [],
  })).filter((group) => group.questions.length > 0);
}

/** Whether a take-home holds anything: never an empty one is kept. */
export function holdsAnything(takeHome: TakeHome): boolean {
  return (
    takeHome.advice.length > 0 ||
    takeHome.intentions.trim() !== '' ||
    takeHome.scale !== undefined ||
    (takeHome.questions?.length ?? 0) > 0 ||
    (takeHome.associations?.length ?? 0) > 0
  );
}

/** One line of a take-home that its case bringer may choose to tell the group. */
export interface TakeHomeLine {
  /** Stable within one take-home, so that a ticked line stays ticked. */
  readonly key: string;
  /** 'scale': the text is the number the case bringer was at (0 to 10). */
  readonly label: 'intended' | 'scale' | 'starred' | 'warm';
  readonly text: string;
}

/**
 * The lines of a take-home its case bringer may share at the next meeting: what they intended,
 * where they were on the scaling question, the advice they starred, by rank, then the questions
 * they called warm (Socratic, ten-step); that is, what they chose themselves in the meeting.
 */
export function takeHomeLines(takeHome: TakeHome): TakeHomeLine[] {
  const lines: TakeHomeLine[] = [];
  if (takeHome.intentions.trim() !== '') {
    lines.push({ key: 'intentions', label: 'intended', text: takeHome.intentions.trim() });
  }
  if (takeHome.scale !== undefined) {
    lines.push({ key: 'scale', label: 'scale', text: String(takeHome.scale) });
  }
  takeHome.advice
    .filter((advice) => advice.starred)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
    .forEach((advice, index) => {
      lines.push({ key: `advice-${index}`, label: 'starred', text: advice.text });
    });
  takeHome.questions
    ?.filter((question) => question.rating === 'warm')
    .forEach((question, index) => {
      lines.push({ key: `warm-${index}`, label: 'warm', text: question.text });
    });
  return lines;
}
