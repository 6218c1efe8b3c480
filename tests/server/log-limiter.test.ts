import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogLimiter } from '../../server/log-limiter';

describe('createLogLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('logs the first event of a kind, then one summary per interval with the count held back', () => {
    const lines: string[] = [];
    const limiter = createLogLimiter<string>(
      (line) => lines.push(line),
      (line, count) => `${line} x${count}`,
      60_000,
    );
    for (let i = 0; i < 10_000; i += 1) limiter.note('rate', 'flood');
    limiter.note('origin', 'foreign page');
    expect(lines).toStrictEqual(['flood', 'foreign page']);

    vi.advanceTimersByTime(60_000);
    expect(lines).toStrictEqual(['flood', 'foreign page', 'flood x9999']);

    vi.advanceTimersByTime(60_000); // a quiet interval: nothing
    expect(lines).toHaveLength(3);
    limiter.note('rate', 'flood again'); // a new interval logs the first at once
    expect(lines.at(-1)).toBe('flood again');
    limiter.note('rate', 'flood again');
    limiter.dispose(); // a last summary, then silence
    expect(lines.at(-1)).toBe('flood again x1');
    vi.advanceTimersByTime(600_000);
    expect(lines).toHaveLength(5);
  });
});
