import type { browser } from 'wxt/browser';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';

// Code passed to `background.evaluate` runs in the extension's service worker, where the
// extension API is the global `chrome`.
declare const chrome: typeof browser;

/**
 * The production build that `npm test` makes before the suite runs; KRING_EXTENSION_DIR points
 * at a copy instead (a build of one's own while others rebuild .output on a shared machine).
 */
export const EXTENSION_DIR = resolve(
  process.env.KRING_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../../.output/chrome-mv3'),
);

/** Debian's Chromium; CI installs it (see .ci/run and scripts/ensure-test-packages.mjs). */
export const CHROMIUM = process.env.KRING_CHROMIUM ?? '/usr/bin/chromium';

/** Fixture call pages; the content script must run on them as on the real sites. */
export const FIXTURE_HTML = `<!doctype html><html><head><title>Fixture call</title></head>
<body><h1>Fixture video call</h1><p>This page stands in for the real call site.</p></body></html>`;

/**
 * Flags for every test browser: no sandbox (containers), nothing that talks to Google, and host
 * ICE candidates as plain loopback IPs so that profiles connect over WebRTC without STUN.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

/** One member: their own browser profile with the built extension loaded. */
export interface MemberBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly background: Worker;
  /** The profile directory: launch again with it to restart the same member's browser. */
  readonly profile: string;
  /** Opens a call page (served from the fixture) and returns it with the tab id the background gave it. */
  openCall(url: string): Promise<{ page: Page; tabId: number }>;
  /** Opens the side panel page for a call tab in a tab of its own (Playwright cannot click the toolbar). */
  openPanel(tabId?: number): Promise<Page>;
  /** Closes the browser; the profile is deleted unless `keepProfile` (for a restart). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Launches a browser with the extension, routing the call hosts to the fixture page: a fresh
 * profile, or `profile` again to restart a member's browser with everything it stored. `args`
 * adds Chromium flags (such as `--remote-debugging-port=0`, see devtools-targets.ts).
 * `fontSize` (a fresh profile only) is the member's own choice under Settings > Appearance >
 * Font size, in pixels (16 is Chromium's usual "Medium", 20 "Large", 24 "Very large"), written
 * into the profile's preferences before the browser starts, as Chromium itself keeps it.
 */
export async function launchMember(
  options: { profile?: string; args?: readonly string[]; fontSize?: number } = {},
): Promise<MemberBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\`.`);
  }
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'kring-profile-'));
  if (options.fontSize !== undefined) writeFontSize(profile, options.fontSize);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.args ?? []),
    ],
  });
  for (const pattern of [
    'https://meet.google.com/**',
    'https://*.zoom.us/**',
    'https://teams.microsoft.com/**',
    'https://teams.live.com/**',
    'https://teams.cloud.microsoft/**',
    'https://example.org/**',
  ]) {
    await context.route(pattern, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: FIXTURE_HTML }),
    );
  }
  const pageErrors = watchPages(context);
  const background =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(background.url()).host;

  return {
    context,
    extensionId,
    background,
    profile,
    async openCall(url) {
      const page = await context.newPage();
      await page.goto(url);
      const tabId = await waitFor(
        () =>
          background.evaluate(async (target: string) => {
            const tabs = await chrome.tabs.query({});
            return tabs.find((tab) => tab.url === target)?.id ?? null;
          }, url),
        `the background to see the tab ${url}`,
      );
      return { page, tabId };
    },
    async openPanel(tabId) {
      const page = await context.newPage();
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html${query}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) removeProfile(profile);
      failOnPageErrors(pageErrors);
    },
  };
}

/** Chromium's font size setting, where it keeps it: the profile's Default/Preferences file. */
function writeFontSize(profile: string, size: number): void {
  if (existsSync(join(profile, 'Default', 'Preferences'))) {
    throw new Error('fontSize is for a fresh profile: this one has preferences already');
  }
  mkdirSync(join(profile, 'Default'), { recursive: true });
  // Chromium moves the fixed-width font with the standard one in the same proportion (16 to 13).
  const webprefs = { default_font_size: size, default_fixed_font_size: Math.round(size * 0.8125) };
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs } }));
}

/**
 * Watches every page of a member's browser (call tabs, panels) from its launch: an uncaught
 * error in one is a panel that crashed for that member, whatever the test was looking at, and
 * the browser's `close()` then fails with it. Returns the errors so far. With
 * `KRING_E2E_CONSOLE=<file>` every page's console errors and warnings are appended to that file
 * too, for reading after a run (none fail a test: a refused connection to a server a test
 * stopped is logged by the browser itself).
 */
function watchPages(context: BrowserContext): readonly string[] {
  const errors: string[] = [];
  const consoleFile = process.env.KRING_E2E_CONSOLE;
  const watch = (page: Page): void => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.stack ?? error.message}`));
    if (consoleFile) {
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        appendFileSync(consoleFile, `${message.type()} ${page.url()} ${message.text()}\n`);
      });
    }
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return errors;
}

function failOnPageErrors(errors: readonly string[]): void {
  if (errors.length === 0) return;
  throw new Error(`Uncaught errors in the member's pages:\n${errors.join('\n')}`);
}

/**
 * Records every WebSocket frame a page sends and receives (signaling), through the Chrome
 * DevTools Protocol. Start it before the page opens its sockets.
 */
export async function recordWebSocketFrames(page: Page): Promise<{ frames: string[] }> {
  const session = await page.context().newCDPSession(page);
  const frames: string[] = [];
  const record = (event: { response: { payloadData: string } }) => {
    frames.push(event.response.payloadData);
  };
  session.on('Network.webSocketFrameSent', record);
  session.on('Network.webSocketFrameReceived', record);
  await session.send('Network.enable');
  return { frames };
}

/** A member without the extension: a plain browser (its own profile) for the web panel. */
export async function launchWebMember(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'kring-web-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    args: CHROMIUM_ARGS,
  });
  const pageErrors = watchPages(context);
  return {
    context,
    async close() {
      await context.close();
      removeProfile(profile);
      failOnPageErrors(pageErrors);
    },
  };
}

/** Polls `read` until it gives a value other than null/undefined, or fails after `ms`. */
export async function waitFor<T>(
  read: () => Promise<T | null | undefined>,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await read();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Chromium may still be flushing the profile for a moment after close. */
function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
