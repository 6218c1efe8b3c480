import { observableValue } from '../util/observable-value';
import type { MeetingSummary } from '../shared-doc/meeting-end';
import { MAX_SEALED_ENTRIES, NO_AT_REST, openAll, sealFor } from './at-rest';
import type { AtRestKeys, AtRestSource, AtRestValue, SealedEntry } from './at-rest';
import type { KeyValueStore } from './key-value-store';
import { addToHistory, historyItem, mergeHistory } from './meeting-history';
import { serialQueue } from './serial-queue';
import type { StoredRead } from './stored-item';

const NONE: readonly MeetingSummary[] = [];
/** Keys that could not be read: treated as locked, so that nothing sealed is overwritten. */
const UNKNOWN: AtRestKeys = { state: 'locked', publicKey: null };

/**
 * One group's past meetings on this device, newest first, with a snapshot to subscribe to
 * (`useSyncExternalStore`). Storage that fails or holds a newer version never hides a meeting
 * that just ended: it is shown, and stored when the store allows.
 *
 * With a passphrase on the notebook (`source`), the history is sealed (`at-rest.ts`): a plain
 * one is sealed when it is first read; while the notebook is locked it is hidden (`isLocked`),
 * and a meeting that ends is appended sealed, to be merged at the next read after unlocking.
 */
export interface HistoryStore {
  getSnapshot(): readonly MeetingSummary[];
  /** True while the history is sealed and the notebook locked: nothing of it can be shown. */
  isLocked(): boolean;
  /** False until the first `load` has read the store (or failed to): an empty list means "none" only then. */
  isLoaded(): boolean;
  /** Calls the listener after every change of the snapshot; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Reads the stored history. Never rejects. */
  load(): Promise<void>;
  /**
   * Adds the summary of a meeting that just ended, once: every panel sees the end, and
   * reloading must not add it twice. Never rejects.
   */
  record(summary: MeetingSummary): Promise<void>;
  /** Reads again whenever the notebook is locked, unlocked or protected; returns the stop. */
  watchKeys(): () => void;
}

export function createHistoryStore(
  store: KeyValueStore,
  groupId: string,
  source: AtRestSource = NO_AT_REST,
): HistoryStore {
  const item = historyItem(groupId);
  // Equal lists keep the old snapshot, so that a reload renders nothing new.
  const value = observableValue(NONE, sameMeetings);
  const locked = observableValue(false);
  const loaded = observableValue(false);
  const publish = (meetings: readonly MeetingSummary[], isLocked = false) => {
    value.set(meetings);
    locked.set(isLocked);
  };
  // One task at a time: a load that started before a record cannot publish the list without it.
  const run = serialQueue();
  const keysNow = () => source.atRestKeys().catch(() => UNKNOWN);

  /** Writes the history sealed for the public key, keeping entries that could not be opened. */
  const writeSealed = async (
    publicKey: CryptoKey,
    meetings: readonly MeetingSummary[],
    kept: readonly SealedEntry[] = [],
  ) => {
    const entry = await sealFor(publicKey, meetings, item.key);
    const next: AtRestValue<MeetingSummary[]> = { sealed: [entry, ...kept] };
    await item.write(store, next);
  };

  const load = () =>
    run(async () => {
      try {
        const [stored, keys] = await Promise.all([item.read(store), keysNow()]);
        await settle(stored, keys);
      } catch {
        // Unreadable storage: the panel works without history.
      }
      loaded.set(true);
    });

  const settle = async (stored: StoredRead<AtRestValue<MeetingSummary[]>>, keys: AtRestKeys) => {
    const held = stored.value;
    if (stored.status === 'unknown') return publish(NONE);
    if ('plain' in held) {
      const sealable = keys.state === 'off' ? null : keys.publicKey;
      // The member set a passphrase: the plain history is sealed now (migration on read).
      if (sealable && stored.status === 'stored') await writeSealed(sealable, held.plain);
      return publish(
        sealable && keys.state === 'locked' ? NONE : held.plain,
        !!sealable && keys.state === 'locked',
      );
    }
    if (keys.state === 'unlocked') {
      const opened = await openAll(keys.privateKey, held.sealed, item.key, NONE, mergeHistory);
      publish(opened.value);
      // Entries appended while locked are merged into one.
      if (held.sealed.length - opened.unopened.length > 1) {
        await writeSealed(keys.publicKey, opened.value, opened.unopened);
      }
      return;
    }
    // Locked: nothing shown. Off: the key is gone (the notebook was reset), nothing readable.
    publish(NONE, keys.state === 'locked');
  };

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
    record: (summary) =>
      run(async () => {
        const [stored, keys] = await Promise.all([item.read(store).catch(() => null), keysNow()]);
        const held = stored?.value;
        const writable = stored !== null && stored.status !== 'unknown' && held !== undefined;
        const showAdded = (history: readonly MeetingSummary[]) => {
          const next = addToHistory(history, summary);
          publish(next);
          return next;
        };
        try {
          if (!writable) {
            showAdded(value.get());
          } else if (keys.state === 'unlocked') {
            const opened =
              'plain' in held
                ? { value: held.plain, unopened: [] }
                : await openAll(keys.privateKey, held.sealed, item.key, NONE, mergeHistory);
            if (opened.value.some((h) => h.meetingId === summary.meetingId)) {
              publish(opened.value);
              if ('plain' in held) await writeSealed(keys.publicKey, opened.value);
              return;
            }
            await writeSealed(keys.publicKey, showAdded(opened.value), opened.unopened);
          } else if (keys.state === 'locked' && keys.publicKey) {
            // Sealed for the public key and appended: merged after the next unlock.
            const entries = 'sealed' in held ? held.sealed : [];
            const before =
              'plain' in held && held.plain.length > 0
                ? [await sealFor(keys.publicKey, held.plain, item.key)]
                : [];
            publish(NONE, true);
            if (entries.length + before.length >= MAX_SEALED_ENTRIES) return;
            const added = await sealFor(keys.publicKey, [summary], item.key);
            await item.write(store, { sealed: [...before, ...entries, added] });
          } else if ('plain' in held) {
            if (held.plain.some((h) => h.meetingId === summary.meetingId)) {
              publish(held.plain);
              return;
            }
            await item.write(store, { plain: showAdded(held.plain) });
          } else if (keys.state === 'off') {
            // Sealed, and no passphrase any more: the notebook was reset, its key deleted, and
            // nothing sealed for it can ever be opened. The history starts again, plain.
            await item.write(store, { plain: showAdded([]) });
          } else {
            // Sealed, locked, and no public key to seal for (cannot happen: a sealed history
            // means the key pair exists): shown, not stored.
            showAdded(value.get());
          }
        } catch {
          // Storage that fails: the meeting is shown, not stored.
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

function sameMeetings(a: readonly MeetingSummary[], b: readonly MeetingSummary[]): boolean {
  return a.length === b.length && a.every((m, i) => m.meetingId === b[i]?.meetingId);
}

/**
 * Writes a group's sealed history back plain, before the passphrase is removed (the private key
 * goes with it). Entries that cannot be opened with this key could never be read again: they
 * are dropped. A plain or missing history is left alone.
 */
export async function unsealHistory(
  store: KeyValueStore,
  groupId: string,
  privateKey: CryptoKey,
): Promise<void> {
  const item = historyItem(groupId);
  const stored = await item.read(store);
  if (stored.status !== 'stored' || !('sealed' in stored.value)) return;
  const opened = await openAll(privateKey, stored.value.sealed, item.key, NONE, mergeHistory);
  await item.write(store, { plain: [...opened.value] });
}

/**
 * Seals a group's plain history for the public key (the passphrase was just set, or the panel
 * opened with one): so that the histories of groups not opened since are sealed too. A sealed or
 * missing history is left alone.
 */
export async function sealHistory(
  store: KeyValueStore,
  groupId: string,
  publicKey: CryptoKey,
): Promise<void> {
  const item = historyItem(groupId);
  const stored = await item.read(store);
  if (stored.status !== 'stored' || !('plain' in stored.value)) return;
  const entry = await sealFor(publicKey, stored.value.plain, item.key);
  // A meeting recorded meanwhile (by a panel's history store) must not be overwritten.
  const again = await item.read(store);
  if (JSON.stringify(again.value) !== JSON.stringify(stored.value)) return;
  await item.write(store, { sealed: [entry] });
}
