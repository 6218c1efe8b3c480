import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { NO_AT_REST } from '../../lib/device/at-rest';
import { createHistoryStore } from '../../lib/device/history-store';
import type { HistoryStore } from '../../lib/device/history-store';
import { decodeSummary } from '../../lib/shared-doc/meeting-end';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import { useNotebook } from '../notes/NotebookContext';

export { historyKey } from '../../lib/device/meeting-history';

/** How long the panel waits for the stored history before it goes on as if there were none. */
export const HISTORY_WAIT_MS = 2_000;

/** A group's past meetings, and whether they are sealed and the notebook locked. */
export interface MeetingHistory {
  readonly meetings: readonly MeetingSummary[];
  /** Sealed with the notebook's passphrase and locked: nothing can be shown until unlocked. */
  readonly locked: boolean;
  /** The stored history has been read: until then an empty list says nothing. */
  readonly loaded: boolean;
}

/**
 * A group's past meetings on this device, newest first (`lib/device/history-store.ts`), sealed
 * with the notebook's passphrase when it has one. When `ended` is given, the summary of the
 * meeting that just ended is added once (sealed, even while the notebook is locked).
 */
export function useMeetingHistory(
  store: KeyValueStore,
  groupId: string,
  ended: MeetingSummary | null,
): MeetingHistory {
  const notebook = useNotebook();
  const history = useMemo(
    () => createHistoryStore(store, groupId, notebook ?? NO_AT_REST),
    [store, groupId, notebook],
  );
  // Snapshots hand a new but equal summary on every change: key the effect by content.
  const endedJson = ended ? JSON.stringify(ended) : null;

  useEffect(() => {
    void history.load();
    return history.watchKeys();
  }, [history]);

  useEffect(() => {
    const summary = endedJson === null ? null : decodeSummary(JSON.parse(endedJson));
    if (summary) void history.record(summary);
  }, [history, endedJson]);

  const meetings = useSyncExternalStore(history.subscribe, history.getSnapshot);
  const locked = useSyncExternalStore(history.subscribe, history.isLocked);
  const read = useSyncExternalStore(history.subscribe, history.isLoaded);
  // A store that never answers must not keep the start of a meeting away for good.
  const [waitedFor, setWaitedFor] = useState<HistoryStore | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedFor(history), HISTORY_WAIT_MS);
    return () => clearTimeout(timer);
  }, [history]);
  // The same group's history read through another store: the notebook's code arrived (it loads
  // after the first screen, and opens what its passphrase sealed). What the last store read is
  // shown until the new one has read. "Not read yet" took a group without a running meeting
  // back to its opening line for a moment: a new group's first step, or the choice of a method
  // and a chair, went and came back, their open sections closed and the focus lost (e2e tests
  // clicked an invite open in that moment and found it closed: notebook-arrives-late.test.ts).
  const [shown, setShown] = useState<{
    groupId: string;
    meetings: typeof meetings;
    locked: boolean;
  } | null>(null);
  if (
    read &&
    (shown?.meetings !== meetings || shown.locked !== locked || shown.groupId !== groupId)
  ) {
    setShown({ groupId, meetings, locked });
  }
  const carried = !read && shown?.groupId === groupId ? shown : null;
  const loaded = read || carried !== null || waitedFor === history;
  const current = carried ?? { meetings, locked };
  return useMemo(
    () => ({ meetings: current.meetings, locked: current.locked, loaded }),
    [current.meetings, current.locked, loaded],
  );
}
