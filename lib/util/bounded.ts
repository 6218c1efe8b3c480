/**
 * Caches that hold at most `max` entries: a new entry in a full one pushes out the oldest (the
 * first inserted). For caches where forgetting only costs the work again.
 */
export function rememberBounded<K, V>(cache: Map<K, V>, key: K, value: V, max: number): void {
  if (cache.size >= max && !cache.has(key)) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
}

/** `rememberBounded` for a set. */
export function addBounded<T>(set: Set<T>, value: T, max: number): void {
  if (set.size >= max && !set.has(value)) {
    const oldest = set.values().next();
    if (!oldest.done) set.delete(oldest.value);
  }
  set.add(value);
}
