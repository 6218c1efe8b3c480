import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/device/key-value-store';
import { networkReachItem } from '../../../lib/device/network-reach';

describe("this device's network as last seen", () => {
  it.each([
    ['nothing stored', undefined, false],
    ['only through the server', { v: 1, value: { onlyThroughServer: true } }, true],
    ['directly', { v: 1, value: { onlyThroughServer: false } }, false],
    ['anything else', { v: 1, value: { onlyThroughServer: 'yes' } }, false],
    ['junk', 'relay', false],
  ])('reads as a network that connects directly unless it said otherwise: %s', (_, raw, only) => {
    expect(networkReachItem.decodeStored(raw).value).toEqual({ onlyThroughServer: only });
  });

  it('keeps what the rooms learnt, and a later direct connection sets it back', async () => {
    const store = memoryStore();
    await networkReachItem.write(store, { onlyThroughServer: true });
    expect((await networkReachItem.read(store)).value.onlyThroughServer).toBe(true);
    await networkReachItem.write(store, { onlyThroughServer: false });
    expect((await networkReachItem.read(store)).value.onlyThroughServer).toBe(false);
  });
});
