import { describe, expect, it } from 'vitest';
import { shareEqual } from '../../../lib/util/share-equal';

describe('shareEqual', () => {
  it('returns the previous value itself when nothing changed', () => {
    const prev = { a: 1, list: [{ id: 'x', n: 1 }], nested: { on: true, none: null } };
    const next = { a: 1, list: [{ id: 'x', n: 1 }], nested: { on: true, none: null } };
    expect(shareEqual(prev, next)).toBe(prev);
  });

  it('keeps unchanged parts as the previous objects and takes what changed', () => {
    const prev = {
      phase: 1,
      rows: [
        { id: 'a', t: 'A' },
        { id: 'b', t: 'B' },
      ],
      meta: { k: [1] },
    };
    const next = {
      phase: 2,
      rows: [
        { id: 'a', t: 'A' },
        { id: 'b', t: 'B2' },
      ],
      meta: { k: [1] },
    };
    const shared = shareEqual(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared).toEqual(next);
    expect(shared.meta).toBe(prev.meta);
    expect(shared.rows[0]).toBe(prev.rows[0]);
    expect(shared.rows[1]).not.toBe(prev.rows[1]);
    expect(shared.rows[1]).toEqual({ id: 'b', t: 'B2' });
  });

  it('matches list items by id, so an item inserted before them keeps the others', () => {
    const prev = [{ id: 'b' }, { id: 'c' }];
    const next = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const shared = shareEqual(prev, next);
    expect(shared).toEqual(next);
    expect(shared[1]).toBe(prev[0]);
    expect(shared[2]).toBe(prev[1]);
  });

  it('sees a removed key, an added key, a shorter list and NaN', () => {
    expect(shareEqual<object>({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(shareEqual<object>({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
    expect(shareEqual([1, 2], [1])).toEqual([1]);
    const prev = { n: NaN };
    expect(shareEqual(prev, { n: NaN })).toBe(prev);
  });

  it('compares what is not a plain object or array by identity', () => {
    const prev = { s: new Set([1]) };
    const next = { s: new Set([1]) };
    expect(shareEqual(prev, next).s).toBe(next.s);
    const same = { s: prev.s };
    expect(shareEqual(prev, same)).toBe(prev);
  });
});
