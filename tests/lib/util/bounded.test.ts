import { describe, expect, it } from 'vitest';
import { addBounded, rememberBounded } from '../../../lib/util/bounded';

describe('bounded caches', () => {
  it('push out the oldest entry when a new one comes into a full map', () => {
    const cache = new Map<string, number>();
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) rememberBounded(cache, key, i, 3);
    expect([...cache.keys()]).toEqual(['b', 'c', 'd']);
    // A key it holds is updated in place: nothing goes.
    rememberBounded(cache, 'c', 9, 3);
    expect([...cache]).toEqual([
      ['b', 1],
      ['c', 9],
      ['d', 3],
    ]);
  });

  it('do the same for a set', () => {
    const set = new Set<string>();
    for (const value of ['a', 'b', 'c', 'b', 'd']) addBounded(set, value, 3);
    expect([...set]).toEqual(['b', 'c', 'd']);
  });
});
