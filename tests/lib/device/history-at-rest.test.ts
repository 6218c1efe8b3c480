import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { sealFor } from '../../../lib/device/at-rest';
import type { AtRestKeys, AtRestSource } from '../../../lib/device/at-rest';
import { createHistoryStore, sealHistory, unsealHistory } from '../../../lib/device/history-store';
import { memoryStore } from '../../../lib/device/key-value-store';
import { historyKey } from '../../../lib/device/meeting-history';
import { Notebook } from '../../../lib/notebook/notebook';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';

const SECRET = 'Afspraak-GEHEIM-7731';

function summary(n: number): MeetingSummary {
  return {
    meetingId: `meeting-${String(n).padStart(4, '0')}`,
    startedAt: n * 100 - 50,
    endedAt: n * 100,
    methodId: 'basic',
    chairName: 'Anna Vermeer',
    caseBringerName: 'Bram de Wit',
    caseBringerId: 'bram-000000',
    caseTitle: null,
    agreements: [`${SECRET} ${n}`],
    followUp: [],
  };
}

const KEY = historyKey('group-1');
const ids = (history: readonly MeetingSummary[]) => history.map((m) => m.meetingId);
const readable = async (store: ReturnType<typeof memoryStore>) =>
  JSON.stringify(await store.get(KEY));

/** A key source whose state the test sets: a real ECDH P-256 key pair. */
async function fakeKeys() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ]);
  let state: AtRestKeys = { state: 'unlocked', ...pair };
  const listeners = new Set<() => void>();
  const source: AtRestSource = {
    atRestKeys: async () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    lock() {
      state = { state: 'locked', publicKey: pair.publicKey };
      for (const l of listeners) l();
    },
    unlock() {
      state = { state: 'unlocked', ...pair };
      for (const l of listeners) l();
    },
    pair,
  };
}

const opened: Notebook[] = [];
afterEach(() => {
  for (const notebook of opened.splice(0)) notebook.close();
});

describe('meeting history at rest', () => {
  it('seals a plain history when it is read with a passphrase set, and still shows it', async () => {
    const store = memoryStore();
    await store.set(KEY, [summary(1), summary(2)]);
    const { source } = await fakeKeys();
    const history = createHistoryStore(store, 'group-1', source);
    await history.load();
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(history.isLocked()).toBe(false);
    const raw = await readable(store);
    // Whole names: a short word like 'Anna' turns up by chance in base64 now and then (it did once).
    for (const text of [SECRET, 'Anna Vermeer', 'Bram de Wit', 'meeting-0001'])
      expect(raw).not.toContain(text);
    expect(await store.get(KEY)).toMatchObject({ v: 2, value: { sealed: [expect.any(Object)] } });
  });

  it('hides a sealed history while locked, keeps a meeting that ends then, merges it on unlock', async () => {
    const store = memoryStore();
    const keys = await fakeKeys();
    const history = createHistoryStore(store, 'group-1', keys.source);
    await history.record(summary(1));
    keys.lock();
    await history.load();
    expect(history.getSnapshot()).toEqual([]);
    expect(history.isLocked()).toBe(true);

    // Locked, a meeting ends (twice told, as every panel sees the end): appended, sealed.
    await history.record(summary(2));
    await createHistoryStore(store, 'group-1', keys.source).record(summary(2));
    expect(await readable(store)).not.toContain(SECRET);
    expect(history.getSnapshot()).toEqual([]);

    keys.unlock();
    await history.load();
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(history.isLocked()).toBe(false);
    // Merged into one entry.
    expect(await store.get(KEY)).toMatchObject({ value: { sealed: [expect.any(Object)] } });
  });

  it('keeps an entry it cannot open instead of dropping it', async () => {
    const store = memoryStore();
    const keys = await fakeKeys();
    const other = await fakeKeys();
    const foreign = await sealFor(other.pair.publicKey, [summary(9)], KEY);
    const mine = await sealFor(keys.pair.publicKey, [summary(1)], KEY);
    const again = await sealFor(keys.pair.publicKey, [summary(2)], KEY);
    await store.set(KEY, { v: 2, value: { sealed: [mine, foreign, again] } });
    const history = createHistoryStore(store, 'group-1', keys.source);
    await history.load();
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    const stored = (await store.get(KEY)) as { value: { sealed: unknown[] } };
    expect(stored.value.sealed).toHaveLength(2);
    expect(stored.value.sealed[1]).toEqual(foreign);
  });

  it('an entry cannot be moved to another group', async () => {
    const store = memoryStore();
    const keys = await fakeKeys();
    const moved = await sealFor(keys.pair.publicKey, [summary(1)], historyKey('group-2'));
    await store.set(KEY, { v: 2, value: { sealed: [moved] } });
    const history = createHistoryStore(store, 'group-1', keys.source);
    await history.load();
    expect(history.getSnapshot()).toEqual([]);
  });

  it('works with the real notebook: sealed on protect, locked, readable after a passphrase change', async () => {
    const notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(notebook);
    const store = memoryStore();
    const history = createHistoryStore(store, 'group-1', notebook);
    const stop = history.watchKeys();
    await history.record(summary(1));
    expect(await readable(store)).toContain(SECRET);

    expect(await notebook.enableEncryption('fiets lamp wolk thee')).toEqual({ ok: true });
    await history.load();
    expect(await readable(store)).not.toContain(SECRET);
    expect(ids(history.getSnapshot())).toEqual(['meeting-0001']);

    notebook.lock();
    await history.load();
    expect(history.isLocked()).toBe(true);
    await history.record(summary(2));

    expect(await notebook.unlock('fiets lamp wolk thee')).toEqual({ ok: true });
    expect(
      await notebook.changePassphrase('fiets lamp wolk thee', 'boot regen kaas molen'),
    ).toEqual({ ok: true });
    notebook.lock();
    expect(await notebook.unlock('boot regen kaas molen')).toEqual({ ok: true });
    await history.load();
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(await readable(store)).not.toContain(SECRET);
    stop();
  }, 30_000);

  it('is written back plain before the passphrase is removed, and a failure keeps the passphrase', async () => {
    const notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
    opened.push(notebook);
    const store = memoryStore();
    const history = createHistoryStore(store, 'group-1', notebook);
    expect(await notebook.enableEncryption('fiets lamp wolk thee')).toEqual({ ok: true });
    await history.record(summary(1));
    notebook.lock();
    await history.record(summary(2));
    expect(await readable(store)).not.toContain(SECRET);

    notebook.setBeforeDisable(async () => {
      throw new Error('storage full');
    });
    await expect(notebook.disableEncryption('fiets lamp wolk thee')).rejects.toThrow(
      'storage full',
    );
    expect(await notebook.encryptionState()).not.toBe('off');

    notebook.setBeforeDisable((keys) => unsealHistory(store, 'group-1', keys.privateKey));
    expect(await notebook.disableEncryption('fiets lamp wolk thee')).toEqual({ ok: true });
    expect(await store.get(KEY)).toMatchObject({ v: 2, value: { plain: expect.any(Array) } });
    await history.load();
    expect(ids(history.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(history.isLocked()).toBe(false);
  }, 30_000);

  it('seals the plain history of a group not opened, and leaves a sealed one alone', async () => {
    const store = memoryStore();
    const keys = await fakeKeys();
    await store.set(KEY, [summary(1)]);
    await sealHistory(store, 'group-1', keys.pair.publicKey);
    expect(await readable(store)).not.toContain(SECRET);
    const sealed = await store.get(KEY);
    await sealHistory(store, 'group-1', keys.pair.publicKey);
    expect(await store.get(KEY)).toEqual(sealed);
    const history = createHistoryStore(store, 'group-1', keys.source);
    await history.load();
    expect(ids(history.getSnapshot())).toEqual(['meeting-0001']);
    await sealHistory(store, 'group-9', keys.pair.publicKey);
    expect(await store.get(historyKey('group-9'))).toBeUndefined();
  });
});
