import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  afterGroupShown,
  groupOpening,
  groupShown,
} from '../../../components/common/group-opening';

/** Whether `promise` has settled once the microtasks in hand have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  return done;
}

afterEach(() => {
  groupShown();
  vi.useRealTimers();
});

describe('work that waits for an opening group', () => {
  it('goes at once when no group is opening', async () => {
    expect(await settled(afterGroupShown())).toBe(true);
  });

  it('waits while a group opens, and goes once it shows', async () => {
    groupOpening();
    const waiting = afterGroupShown();
    expect(await settled(waiting)).toBe(false);
    groupShown();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(afterGroupShown())).toBe(true);
  });

  it('waits three seconds at most, whatever happens to the group', async () => {
    vi.useFakeTimers();
    groupOpening();
    const waiting = afterGroupShown();
    vi.advanceTimersByTime(2_999);
    expect(await settled(waiting)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(waiting)).toBe(true);
  });

  it('counts the three seconds from the latest group that began to open', async () => {
    vi.useFakeTimers();
    groupOpening();
    vi.advanceTimersByTime(2_000);
    groupOpening();
    const waiting = afterGroupShown();
    vi.advanceTimersByTime(2_000);
    expect(await settled(waiting)).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(await settled(waiting)).toBe(true);
  });
});
