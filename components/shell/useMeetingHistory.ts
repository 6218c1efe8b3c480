import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { createHistoryStore } from '../../lib/device/history-store';
import { decodeSummary } from '../../lib/shared-doc/meeting-end';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';

export { historyKey } from '../../lib/device/meeting-history';

/**
 * A group's past meetings on this device, newest first (`lib/device/history-store.ts`). When
 * `ended` is given, the summary of the meeting that just ended is added once.
 */
export function useMeetingHistory(
  store: KeyValueStore,
  groupId: string,
  ended: MeetingSummary | null,
): readonly MeetingSummary[] {
  const history = useMemo(() => createHistoryStore(store, groupId), [store, groupId]);
  // Snapshots hand a new but equal summary on every change: key the effect by content.
  const endedJson = ended ? JSON.stringify(ended) : null;

  useEffect(() => {
    void history.load();
  }, [history]);

  useEffect(() => {
    const summary = endedJson === null ? null : decodeSummary(JSON.parse(endedJson));
    if (summary) void history.record(summary);
  }, [history, endedJson]);

  return useSyncExternalStore(history.subscribe, history.getSnapshot);
}
