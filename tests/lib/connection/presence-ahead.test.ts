import { afterEach, describe, expect, it } from 'vitest';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { SignedGroup } from '../helpers/signed-group';

/**
 * Issue 15, late join: a new member's panel has the browser verify the lobby's presences
 * (vouch-ahead.ts `provePresencesAhead`) instead of spending the curve math on the main thread
 * ahead of the lobby's first sync. A presence is counted once the browser proved it, not before.
 */
const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 31);
let group: SignedGroup;
afterEach(() => group?.dispose());

const names = (members: ReadonlyArray<{ name: string }>) => members.map((m) => m.name).sort();
const afterCrypto = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a new member’s lobby presences proven ahead', () => {
  it('shows the others once the browser proved them; a panel without it reads them at once', async () => {
    group = new SignedGroup(SECRET);
    const [bram, carla] = await Promise.all([
      group.open('Bram', await memoryDeviceKey(), { provePresenceAhead: true }),
      group.open('Carla', await memoryDeviceKey()),
      group.open('Anna', await memoryDeviceKey()),
    ]);
    group.settle();
    // Carla verifies on read; Bram's panel waits for the browser.
    expect(names(carla.snapshot().members)).toEqual(['Anna', 'Bram', 'Carla']);
    expect(bram.snapshot().members).toEqual([]);
    for (let round = 0; round < 100 && bram.snapshot().members.length < 3; round++) {
      await afterCrypto();
      group.settle();
    }
    expect(names(bram.snapshot().members)).toEqual(['Anna', 'Bram', 'Carla']);
    // Nobody is taken for someone unknown while being proven.
    expect(bram.snapshot().unknownPeers).toBe(0);
  });
});
