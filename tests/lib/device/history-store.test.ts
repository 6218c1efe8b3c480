import { describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../../lib/device/history-store';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { historyKey } from '../../../lib/device/meeting-history';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';

function summary(n: number): MeetingSummary {
  return {
    meetingId: `meeting-${String(n).padStart(4, '0')}`,
    startedAt: n * 100 - 50,
    endedAt: n * 100,
    methodId: 'basic',
    chairName: 'Anna',
    caseBringerName: 'Bram',
    caseBringerId: 'bram-000000',
    caseTitle: null,
    agreements: [],
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

const ids = (history: readonly MeetingSummary[]) => history.map((m) => m.meetingId);
const KEY = historyKey('group-1');

describe("a group's history store", () => {
  it('loads the history stored before versions, newest first, without writing', async () => {
    const store = countingStore();
    await store.set(KEY, [summary(1), { meetingId: 'x' }, summary(2)]);
    const history = createHistoryStore(store, 'group-1');
    await history.load();
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(store.writes).toBe(1);
  });

  it('records an ended meeting once, however often it is told', async () => {
    const store = countingStore();
    const history = createHistoryStore(store, 'group-1');
    await history.load();
    await Promise.all([history.record(summary(1)), history.record(summary(1))]);
    await createHistoryStore(store, 'group-1').record(summary(1));
    expect(ids(history.getSnapshot())).toEqual(['meeting-0001']);
    expect(store.writes).toBe(1);
    expect(await store.get(KEY)).toEqual({ v: 2, value: { plain: [summary(1)] } });
  });

  it('keeps an equal snapshot when a reload finds nothing new', async () => {
    const store = memoryStore();
    const history = createHistoryStore(store, 'group-1');
    expect(history.isLoaded()).toBe(false);
    await history.record(summary(1));
    await history.load();
    expect(history.isLoaded()).toBe(true);
    const before = history.getSnapshot();
    let changes = 0;
    history.subscribe(() => (changes += 1));
    await history.load();
    expect(history.getSnapshot()).toBe(before);
    expect(changes).toBe(0);
  });

  it('never lets a slow load hide a meeting recorded after it started', async () => {
    const inner = memoryStore();
    await inner.set(KEY, [summary(1)]);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    // The first read (the load's) answers only when released, after any later read.
    const store: KeyValueStore = {
      get: async (key) => {
        reads += 1;
        if (reads === 1) await held;
        return inner.get(key);
      },
      set: (key, value) => inner.set(key, value),
    };
    const history = createHistoryStore(store, 'group-1');
    const loading = history.load();
    const recording = history.record(summary(2));
    await Promise.resolve();
    release();
    await Promise.all([loading, recording]);
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
  });

  it('shows an ended meeting when storage fails', async () => {
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error('storage disabled')),
      set: () => Promise.reject(new Error('storage disabled')),
    };
    const history = createHistoryStore(broken, 'group-1');
    await history.load();
    await history.record(summary(1));
    expect(ids(history.getSnapshot())).toEqual(['meeting-0001']);
  });

  it('shows an ended meeting but leaves a history from a later build in storage', async () => {
    const store = memoryStore();
    const later = { v: 3, value: { meetings: ['meeting-0009'] } };
    await store.set(KEY, later);
    const history = createHistoryStore(store, 'group-1');
    await history.load();
    expect(history.getSnapshot()).toEqual([]);
    await history.record(summary(1));
    await history.record(summary(2));
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(await store.get(KEY)).toEqual(later);
  });
});
