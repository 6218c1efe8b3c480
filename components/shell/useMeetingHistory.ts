import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { NO_AT_REST } from '../../lib/device/at-rest';
import { createHistoryStore } from '../../lib/device/history-store';
import type { HistoryStore } from '../../lib/device/history-store';
import { decodeSummary } from '../../lib/shared-doc/meeting-end';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import { useLastRead } from '../common/useLastRead';
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
  // A store that never answers must not keep the start of a meeting away for good.
  const [waitedFor, setWaitedFor] = useState<HistoryStore | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedFor(history), HISTORY_WAIT_MS);
    return () => clearTimeout(timer);
  }, [history]);
  // Read again through another store when the notebook's code arrives: what the last store read
  // stays until the new one has (`useLastRead`; notebook-arrives-late.test.ts).
  const read = useSyncExternalStore(history.subscribe, history.isLoaded);
  const stored = useMemo(() => ({ meetings, locked }), [meetings, locked]);
  const current = useLastRead(groupId, stored, read);
  const loaded = current.read || waitedFor === history;
  return useMemo(
    () => ({ meetings: current.value.meetings, locked: current.value.locked, loaded }),
    [current.value, loaded],
  );
}
