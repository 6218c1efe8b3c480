import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { readCallInfo } from '../../extension/call-store';
import { sidePanelPath, startSidePanelGate } from '../../extension/side-panel-gate';
import type { SidePanelGate } from '../../extension/side-panel-gate';
import { parseCallUrl } from '../../lib/call/call-url';

// The gate as it runs in Firefox: `browser` has no `sidePanel` there, but a `sidebarAction`.
// WXT's fake browser is that browser once its sidebar and button record what the gate asks.

const MEET_URL = 'https://meet.google.com/abc-defg-hij';

type FakeTab = Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2];

/** What the gate asked of the sidebar, in order. */
let sidebarCalls: unknown[];
const buttonEnabled = new Map<number | undefined, boolean>();
let controller: AbortController;
let gate: SidePanelGate;

function tab(id: number, url?: string, windowId = 0): FakeTab {
  return {
    id,
    index: 0,
    windowId,
    highlighted: false,
    active: true,
    pinned: false,
    incognito: false,
    url,
  };
}

async function navigate(tabId: number, url: string | undefined): Promise<void> {
  await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, tab(tabId, url));
  await gate.settled();
}

function startGate(): void {
  controller = new AbortController();
  gate = startSidePanelGate(browser, controller.signal);
}

beforeEach(() => {
  fakeBrowser.reset();
  Reflect.deleteProperty(fakeBrowser, 'sidePanel');
  sidebarCalls = [];
  buttonEnabled.clear();
  Object.assign(fakeBrowser.sidebarAction, {
    setPanel: (details: unknown) => {
      sidebarCalls.push({ setPanel: details });
      return Promise.resolve();
    },
    open: () => {
      sidebarCalls.push('open');
      return Promise.resolve();
    },
  });
  // Keeps the fake's own onClicked event, which the test triggers as the browser would.
  Object.assign(fakeBrowser.action, {
    enable: (tabId?: number) => {
      buttonEnabled.set(tabId, true);
      return Promise.resolve();
    },
    disable: (tabId?: number) => {
      buttonEnabled.set(tabId, false);
      return Promise.resolve();
    },
  });
  startGate();
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('the gate in Firefox, where the panel is a sidebar', () => {
  it('sets up without a side panel: the toolbar button is grey by default and lit on call tabs', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await gate.settled();
    await navigate(5, MEET_URL);
    await navigate(6, 'https://example.org/');
    expect(buttonEnabled.get(undefined)).toBe(false);
    expect(buttonEnabled.get(5)).toBe(true);
    expect(buttonEnabled.get(6)).toBe(false);
    // The sidebar belongs to the window and to the member: tab events leave it alone.
    expect(sidebarCalls).toEqual([]);
  });

  it('records the call of a call tab for its panel, and forgets it when the tab leaves the call', async () => {
    await navigate(5, MEET_URL);
    expect(await readCallInfo(5)).toEqual(parseCallUrl(MEET_URL));
    await navigate(5, 'https://example.org/');
    expect(await readCallInfo(5)).toBeNull();
    expect(buttonEnabled.get(5)).toBe(false);
  });

  it('opens the sidebar on the clicked call tab, in its window, while the click is handled', async () => {
    const clicked = fakeBrowser.action.onClicked.trigger(tab(5, MEET_URL, 3), undefined);
    // Firefox refuses open() once the click's handler has returned: nothing may wait before it.
    expect(sidebarCalls).toEqual([{ setPanel: { windowId: 3, panel: sidePanelPath(5) } }, 'open']);
    await clicked;
  });

  it('opens nothing for a click on a tab that is no call', async () => {
    await fakeBrowser.action.onClicked.trigger(tab(6, 'https://example.org/'), undefined);
    await fakeBrowser.action.onClicked.trigger(tab(7, undefined), undefined);
    expect(sidebarCalls).toEqual([]);
  });

  it('warns, and throws nothing, when Firefox refuses to open the sidebar', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    Object.assign(fakeBrowser.sidebarAction, {
      open: () =>
        Promise.reject(
          new Error('sidebarAction.open may only be called from a user input handler'),
        ),
    });
    await fakeBrowser.action.onClicked.trigger(tab(5, MEET_URL), undefined);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
  });

  it('stops answering clicks once its signal aborts', async () => {
    controller.abort();
    await fakeBrowser.action.onClicked.trigger(tab(5, MEET_URL), undefined);
    expect(sidebarCalls).toEqual([]);
  });
});

describe('a browser with both a side panel and a sidebar', () => {
  it('uses the side panel, and leaves the toolbar click to it', async () => {
    controller.abort();
    const panelCalls: unknown[] = [];
    Object.assign(fakeBrowser, {
      sidePanel: {
        setOptions: (options: unknown) => {
          panelCalls.push(options);
          return Promise.resolve();
        },
        setPanelBehavior: () => Promise.resolve(),
      },
    });
    startGate();
    await navigate(5, MEET_URL);
    await fakeBrowser.action.onClicked.trigger(tab(5, MEET_URL), undefined);
    expect(panelCalls).toEqual([{ tabId: 5, path: sidePanelPath(5), enabled: true }]);
    expect(sidebarCalls).toEqual([]);
  });
});
