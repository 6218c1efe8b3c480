/** A tiny seeded generator (mulberry32), so that a failing seed can be pinned as a test. */
export function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seeds a fuzz test runs: 1…N, with N from the environment variable KRING_FUZZ_SEEDS when
 * it is set (a long hunt: `KRING_FUZZ_SEEDS=2000 npx vitest run tests/lib/shared-doc`), else
 * `defaultCount`, which keeps the everyday run fast. A value that is not a positive whole number
 * fails loudly, so that a typo never quietly runs the default.
 */
export function fuzzSeeds(defaultCount: number): number[] {
  const raw = process.env.KRING_FUZZ_SEEDS;
  const count = raw === undefined || raw.trim() === '' ? defaultCount : Number(raw);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`KRING_FUZZ_SEEDS must be a positive whole number, not "${raw ?? ''}"`);
  }
  return Array.from({ length: count }, (_, i) => i + 1);
}
