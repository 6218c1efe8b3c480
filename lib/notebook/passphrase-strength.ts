/**
 * How strong a new passphrase is, measured by zxcvbn-ts (a kept estimator: dictionaries of
 * common passwords, names and words, keyboard patterns, repeats, sequences and dates). It is
 * loaded with a dynamic import, only when a form for a new passphrase opens: its dictionaries
 * are about a megabyte, and the first screen must not wait for them.
 *
 * Strength is checked only when a passphrase is set or changed; a passphrase set before this
 * check existed keeps unlocking the notebook.
 */

/**
 * The lowest zxcvbn score a new passphrase may have. 3 is "safely unguessable: moderate
 * protection from offline slow-hash scenario" (about 10^8 guesses and more). Offline with a
 * slow hash is exactly this notebook's case: whoever copies the browser profile can try
 * passphrases against the stored check, each costing 600,000 PBKDF2 rounds. Score 2 (10^6 to
 * 10^8 guesses) falls to one graphics card in hours; 4 would refuse most passphrases that people
 * can remember without a manager, and four unrelated words already reach it.
 */
export const MIN_PASSPHRASE_SCORE = 3;

/** What the panel tells a member about a weak passphrase, in its own words (not zxcvbn's). */
export type StrengthHint =
  /** A common password, a name, a single dictionary word or the member's own details. */
  | 'common'
  /** A keyboard row, repeated characters, a sequence such as abc or 123, a date or a year. */
  | 'pattern'
  /** Nothing in particular: it is too short or too simple. */
  | 'short';

export interface Strength {
  /** zxcvbn's score, 0 (too guessable) to 4 (very unguessable). */
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly strongEnough: boolean;
  /** Why it is weak; null when it is strong enough. */
  readonly hint: StrengthHint | null;
}

export type StrengthEstimator = (passphrase: string) => Strength;

const COMMON = new Set([
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
]);
const PATTERN = new Set([
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
]);

/** Turns zxcvbn's warning key (its default translations are the keys) into a hint of ours. */
export function hintOf(score: number, warning: string | null): StrengthHint | null {
  if (score >= MIN_PASSPHRASE_SCORE) return null;
  if (warning !== null && COMMON.has(warning)) return 'common';
  if (warning !== null && PATTERN.has(warning)) return 'pattern';
  return 'short';
}

function scoreOf(value: number): Strength['score'] {
  return value <= 0 ? 0 : value >= 4 ? 4 : (Math.floor(value) as 1 | 2 | 3);
}

let loading: Promise<StrengthEstimator> | null = null;

/**
 * Loads the estimator once (later calls share it). Words that belong to this app are passed as
 * the member's own inputs, so that "kring intervisie" counts as guessable.
 */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => {
      core.zxcvbnOptions.setOptions({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      });
      const own = ['kring', 'intervisie', 'intervision', 'notities', 'notes', 'wachtwoord'];
      return (passphrase: string): Strength => {
        const result = core.zxcvbn(passphrase, own);
        const score = scoreOf(result.score);
        return {
          score,
          strongEnough: score >= MIN_PASSPHRASE_SCORE,
          hint: hintOf(score, result.feedback.warning),
        };
      };
    },
  );
  // A failed load (a broken build) may be tried again when the form opens again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
