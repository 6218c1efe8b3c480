import { FRAME_MS } from '../../../lib/connection/clock';
import type { Clock } from '../../../lib/connection/clock';

interface Timer {
  readonly id: number;
  at: number;
  readonly every: number | null;
  readonly run: () => void;
}

/**
 * A clock that moves only when a test says so. Timers run in order of their due time as
 * `advance()` passes it, each seeing `now()` at its own due time.
 */
export class FakeClock implements Clock {
  private time: number;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(start = Date.UTC(2026, 0, 12, 19, 30)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, run: () => void): () => void {
    return this.schedule(ms, null, run);
  }

  every(ms: number, run: () => void): () => void {
    return this.schedule(ms, Math.max(1, ms), run);
  }

  /** A frame is drawn FRAME_MS from now, as in Node: `advance(FRAME_MS)` or `frame()` draws it. */
  frame(run: () => void): () => void {
    return this.schedule(FRAME_MS, null, run);
  }

  /** Runs at the next `advance`, before what falls due later (a microtask, in a real clock). */
  soon(run: () => void): () => void {
    return this.schedule(0, null, run);
  }

  /** Moves time on by one frame, drawing the frame that waits (and running what falls due). */
  nextFrame(): void {
    this.advance(FRAME_MS);
  }

  /** Moves time on by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.values()]
        .filter((timer) => timer.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.time = Math.max(this.time, due.at);
      if (due.every === null) this.timers.delete(due.id);
      else due.at += due.every;
      due.run();
    }
    this.time = end;
  }

  /** The same timers, read on a clock that is `ms` ahead (a member whose clock is off). */
  skewed(ms: number): Clock {
    return {
      now: () => this.now() + ms,
      after: (delay, run) => this.after(delay, run),
      every: (delay, run) => this.every(delay, run),
      frame: (run) => this.frame(run),
      soon: (run) => this.soon(run),
    };
  }

  /** How many timers are waiting to run. */
  get pending(): number {
    return this.timers.size;
  }

  private schedule(ms: number, every: number | null, run: () => void): () => void {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + Math.max(0, ms), every, run });
    return () => {
      this.timers.delete(id);
    };
  }
}
