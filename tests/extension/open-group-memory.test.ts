import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { openGroupKey } from '../../extension/call-store';
import {
  noOpenGroupMemory,
  pageOpenGroupMemory,
  panelOpenGroupMemory,
  readOpenGroup,
  tabOpenGroupMemory,
} from '../../extension/open-group-memory';
import type { OpenGroupMemory } from '../../extension/open-group-memory';

const GROUP = '3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6';
const OTHER = 'aa00bb11cc22dd33ee44ff5566778899';

/** A page's `sessionStorage`, in memory; `broken` makes every call throw, as a refused one. */
function pageStorage(broken = false): Storage {
  const items = new Map<string, string>();
  const refuse = () => {
    if (broken) throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => (refuse(), items.get(key) ?? null),
    setItem: (key, value) => (refuse(), void items.set(key, value)),
    removeItem: (key) => (refuse(), void items.delete(key)),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe.each<[string, () => OpenGroupMemory]>([
  ['a tab’s side panel (storage.session)', () => tabOpenGroupMemory(browser.storage.session, 7)],
  ['the web panel (sessionStorage)', () => pageOpenGroupMemory(pageStorage())],
])('the memory of %s', (_label, make) => {
  it('knows nothing at first, then the group shown, then nothing once home again', async () => {
    const memory = make();
    expect(await memory.read()).toBeNull();
    await memory.write(GROUP);
    expect(await memory.read()).toBe(GROUP);
    await memory.write(OTHER);
    expect(await memory.read()).toBe(OTHER);
    await memory.write(null);
    expect(await memory.read()).toBeNull();
  });
});

describe('what the memory reads back', () => {
  it.each<[string, unknown]>([
    ['a number', 42],
    ['an object', { groupId: GROUP }],
    ['a path', '../../etc/passwd'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['an overlong string', 'a'.repeat(65)],
    ['an empty string', ''],
  ])('reads %s stored for the tab as no group', async (_label, stored) => {
    await browser.storage.session.set({ [openGroupKey(7)]: stored });
    expect(await tabOpenGroupMemory(browser.storage.session, 7).read()).toBeNull();
  });

  it('keeps each tab’s panel apart', async () => {
    await tabOpenGroupMemory(browser.storage.session, 7).write(GROUP);
    await tabOpenGroupMemory(browser.storage.session, 8).write(OTHER);
    expect(await tabOpenGroupMemory(browser.storage.session, 7).read()).toBe(GROUP);
    expect(await tabOpenGroupMemory(browser.storage.session, 8).read()).toBe(OTHER);
  });

  it('reads a storage the browser refuses as no group, and a write to it fails', async () => {
    const memory = pageOpenGroupMemory(pageStorage(true));
    expect(await readOpenGroup(memory)).toBeNull();
    await expect(memory.write(GROUP)).rejects.toThrow(/insecure/);
  });

  it('remembers nothing where the page has no storage', async () => {
    await noOpenGroupMemory.write(GROUP);
    expect(await noOpenGroupMemory.read()).toBeNull();
  });
});

describe('which memory a panel uses', () => {
  it('its tab’s, in the extension’s session storage, where it knows its tab', async () => {
    await panelOpenGroupMemory(7).write(GROUP);
    expect((await browser.storage.session.get(openGroupKey(7)))[openGroupKey(7)]).toBe(GROUP);
  });

  it('its page’s where it knows no tab, or runs as a web page', async () => {
    const storage = pageStorage();
    const previous = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
    Object.defineProperty(globalThis, 'sessionStorage', { value: storage, configurable: true });
    const area = fakeBrowser.storage;
    try {
      await panelOpenGroupMemory(null).write(GROUP);
      Object.assign(fakeBrowser, { storage: undefined });
      await panelOpenGroupMemory(7).write(OTHER);
    } finally {
      Object.assign(fakeBrowser, { storage: area });
      if (previous) Object.defineProperty(globalThis, 'sessionStorage', previous);
      else Reflect.deleteProperty(globalThis, 'sessionStorage');
    }
    expect(await pageOpenGroupMemory(storage).read()).toBe(OTHER);
    expect(await browser.storage.session.get(null)).toEqual({});
  });
});
