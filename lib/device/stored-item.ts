import { isRecord } from '../util/guards';
import type { KeyValueStore } from './key-value-store';

/**
 * Versioned items in a KeyValueStore, in the manner of WXT's `storage.defineItem`. Without a
 * version, a change of shape made the decoder read a member's stored groups as garbage and the
 * next save replaced them with an empty list. Now every item is stored as `{ v, value }`:
 * an older version is migrated step by step on read, and a newer one (the member ran a later
 * build, then an older one) is left in storage untouched.
 *
 * Items written before versions existed have no envelope; they count as version 1, so version 1
 * of every item is the shape stored by those builds.
 */

/** Turns a value of version n - 1 into version n. Its input is as untrusted as any stored value. */
export type Migration = (previous: unknown) => unknown;

export interface StoredItemDefinition<T> {
  readonly key: string;
  /** The version this code reads and writes. Raise it with every change of shape. */
  readonly version: number;
  /**
   * Decodes a value of the current version. Never throws: what is missing or malformed becomes
   * a default, and a list drops bad entries one by one. `decode(undefined)` is the value of an
   * empty item.
   */
  readonly decode: (value: unknown) => T;
  /** `migrations[n]` for every n from 2 to `version`; old ones are kept, never edited. */
  readonly migrations: Readonly<Record<number, Migration>>;
}

/** What a read found. `value` is always usable: defaults stand in for what could not be read. */
export type StoredRead<T> =
  | { readonly status: 'missing'; readonly value: T }
  /** Stored as `version` (1 for an item without envelope) and migrated to the current one. */
  | { readonly status: 'stored'; readonly value: T; readonly version: number }
  /** Written by a later build: read as the defaults, and never overwritten by this one. */
  | { readonly status: 'unknown'; readonly value: T; readonly version: number };

export interface StoredItem<T> {
  readonly key: string;
  readonly version: number;
  /** Reads what the store returned for this key; pure, so that tests can table it. */
  decodeStored(raw: unknown): StoredRead<T>;
  read(store: KeyValueStore): Promise<StoredRead<T>>;
  /** Stores the value unless the store holds a newer version; false when it was kept. */
  write(store: KeyValueStore, value: T): Promise<boolean>;
}

export function defineStoredItem<T>(definition: StoredItemDefinition<T>): StoredItem<T> {
  const { key, version, decode, migrations } = definition;
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new Error(`Stored item ${key}: version must be a whole number from 1, not ${version}`);
  }
  for (let n = 2; n <= version; n++) {
    // A gap would strand everything stored at the versions before it: fail on import instead.
    if (!migrations[n]) throw new Error(`Stored item ${key}: no migration to version ${n}`);
  }

  const migrate = (value: unknown, from: number): unknown => {
    let current = value;
    for (let n = from + 1; n <= version; n++) {
      const step = migrations[n];
      if (!step) return undefined;
      current = step(current);
    }
    return current;
  };

  const decodeStored = (raw: unknown): StoredRead<T> => {
    if (raw === undefined) return { status: 'missing', value: decode(undefined) };
    const { v, value } = envelopeOf(raw);
    if (v > version) return { status: 'unknown', value: decode(undefined), version: v };
    let migrated: unknown;
    try {
      migrated = migrate(value, v);
    } catch {
      // A migration that cannot read its input met garbage: garbage reads as the defaults.
      migrated = undefined;
    }
    return { status: 'stored', value: decode(migrated), version: v };
  };

  return {
    key,
    version,
    decodeStored,
    async read(store) {
      return decodeStored(await store.get(key));
    },
    async write(store, value) {
      // Checked against the store, not a read made earlier: another panel may have written since.
      if (envelopeOf(await store.get(key)).v > version) return false;
      await store.set(key, { v: version, value });
      return true;
    },
  };
}

/**
 * A migration for a list, applied to each entry on its own: an entry it cannot migrate (it
 * throws or gives undefined) is dropped, and the rest of the list is kept.
 */
export function migrateEach(step: (entry: unknown) => unknown): Migration {
  return (previous) => {
    if (!Array.isArray(previous)) return [];
    const out: unknown[] = [];
    for (const entry of previous) {
      try {
        const next = step(entry);
        if (next !== undefined) out.push(next);
      } catch {
        // This entry is dropped; the others are kept.
      }
    }
    return out;
  };
}

/** The envelope of a stored value; anything else was stored before versions, as version 1. */
function envelopeOf(raw: unknown): { v: number; value: unknown } {
  if (isRecord(raw) && 'value' in raw) {
    const v = raw.v;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) return { v, value: raw.value };
  }
  return { v: 1, value: raw };
}
