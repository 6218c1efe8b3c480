import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { browser } from 'wxt/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sidePanelPath } from '../../extension/side-panel-gate';
import { isRecord } from '../../lib/util/guards';
import { connectTarget, devToolsPort, listTargets, targetIdOf } from './helpers/devtools-targets';
import { launchMember, waitFor } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';

// Code passed to `evaluate` runs in an extension page, where the extension API is `chrome`.
declare const chrome: typeof browser;

const MEET_URL = 'https://meet.google.com/abc-defg-hij';
const SCREENSHOT = resolve(
  import.meta.dirname,
  '../../test-results/screenshots/real-side-panel.png',
);
const REOPENED_SCREENSHOT = resolve(SCREENSHOT, '../real-side-panel-reopened.png');
const OPEN_BUTTON = 'Open the real side panel';

/** `chrome.sidePanel.close` (Chrome 141 and later): the types here do not have it yet. */
interface SidePanelClose {
  close(options: { tabId: number }): Promise<void>;
}

/** Focuses the start form's field labelled `label`, inside the side panel. */
const FOCUS_FIELD = (label: string) => `(() => {
  const form = [...document.querySelectorAll('button')]
    .find((b) => b.textContent.trim() === 'Start group')?.closest('form');
  const field = [...(form?.querySelectorAll('label') ?? [])]
    .find((l) => l.textContent.trim() === ${JSON.stringify(label)})?.control;
  if (!field) throw new Error('no field ' + ${JSON.stringify(label)});
  field.focus();
})()`;
const CLICK_START = `[...document.querySelectorAll('button')]
  .find((b) => b.textContent.trim() === 'Start group').click()`;
const H1 = `document.querySelector('h1')?.textContent ?? ''`;

/**
 * Adds a button to an extension page whose click calls `chrome.sidePanel.open({ tabId })`, the
 * way Playwright can give the user gesture that `open` demands (it cannot click the toolbar).
 * The button lives only in the test's page: the build has no such page or button. The outcome
 * of `open` lands in the button's `data-outcome`.
 */
async function addOpenButton(page: Page, tabId: number): Promise<void> {
  await page.evaluate(
    ({ tabId, label }) => {
      const button = document.createElement('button');
      button.textContent = label;
      button.addEventListener('click', () => {
        chrome.sidePanel.open({ tabId }).then(
          () => (button.dataset.outcome = 'opened'),
          (error: unknown) => (button.dataset.outcome = String(error)),
        );
      });
      document.body.prepend(button);
    },
    { tabId, label: OPEN_BUTTON },
  );
}

async function clickOpenButton(page: Page): Promise<string> {
  const button = page.getByRole('button', { name: OPEN_BUTTON });
  // The outcome of this click, not of the one before.
  await button.evaluate((element) => {
    if (element instanceof HTMLElement) delete element.dataset.outcome;
  });
  await button.click();
  return waitFor(() => button.getAttribute('data-outcome'), 'sidePanel.open to settle');
}

/** What the panel document shows, read inside it. */
interface PanelView {
  readonly heading: string;
  readonly callBadge: string;
  readonly width: number;
  readonly height: number;
  readonly visibility: string;
}

const READ_VIEW = `(() => {
  const heading = document.querySelector('h1, h2');
  const badge = document.querySelector('[data-testid="call-badge"]');
  return {
    heading: heading?.textContent ?? '',
    callBadge: badge?.textContent ?? '',
    width: innerWidth,
    height: innerHeight,
    visibility: document.visibilityState,
  };
})()`;

function decodeView(value: unknown): PanelView | null {
  if (
    !isRecord(value) ||
    typeof value.heading !== 'string' ||
    typeof value.callBadge !== 'string' ||
    typeof value.width !== 'number' ||
    typeof value.height !== 'number' ||
    typeof value.visibility !== 'string'
  ) {
    return null;
  }
  return {
    heading: value.heading,
    callBadge: value.callBadge,
    width: value.width,
    height: value.height,
    visibility: value.visibility,
  };
}

/** The width in pixels written in a PNG's header. */
function pngWidth(png: Buffer): number {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return png.readUInt32BE(16);
}

/**
 * Every other e2e test opens the panel page in a tab. This one opens Chrome's real side panel
 * next to a call tab, headless, and looks inside it through the DevTools protocol: Playwright
 * does not list the side panel among the context's pages.
 */
describe("Chrome's real side panel", () => {
  let member: MemberBrowser;
  /** The call tab and the extension page with the button, from the first test on. */
  let call: Page;
  let callTabId: number;
  let extensionPage: Page;
  let panelUrl: string;
  /** The DevTools target id of the extension page, which has the side panel's URL too. */
  let tabTarget: string;

  /** The side panel's page among the browser's targets, or undefined while it is not open. */
  async function sidePanelTarget(port: number) {
    return (await listTargets(port)).find(
      (candidate) =>
        candidate.type === 'page' && candidate.url === panelUrl && candidate.id !== tabTarget,
    );
  }

  beforeAll(async () => {
    member = await launchMember({ args: ['--remote-debugging-port=0'] });
  });

  afterAll(async () => {
    await member?.close();
  });

  it('opens from a click on an extension page and shows the call’s panel at side-panel width', async () => {
    const opened = await member.openCall(MEET_URL);
    call = opened.page;
    callTabId = opened.tabId;
    const tabId = callTabId;
    await waitFor(
      () =>
        member.background.evaluate(async (id: number) => {
          const options = await chrome.sidePanel.getOptions({ tabId: id });
          return options.enabled ? true : null;
        }, tabId),
      'the gate to offer the panel on the call tab',
    );

    // The panel page itself, in a tab, as the extension page that carries the button.
    extensionPage = await member.openPanel(tabId);
    const tabHeading = extensionPage.locator('h1, h2').first();
    await tabHeading.waitFor();
    await addOpenButton(extensionPage, tabId);
    expect(await clickOpenButton(extensionPage)).toBe('opened');
    // Chrome loads a tab's own side panel only while that tab is the active one.
    await call.bringToFront();

    // The side panel has the same URL as the page in the tab: tell them apart by target id.
    const port = await devToolsPort(member.profile);
    tabTarget = await targetIdOf(extensionPage);
    panelUrl = `chrome-extension://${member.extensionId}/${sidePanelPath(tabId)}`;
    const target = await waitFor(
      () => sidePanelTarget(port),
      'the side panel to appear among the DevTools targets',
    );

    const panel = await connectTarget(target);
    try {
      const view = await waitFor(async () => {
        const read = decodeView(await panel.evaluate(READ_VIEW));
        return read !== null && read.heading !== '' && read.callBadge !== '' ? read : null;
      }, 'the side panel to render');
      // The same panel as in the tab, and it knows its call: the gate's ?tabId= reached it.
      expect(view.heading).toBe(await tabHeading.textContent());
      expect(view.callBadge).toContain('abc-defg-hij');
      expect(view.visibility).toBe('visible');
      expect(view.width).toBeGreaterThanOrEqual(300);
      expect(view.width).toBeLessThanOrEqual(600);

      const png = await panel.screenshot();
      mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
      writeFileSync(SCREENSHOT, png);
      // A picture of the panel at its own width, not of the tab beside it.
      const scale = Number(await panel.evaluate('devicePixelRatio'));
      expect(pngWidth(png)).toBe(Math.round(view.width * scale));
      console.log(
        `real side panel: ${view.width} x ${view.height} px, heading "${view.heading}"; ` +
          `screenshot in ${SCREENSHOT}`,
      );
    } finally {
      panel.close();
    }
  });

  const GROUP_FIRST = `document.querySelector('link[rel="modulepreload"][data-first="group"]') !== null`;
  /** The group's session took the device key and the kept meeting read ahead (main.tsx). */
  const READ_AHEAD = `['device-key', 'copy'].map((read) => performance.getEntriesByName('kring:' + read + '-read-ahead-taken').length)`;

  it('opened again after the member closed it, is back in the group it showed', async () => {
    const port = await devToolsPort(member.profile);
    const before = await connectTarget(
      await waitFor(() => sidePanelTarget(port), 'the side panel'),
    );
    try {
      // A panel with no group to go back to asks for no group code ahead (texts-first.ts).
      expect(await before.evaluate(GROUP_FIRST)).toBe(false);
      // Inside the side panel: a group started there, as a member would, by typing and a click.
      await before.evaluate(FOCUS_FIELD('Group name'));
      await before.insertText('Team Oost');
      await before.evaluate(FOCUS_FIELD('Your name'));
      await before.insertText('Anna');
      await before.evaluate(CLICK_START);
      await waitFor(
        async () => ((await before.evaluate(H1)) === 'Team Oost' ? true : null),
        'the group to show in the side panel',
      );
      // A group opened from the home screen reads the device as it opens: nothing read ahead.
      expect(await before.evaluate(READ_AHEAD)).toEqual([0, 0]);
    } finally {
      before.close();
    }

    // The member closes the panel (its page ends) and opens it again from the toolbar.
    await extensionPage.evaluate(
      (tabId) => (chrome.sidePanel as unknown as SidePanelClose).close({ tabId }),
      callTabId,
    );
    await waitFor(async () => ((await sidePanelTarget(port)) ? null : true), 'the panel to close');
    await extensionPage.bringToFront();
    expect(await clickOpenButton(extensionPage)).toBe('opened');
    await call.bringToFront();
    const after = await connectTarget(
      await waitFor(() => sidePanelTarget(port), 'the side panel again'),
    );
    try {
      // A new page, straight back in the group: no home screen to find it on.
      expect(await after.evaluate('window.history.length')).toBe(1);
      await waitFor(
        async () => ((await after.evaluate(H1)) === 'Team Oost' ? true : null),
        'the reopened panel to show the group',
      );
      // Its first script read the tab's memory and asked for the group's code at once.
      expect(await after.evaluate(GROUP_FIRST)).toBe(true);
      // And read what opening the group takes from the device while that code loaded.
      await waitFor(
        async () => (JSON.stringify(await after.evaluate(READ_AHEAD)) === '[1,1]' ? true : null),
        'the reopened group to take the reads made ahead',
      );
      writeFileSync(REOPENED_SCREENSHOT, await after.screenshot());
    } finally {
      after.close();
    }
  });

  it('closes when its tab leaves the call, and is not offered there any more', async () => {
    await call.goto('https://example.org/');
    const port = await devToolsPort(member.profile);
    await waitFor(
      async () =>
        (await listTargets(port)).some(
          (target) => target.url === panelUrl && target.id !== tabTarget,
        )
          ? null
          : true,
      'the side panel to close',
    );
    expect(await clickOpenButton(extensionPage)).toMatch(/no active side panel/i);
  });
});
