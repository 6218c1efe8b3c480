/**
 * A change goes to each peer by one path: the writer sends it to everyone it reaches directly
 * and names them (the patch's covered messages), so nobody passes it on to them again. One lost
 * on its way, on a data channel that died without closing yet or in a relayed frame the server
 * dropped, would then stay missing until that peer's connection is made again: seen in CI, a
 * case bringer who never got a question every other member had, while the group went on.
 *
 * So every room asks one reachable peer, chosen at random, about every PULL_EVERY_MS for what
 * it lacks (y-webrtc's sync step 1, the question a new connection asks first; the answer holds
 * only the changes this member misses, and an empty one changes nothing). Any peer that has
 * the change can bring it: a lost change comes back within a few seconds, from whoever holds it.
 */

/** How often, on average, a room asks a peer for what it lacks (ms). */
export const PULL_EVERY_MS = 5_000;

/** When to ask next: PULL_EVERY_MS from now, give or take a fifth, so that peers spread out. */
export function nextPullAt(now: number, random: () => number = Math.random): number {
  return now + PULL_EVERY_MS * (0.8 + 0.4 * random());
}

/** The peer to ask now, one of those reachable, at random; null when none is. */
export function pullTarget(
  reachable: readonly string[],
  random: () => number = Math.random,
): string | null {
  if (reachable.length === 0) return null;
  const index = Math.min(reachable.length - 1, Math.floor(random() * reachable.length));
  return reachable[index] ?? null;
}
