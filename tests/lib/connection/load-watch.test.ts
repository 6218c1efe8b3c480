import { describe, expect, it } from 'vitest';
import { LOAD_STALL_MS, LoadWatch } from '../../../lib/connection/load-watch';
import { FakeClock } from '../helpers/fake-clock';

function watch() {
  const clock = new FakeClock();
  let due = 0;
  const loads = new LoadWatch(clock, () => due++);
  return { clock, loads, due: () => due };
}

describe('waiting for a meeting to arrive', () => {
  it('shows nothing while the member is not waiting', () => {
    const { loads } = watch();
    expect(loads.update(null, 0.5)).toBeNull();
  });

  it('says loading, then stalled once LOAD_STALL_MS pass with nothing new, and asks for a refresh then', () => {
    const { clock, loads, due } = watch();
    expect(loads.update('m1', null)).toEqual({ percent: null, stalled: false });
    clock.advance(LOAD_STALL_MS - 1);
    expect(due()).toBe(0);
    expect(loads.update('m1', null)).toEqual({ percent: null, stalled: false });
    clock.advance(1);
    expect(due()).toBe(1);
    expect(loads.update('m1', null)).toEqual({ percent: null, stalled: true });
  });

  it('shows the share that arrived, and counts each new part as news', () => {
    const { clock, loads } = watch();
    loads.update('m1', null);
    clock.advance(LOAD_STALL_MS - 1000);
    expect(loads.update('m1', 0.404)).toEqual({ percent: 40, stalled: false });
    clock.advance(LOAD_STALL_MS - 1);
    expect(loads.update('m1', 0.404)).toEqual({ percent: 40, stalled: false });
    clock.advance(1);
    expect(loads.update('m1', 0.404)).toEqual({ percent: 40, stalled: true });
    expect(loads.update('m1', 0.41)).toEqual({ percent: 41, stalled: false });
  });

  it('does not count a message dropped half-way as news', () => {
    const { clock, loads } = watch();
    loads.update('m1', 0.4);
    clock.advance(LOAD_STALL_MS / 2);
    loads.update('m1', null);
    clock.advance(LOAD_STALL_MS / 2);
    expect(loads.update('m1', null)).toEqual({ percent: null, stalled: true });
  });

  it('starts over for another meeting, and after the meeting arrived', () => {
    const { clock, loads } = watch();
    loads.update('m1', null);
    clock.advance(LOAD_STALL_MS);
    expect(loads.update('m1', null)?.stalled).toBe(true);
    expect(loads.update('m2', null)?.stalled).toBe(false);
    clock.advance(LOAD_STALL_MS);
    expect(loads.update(null, null)).toBeNull();
    expect(loads.update('m2', null)?.stalled).toBe(false);
  });

  it('asks for no refresh after it stopped', () => {
    const { clock, loads, due } = watch();
    loads.update('m1', null);
    loads.stop();
    clock.advance(2 * LOAD_STALL_MS);
    expect(due()).toBe(0);
  });
});
