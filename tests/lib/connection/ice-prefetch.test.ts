import { describe, expect, it } from 'vitest';
import {
  PREFETCH_FRESH_MS,
  prefetchCompanionIce,
  takePrefetchedIce,
} from '../../../lib/connection/ice-prefetch';
import type { CompanionIce } from '../../../lib/connection/ice-config';

/** Issue 15, late join: the home screen asks the last group's companion ahead of the click. */
const TURN: CompanionIce = {
  servers: [{ urls: 'turn:turn.example.org:3478', username: 'u', credential: 'c' }],
  refreshAfterMs: 3_600_000,
};

function counting() {
  const asked: string[] = [];
  const ask = (url: string) => {
    asked.push(url);
    return Promise.resolve(TURN);
  };
  return { asked, ask };
}

describe('asking a companion for its servers ahead of need', () => {
  it('asks once for many prefetches and hands the answer to the first taker only', async () => {
    const url = 'wss://kring.example.org/a';
    const { asked, ask } = counting();
    prefetchCompanionIce(url, ask, 1_000);
    prefetchCompanionIce(url, ask, 2_000);
    expect(asked).toEqual([url]);
    const taken = takePrefetchedIce(url, 3_000);
    expect(taken?.askedAt).toBe(1_000);
    expect(await taken?.answer).toEqual(TURN);
    expect(takePrefetchedIce(url, 3_000)).toBeNull();
  });

  it('gives nothing for another address or once the answer is stale, and asks again then', () => {
    const url = 'wss://kring.example.org/b';
    const { asked, ask } = counting();
    prefetchCompanionIce(url, ask, 0);
    expect(takePrefetchedIce('wss://elsewhere.example.org', 10)).toBeNull();
    expect(takePrefetchedIce(url, PREFETCH_FRESH_MS + 1)).toBeNull();

    prefetchCompanionIce(url, ask, 0);
    prefetchCompanionIce(url, ask, PREFETCH_FRESH_MS + 5);
    expect(asked).toEqual([url, url, url]);
    expect(takePrefetchedIce(url, PREFETCH_FRESH_MS + 10)?.askedAt).toBe(PREFETCH_FRESH_MS + 5);
  });
});
