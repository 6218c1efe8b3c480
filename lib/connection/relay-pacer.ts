/**
 * The companion closes a socket that sends faster than its rate limit (docs/signaling-protocol.md
 * SP12: a burst of 600 messages, refilled at 100 per second). y-webrtc's own signaling is a
 * handful of messages per peer; relayed document and presence messages are many more (a
 * meeting of 200 KB to a joiner is 13 frames, every change one more per member). So relayed
 * messages wait in a queue per socket and leave under a token bucket of their own, RELAY_BURST
 * and RELAY_PER_SECOND, half of the server's, leaving the rest to y-webrtc's signaling and pings.
 */
import type { Clock } from './clock';

/** Relayed messages one socket may send at once. */
export const RELAY_BURST = 300;

/** Relayed messages one socket may send per second, after the burst. */
export const RELAY_PER_SECOND = 50;

/**
 * The most messages waiting. More means the relay cannot keep up (a peer flooding the document);
 * further messages are dropped, and the next relay start syncs what they carried.
 */
export const MAX_QUEUED = 4_000;

export interface PacerLimits {
  readonly burst: number;
  readonly perSecond: number;
  readonly maxQueued: number;
}

const DEFAULT_LIMITS: PacerLimits = {
  burst: RELAY_BURST,
  perSecond: RELAY_PER_SECOND,
  maxQueued: MAX_QUEUED,
};

/** Sends queued messages of one socket, in order, no faster than its limits. */
export class RelayPacer {
  private tokens: number;
  private updatedAt: number;
  private readonly queue: Array<() => void> = [];
  private cancelTimer: (() => void) | null = null;
  private droppedCount = 0;

  constructor(
    private readonly clock: Pick<Clock, 'now' | 'after'>,
    private readonly limits: PacerLimits = DEFAULT_LIMITS,
  ) {
    this.tokens = limits.burst;
    this.updatedAt = clock.now();
  }

  /** Sends now if the budget allows and nothing waits, else queues; false when dropped. */
  schedule(send: () => void): boolean {
    if (this.queue.length >= this.limits.maxQueued) {
      this.droppedCount++;
      return false;
    }
    this.queue.push(send);
    this.drain();
    return true;
  }

  /** Messages waiting now. */
  get queued(): number {
    return this.queue.length;
  }

  /** Messages dropped because the queue was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Drops what waits and stops the timer (the socket is gone). */
  dispose(): void {
    this.queue.length = 0;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private drain(): void {
    this.refill();
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      const send = this.queue.shift();
      try {
        send?.();
      } catch {
        // one failed send (a socket closing) must not stop the others
      }
    }
    if (this.queue.length === 0 || this.cancelTimer !== null) return;
    const waitMs = Math.ceil(((1 - this.tokens) * 1000) / this.limits.perSecond);
    this.cancelTimer = this.clock.after(Math.max(1, waitMs), () => {
      this.cancelTimer = null;
      this.drain();
    });
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    this.tokens = Math.min(
      this.limits.burst,
      this.tokens + (elapsed * this.limits.perSecond) / 1000,
    );
  }
}
