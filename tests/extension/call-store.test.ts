import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  callInfoKey,
  forgetTabsExcept,
  readCallInfo,
  sessionStorageArea,
  watchCallInfo,
  writeCallInfo,
} from '../../extension/call-store';
import type { CallStorageArea } from '../../extension/call-store';
import { parseCallUrl } from '../../lib/call/call-url';
import type { CallInfo } from '../../lib/call/call-url';

function call(url: string): CallInfo {
  const info = parseCallUrl(url);
  if (info === null) throw new Error(`not a call URL: ${url}`);
  return info;
}

const MEET = call('https://meet.google.com/abc-defg-hij');
const OTHER_MEET = call('https://meet.google.com/xyz-abcd-efg');
const ZOOM = call('https://app.zoom.us/wc/81234567890/join');

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the call store', () => {
  it('gives back the call recorded for a tab, and nothing for other tabs', async () => {
    await writeCallInfo(7, MEET);
    await writeCallInfo(8, ZOOM);
    expect(await readCallInfo(7)).toEqual(MEET);
    expect(await readCallInfo(8)).toEqual(ZOOM);
    expect(await readCallInfo(9)).toBeNull();
  });

  it('forgets a tab’s call when told it shows none', async () => {
    await writeCallInfo(7, MEET);
    await writeCallInfo(7, null);
    expect(await readCallInfo(7)).toBeNull();
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it.each([
    ['a string', 'https://meet.google.com/abc-defg-hij'],
    ['an array', [MEET]],
    ['a record without a URL', { platform: 'meet', meetingId: 'abc-defg-hij' }],
    [
      'a URL that is no call page',
      { platform: 'meet', meetingId: null, url: 'https://evil.example/' },
    ],
    ['a platform that does not match the URL', { ...MEET, platform: 'zoom' }],
    ['a meeting the URL does not name', { ...MEET, meetingId: 'xyz-abcd-efg' }],
    ['a URL that is not a string', { ...MEET, url: 42 }],
  ])('reads a record holding %s as no call', async (_label, stored) => {
    await browser.storage.session.set({ [callInfoKey(7)]: stored });
    expect(await readCallInfo(7)).toBeNull();
  });

  it('forgets the calls of tabs that are gone and keeps everything else', async () => {
    await writeCallInfo(1, MEET);
    await writeCallInfo(2, ZOOM);
    await writeCallInfo(3, OTHER_MEET);
    await browser.storage.session.set({ unrelated: 'kept' });
    await forgetTabsExcept(new Set([2]));
    expect(Object.keys(await browser.storage.session.get(null)).sort()).toEqual([
      callInfoKey(2),
      'unrelated',
    ]);
  });

  it('finds the extension’s session storage, and none on a plain web page', () => {
    expect(sessionStorageArea()).toBe(browser.storage.session);
    const storage = fakeBrowser.storage;
    try {
      Object.assign(fakeBrowser, { storage: undefined });
      expect(sessionStorageArea()).toBeNull();
    } finally {
      Object.assign(fakeBrowser, { storage });
    }
  });
});

describe('watching a tab’s call', () => {
  it('reports the current call first, then every change, until aborted', async () => {
    await writeCallInfo(7, MEET);
    const seen: (CallInfo | null)[] = [];
    const controller = new AbortController();
    watchCallInfo(7, (info) => seen.push(info), controller.signal);
    await flush();
    await writeCallInfo(7, OTHER_MEET);
    await writeCallInfo(7, null);
    controller.abort();
    await writeCallInfo(7, ZOOM);
    await flush();
    expect(seen).toEqual([MEET, OTHER_MEET, null]);
  });

  it('reports nothing for writes to other tabs or repeats of the same call', async () => {
    const seen: (CallInfo | null)[] = [];
    watchCallInfo(7, (info) => seen.push(info), new AbortController().signal);
    await flush();
    await writeCallInfo(7, MEET);
    await writeCallInfo(7, MEET);
    await writeCallInfo(8, ZOOM);
    expect(seen).toEqual([null, MEET]);
  });

  it('reports a tampered record as no call', async () => {
    await writeCallInfo(7, MEET);
    const seen: (CallInfo | null)[] = [];
    watchCallInfo(7, (info) => seen.push(info), new AbortController().signal);
    await flush();
    await browser.storage.session.set({ [callInfoKey(7)]: { ...MEET, platform: 'teams' } });
    expect(seen).toEqual([MEET, null]);
  });

  it('keeps a change that lands while the first read is still on its way', async () => {
    await writeCallInfo(7, MEET);
    const session = browser.storage.session;
    let releaseRead = (): void => undefined;
    const readHeld = new Promise<void>((resolve) => (releaseRead = resolve));
    const slowArea: CallStorageArea = {
      set: (items) => session.set(items),
      remove: (keys) => session.remove(keys),
      onChanged: session.onChanged,
      get: async (keys) => {
        const items = await session.get(keys);
        await readHeld;
        return items;
      },
    };
    const seen: (CallInfo | null)[] = [];
    watchCallInfo(7, (info) => seen.push(info), new AbortController().signal, slowArea);
    await writeCallInfo(7, OTHER_MEET);
    releaseRead();
    await flush();
    expect(seen).toEqual([OTHER_MEET]);
  });

  it('does nothing when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const seen: (CallInfo | null)[] = [];
    watchCallInfo(7, (info) => seen.push(info), controller.signal);
    await writeCallInfo(7, MEET);
    await flush();
    expect(seen).toEqual([]);
  });
});
