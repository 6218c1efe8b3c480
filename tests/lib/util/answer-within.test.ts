import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerWithin } from '../../../lib/util/answer-within';

describe('answerWithin', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the answer that comes in time, and leaves no timer behind', async () => {
    let answer: (value: string) => void = () => undefined;
    const wait = answerWithin(new Promise<string>((r) => (answer = r)), 3_000, 'fallback');
    await vi.advanceTimersByTimeAsync(2_999);
    answer('stored');
    await expect(wait).resolves.toBe('stored');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the fallback once the time is up, and not the answer that comes after', async () => {
    let answer: (value: string) => void = () => undefined;
    const late = new Promise<string>((r) => (answer = r));
    let got: string | null = null;
    void answerWithin(late, 3_000, 'fallback').then((value) => (got = value));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(got).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(got).toBe('fallback');
    answer('stored');
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toBe('fallback');
  });

  it('gives the fallback at once for a rejection', async () => {
    const wait = answerWithin(Promise.reject(new Error('storage gone')), 3_000, null);
    await expect(wait).resolves.toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
