import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { callInfoKey, readCallInfo, writeCallInfo } from '../../extension/call-store';
import { tabOpenGroupMemory } from '../../extension/open-group-memory';
import {
  callMessage,
  sidePanelPath,
  startSidePanelGate,
  tabIdFromPanelSearch,
} from '../../extension/side-panel-gate';
import type { SidePanelGate } from '../../extension/side-panel-gate';
import { parseCallUrl } from '../../lib/call/call-url';

const MEET_URL = 'https://meet.google.com/abc-defg-hij?authuser=0';
const OTHER_MEET_URL = 'https://meet.google.com/xyz-abcd-efg';

// WXT's fake browser has no sidePanel at all: the gate's calls are recorded here instead.
const setOptions = vi.fn((_options: object) => Promise.resolve());
const setPanelBehavior = vi.fn((_behavior: object) => Promise.resolve());
// Nor an action: the toolbar button's state per tab is recorded here (undefined: the default).
const buttonEnabled = new Map<number | undefined, boolean>();
const action = {
  enable: vi.fn((tabId?: number) => {
    buttonEnabled.set(tabId, true);
    return Promise.resolve();
  }),
  disable: vi.fn((tabId?: number) => {
    buttonEnabled.set(tabId, false);
    return Promise.resolve();
  }),
};

// The fake browser's own types (webextension-polyfill's), as its triggers take them.
type FakeTab = Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2];
type FakeSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

let controller: AbortController;
let gate: SidePanelGate;

/** A tab as the browser reports it; `url` is absent where the extension may not read it. */
function tab(id: number, url?: string): FakeTab {
  return {
    id,
    index: 0,
    windowId: 0,
    highlighted: false,
    active: false,
    pinned: false,
    incognito: false,
    url,
  };
}

function sender(tabId: number, url: string): FakeSender {
  return {
    id: fakeBrowser.runtime.id,
    tab: tab(tabId, url),
    frameId: 0,
    url,
  };
}

async function navigate(tabId: number, url: string | undefined): Promise<void> {
  await fakeBrowser.tabs.onUpdated.trigger(
    tabId,
    url === undefined ? { status: 'loading' } : { url, status: 'loading' },
    tab(tabId, url),
  );
  await gate.settled();
}

async function report(message: unknown, from: FakeSender): Promise<void> {
  await fakeBrowser.runtime.onMessage.trigger(message, from);
  await gate.settled();
}

function optionsFor(tabId: number): unknown[] {
  return setOptions.mock.calls
    .map(([options]) => options)
    .filter((options) => 'tabId' in options && options.tabId === tabId);
}

beforeEach(() => {
  fakeBrowser.reset();
  setOptions.mockReset().mockResolvedValue(undefined);
  setPanelBehavior.mockReset().mockResolvedValue(undefined);
  buttonEnabled.clear();
  Object.assign(fakeBrowser, { sidePanel: { setOptions, setPanelBehavior }, action });
  controller = new AbortController();
  // The background passes exactly this: `browser`, which WXT's test plugin backs with the fake.
  gate = startSidePanelGate(browser, controller.signal);
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('offering the side panel', () => {
  it('greys out the toolbar button by default and on other sites, and enables it on call tabs', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await gate.settled();
    expect(buttonEnabled.get(undefined)).toBe(false);
    await navigate(5, MEET_URL);
    await navigate(6, 'https://example.org/');
    expect(buttonEnabled.get(5)).toBe(true);
    expect(buttonEnabled.get(6)).toBe(false);
    await navigate(5, 'https://example.org/');
    expect(buttonEnabled.get(5)).toBe(false);
  });

  it('offers the panel on a Meet meeting tab, pointing it at that tab', async () => {
    await navigate(5, MEET_URL);
    expect(setOptions).toHaveBeenLastCalledWith({
      tabId: 5,
      path: 'sidepanel.html?tabId=5',
      enabled: true,
    });
    expect(await readCallInfo(5)).toEqual(parseCallUrl(MEET_URL));
  });

  it('withdraws the panel from a tab on another site', async () => {
    await navigate(6, 'https://example.org/');
    expect(setOptions).toHaveBeenLastCalledWith({ tabId: 6, enabled: false });
    expect(await readCallInfo(6)).toBeNull();
  });

  it('treats a tab whose URL it may not read as no call tab', async () => {
    await navigate(6, undefined);
    expect(setOptions).toHaveBeenLastCalledWith({ tabId: 6, enabled: false });
  });

  it('withdraws the panel and forgets the call when the tab leaves the call', async () => {
    await navigate(5, MEET_URL);
    await navigate(5, undefined);
    expect(setOptions).toHaveBeenLastCalledWith({ tabId: 5, enabled: false });
    expect(await readCallInfo(5)).toBeNull();
  });

  it('follows the tab from one meeting to the next', async () => {
    await navigate(5, MEET_URL);
    await navigate(5, OTHER_MEET_URL);
    expect(await readCallInfo(5)).toEqual(parseCallUrl(OTHER_MEET_URL));
    expect(setOptions).toHaveBeenLastCalledWith({
      tabId: 5,
      path: sidePanelPath(5),
      enabled: true,
    });
  });

  it('ignores tab updates that change neither the URL nor the loading state', async () => {
    await fakeBrowser.tabs.onUpdated.trigger(5, { audible: true }, tab(5, MEET_URL));
    await fakeBrowser.tabs.onUpdated.trigger(5, { title: 'Meet' }, tab(5, MEET_URL));
    await gate.settled();
    expect(setOptions).not.toHaveBeenCalled();
  });

  it('applies a tab’s events in the order they came, whatever the browser’s pace', async () => {
    // Both events arrive before either is handled: the later one must decide the outcome.
    void fakeBrowser.tabs.onUpdated.trigger(5, { url: MEET_URL }, tab(5, MEET_URL));
    void fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, tab(5));
    await gate.settled();
    expect(optionsFor(5)).toEqual([
      { tabId: 5, path: sidePanelPath(5), enabled: true },
      { tabId: 5, enabled: false },
    ]);
    expect(await readCallInfo(5)).toBeNull();
  });

  it('checks a tab when it becomes active', async () => {
    const { id } = await fakeBrowser.tabs.create({ url: MEET_URL });
    if (id === undefined) throw new Error('the fake browser gave the tab no id');
    await fakeBrowser.tabs.onActivated.trigger({ tabId: id, windowId: 0 });
    await gate.settled();
    expect(setOptions).toHaveBeenLastCalledWith({
      tabId: id,
      path: sidePanelPath(id),
      enabled: true,
    });
  });

  it('forgets a closed tab, and a report arriving after it does not bring it back', async () => {
    await navigate(5, MEET_URL);
    await tabOpenGroupMemory(browser.storage.session, 5).write('0123456789abcdef');
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 0, isWindowClosing: false });
    await gate.settled();
    expect(await readCallInfo(5)).toBeNull();
    // And which group its panel showed.
    expect(await tabOpenGroupMemory(browser.storage.session, 5).read()).toBeNull();
    setOptions.mockClear();
    await report(callMessage(MEET_URL), sender(5, MEET_URL));
    expect(await readCallInfo(5)).toBeNull();
    expect(setOptions).not.toHaveBeenCalled();
  });

  it('carries on with the next event after the browser refused one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    setOptions.mockRejectedValueOnce(new Error('No tab with id: 5.'));
    await navigate(5, MEET_URL);
    await navigate(5, OTHER_MEET_URL);
    expect(warn).toHaveBeenCalledOnce();
    expect(setOptions).toHaveBeenLastCalledWith({
      tabId: 5,
      path: sidePanelPath(5),
      enabled: true,
    });
    expect(await readCallInfo(5)).toEqual(parseCallUrl(OTHER_MEET_URL));
  });

  it('stops listening once its signal aborts', async () => {
    controller.abort();
    await navigate(5, MEET_URL);
    await report(callMessage(MEET_URL), sender(5, MEET_URL));
    expect(setOptions).not.toHaveBeenCalled();
  });
});

describe('installing and starting up', () => {
  it.each(['onInstalled', 'onStartup'] as const)(
    'on %s, hides the panel by default, opens it from the toolbar button and checks every open tab',
    async (event) => {
      const meet = await fakeBrowser.tabs.create({ url: MEET_URL });
      const other = await fakeBrowser.tabs.create({});
      if (meet.id === undefined || other.id === undefined) throw new Error('tabs without ids');
      await writeCallInfo(999, parseCallUrl(OTHER_MEET_URL));
      await tabOpenGroupMemory(browser.storage.session, 999).write('0123456789abcdef');
      await browser.storage.session.set({ unrelated: 1 });
      if (event === 'onInstalled')
        await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
      else await fakeBrowser.runtime.onStartup.trigger();
      await gate.settled();
      expect(setOptions).toHaveBeenCalledWith({ enabled: false });
      expect(setOptions.mock.calls[0]).toEqual([{ enabled: false }]);
      expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
      expect(optionsFor(meet.id)).toEqual([
        { tabId: meet.id, path: sidePanelPath(meet.id), enabled: true },
      ]);
      expect(optionsFor(other.id)).toEqual([{ tabId: other.id, enabled: false }]);
      expect(await readCallInfo(meet.id)).toEqual(parseCallUrl(MEET_URL));
      const stored = await browser.storage.session.get(null);
      expect(Object.keys(stored).sort()).toEqual([callInfoKey(meet.id), 'unrelated']);
    },
  );
});

describe('reports from the content script', () => {
  it('offers the panel on the tab the browser says sent the report', async () => {
    await report(callMessage(MEET_URL), sender(5, MEET_URL));
    expect(setOptions).toHaveBeenLastCalledWith({
      tabId: 5,
      path: sidePanelPath(5),
      enabled: true,
    });
    expect(await readCallInfo(5)).toEqual(parseCallUrl(MEET_URL));
  });

  it('never trusts a tab id inside the message', async () => {
    await report({ ...callMessage(MEET_URL), tabId: 99 }, sender(5, MEET_URL));
    expect(optionsFor(99)).toEqual([]);
    expect(await readCallInfo(99)).toBeNull();
    expect(await readCallInfo(5)).toEqual(parseCallUrl(MEET_URL));
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'kring:call'],
    ['an array', ['kring:call', MEET_URL]],
    ['another type', { type: 'kring:other', url: MEET_URL }],
    ['no URL', { type: 'kring:call' }],
    ['a URL that is not a string', { type: 'kring:call', url: { href: MEET_URL } }],
    [
      'a page that is no call',
      { type: 'kring:call', url: 'https://meet.google.com.evil.example/abc-defg-hij' },
    ],
    ['garbage for a URL', { type: 'kring:call', url: 'javascript:alert(1)' }],
  ])('ignores a message holding %s', async (_label, message) => {
    await report(message, sender(5, MEET_URL));
    expect(setOptions).not.toHaveBeenCalled();
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it.each([
    ['no tab', { ...sender(5, MEET_URL), tab: undefined }],
    [
      'a tab without an id',
      { ...sender(5, MEET_URL), tab: { ...tab(5, MEET_URL), id: undefined } },
    ],
    ['a tab id of none', { ...sender(5, MEET_URL), tab: tab(-1, MEET_URL) }],
    ['another extension', { ...sender(5, MEET_URL), id: 'some-other-extension' }],
    ['a frame inside the page', { ...sender(5, MEET_URL), frameId: 3 }],
    ['a page on another site', sender(5, 'https://evil.example/')],
  ])('ignores a report from %s', async (_label, from) => {
    await report(callMessage(MEET_URL), from);
    expect(setOptions).not.toHaveBeenCalled();
    expect(await browser.storage.session.get(null)).toEqual({});
  });

  it('leaves withdrawing the panel to the browser’s own tab events', async () => {
    await navigate(5, MEET_URL);
    setOptions.mockClear();
    await report(callMessage('https://meet.google.com.evil.example/'), sender(5, MEET_URL));
    expect(setOptions).not.toHaveBeenCalled();
    expect(await readCallInfo(5)).toEqual(parseCallUrl(MEET_URL));
  });
});

describe('the side panel page', () => {
  it('finds its tab in the query string the gate gave it', () => {
    expect(tabIdFromPanelSearch(`?${sidePanelPath(42).split('?')[1]}`)).toBe(42);
  });

  it.each([
    '',
    '?',
    '?tabId=',
    '?tabId=-1',
    '?tabId=1.5',
    '?tabId=abc',
    '?tabId=1e3',
    `?tabId=${'9'.repeat(40)}`,
  ])('finds no tab in %j', (search) => {
    expect(tabIdFromPanelSearch(search)).toBeNull();
  });
});
