/**
 * A member's browser with the extension loaded from the bench's own copy of the build (other
 * work may rebuild .output/chrome-mv3 during a run), shaped like the e2e suite's MemberBrowser
 * so that its panel helpers (tests/e2e/helpers/panel.ts) drive it unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { MemberBrowser } from '../tests/e2e/helpers/member-browser';
import { FIXTURE_HTML, waitFor } from '../tests/e2e/helpers/member-browser';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';

/** The call sites, routed to a fixture page so that the content script runs as on the real ones. */
const CALL_HOSTS = ['https://meet.google.com/**', 'https://*.zoom.us/**'];

export async function launchExtensionMember(extensionDir: string): Promise<MemberBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'kring-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  for (const pattern of CALL_HOSTS) {
    await context.route(pattern, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: FIXTURE_HTML }),
    );
  }
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
          background.evaluate(
            `chrome.tabs.query({}).then((tabs) => tabs.find((tab) => tab.url === ${JSON.stringify(url)})?.id ?? null)`,
          ) as Promise<number | null>,
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
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
