import { describe, expect, it } from 'vitest';
import { nextPullAt, PULL_EVERY_MS, pullTarget } from '../../../lib/connection/pull-sync';

describe('when and whom a room asks for what it lacks', () => {
  it('asks again about every PULL_EVERY_MS, spread by a fifth either way', () => {
    expect(nextPullAt(1_000, () => 0)).toBe(1_000 + 0.8 * PULL_EVERY_MS);
    expect(nextPullAt(1_000, () => 0.5)).toBe(1_000 + PULL_EVERY_MS);
    expect(nextPullAt(1_000, () => 0.999_999)).toBeLessThan(1_000 + 1.2 * PULL_EVERY_MS);
  });

  it('picks one reachable peer, any of them, and none when there is none', () => {
    const peers = ['anna', 'carl', 'dora'];
    expect(pullTarget([], () => 0.5)).toBeNull();
    expect(pullTarget(peers, () => 0)).toBe('anna');
    expect(pullTarget(peers, () => 0.5)).toBe('carl');
    expect(pullTarget(peers, () => 0.999_999)).toBe('dora');
    // A random source that reaches 1 still picks a peer.
    expect(pullTarget(peers, () => 1)).toBe('dora');
  });
});
