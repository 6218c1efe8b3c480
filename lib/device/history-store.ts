import { observableValue } from '../util/observable-value';
import type { MeetingSummary } from '../shared-doc/meeting-end';
import type { KeyValueStore } from './key-value-store';
import { addToHistory, historyItem } from './meeting-history';
import { serialQueue } from './serial-queue';

const NONE: readonly MeetingSummary[] = [];

/**
 * One group's past meetings on this device, newest first, with a snapshot to subscribe to
 * (`useSyncExternalStore`). Storage that fails or holds a newer version never hides a meeting
 * that just ended: it is shown, and stored when the store allows.
 */
export interface HistoryStore {
  getSnapshot(): readonly MeetingSummary[];
  /** Calls the listener after every change of the snapshot; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Reads the stored history. Never rejects. */
  load(): Promise<void>;
  /**
   * Adds the summary of a meeting that just ended, once: every panel sees the end, and
   * reloading must not add it twice. Never rejects.
   */
  record(summary: MeetingSummary): Promise<void>;
}

export function createHistoryStore(store: KeyValueStore, groupId: string): HistoryStore {
  const item = historyItem(groupId);
  // Equal lists keep the old snapshot, so that a reload renders nothing new.
  const value = observableValue(NONE, sameMeetings);
  const publish = value.set;
  // One task at a time: a load that started before a record cannot publish the list without it.
  const run = serialQueue();

  return {
    getSnapshot: value.get,
    subscribe: value.subscribe,
    load: () =>
      run(async () => {
        try {
          publish((await item.read(store)).value);
        } catch {
          // Unreadable storage: the panel works without history.
        }
      }),
    record: (summary) =>
      run(async () => {
        const stored = await item.read(store).catch(() => null);
        const writable = stored !== null && stored.status !== 'unknown';
        const history = writable ? stored.value : value.get();
        if (history.some((h) => h.meetingId === summary.meetingId)) {
          publish(history);
          return;
        }
        const next = addToHistory(history, summary);
        publish(next);
        if (writable) await item.write(store, next).catch(() => false);
      }),
  };
}

function sameMeetings(a: readonly MeetingSummary[], b: readonly MeetingSummary[]): boolean {
  return a.length === b.length && a.every((m, i) => m.meetingId === b[i]?.meetingId);
}
