import { isRecord } from '../util/guards';
import { defineStoredItem } from './stored-item';

/**
 * What this device's last group session showed of its network (relay-plan RP8): whether it
 * reached the others only through the server. Kept so that the next panel relays its first room
 * at once instead of waiting seconds for a direct connection that did not come last time; the
 * first direct connection anywhere sets it back. A fact about this device's network, never
 * shared.
 */
export interface NetworkReach {
  readonly onlyThroughServer: boolean;
}

/** Anything but an explicit `true` reads as a network that connects directly (RP2 as usual). */
export function decodeNetworkReach(value: unknown): NetworkReach {
  return { onlyThroughServer: isRecord(value) && value.onlyThroughServer === true };
}

/** This device's network as last seen; version 1 is its first shape. */
export const networkReachItem = defineStoredItem({
  key: 'network-reach',
  version: 1,
  decode: decodeNetworkReach,
  migrations: {},
});
