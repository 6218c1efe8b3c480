/**
 * `next`, with every part that equals the same part of `prev` replaced by `prev`'s own object:
 * `prev` itself when nothing changed. Plain objects and arrays are compared by value, anything
 * else (class instances, Sets, functions) by identity. Array items that carry a string `id` are
 * matched by id, so an item inserted or removed keeps the others the same objects.
 *
 * Issue 15: a panel compared each new snapshot with the last as two JSON strings, and every
 * snapshot was a new object graph, so React re-rendered every row on every update. Shared this
 * way, a part that did not change is the object the view already rendered (a memoised row skips)
 * and "did anything change" is one identity check.
 */
export function shareEqual<T>(prev: T, next: T): T {
  return share(prev, next) as T;
}

function share(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) return shareArray(prev, next);
  if (isPlain(prev) && isPlain(next)) return shareObject(prev, next);
  return next;
}

function shareArray(prev: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  const byId = new Map<string, unknown>();
  for (const item of prev) {
    const id = idOf(item);
    if (id !== null) byId.set(id, item);
  }
  let same = prev.length === next.length;
  const out = next.map((item, i) => {
    const id = idOf(item);
    const before = id !== null && byId.has(id) ? byId.get(id) : prev[i];
    const shared = share(before, item);
    if (!Object.is(shared, prev[i])) same = false;
    return shared;
  });
  return same ? prev : out;
}

function shareObject(
  prev: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const shared = Object.hasOwn(prev, key) ? share(prev[key], next[key]) : next[key];
    if (!Object.hasOwn(prev, key) || !Object.is(shared, prev[key])) same = false;
    out[key] = shared;
  }
  return same ? prev : out;
}

function idOf(item: unknown): string | null {
  return isPlain(item) && typeof item.id === 'string' ? item.id : null;
}

function isPlain(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
