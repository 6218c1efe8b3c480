/**
 * Estimates how far other members' clocks are from ours, from the clock readings they publish
 * in presence: offset = their reading - our clock when it arrived. Network delay makes each
 * sample a little low; the median of the last few keeps one slow delivery from skewing it.
 */
export class ClockOffsets {
  private readonly samples = new Map<string, number[]>();

  /** Records one reading of `memberId`'s clock, received at our `localNow`. */
  observe(memberId: string, theirClock: number, localNow: number): void {
    if (!Number.isFinite(theirClock) || !Number.isFinite(localNow)) return;
    const list = this.samples.get(memberId) ?? [];
    list.push(theirClock - localNow);
    if (list.length > 5) list.shift();
    this.samples.set(memberId, list);
  }

  /** Milliseconds to add to our clock to get `memberId`'s; 0 when we know nothing of them. */
  offset(memberId: string): number {
    const list = this.samples.get(memberId);
    if (!list || list.length === 0) return 0;
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  }
}
