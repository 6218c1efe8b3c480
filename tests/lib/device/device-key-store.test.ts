import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  indexedDbKeyStore,
  readDeviceKeyAhead,
  takeDeviceKeyAhead,
} from '../../../lib/device/device-key-store';
import { loadDeviceKey } from '../../../lib/device/device-key';

describe("this device's key read ahead (a panel going back to its group)", () => {
  it('is the pair the store holds, taken once', async () => {
    const factory = new IDBFactory();
    const first = await loadDeviceKey(indexedDbKeyStore(factory));

    readDeviceKeyAhead(factory);
    const read = takeDeviceKeyAhead();
    expect(read).not.toBeNull();
    const pair = await read!;
    const stored = indexedDbKeyStore(factory);
    const again = await loadDeviceKey({ load: () => Promise.resolve(pair), save: stored.save });
    expect(again.memberId).toBe(first.memberId);
    expect(takeDeviceKeyAhead()).toBeNull();
  });

  it('answers null where nothing is stored yet, and the key is then made and kept as always', async () => {
    const factory = new IDBFactory();
    readDeviceKeyAhead(factory);
    const read = takeDeviceKeyAhead()!;
    expect(await read).toBeNull();
    const stored = indexedDbKeyStore(factory);
    const made = await loadDeviceKey({ load: () => read, save: stored.save });
    expect((await loadDeviceKey(indexedDbKeyStore(factory))).memberId).toBe(made.memberId);
  });
});
