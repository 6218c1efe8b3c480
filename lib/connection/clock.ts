/**
 * Time as a group session sees it: the time now, and timers that return a cancel function.
 * Injected so that the rules that depend on time (the chair's grace period, the clock reading
 * in presence) are tested by advancing a clock by hand instead of waiting for the wall clock.
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Runs `run` once after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
  /** Runs `run` every `ms`; the returned function stops it. */
  every(ms: number, run: () => void): () => void;
}

/** The real clock and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
  every(ms, run) {
    const timer = setInterval(run, ms);
    return () => clearInterval(timer);
  },
};
