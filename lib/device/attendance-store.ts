import { observableValue } from '../util/observable-value';
import { MAX_SEALED_ENTRIES, NO_AT_REST, openAll, sealFor } from './at-rest';
import type { AtRestKeys, AtRestSource, AtRestValue, SealedEntry } from './at-rest';
import { addAttendance, attendanceItem, mergeAttendance } from './attendance';
import type { AttendanceEntry } from './attendance';
import type { KeyValueStore } from './key-value-store';
import { serialQueue } from './serial-queue';

const NONE: readonly AttendanceEntry[] = [];
/** Keys that could not be read: treated as locked, so that nothing sealed is overwritten. */
const UNKNOWN: AtRestKeys = { state: 'locked', publicKey: null };
const item = attendanceItem;

/**
 * The device's attendance record (`attendance.ts`), newest first, with a snapshot to subscribe
 * to. Sealed at rest exactly as a group's history is (`history-store.ts`): with a passphrase on
 * the notebook a plain record is sealed when first read, hidden while locked, and a meeting
 * that ends while locked is appended sealed, merged at the next read after unlocking.
 */
export interface AttendanceStore {
  getSnapshot(): readonly AttendanceEntry[];
  /** True while the record is sealed and the notebook locked. */
  isLocked(): boolean;
  /** True once the stored record has been read (or found unreadable): until then, empty says nothing. */
  isLoaded(): boolean;
  subscribe(listener: () => void): () => void;
  /** Reads the stored record. Never rejects. */
  load(): Promise<void>;
  /** Adds a meeting that ended, once. Never rejects. */
  record(entry: AttendanceEntry): Promise<void>;
  /** Reads again whenever the notebook is locked, unlocked or protected; returns the stop. */
  watchKeys(): () => void;
}

export function createAttendanceStore(
  store: KeyValueStore,
  source: AtRestSource = NO_AT_REST,
): AttendanceStore {
  const value = observableValue(NONE, sameEntries);
  const locked = observableValue(false);
  const loaded = observableValue(false);
  const publish = (entries: readonly AttendanceEntry[], isLocked = false) => {
    value.set(entries);
    locked.set(isLocked);
  };
  const run = serialQueue();
  const keysNow = () => source.atRestKeys().catch(() => UNKNOWN);

  const writeSealed = async (
    publicKey: CryptoKey,
    entries: readonly AttendanceEntry[],
    kept: readonly SealedEntry[] = [],
  ) => {
    const sealed = await sealFor(publicKey, entries, item.key);
    await item.write(store, { sealed: [sealed, ...kept] });
  };

  const load = () =>
    run(async () => {
      try {
        const [stored, keys] = await Promise.all([item.read(store), keysNow()]);
        if (stored.status === 'unknown') return publish(NONE);
        const held = stored.value;
        if ('plain' in held) {
          const sealable = keys.state === 'off' ? null : keys.publicKey;
          if (sealable && stored.status === 'stored') await writeSealed(sealable, held.plain);
          const hidden = !!sealable && keys.state === 'locked';
          return publish(hidden ? NONE : held.plain, hidden);
        }
        if (keys.state === 'unlocked') {
          const opened = await openAll(
            keys.privateKey,
            held.sealed,
            item.key,
            NONE,
            mergeAttendance,
          );
          publish(opened.value);
          if (held.sealed.length - opened.unopened.length > 1) {
            await writeSealed(keys.publicKey, opened.value, opened.unopened);
          }
          return;
        }
        publish(NONE, keys.state === 'locked');
      } catch {
        // Unreadable storage: the panel works without the record.
      } finally {
        loaded.set(true);
      }
    });

  let lastState: string | null = null;

  return {
    getSnapshot: value.get,
    isLocked: locked.get,
    isLoaded: loaded.get,
    subscribe(listener) {
      const stops = [value, locked, loaded].map((observed) => observed.subscribe(listener));
      return () => stops.forEach((stop) => stop());
    },
    load,
    record: (entry) =>
      run(async () => {
        try {
          const [stored, keys] = await Promise.all([item.read(store), keysNow()]);
          // Written by a later build: left alone (it will record the meeting itself).
          if (stored.status === 'unknown') return;
          const held: AtRestValue<AttendanceEntry[]> = stored.value;
          if (keys.state === 'unlocked') {
            const opened =
              'plain' in held
                ? { value: held.plain, unopened: [] }
                : await openAll(keys.privateKey, held.sealed, item.key, NONE, mergeAttendance);
            if (opened.value.some((e) => e.meetingId === entry.meetingId)) {
              // Recorded already (a reload after the end): sealed if it was plain, not rewritten.
              publish(opened.value);
              if ('plain' in held) await writeSealed(keys.publicKey, opened.value);
              return;
            }
            const next = addAttendance(opened.value, entry);
            publish(next);
            await writeSealed(keys.publicKey, next, opened.unopened);
          } else if (keys.state === 'locked' && keys.publicKey) {
            // Appended sealed for the public key, merged after the next unlock.
            const entries = 'sealed' in held ? held.sealed : [];
            const before =
              'plain' in held && held.plain.length > 0
                ? [await sealFor(keys.publicKey, held.plain, item.key)]
                : [];
            publish(NONE, true);
            if (entries.length + before.length >= MAX_SEALED_ENTRIES) return;
            const added = await sealFor(keys.publicKey, [entry], item.key);
            await item.write(store, { sealed: [...before, ...entries, added] });
          } else if ('plain' in held) {
            if (held.plain.some((e) => e.meetingId === entry.meetingId)) return publish(held.plain);
            const next = addAttendance(held.plain, entry);
            publish(next);
            await item.write(store, { plain: next });
          } else if (keys.state === 'off') {
            // Sealed for a key the notebook's reset deleted: unreadable for good, start again.
            const next = addAttendance([], entry);
            publish(next);
            await item.write(store, { plain: next });
          }
        } catch {
          // Storage that fails: nothing to show either; the history still has the meeting.
        }
      }),
    watchKeys() {
      return source.subscribe(() => {
        void keysNow().then((keys) => {
          if (keys.state === lastState) return;
          lastState = keys.state;
          void load();
        });
      });
    },
  };
}

function sameEntries(a: readonly AttendanceEntry[], b: readonly AttendanceEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.meetingId === b[i]?.meetingId);
}

/** Writes a sealed record back plain, before the passphrase (and its private key) goes. */
export async function unsealAttendance(store: KeyValueStore, privateKey: CryptoKey): Promise<void> {
  const stored = await item.read(store);
  if (stored.status !== 'stored' || !('sealed' in stored.value)) return;
  const opened = await openAll(privateKey, stored.value.sealed, item.key, NONE, mergeAttendance);
  await item.write(store, { plain: [...opened.value] });
}

/** Seals a plain record when a passphrase is set, also before the record view is opened. */
export async function sealAttendance(store: KeyValueStore, publicKey: CryptoKey): Promise<void> {
  const stored = await item.read(store);
  if (stored.status !== 'stored' || !('plain' in stored.value)) return;
  const sealed = await sealFor(publicKey, stored.value.plain, item.key);
  // A meeting recorded meanwhile must not be overwritten.
  const again = await item.read(store);
  if (JSON.stringify(again.value) !== JSON.stringify(stored.value)) return;
  await item.write(store, { sealed: [sealed] });
}
