import { describe, expect, it } from 'vitest';
import { RelayPacer } from '../../../lib/connection/relay-pacer';
import { FakeClock } from '../helpers/fake-clock';

describe('relay pacer', () => {
  it('sends a burst at once, then no faster than the rate, in order', () => {
    const clock = new FakeClock(0);
    const pacer = new RelayPacer(clock, { burst: 5, perSecond: 10, maxQueued: 100 });
    const sent: number[] = [];
    for (let i = 0; i < 25; i++) pacer.schedule(() => sent.push(i));
    expect(sent).toEqual([0, 1, 2, 3, 4]);
    clock.advance(1000);
    expect(sent).toHaveLength(15);
    clock.advance(1000);
    expect(sent).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(pacer.queued).toBe(0);
  });

  it('never sends more than the server allows in any second (burst plus rate)', () => {
    const clock = new FakeClock(0);
    const pacer = new RelayPacer(clock, { burst: 20, perSecond: 50, maxQueued: 10_000 });
    const times: number[] = [];
    for (let i = 0; i < 1_000; i++) pacer.schedule(() => times.push(clock.now()));
    clock.advance(30_000);
    expect(times).toHaveLength(1_000);
    for (let start = 0; start < 20_000; start += 250) {
      const inWindow = times.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(20 + 50 + 1);
    }
  });

  it('drops what does not fit in the queue and counts it', () => {
    const clock = new FakeClock(0);
    const pacer = new RelayPacer(clock, { burst: 1, perSecond: 1, maxQueued: 3 });
    const sent: number[] = [];
    const accepted = [0, 1, 2, 3, 4, 5].map((i) => pacer.schedule(() => sent.push(i)));
    expect(accepted).toEqual([true, true, true, true, false, false]);
    expect(pacer.dropped).toBe(2);
    clock.advance(10_000);
    expect(sent).toEqual([0, 1, 2, 3]);
  });

  it('goes on after a send that throws', () => {
    const clock = new FakeClock(0);
    const pacer = new RelayPacer(clock, { burst: 3, perSecond: 1, maxQueued: 10 });
    const sent: number[] = [];
    pacer.schedule(() => {
      throw new Error('socket closing');
    });
    pacer.schedule(() => sent.push(1));
    expect(sent).toEqual([1]);
  });

  it('stops its timer and drops the queue when disposed', () => {
    const clock = new FakeClock(0);
    const pacer = new RelayPacer(clock, { burst: 1, perSecond: 1, maxQueued: 10 });
    const sent: number[] = [];
    for (let i = 0; i < 3; i++) pacer.schedule(() => sent.push(i));
    pacer.dispose();
    clock.advance(10_000);
    expect(sent).toEqual([0]);
  });
});
