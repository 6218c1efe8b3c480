/**
 * The background's rule for the side panel: it is offered only on call tabs, opens on a click of
 * the toolbar button, and each tab's panel is told which tab (and so which call) it belongs to.
 *
 * The tab's URL comes from the browser (`tabs` events; readable on call pages thanks to the host
 * permissions, absent elsewhere) or from our content script on the call pages, which reports
 * in-page navigations. A tab without a readable URL is no call tab.
 *
 * Firefox has no side panel but a sidebar (`sidebar_action`, written by WXT from the same
 * entrypoint), one per window rather than per tab: there the toolbar button points the window's
 * sidebar at the call tab it was clicked on and opens it.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import { parseCallUrl } from '../lib/call/call-url';
import { isRecord } from '../lib/util/guards';
import { forgetTab, forgetTabsExcept, writeCallInfo } from './call-store';
import type { CallStorageArea } from './call-store';

/** The message our content script sends from a call page: "this tab now shows `url`". */
export interface CallMessage {
  readonly type: 'kring:call';
  readonly url: string;
}

/** An extension event, reduced to what registering and removing a listener needs. */
interface ListenerEvent<T> {
  addListener(callback: T): void;
  removeListener(callback: T): void;
}

type TabUpdatedListener = (
  tabId: number,
  changeInfo: Browser.tabs.OnUpdatedInfo,
  tab: Browser.tabs.Tab,
) => void;
type MessageListener = (message: unknown, sender: Browser.runtime.MessageSender) => void;
type ClickListener = (tab: Browser.tabs.Tab) => void;

/**
 * Firefox's `browser.sidebarAction`. WXT types `browser` after Chrome's API, which has none, so
 * the part the gate uses is declared here; at run time it is simply there in Firefox.
 */
export interface SidebarActionApi {
  /** `null` gives the window back the manifest's default panel. */
  setPanel(details: { windowId?: number; tabId?: number; panel: string | null }): Promise<void>;
  /** Refused unless called while the browser handles a user action (such as our button's click). */
  open(): Promise<void>;
}

/**
 * The parts of the `browser` API the gate uses; tests pass WXT's fake browser. The panel is
 * Chrome's and Edge's side panel where `sidePanel` exists, else Firefox's sidebar; a browser with
 * neither still gets the toolbar button's state and the call records.
 */
export interface SidePanelGateApi {
  readonly sidePanel?: Pick<WxtBrowser['sidePanel'], 'setOptions' | 'setPanelBehavior'>;
  readonly sidebarAction?: SidebarActionApi;
  /** The toolbar button: greyed out where the panel is not offered. */
  readonly action: Pick<WxtBrowser['action'], 'enable' | 'disable'> & {
    /** Heard only for the sidebar: Chrome opens its side panel on the click by itself. */
    readonly onClicked: ListenerEvent<ClickListener>;
  };
  readonly tabs: Pick<WxtBrowser['tabs'], 'get' | 'query'> & {
    readonly onUpdated: ListenerEvent<TabUpdatedListener>;
    readonly onActivated: ListenerEvent<(activeInfo: Browser.tabs.OnActivatedInfo) => void>;
    readonly onRemoved: ListenerEvent<(tabId: number) => void>;
  };
  readonly runtime: Pick<WxtBrowser['runtime'], 'id'> & {
    readonly onMessage: ListenerEvent<MessageListener>;
    readonly onInstalled: ListenerEvent<() => void>;
    readonly onStartup: ListenerEvent<() => void>;
  };
  readonly storage: { readonly session: CallStorageArea };
}

/** What the gate does, one method per kind of event; each resolves once its effect is applied. */
export interface SidePanelGate {
  /**
   * Disables the panel (and greys the toolbar button) everywhere by default, opens the panel on
   * the toolbar button, re-checks all tabs.
   */
  initialise(): Promise<void>;
  /**
   * Offers the panel (and enables the toolbar button) on the tab when `url` is a call page;
   * withdraws both, and forgets the call, otherwise.
   */
  checkTab(tabId: number, url: string | undefined): Promise<void>;
  /** Re-checks a tab by asking the browser for its URL. */
  recheckTab(tabId: number): Promise<void>;
  /** Forgets a closed tab. */
  forgetTab(tabId: number): Promise<void>;
  /** Applies a content-script report; anything not from our script on a call page is ignored. */
  handleMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<void>;
  /** Resolves when all work queued so far is done. */
  settled(): Promise<void>;
}

const SIDE_PANEL_PAGE = 'sidepanel.html';

/** The message the content script sends when its page shows `url`. */
export function callMessage(url: string): CallMessage {
  return { type: 'kring:call', url };
}

/** A content-script message decoded with guards, or null when it has another shape. */
export function decodeCallMessage(value: unknown): CallMessage | null {
  if (!isRecord(value) || value.type !== 'kring:call' || typeof value.url !== 'string') return null;
  return callMessage(value.url);
}

/** The side panel page of a tab: it carries the tab id, as the panel has no tab of its own. */
export function sidePanelPath(tabId: number): string {
  return `${SIDE_PANEL_PAGE}?tabId=${tabId}`;
}

/**
 * Opens Firefox's sidebar on the call in `tab`, in that tab's window; does nothing for a tab that
 * is no call (the button is greyed out there, but a click can race a navigation). Both calls are
 * made before returning, without awaiting: Firefox allows `open()` only while it is still
 * handling the click.
 */
export function openSidebarOn(sidebar: SidebarActionApi, tab: Browser.tabs.Tab): void {
  if (!isTabId(tab.id) || tab.url === undefined || parseCallUrl(tab.url) === null) return;
  const warn = (error: unknown): void => {
    console.warn('Kring: could not open the sidebar', error);
  };
  sidebar.setPanel({ windowId: tab.windowId, panel: sidePanelPath(tab.id) }).catch(warn);
  sidebar.open().catch(warn);
}

/** The tab id in a side panel page's query string (`?tabId=N`), or null when absent or invalid. */
export function tabIdFromPanelSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The gate's logic over `api`, without listening to anything (see `startSidePanelGate`). */
export function createSidePanelGate(api: SidePanelGateApi): SidePanelGate {
  const area = api.storage.session;
  // Only Chrome's side panel is per tab; Firefox's sidebar is per window and follows the click.
  const sidePanel = api.sidePanel;
  // Tab ids are never reused within a browser session: events that trail a tab's removal (a late
  // content-script message) must not bring its record back.
  const closedTabs = new Set<number>();
  // Work on one tab runs in arrival order, so a slow earlier event cannot overwrite a later one.
  const queues = new Map<number, Promise<void>>();
  let global: Promise<void> = Promise.resolve();

  function enqueue(tabId: number, task: () => Promise<void>): Promise<void> {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(task).catch((error: unknown) => {
      // A tab can close between the event and the call; the next event sets things right.
      console.warn(`Kring: could not update the side panel of tab ${tabId}`, error);
    });
    queues.set(tabId, next);
    void next.then(() => {
      if (queues.get(tabId) === next) queues.delete(tabId);
    });
    return next;
  }

  async function apply(tabId: number, url: string | undefined): Promise<void> {
    if (closedTabs.has(tabId)) return;
    const info = url === undefined ? null : parseCallUrl(url);
    if (info === null) {
      await sidePanel?.setOptions({ tabId, enabled: false });
      await api.action.disable(tabId);
      await writeCallInfo(tabId, null, area);
      return;
    }
    // Record first, so that a panel opening right away finds its call.
    await writeCallInfo(tabId, info, area);
    await sidePanel?.setOptions({ tabId, path: sidePanelPath(tabId), enabled: true });
    await api.action.enable(tabId);
  }

  const gate: SidePanelGate = {
    initialise() {
      const run = async (): Promise<void> => {
        await sidePanel?.setOptions({ enabled: false });
        // Grey by default: a new tab is no call until its URL says so.
        await api.action.disable();
        await sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
        const tabs = await api.tabs.query({});
        const live = new Set<number>();
        const checks: Promise<void>[] = [];
        for (const tab of tabs) {
          if (!isTabId(tab.id)) continue;
          live.add(tab.id);
          checks.push(gate.checkTab(tab.id, tab.url));
        }
        await Promise.all(checks);
        await forgetTabsExcept(live, area);
      };
      global = global.then(run).catch((error: unknown) => {
        console.warn('Kring: could not set up the side panel', error);
      });
      return global;
    },

    checkTab(tabId, url) {
      if (!isTabId(tabId)) return Promise.resolve();
      return enqueue(tabId, () => apply(tabId, url));
    },

    recheckTab(tabId) {
      if (!isTabId(tabId)) return Promise.resolve();
      return enqueue(tabId, async () => {
        // tabs.get rejects for a tab that is already gone; onRemoved cleans up after it.
        const tab = await api.tabs.get(tabId);
        await apply(tabId, tab.url);
      });
    },

    forgetTab(tabId) {
      if (!isTabId(tabId)) return Promise.resolve();
      closedTabs.add(tabId);
      return enqueue(tabId, () => forgetTab(tabId, area));
    },

    handleMessage(message, sender) {
      const decoded = decodeCallMessage(message);
      // The tab is the one the browser says sent the message; a tab id inside it is never read.
      const tabId = sender.tab?.id;
      if (decoded === null || !isTabId(tabId)) return Promise.resolve();
      if (sender.id !== api.runtime.id) return Promise.resolve();
      if (sender.frameId !== undefined && sender.frameId !== 0) return Promise.resolve();
      // The report must describe the page that sent it, not some other site.
      const claimed = originOf(decoded.url);
      if (claimed === null) return Promise.resolve();
      if (sender.url !== undefined && originOf(sender.url) !== claimed) return Promise.resolve();
      // Reports only ever offer the panel. Withdrawing it is left to the browser's own tab events:
      // the script also hears navigations that a "leave this call?" prompt may still cancel.
      if (parseCallUrl(decoded.url) === null) return Promise.resolve();
      return gate.checkTab(tabId, decoded.url);
    },

    async settled() {
      await global;
      while (queues.size > 0) await Promise.all([...queues.values()]);
    },
  };
  return gate;
}

/**
 * Runs the gate on the browser's events until `signal` aborts: tab updates, activations and
 * removals, install and startup, and our content script's reports.
 */
export function startSidePanelGate(api: SidePanelGateApi, signal: AbortSignal): SidePanelGate {
  const gate = createSidePanelGate(api);
  const listen = <T>(event: ListenerEvent<T>, listener: T): void => {
    if (signal.aborted) return;
    event.addListener(listener);
    signal.addEventListener('abort', () => event.removeListener(listener), { once: true });
  };
  listen<TabUpdatedListener>(api.tabs.onUpdated, (tabId, changeInfo, tab) => {
    // Title, favicon and audible changes come by the dozen during a call and change nothing here.
    if (changeInfo.url === undefined && changeInfo.status === undefined) return;
    void gate.checkTab(tabId, tab.url);
  });
  listen(api.tabs.onActivated, ({ tabId }) => void gate.recheckTab(tabId));
  listen(api.tabs.onRemoved, (tabId) => void gate.forgetTab(tabId));
  listen(api.runtime.onInstalled, () => void gate.initialise());
  listen(api.runtime.onStartup, () => void gate.initialise());
  // Returns nothing: no reply is sent, and the channel is not held open.
  listen<MessageListener>(api.runtime.onMessage, (message, sender) => {
    void gate.handleMessage(message, sender);
  });
  const sidebar = api.sidebarAction;
  if (api.sidePanel === undefined && sidebar !== undefined) {
    listen<ClickListener>(api.action.onClicked, (tab) => openSidebarOn(sidebar, tab));
  }
  return gate;
}
