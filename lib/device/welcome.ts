import { isRecord } from '../util/guards';
import { defineStoredItem } from './stored-item';

/** Whether this device's member has put the first-run welcome away. */
export interface WelcomeState {
  readonly dismissed: boolean;
}

/** Anything but an explicit dismissal shows the welcome: better once too often than never. */
export function decodeWelcome(value: unknown): WelcomeState {
  return { dismissed: isRecord(value) && value.dismissed === true };
}

/** The welcome's state on this device; version 1 is its first shape. */
export const welcomeItem = defineStoredItem({
  key: 'welcome',
  version: 1,
  decode: decodeWelcome,
  migrations: {},
});
