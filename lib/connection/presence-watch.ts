import type { Clock } from './clock';

/**
 * Whether one member the meeting depends on (the chair, the case bringer) counts as present: while
 * they are in presence, and for `graceMs` after this panel first found them missing. A member
 * who just joined has not heard everybody yet, and a WebRTC reconnect takes a moment; refreshes
 * come only with changes, so the end of a grace asks for one (`onGraceOver`).
 */
export class PresenceWatch {
  private id: string | null = null;
  private missingSince: number | null = null;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly graceMs: number,
    private readonly onGraceOver: () => void,
  ) {}

  /** Whether `id` counts as present, `here` telling whether they are in presence now. */
  present(id: string, here: boolean): boolean {
    const now = this.clock.now();
    if (this.id !== id) {
      this.id = id;
      this.missingSince = null;
    }
    if (here) {
      this.missingSince = null;
      return true;
    }
    this.missingSince ??= now;
    const left = this.missingSince + this.graceMs - now;
    if (left <= 0) return false;
    this.cancel?.();
    // A little late rather than early: a timer that fires early would find the grace not over.
    this.cancel = this.clock.after(left + 50, () => {
      this.cancel = null;
      this.onGraceOver();
    });
    return true;
  }

  /** How long `id` has been missing as this panel last saw it; 0 while present or not watched. */
  missingFor(id: string): number {
    if (this.id !== id || this.missingSince === null) return 0;
    return this.clock.now() - this.missingSince;
  }

  /** Forgets whom it watched (another meeting opened); a grace under way still ends. */
  reset(): void {
    this.id = null;
    this.missingSince = null;
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
