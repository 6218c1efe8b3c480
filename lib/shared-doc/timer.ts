import type * as Y from 'yjs';
import { finiteNumber, isRecord, safeId, safePhaseId } from '../util/guards';
import { LOCAL_ORIGIN, MEETING_KEYS, meetingMap } from './doc-schema';
import { LATER, settled } from './last-valid';
import type { KeyRule } from './last-valid';
import { byChair } from './who-writes';
import { put } from './signed';
import { timekeeperIn } from './timekeeper';

/**
 * The phase timer as the document holds it. Times are read on the clock of the member who last
 * wrote it (`clockOf`), and every panel converts with its estimate of that member's clock
 * offset, so that members whose clocks differ still see the same remaining time.
 */
export interface TimerState {
  readonly phaseId: string;
  readonly durationMs: number;
  /** Time already run before `runningSince`. */
  readonly elapsedMs: number;
  /** When it last started running, on `clockOf`'s clock; null while paused. */
  readonly runningSince: number | null;
  readonly clockOf: string;
}

/** The longest a phase timer may run: four hours. */
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;

/**
 * A timer a peer garbled keeps the last valid one (a panel must not lose the running time to
 * junk); a timer a command removed (at the end) is gone. The chair writes it, and the member
 * the chair named timekeeper (timekeeper.ts). Anyone else's write waits (LATER) rather than
 * being refused: the timekeeper's pause may come over one connection before the chair's naming
 * of them over another. It counts once the naming is here; until then, and for good when it
 * never comes, readers keep the last timer they accepted, and the chair's panel, which named
 * whom it named, writes that back (meeting-upkeep.ts).
 */
const TIMER_RULE: KeyRule = {
  valid: (value) => decodeTimer(value) !== null,
  absent: 'clears',
  who: (writer, value, map, n) =>
    byChair(writer, value, map, n) || writer === timekeeperIn(map) ? true : LATER,
};

/** Reads the timer, or null when there is none (or never was a valid one). */
export function readTimer(doc: Y.Doc): TimerState | null {
  return decodeTimer(settled(meetingMap(doc), MEETING_KEYS.timer, TIMER_RULE));
}

/** Decodes a timer written by a peer; null when it is malformed. */
export function decodeTimer(value: unknown): TimerState | null {
  if (!isRecord(value)) return null;
  const phaseId = safePhaseId(value.phaseId);
  const durationMs = finiteNumber(value.durationMs);
  const elapsedMs = finiteNumber(value.elapsedMs);
  const runningSince = value.runningSince === null ? null : finiteNumber(value.runningSince);
  const clockOf = safeId(value.clockOf);
  if (phaseId === null || durationMs === null || elapsedMs === null || clockOf === null)
    return null;
  if (value.runningSince !== null && runningSince === null) return null;
  if (durationMs < 0 || durationMs > MAX_TIMER_MS || elapsedMs < 0) return null;
  return { phaseId, durationMs, elapsedMs, runningSince, clockOf };
}

/** Milliseconds left (negative when over time), given our clock and the writer's offset. */
export function remainingMs(timer: TimerState, localNow: number, writerOffset: number): number {
  const running =
    timer.runningSince === null ? 0 : Math.max(0, localNow + writerOffset - timer.runningSince);
  return timer.durationMs - timer.elapsedMs - running;
}

/** Writes a timer for a phase, running from `now` on the writer's clock. */
export function writeTimer(doc: Y.Doc, timer: TimerState): void {
  doc.transact(() => {
    put(meetingMap(doc), MEETING_KEYS.timer, { ...timer });
  }, LOCAL_ORIGIN);
}

/** The timer paused at this moment. */
export function pausedTimer(timer: TimerState, writerNow: number, writerId: string): TimerState {
  if (timer.runningSince === null) return timer;
  return {
    ...timer,
    elapsedMs: timer.elapsedMs + Math.max(0, writerNow - timer.runningSince),
    runningSince: null,
    clockOf: writerId,
  };
}

/** The timer running again from this moment. */
export function resumedTimer(timer: TimerState, writerNow: number, writerId: string): TimerState {
  if (timer.runningSince !== null) return timer;
  return { ...timer, runningSince: writerNow, clockOf: writerId };
}

/**
 * Re-expresses a running timer on a new writer's clock, so that a new chair who pauses or
 * extends does not shift it by the clock difference.
 */
export function rebasedTimer(
  timer: TimerState,
  writerNow: number,
  writerId: string,
  previousWriterOffset: number,
): TimerState {
  if (timer.runningSince === null || timer.clockOf === writerId)
    return { ...timer, clockOf: writerId };
  const ran = Math.max(0, writerNow + previousWriterOffset - timer.runningSince);
  return { ...timer, elapsedMs: timer.elapsedMs + ran, runningSince: writerNow, clockOf: writerId };
}

/** How long before the end a phase's time counts as nearly up, at most: two minutes. */
export const NEARLY_UP_MS = 2 * 60_000;

/**
 * Whether a phase's time is nearly up with `leftMs` to go: the last two minutes, or the last
 * quarter of a phase shorter than eight minutes (a three-minute round is not "nearly up" from
 * its first minute). Not once it is up.
 */
export function nearlyUp(timer: TimerState, leftMs: number): boolean {
  return leftMs > 0 && leftMs <= Math.min(NEARLY_UP_MS, timer.durationMs / 4);
}

/** Formats remaining time as m:ss (or -m:ss when over time). */
export function formatRemaining(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${negative ? '-' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}
