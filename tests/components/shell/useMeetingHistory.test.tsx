import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import {
  HISTORY_WAIT_MS,
  historyKey,
  useMeetingHistory,
} from '../../../components/shell/useMeetingHistory';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';
import { historyItem } from '../../../lib/device/meeting-history';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { Notebook } from '../../../lib/notebook/notebook';
import { NotebookProvider } from '../../../components/notes/NotebookContext';

afterEach(cleanup);

function summary(meetingId: string, endedAt: number): MeetingSummary {
  return {
    meetingId,
    startedAt: endedAt - 100,
    endedAt,
    methodId: 'basic',
    chairName: 'Anna',
    caseBringerName: 'Bram',
    caseBringerId: 'bram-000000',
    caseTitle: null,
    agreements: ['Volgende keer om 9 uur'],
    followUp: [],
  };
}

/** A memory store that counts its writes. */
function countingStore(): KeyValueStore & { writes: number } {
  const inner = memoryStore();
  const store = {
    writes: 0,
    get: (key: string) => inner.get(key),
    set: async (key: string, value: unknown) => {
      store.writes += 1;
      await inner.set(key, value);
    },
  };
  return store;
}

const ids = (
  history: { readonly meetings: readonly MeetingSummary[] } | readonly MeetingSummary[],
) => ('meetings' in history ? history.meetings : history).map((m) => m.meetingId);

describe('useMeetingHistory', () => {
  it('says the history is read once the store answered, or after a while when it never does', async () => {
    const store = memoryStore();
    const read = renderHook(() => useMeetingHistory(store, 'group-1', null));
    expect(read.result.current.loaded).toBe(false);
    await waitFor(() => expect(read.result.current.loaded).toBe(true));

    vi.useFakeTimers();
    try {
      const silent: KeyValueStore = { get: () => new Promise(() => {}), set: async () => {} };
      const waiting = renderHook(() => useMeetingHistory(silent, 'group-2', null));
      expect(waiting.result.current.loaded).toBe(false);
      await act(async () => vi.advanceTimersByTimeAsync(HISTORY_WAIT_MS - 100));
      expect(waiting.result.current.loaded).toBe(false);
      await act(async () => vi.advanceTimersByTimeAsync(200));
      expect(waiting.result.current).toMatchObject({ loaded: true, meetings: [] });
    } finally {
      vi.useRealTimers();
    }
  });

  it("loads the group's history, newest first, and ignores what is malformed", async () => {
    const store = countingStore();
    await store.set(historyKey('group-1'), [
      summary('meeting-0001', 10),
      { meetingId: 'x' },
      summary('meeting-0002', 20),
    ]);
    await store.set(historyKey('group-2'), [summary('meeting-0009', 30)]);
    const { result } = renderHook(() => useMeetingHistory(store, 'group-1', null));
    expect(result.current.meetings).toEqual([]);
    await waitFor(() => expect(ids(result.current)).toEqual(['meeting-0002', 'meeting-0001']));
    expect(store.writes).toBe(2);
  });

  it('saves an ended meeting once, however often the panel renders or reloads it', async () => {
    const store = countingStore();
    await store.set(historyKey('group-1'), [summary('meeting-0001', 10)]);
    const initialProps: { ended: MeetingSummary | null } = { ended: null };
    const { result, rerender, unmount } = renderHook(
      ({ ended }) => useMeetingHistory(store, 'group-1', ended),
      { initialProps },
    );
    await waitFor(() => expect(ids(result.current)).toEqual(['meeting-0001']));
    const writesBefore = store.writes;

    rerender({ ended: summary('meeting-0002', 20) });
    await waitFor(() => expect(ids(result.current)).toEqual(['meeting-0002', 'meeting-0001']));
    // Every new snapshot hands an equal summary again.
    rerender({ ended: summary('meeting-0002', 20) });
    rerender({ ended: summary('meeting-0002', 20) });
    unmount();
    const reloaded = renderHook(() =>
      useMeetingHistory(store, 'group-1', summary('meeting-0002', 20)),
    );
    await waitFor(() => expect(ids(reloaded.result.current)).toHaveLength(2));

    expect(store.writes - writesBefore).toBe(1);
    expect(ids(await storedHistory(store, 'group-1'))).toEqual(['meeting-0002', 'meeting-0001']);
  });

  it("keeps each group's history apart", async () => {
    const store = countingStore();
    const { result, rerender } = renderHook(
      ({ groupId }: { groupId: string }) =>
        useMeetingHistory(
          store,
          groupId,
          groupId === 'group-1' ? summary('meeting-0001', 1) : null,
        ),
      { initialProps: { groupId: 'group-1' } },
    );
    await waitFor(() => expect(ids(result.current)).toEqual(['meeting-0001']));
    rerender({ groupId: 'group-2' });
    expect(result.current.meetings).toEqual([]);
    await waitFor(() => expect(store.writes).toBe(1));
    expect(await store.get(historyKey('group-2'))).toBeUndefined();
  });

  it("keeps showing what it read while the notebook's code arrives and the history is read again", async () => {
    const store = memoryStore();
    await store.set(historyKey('group-1'), [summary('meeting-0001', 10)]);
    let notebook: Notebook | null = null;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <NotebookProvider notebook={notebook}>{children}</NotebookProvider>
    );
    const seen: Array<{ loaded: boolean; ids: string[] }> = [];
    const { result, rerender } = renderHook(
      () => {
        const history = useMeetingHistory(store, 'group-1', null);
        seen.push({ loaded: history.loaded, ids: ids(history) });
        return history;
      },
      { wrapper },
    );
    await waitFor(() => expect(ids(result.current)).toEqual(['meeting-0001']));
    seen.length = 0;
    // The notebook's code arrives after the group showed (main.tsx): a store of its own.
    notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
    rerender();
    await act(async () => new Promise((r) => setTimeout(r, 200)));
    expect(seen.length).toBeGreaterThan(0);
    // Never "not read yet" in between: the group view would go back to its opening line.
    expect(seen.every((s) => s.loaded && s.ids.join() === 'meeting-0001')).toBe(true);
    notebook.close();
  });

  it('with a passphrase: sealed in storage, locked until the notebook is unlocked', async () => {
    const notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
    const store = countingStore();
    await store.set(historyKey('group-1'), [summary('meeting-0001', 10)]);
    expect(await notebook.enableEncryption('fiets lamp wolk thee')).toEqual({ ok: true });
    notebook.lock();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <NotebookProvider notebook={notebook}>{children}</NotebookProvider>
    );
    const { result } = renderHook(() => useMeetingHistory(store, 'group-1', null), { wrapper });
    await waitFor(() => expect(result.current.locked).toBe(true));
    expect(result.current.meetings).toEqual([]);
    expect(JSON.stringify(await store.get(historyKey('group-1')))).not.toContain('meeting-0001');

    await notebook.unlock('fiets lamp wolk thee');
    await waitFor(() => expect(ids(result.current)).toEqual(['meeting-0001']), {
      timeout: 10_000,
    });
    expect(result.current.locked).toBe(false);
    notebook.close();
  }, 30_000);
});

async function storedHistory(store: KeyValueStore, groupId: string): Promise<MeetingSummary[]> {
  const stored = (await historyItem(groupId).read(store)).value;
  return 'plain' in stored ? stored.plain : [];
}
