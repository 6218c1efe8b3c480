import type { Method } from './method';

/** The shortest meeting the chair can rescale to; shorter leaves phases of a minute or two. */
export const MIN_TOTAL_MINUTES = 20;

/** The longest meeting the chair can rescale to: four hours, twice a long intervisie. */
export const MAX_TOTAL_MINUTES = 240;

/** The totals the chair is offered as one-click choices. */
export const PRESET_TOTALS: readonly number[] = [60, 90, 120];

/**
 * The shortest meeting the method calls full length, and the length a meeting gets unless the
 * chair picks another. Issue 14, from the source texts (../shared/domain.md: a group "meets
 * about 5 to 10 times a year for 1.5 to 2 hours"): "a meeting lasts at least one and a half
 * hours, two hours is common". Shorter stays possible (an hour together beats no meeting) but
 * is labelled short.
 */
export const RECOMMENDED_TOTAL_MINUTES = 90;

/** Whether a meeting of this many minutes is shorter than the method's one and a half hours. */
export function isShortMeeting(totalMinutes: number): boolean {
  return totalMinutes < RECOMMENDED_TOTAL_MINUTES;
}

/**
 * The length a new meeting of this method starts with: 90 minutes, or the method's own phase
 * times when they already add up to more (ten-step's 130 and Balint's 100 are not cut to fit).
 */
export function defaultTotalMinutes(method: Method): number {
  return Math.max(RECOMMENDED_TOTAL_MINUTES, totalMinutes(method));
}

/** The longest a single phase may last when the minutes come from a peer. */
export const MAX_PHASE_MINUTES = 240;

/** The sum of a method's default phase minutes. */
export function totalMinutes(method: Method): number {
  return method.phases.reduce((sum, phase) => sum + phase.minutes, 0);
}

/** The fewest minutes a phase keeps when rescaled: 2 for phases of 5 minutes or more, else 1. */
export function minimumPhaseMinutes(defaultMinutes: number): number {
  return defaultMinutes >= 5 ? 2 : 1;
}

/**
 * The total a rescale really reaches: the target rounded to whole minutes and clamped into
 * MIN_TOTAL_MINUTES..MAX_TOTAL_MINUTES, and never below the sum of the phases' minimums (a method
 * with many phases cannot fit in 20 minutes); NaN gives the method's default total.
 */
export function clampTotalMinutes(method: Method, targetTotalMinutes: number): number {
  if (Number.isNaN(targetTotalMinutes)) return totalMinutes(method);
  const floor = Math.max(MIN_TOTAL_MINUTES, sumOfMinimums(method));
  const ceiling = Math.max(MAX_TOTAL_MINUTES, floor);
  return Math.min(Math.max(Math.round(targetTotalMinutes), floor), ceiling);
}

/**
 * Scales the default phase minutes proportionally to whole minutes that sum exactly to the
 * (clamped, see clampTotalMinutes) target, keeping each phase's minimum; ties go to earlier phases.
 */
export function rescalePhaseMinutes(method: Method, targetTotalMinutes: number): number[] {
  const defaults = method.phases.map((phase) => phase.minutes);
  const target = clampTotalMinutes(method, targetTotalMinutes);
  const minimums = defaults.map(minimumPhaseMinutes);
  const result: (number | null)[] = defaults.map(() => null);

  // Pin phases whose proportional share falls below their minimum, then share what is left among
  // the others; repeat, since pinning shrinks the others' shares. Integer arithmetic throughout:
  // a share is defaults[i] * remaining / weight, compared by cross-multiplying.
  let remaining = target;
  let weight = defaults.reduce((sum, minutes) => sum + minutes, 0);
  let pinned: boolean;
  do {
    pinned = false;
    for (const [i, minutes] of defaults.entries()) {
      const minimum = minimums[i] ?? 1;
      if (result[i] === null && minutes * remaining < minimum * weight) {
        result[i] = minimum;
        remaining -= minimum;
        weight -= minutes;
        pinned = true;
      }
    }
  } while (pinned);

  // Largest remainder among the free phases: floor every share, then hand out the minutes that
  // are left, one each, to the largest remainders (earlier phases first on a tie).
  const free: { index: number; whole: number; rest: number }[] = [];
  for (const [index, minutes] of defaults.entries()) {
    if (result[index] !== null) continue;
    const share = minutes * remaining;
    free.push({ index, whole: Math.floor(share / weight), rest: share % weight });
  }
  let left = remaining - free.reduce((sum, share) => sum + share.whole, 0);
  const byRemainder = [...free].sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const share of byRemainder) {
    result[share.index] = share.whole + (left > 0 ? 1 : 0);
    left -= 1;
  }
  return result.map((minutes) => minutes ?? 0);
}

/**
 * Validates phase minutes that arrive from a peer: one whole number from 1 to MAX_PHASE_MINUTES
 * per phase of the method, else null (the caller falls back to the defaults).
 */
export function decodePhaseMinutes(value: unknown, method: Method): number[] | null {
  if (!Array.isArray(value) || value.length !== method.phases.length) return null;
  const items: readonly unknown[] = value;
  const minutes: number[] = [];
  // for-of, not every(): every() skips the holes of a sparse array, for-of reads them as undefined.
  for (const item of items) {
    if (typeof item !== 'number' || !Number.isInteger(item)) return null;
    if (item < 1 || item > MAX_PHASE_MINUTES) return null;
    minutes.push(item);
  }
  return minutes;
}

function sumOfMinimums(method: Method): number {
  return method.phases.reduce((sum, phase) => sum + minimumPhaseMinutes(phase.minutes), 0);
}
