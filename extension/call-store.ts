/**
 * Which call each tab shows, kept in `storage.session` (memory only, gone with the browser
 * session) under `call:<tabId>`. The background writes it; the side panel of that tab reads and
 * watches it. The same area holds a second record per tab, `open-group:<tabId>`: which group
 * that tab's panel showed (open-group-memory.ts). Both go with the tab.
 */
import { browser } from 'wxt/browser';
import { parseCallUrl } from '../lib/call/call-url';
import type { CallInfo } from '../lib/call/call-url';
import { isRecord } from '../lib/util/guards';

type StorageChanges = Record<string, { newValue?: unknown }>;

/** The parts of a storage area the call store uses: the extension's `storage.session`. */
export interface CallStorageArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  readonly onChanged: {
    addListener(callback: (changes: StorageChanges) => void): void;
    removeListener(callback: (changes: StorageChanges) => void): void;
  };
}

const KEY_PREFIX = 'call:';
const OPEN_GROUP_PREFIX = 'open-group:';

/** The storage key of a tab's call info. */
export function callInfoKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

/** The storage key of the group a tab's panel showed last. */
export function openGroupKey(tabId: number): string {
  return `${OPEN_GROUP_PREFIX}${tabId}`;
}

/** The tab a per-tab record belongs to, or null for any other key. */
function tabOfKey(key: string): number | null {
  const prefix = [KEY_PREFIX, OPEN_GROUP_PREFIX].find((p) => key.startsWith(p));
  return prefix === undefined ? null : Number(key.slice(prefix.length));
}

/** The extension's session storage, or null where there is none (the panel served as a web page). */
export function sessionStorageArea(): CallStorageArea | null {
  // `browser` is undefined outside an extension page, and a plain page in Chrome sees a `chrome`
  // object without `storage`: the types promise more than the page has.
  const area: unknown = browser?.storage?.session;
  return isRecord(area) ? browser.storage.session : null;
}

/**
 * Decodes a stored value into call info, or null: the URL is parsed again, so only what
 * `parseCallUrl` itself produces is ever returned.
 */
export function decodeCallInfo(value: unknown): CallInfo | null {
  if (!isRecord(value) || typeof value.url !== 'string') return null;
  const info = parseCallUrl(value.url);
  if (info === null) return null;
  if (info.platform !== value.platform || info.meetingId !== value.meetingId) return null;
  return info;
}

/** Whether two call infos describe the same call page. */
export function sameCallInfo(a: CallInfo | null, b: CallInfo | null): boolean {
  if (a === null || b === null) return a === b;
  return a.platform === b.platform && a.meetingId === b.meetingId && a.url === b.url;
}

/** Records the call a tab shows, or forgets it when `info` is null (written by the background). */
export async function writeCallInfo(
  tabId: number,
  info: CallInfo | null,
  area: CallStorageArea = browser.storage.session,
): Promise<void> {
  const key = callInfoKey(tabId);
  if (info === null) {
    await area.remove(key);
    return;
  }
  await area.set({ [key]: { platform: info.platform, meetingId: info.meetingId, url: info.url } });
}

/**
 * Forgets what is kept for every tab not in `liveTabIds` (tabs closed while nobody listened):
 * its call info and which group its panel showed.
 */
export async function forgetTabsExcept(
  liveTabIds: ReadonlySet<number>,
  area: CallStorageArea = browser.storage.session,
): Promise<void> {
  const everything = await area.get(null);
  const stale = Object.keys(everything).filter((key) => {
    const tabId = tabOfKey(key);
    return tabId !== null && !liveTabIds.has(tabId);
  });
  if (stale.length > 0) await area.remove(stale);
}

/** Forgets what is kept for a tab that closed. */
export async function forgetTab(
  tabId: number,
  area: CallStorageArea = browser.storage.session,
): Promise<void> {
  await area.remove([callInfoKey(tabId), openGroupKey(tabId)]);
}

/** The call a tab shows, or null when it shows none (or the record is unreadable). */
export async function readCallInfo(
  tabId: number,
  area: CallStorageArea = browser.storage.session,
): Promise<CallInfo | null> {
  const key = callInfoKey(tabId);
  const items = await area.get(key);
  return decodeCallInfo(items[key]);
}

/**
 * Calls `onChange` with the tab's current call info, then whenever it changes, until `signal`
 * aborts; repeated writes of the same value are not reported.
 */
export function watchCallInfo(
  tabId: number,
  onChange: (info: CallInfo | null) => void,
  signal: AbortSignal,
  area: CallStorageArea = browser.storage.session,
): void {
  if (signal.aborted) return;
  const key = callInfoKey(tabId);
  let reported: { info: CallInfo | null } | null = null;
  // A change that lands before the first read resolves is newer than what that read returns.
  let sawChange = false;
  const report = (info: CallInfo | null): void => {
    if (signal.aborted) return;
    if (reported !== null && sameCallInfo(reported.info, info)) return;
    reported = { info };
    onChange(info);
  };
  const listener = (changes: StorageChanges): void => {
    if (!Object.prototype.hasOwnProperty.call(changes, key)) return;
    sawChange = true;
    report(decodeCallInfo(changes[key]?.newValue));
  };
  area.onChanged.addListener(listener);
  signal.addEventListener('abort', () => area.onChanged.removeListener(listener), { once: true });
  readCallInfo(tabId, area).then(
    (info) => {
      if (!sawChange) report(info);
    },
    () => {
      if (!sawChange) report(null);
    },
  );
}
