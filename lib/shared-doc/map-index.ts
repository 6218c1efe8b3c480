import type * as Y from 'yjs';

/** Counts what a read looked at, for tests that check that a read stays bounded. */
export interface ReadMeter {
  examined: number;
}

/** A root map as readers see it: its keys, and the entries that decoded. */
export interface MapIndex<T> {
  /** Every key the map holds now, junk included (what a clean-up deletes). */
  readonly keys: ReadonlySet<string>;
  /** The entries that decoded, oldest first: all that a reader looks at. */
  readonly entries: ReadonlyMap<string, T>;
}

/**
 * Returns a function that gives a root map's index for one decoder, kept up to date from the
 * map's change events instead of walking the map on every read.
 *
 * Issue 10: a peer's flood of 200,000 junk keys cost a member's panel 13.8 s of main-thread
 * work, because every read walked every key of every root on every update. Indexed, an update
 * costs in proportion to the keys it changes (each decoded once, when it arrives), and a read
 * looks only at entries that decoded: junk is never looked at again. The first use of a map
 * walks it once; a panel makes it while the meeting's document is still empty.
 */
export function indexer<T>(
  decode: (key: string, value: unknown) => T | null,
): (map: Y.Map<unknown>, meter?: ReadMeter) => MapIndex<T> {
  const indexes = new WeakMap<Y.Map<unknown>, MapIndex<T>>();
  return (map, meter) => {
    const known = indexes.get(map);
    if (known) return known;
    const keys = new Set<string>();
    const entries = new Map<string, T>();
    const take = (key: string): void => {
      const value = map.get(key);
      if (value === undefined && !map.has(key)) {
        keys.delete(key);
        entries.delete(key);
        return;
      }
      keys.add(key);
      const decoded = decode(key, value);
      if (decoded === null) entries.delete(key);
      else entries.set(key, decoded);
    };
    for (const key of map.keys()) {
      if (meter) meter.examined += 1;
      take(key);
    }
    map.observe((event) => {
      for (const key of event.keysChanged) take(key);
    });
    const index: MapIndex<T> = { keys, entries };
    indexes.set(map, index);
    return index;
  };
}

/** Every key of a root map, junk included: what the clean-up after a meeting's end deletes. */
export const liveKeys = indexer<never>(() => null);
