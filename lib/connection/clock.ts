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
  /** Runs `run` once before the next frame is drawn; the returned function cancels it. */
  frame(run: () => void): () => void;
  /**
   * Runs `run` once as soon as the work in hand is done (the message being handled, the
   * transaction being cleaned up), before anything else arrives; the returned function cancels it.
   */
  soon(run: () => void): () => void;
}

/** A frame at 60 Hz: where no page draws frames (Node), a frame is this long a timer. */
export const FRAME_MS = 16;

/**
 * The longest a page waits for a frame. A page that is not drawn (a panel in a background tab)
 * gets no animation frames, but still has to follow the meeting: browsers let its timers run,
 * if only once a second.
 */
const HIDDEN_PAGE_FRAME_MS = 250;

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
  soon(run) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) run();
    });
    return () => {
      cancelled = true;
    };
  },
  frame(run) {
    const request = globalThis.requestAnimationFrame;
    if (typeof request !== 'function') {
      const timer = setTimeout(run, FRAME_MS);
      return () => clearTimeout(timer);
    }
    let done = false;
    const once = (): void => {
      if (done) return;
      cancel();
      run();
    };
    const frame = request(once);
    const timer = setTimeout(once, HIDDEN_PAGE_FRAME_MS);
    function cancel(): void {
      done = true;
      globalThis.cancelAnimationFrame(frame);
      clearTimeout(timer);
    }
    return cancel;
  },
};
