import { useEffect, useState } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { decodeSummary } from '../../lib/shared-doc/meeting-end';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import { addToHistory, decodeHistory } from '../../lib/device/meeting-history';

const NONE: readonly MeetingSummary[] = [];

/** The store key of a group's history of meetings on this device. */
export function historyKey(groupId: string): string {
  return `history:${groupId}`;
}

/**
 * A group's past meetings on this device, newest first. When `ended` is given, the summary of
 * the meeting that just ended is added once (every panel sees the end, and reloading must not
 * add it twice) and the updated list is returned.
 */
export function useMeetingHistory(
  store: KeyValueStore,
  groupId: string,
  ended: MeetingSummary | null,
): readonly MeetingSummary[] {
  const [loaded, setLoaded] = useState<{
    readonly store: KeyValueStore;
    readonly groupId: string;
    readonly history: readonly MeetingSummary[];
  } | null>(null);
  // Snapshots hand a new but equal summary on every change: key the effect by content.
  const endedJson = ended ? JSON.stringify(ended) : null;

  useEffect(() => {
    let cancelled = false;
    const summary = endedJson === null ? null : decodeSummary(JSON.parse(endedJson));
    const key = historyKey(groupId);
    const update = async () => {
      const stored = decodeHistory(await store.get(key));
      if (!summary || stored.some((h) => h.meetingId === summary.meetingId)) return stored;
      const next = addToHistory(stored, summary);
      await store.set(key, next);
      return next;
    };
    update()
      .catch(() => (summary ? [summary] : []))
      .then((history) => {
        if (cancelled) return;
        setLoaded((previous) =>
          previous?.store === store &&
          previous.groupId === groupId &&
          sameMeetings(previous.history, history)
            ? previous
            : { store, groupId, history },
        );
      });
    return () => {
      cancelled = true;
    };
  }, [store, groupId, endedJson]);

  return loaded?.store === store && loaded.groupId === groupId ? loaded.history : NONE;
}

function sameMeetings(a: readonly MeetingSummary[], b: readonly MeetingSummary[]): boolean {
  return a.length === b.length && a.every((m, i) => m.meetingId === b[i]?.meetingId);
}
