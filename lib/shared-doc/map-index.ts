import type * as Y from 'yjs';
import { LIMITS } from '../util/limits';
import { LATER } from './last-valid';
import { isEnforced, openValue, reject, retryWhenCard } from './signed';

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
  decode: (
    key: string,
    value: unknown,
    writer: string | null,
    map: Y.Map<unknown>,
  ) => T | null | typeof LATER,
  {
    keysOnly = false,
    recheck,
  }: {
    readonly keysOnly?: boolean;
    /**
     * For a decoder that may answer LATER: a stamp of what it depends on; entries that wait are
     * decoded again at the next read after the stamp changed (once per change, not per read).
     */
    readonly recheck?: (map: Y.Map<unknown>) => string;
  } = {},
): (map: Y.Map<unknown>, meter?: ReadMeter) => MapIndex<T> {
  const indexes = new WeakMap<Y.Map<unknown>, { index: MapIndex<T>; again: () => void }>();
  return (map, meter) => {
    const known = indexes.get(map);
    if (known) {
      known.again();
      return known.index;
    }
    /** Entries whose decoder said LATER, and the stamp they wait on. */
    const waiting = new Set<string>();
    let stamp = '';
    const wait = (key: string): void => {
      if (!recheck || waiting.size >= LIMITS.entriesPerRoot) return;
      waiting.add(key);
      stamp = recheck(map);
    };
    const keys = new Set<string>();
    const entries = new Map<string, T>();
    /** Enforced documents: who wrote each entry first; nobody else may change or clear it. */
    const owners = new Map<string, string>();
    /** Enforced documents: the stored value each entry was last read from, and its value. */
    const accepted = new Map<string, { raw: unknown; value: unknown }>();
    signedEntries.set(map, { owners, accepted });
    const take = (key: string): void => {
      const value = map.get(key);
      if (value === undefined && !map.has(key)) {
        keys.delete(key);
        // A removal cannot say who made it: in an enforced document it is garbage, and the
        // entry stays (the end of the meeting clears boards by reading them empty).
        if (!isEnforced(map.doc)) entries.delete(key);
        return;
      }
      keys.add(key);
      if (keysOnly) return;
      if (isEnforced(map.doc)) {
        takeSigned(key, value);
        return;
      }
      const decoded = decode(key, value, null, map);
      if (decoded === null || decoded === LATER) entries.delete(key);
      else entries.set(key, decoded);
    };
    const takeSigned = (key: string, value: unknown): void => {
      const opened = openValue(map, key, value);
      if (!opened.ok) {
        if (opened.waitFor !== undefined) {
          retryWhenCard(map, opened.waitFor, () => {
            if (map.get(key) === value) takeSigned(key, value);
          });
        } else {
          reject(map, key, opened.writer, opened.writer === null ? 'unsigned' : 'forged');
        }
        return;
      }
      const writer = opened.writer ?? '';
      const owner = owners.get(key);
      if (owner !== undefined && owner !== writer) {
        reject(map, key, writer, 'not-theirs');
        return;
      }
      if (opened.value === null) {
        // The writer took their own entry back.
        if (owner !== undefined) entries.delete(key);
        accepted.delete(key);
        return;
      }
      const decoded = decode(key, opened.value, writer, map);
      if (decoded === LATER) {
        wait(key);
        return;
      }
      waiting.delete(key);
      if (decoded === null) {
        if (owner === undefined) reject(map, key, writer, 'not-allowed');
        return;
      }
      owners.set(key, writer);
      entries.set(key, decoded);
      accepted.set(key, { raw: value, value: opened.value });
    };
    for (const key of map.keys()) {
      if (meter) meter.examined += 1;
      take(key);
    }
    map.observe((event) => {
      for (const key of event.keysChanged) take(key);
    });
    const index: MapIndex<T> = { keys, entries };
    const again = (): void => {
      if (waiting.size === 0 || !recheck) return;
      const now = recheck(map);
      if (now === stamp) return;
      stamp = now;
      for (const key of [...waiting]) {
        waiting.delete(key);
        take(key);
      }
    };
    indexes.set(map, { index, again });
    return index;
  };
}

/** Per root map of an enforced document: the owners and accepted values of its index. */
const signedEntries = new WeakMap<
  Y.Map<unknown>,
  {
    readonly owners: ReadonlyMap<string, string>;
    readonly accepted: ReadonlyMap<string, { raw: unknown; value: unknown }>;
  }
>();

/**
 * Entries of `memberId` that a peer removed or wrote over (enforced documents): what this
 * member's panel writes back, so that a member who joins later reads them too. Only entries
 * already indexed (the panel reads every board on each refresh).
 */
export function lostEntries(
  map: Y.Map<unknown>,
  memberId: string,
): Array<readonly [string, unknown]> {
  const signed = signedEntries.get(map);
  if (!signed) return [];
  const lost: Array<readonly [string, unknown]> = [];
  for (const [key, { raw, value }] of signed.accepted) {
    if (signed.owners.get(key) !== memberId || map.get(key) === raw) continue;
    lost.push([key, value]);
  }
  return lost;
}

/** Every key of a root map, junk included: what the clean-up after a meeting's end deletes. */
export const liveKeys = indexer<never>(() => null, { keysOnly: true });
