import { safeId } from '../lib/util/guards';
import { openGroupKey, sessionStorageArea } from './call-store';
import type { CallStorageArea } from './call-store';

/**
 * Which group a panel was showing, so that a panel opened again comes back to it instead of
 * the home screen: a member who closes the side panel during a meeting (or whose panel reloads)
 * and opens it again is back in the meeting without looking for the group.
 *
 * Chrome keeps a tab's side panel page while the member is on another tab (it is only hidden),
 * but closing the panel ends its page, and its `sessionStorage` with it (both seen in Chromium
 * 156, docs/environment.md). So the extension keeps the memory in `storage.session` (memory
 * only, gone with the browser session) under the panel's tab; the web panel, and an extension
 * page without a tab, in the page's own `sessionStorage`, which a reload keeps. A group id is
 * all it holds, and what it reads back is checked as an id; the panel opens it only if it is one
 * of the groups this device remembers.
 */
export interface OpenGroupMemory {
  /** The group the panel showed last, or null for the home screen (or nothing known). */
  read(): Promise<string | null>;
  /** Remembers the group shown now, or null once the member is back on the home screen. */
  write(groupId: string | null): Promise<void>;
}

const PAGE_KEY = 'kring:open-group';

/** The memory in the extension's session storage, under the panel's tab. */
export function tabOpenGroupMemory(area: CallStorageArea, tabId: number): OpenGroupMemory {
  const key = openGroupKey(tabId);
  return {
    async read() {
      return safeId((await area.get(key))[key]);
    },
    async write(groupId) {
      if (groupId === null) await area.remove(key);
      else await area.set({ [key]: groupId });
    },
  };
}

/** The memory in a page's `sessionStorage` (the web panel). */
export function pageOpenGroupMemory(storage: Storage): OpenGroupMemory {
  return {
    // Async, so that a storage that throws (full, or refused by the browser) rejects.
    read: async () => safeId(storage.getItem(PAGE_KEY)),
    async write(groupId) {
      if (groupId === null) storage.removeItem(PAGE_KEY);
      else storage.setItem(PAGE_KEY, groupId);
    },
  };
}

/** A memory that remembers nothing: where the browser gives the page no storage. */
export const noOpenGroupMemory: OpenGroupMemory = {
  read: async () => null,
  write: async () => undefined,
};

/**
 * The memory of this panel: its tab's in the extension's side panel (`tabId`, from the panel's
 * `?tabId=`), else its page's.
 */
export function panelOpenGroupMemory(tabId: number | null): OpenGroupMemory {
  const area = sessionStorageArea();
  if (tabId !== null && area !== null) return tabOpenGroupMemory(area, tabId);
  const page = pageSessionStorage();
  return page === null ? noOpenGroupMemory : pageOpenGroupMemory(page);
}

/**
 * Reads the memory, or null when it cannot be read: a panel that cannot tell where it was
 * shows the home screen, as before there was a memory.
 */
export function readOpenGroup(memory: OpenGroupMemory): Promise<string | null> {
  return memory.read().catch(() => null);
}

function pageSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage !== 'undefined' ? sessionStorage : null;
  } catch {
    return null;
  }
}
