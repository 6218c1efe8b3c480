import { describe, expect, it } from 'vitest';
import type { AtRestKeys, AtRestSource } from '../../../lib/device/at-rest';
import { ATTENDANCE_KEY } from '../../../lib/device/attendance';
import type { AttendanceEntry } from '../../../lib/device/attendance';
import {
  createAttendanceStore,
  sealAttendance,
  unsealAttendance,
} from '../../../lib/device/attendance-store';
import { memoryStore } from '../../../lib/device/key-value-store';

function entry(n: number): AttendanceEntry {
  return {
    meetingId: `meeting-${String(n).padStart(4, '0')}`,
    groupId: 'group-0001',
    groupName: 'Wijkteam Oost',
    startedAt: n * 10_000_000,
    endedAt: n * 10_000_000 + 90 * 60_000,
    methodId: 'basic',
    role: 'chair',
    present: ['Anna Vermeer', 'Bram de Wit'],
  };
}

const ids = (list: readonly AttendanceEntry[]) => list.map((e) => e.meetingId);
const raw = async (store: ReturnType<typeof memoryStore>) =>
  JSON.stringify(await store.get(ATTENDANCE_KEY));

/** A key source whose state the test sets: a real ECDH P-256 key pair. */
async function fakeKeys(initial: 'unlocked' | 'locked' | 'off' = 'unlocked') {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
    'deriveBits',
  ]);
  const states: Record<string, AtRestKeys> = {
    unlocked: { state: 'unlocked', ...pair },
    locked: { state: 'locked', publicKey: pair.publicKey },
    off: { state: 'off' },
  };
  let state = states[initial]!;
  const listeners = new Set<() => void>();
  const source: AtRestSource = {
    atRestKeys: async () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (next: 'unlocked' | 'locked' | 'off') => {
    state = states[next]!;
    for (const l of listeners) l();
  };
  return { source, set, pair };
}

describe('the attendance store', () => {
  it('records a meeting once, plain without a passphrase', async () => {
    const store = memoryStore();
    const record = createAttendanceStore(store);
    await record.record(entry(1));
    await record.record(entry(1));
    await record.record(entry(2));
    expect(ids(record.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    const again = createAttendanceStore(store);
    await again.load();
    expect(ids(again.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(await raw(store)).toContain('Anna Vermeer');
  });

  it('seals a plain record when read with a passphrase, and still shows it', async () => {
    const store = memoryStore();
    await createAttendanceStore(store).record(entry(1));
    const { source } = await fakeKeys();
    const record = createAttendanceStore(store, source);
    await record.load();
    expect(ids(record.getSnapshot())).toEqual(['meeting-0001']);
    const stored = await raw(store);
    for (const text of ['Anna', 'Wijkteam', 'meeting-0001', 'group-0001']) {
      expect(stored).not.toContain(text);
    }
    expect(await store.get(ATTENDANCE_KEY)).toMatchObject({ v: 1, value: { sealed: [{}] } });
  });

  it('hides a sealed record while locked, seals a meeting that ends then, merges it on unlock', async () => {
    const store = memoryStore();
    const keys = await fakeKeys();
    const record = createAttendanceStore(store, keys.source);
    const stop = record.watchKeys();
    await record.record(entry(1));
    keys.set('locked');
    await record.load();
    expect(record.getSnapshot()).toEqual([]);
    expect(record.isLocked()).toBe(true);
    await record.record(entry(2));
    expect(await raw(store)).not.toContain('Anna');
    expect((await store.get(ATTENDANCE_KEY)) as unknown).toMatchObject({
      value: { sealed: [{}, {}] },
    });
    keys.set('unlocked');
    await record.load();
    expect(ids(record.getSnapshot())).toEqual(['meeting-0002', 'meeting-0001']);
    expect(record.isLocked()).toBe(false);
    // Merged into one entry on the read after unlocking.
    expect((await store.get(ATTENDANCE_KEY)) as unknown).toMatchObject({
      value: { sealed: [{}] },
    });
    stop();
  });

  it('writes a sealed record back plain before the passphrase is removed', async () => {
    const store = memoryStore();
    const keys = await fakeKeys();
    const record = createAttendanceStore(store, keys.source);
    await record.record(entry(1));
    expect(await raw(store)).not.toContain('Anna');
    await unsealAttendance(store, keys.pair.privateKey);
    expect(await store.get(ATTENDANCE_KEY)).toEqual({ v: 1, value: { plain: [entry(1)] } });
  });

  it('seals a plain record in the sweep when a passphrase is set, and leaves a sealed one', async () => {
    const store = memoryStore();
    await createAttendanceStore(store).record(entry(1));
    const keys = await fakeKeys();
    await sealAttendance(store, keys.pair.publicKey);
    const sealed = await raw(store);
    expect(sealed).not.toContain('Anna');
    await sealAttendance(store, keys.pair.publicKey);
    expect(await raw(store)).toBe(sealed);
    const record = createAttendanceStore(store, keys.source);
    await record.load();
    expect(ids(record.getSnapshot())).toEqual(['meeting-0001']);
  });

  it('starts again plain when the sealed record belongs to a key a reset deleted', async () => {
    const store = memoryStore();
    const keys = await fakeKeys();
    await createAttendanceStore(store, keys.source).record(entry(1));
    keys.set('off');
    const record = createAttendanceStore(store, keys.source);
    await record.load();
    expect(record.getSnapshot()).toEqual([]);
    await record.record(entry(2));
    expect(await store.get(ATTENDANCE_KEY)).toEqual({ v: 1, value: { plain: [entry(2)] } });
  });

  it('never rejects on storage that fails, and shows nothing it could not read', async () => {
    const broken = {
      get: () => Promise.reject(new Error('quota')),
      set: () => Promise.reject(new Error('quota')),
    };
    const record = createAttendanceStore(broken);
    await expect(record.load()).resolves.toBeUndefined();
    await expect(record.record(entry(1))).resolves.toBeUndefined();
  });

  it('keeps garbage and a later version from breaking the record', async () => {
    const store = memoryStore();
    await store.set(ATTENDANCE_KEY, '{not json at all');
    const record = createAttendanceStore(store);
    await record.load();
    expect(record.getSnapshot()).toEqual([]);
    await record.record(entry(1));
    expect(ids(record.getSnapshot())).toEqual(['meeting-0001']);
    const later = { v: 7, value: { plain: 'whatever' } };
    await store.set(ATTENDANCE_KEY, later);
    await createAttendanceStore(store).record(entry(2));
    expect(await store.get(ATTENDANCE_KEY)).toEqual(later);
  });
});
