/**
 * Logs the first event of each kind at once and then at most one summary line per interval:
 * abuse must not turn into a log flood (a probe's 50,000 one-byte frames once produced 49,297
 * lines). The counts themselves live in the server's stats.
 */
export interface LogLimiter<E> {
  /** Logs `event` if it is the first of its kind since the last summary; otherwise counts it. */
  note(kind: string, event: E): void;
  /** Logs one line per kind with events held back since the last summary, and starts afresh. */
  flush(): void;
  /** Stops the summary timer (a last flush first). */
  dispose(): void;
}

/**
 * `summary(event, count)` is the line for `count` further events like `event` held back during
 * one interval.
 */
export function createLogLimiter<E>(
  log: (event: E) => void,
  summary: (event: E, count: number) => E,
  intervalMs: number,
): LogLimiter<E> {
  /** Kinds logged in this interval, and how many events of each were held back since. */
  const heldBack = new Map<string, { event: E; count: number }>();
  const flush = (): void => {
    for (const [kind, held] of heldBack) {
      if (held.count > 0) log(summary(held.event, held.count));
      heldBack.delete(kind);
    }
  };
  const timer = setInterval(flush, intervalMs);
  timer.unref();
  return {
    note(kind, event) {
      const held = heldBack.get(kind);
      if (held === undefined) {
        heldBack.set(kind, { event, count: 0 });
        log(event);
      } else {
        held.count += 1;
      }
    },
    flush,
    dispose() {
      clearInterval(timer);
      flush();
    },
  };
}
