import type { Method } from './method';
import { rescalePhaseMinutes } from './phase-times';

/*
 * A second case in one meeting (issue 14, point 5). The basic model: "een enkele keer lukt het
 * om er nog een te bespreken" (once in a while the group manages to discuss one more). After
 * the first case's evaluation the chair may open it; the method's phases run again from the
 * case phase (the pitch round, where the case is chosen and so its bringer named) in the time
 * the meeting has left.
 */

/** The most cases one meeting holds: the first, and the one more the source allows. */
export const MAX_CASES = 2;

/** Below this many minutes left the panel says that little time is left for a second case. */
export const LITTLE_TIME_MINUTES = 30;

/** The fewest minutes the second case's phases are given together, however late it opens. */
export const SECOND_CASE_MIN_MINUTES = 20;

/** Why the chair may not open a second case now (null: they may). */
export type SecondCaseRefusal =
  /** Only the chair opens it: the chair guards the meeting's course. */
  | 'not-chair'
  /** The method has no case (the first meeting). */
  | 'no-case'
  /** No first case was held: nobody brought one. */
  | 'no-first-case'
  /** "After the evaluation of the first case": only in the evaluation phase. */
  | 'not-yet'
  /** A second case is already open; a meeting holds at most MAX_CASES. */
  | 'no-more';

/** What the rule looks at: plain values, so that it is one table (second-case.test.ts). */
export interface SecondCaseSituation {
  readonly method: Method;
  readonly isChair: boolean;
  readonly phaseIndex: number;
  readonly caseNumber: number;
  /** The first case's bringer, or null when no case was confirmed. */
  readonly caseBringerId: string | null;
  readonly ended: boolean;
}

/** Whether the chair may open a second case now, and if not, why. */
export function secondCaseRefusal(s: SecondCaseSituation): SecondCaseRefusal | null {
  if (!s.isChair) return 'not-chair';
  if (!s.method.hasCase || caseStartIndex(s.method) === null) return 'no-case';
  if (s.caseNumber >= MAX_CASES) return 'no-more';
  if (s.caseBringerId === null) return 'no-first-case';
  if (s.ended || s.method.phases[s.phaseIndex]?.activity !== 'evaluating') return 'not-yet';
  return null;
}

/**
 * The phase a second case starts in: the method's pitch round, where the group chooses the
 * case from the pitches that remain (the first case's is no longer offered) and the chair
 * confirms it. Every method with a case has one (method.ts); null for a method without.
 */
export function caseStartIndex(method: Method): number | null {
  const index = method.phases.findIndex((phase) => phase.activity === 'pitching');
  return index < 0 ? null : index;
}

/**
 * Whole minutes left of the meeting as planned (its start plus the minutes of every phase),
 * never below zero.
 */
export function minutesLeft(
  startedAt: number,
  plannedMinutes: readonly number[],
  now: number,
): number {
  const planned = plannedMinutes.reduce((sum, minutes) => sum + minutes, 0);
  const left = Math.floor((startedAt + planned * 60_000 - now) / 60_000);
  return Math.max(0, left);
}

/** Whether so little time is left that the panel says so before and during a second case. */
export function isLittleTimeLeft(minutes: number): boolean {
  return minutes < LITTLE_TIME_MINUTES;
}

/**
 * The minutes per phase once a second case opens: the phases before the case phase keep theirs
 * (they are done), and the case's phases share the time left in proportion to the method's own
 * minutes, each keeping its minimum, together never less than SECOND_CASE_MIN_MINUTES (a case
 * cannot be held in less: the meeting then runs over, and the panel has said so).
 */
export function secondCaseMinutes(
  method: Method,
  current: readonly number[],
  left: number,
): number[] {
  const from = caseStartIndex(method) ?? 0;
  const casePhases: Method = { ...method, phases: method.phases.slice(from) };
  const scaled = rescalePhaseMinutes(casePhases, Math.max(left, SECOND_CASE_MIN_MINUTES));
  return method.phases.map((phase, index) =>
    index < from ? (current[index] ?? phase.minutes) : (scaled[index - from] ?? phase.minutes),
  );
}
