import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { switchLanguage } from './helpers/axe';
import { launchMember } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import { currentPhase, openCallPanel, settle, startGroup } from './helpers/panel';

const MEET_URL = 'https://meet.google.com/gro-ote-lett';
/** Chromium's "Very large" under Settings > Appearance > Font size. */
const VERY_LARGE = 24;
/** A side panel as Chrome opens it at its narrowest, on a laptop screen. */
const PANEL = { width: 320, height: 700 } as const;
const GROUP = 'Wijkverpleging Noord-Oost, team Zonnebloemstraat';

/** The computed size of the panel's root font: what every rem in the stylesheet is made of. */
function rootFontSize(panel: Page): Promise<string> {
  return panel.evaluate(() => getComputedStyle(document.documentElement).fontSize);
}

/**
 * What sticks out sideways at the panel's size now: the page's own sideways scroll, and every
 * visible control whose box ends beyond the panel's right edge (one clipped by an
 * `overflow: hidden` parent does not make the page scroll, and still cannot be reached).
 */
function sticksOut(panel: Page): Promise<string[]> {
  return panel.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    }
    for (const control of document.querySelectorAll('button, input, select, textarea, a')) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5) {
        const name = control.getAttribute('aria-label') ?? control.textContent ?? '';
        found.push(`${control.tagName.toLowerCase()} "${name.trim()}" ends at ${box.right} px`);
      }
    }
    return found;
  });
}

/**
 * How many lines the text of the first element matching `selector` takes: the distinct tops of
 * its text's line boxes.
 */
function linesOf(panel: Page, selector: string): Promise<number> {
  return panel.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) return 0;
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  }, selector);
}

/**
 * A member who made the browser's font larger (low vision, a small laptop screen) gets the panel
 * in that size, and it still fits a side panel: Chromium keeps the setting in the profile, and
 * the panel's stylesheet sizes everything in rem and em of it. Before, the stylesheet fixed the
 * root at 15 px and the setting changed nothing in the panel.
 */
describe('a member who set a larger font size in the browser', () => {
  let server: RunningServer;
  let usual: MemberBrowser;
  let large: MemberBrowser;
  let usualPanel: Page;
  let panel: Page;

  /** Checks the large-font panel as it is now at 320 and 300 px, in English and Dutch. */
  const expectToFit = async (view: string) => {
    for (const locale of ['en', 'nl'] as const) {
      await switchLanguage(panel, locale);
      for (const width of [PANEL.width, 300]) {
        await panel.setViewportSize({ width, height: PANEL.height });
        await settle(panel);
        expect(await sticksOut(panel), `${view} at ${width} px (${locale})`).toEqual([]);
      }
    }
    await switchLanguage(panel, 'en');
    await panel.setViewportSize(PANEL);
  };

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    [usual, large] = await Promise.all([launchMember(), launchMember({ fontSize: VERY_LARGE })]);
    const options = { callUrl: MEET_URL, signalingUrl: server.url, viewport: PANEL };
    [usualPanel, panel] = await Promise.all([
      openCallPanel(usual, options),
      openCallPanel(large, options),
    ]);
  });

  afterAll(async () => {
    await Promise.all([usual?.close(), large?.close()]);
    await server?.close();
  });

  it('gets the panel in the size they chose; a member who changed nothing gets 15 px', async () => {
    expect(await rootFontSize(usualPanel)).toBe('15px');
    // 15/16 of 24 px, as the usual 15 px is of the usual 16.
    expect(await rootFontSize(panel)).toBe('22.5px');
    const joinHeading = panel.getByRole('heading', { name: 'Join with an invite' });
    const size = await joinHeading.evaluate((heading) =>
      parseFloat(getComputedStyle(heading).fontSize),
    );
    const usualSize = await usualPanel
      .getByRole('heading', { name: 'Join with an invite' })
      .evaluate((heading) => parseFloat(getComputedStyle(heading).fontSize));
    expect(size / usualSize).toBeCloseTo(1.5, 2);
  });

  it('keeps the home screen, the group and a running meeting within the panel', async () => {
    await expectToFit('home');
    await startGroup(panel, GROUP, 'Anna');
    await panel.getByRole('combobox', { name: 'Method' }).selectOption('incident');
    await expectToFit('the group with its start form');
    await panel.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await expect.poll(() => currentPhase(panel).textContent()).toBe('Look back');
    await expectToFit('a meeting of nine phases, for its chair');

    // The chair's first screen still shows the time left and the way on, unscrolled.
    await panel.evaluate(() => window.scrollTo(0, 0));
    await settle(panel);
    for (const control of [
      panel.getByRole('timer', { name: 'Time left in this phase' }),
      panel.getByRole('button', { name: 'Next phase' }),
    ]) {
      const box = await control.boundingBox();
      expect(box, 'rendered').not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(PANEL.height);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PANEL.width);
    }

    // "Phase 1 of 9" and the role each stay whole: they broke mid-phrase beside the time
    // ("PHASE 1 OF" above "9", "Your role:" above "chair").
    for (const locale of ['en', 'nl'] as const) {
      await switchLanguage(panel, locale);
      for (const width of [300, PANEL.width, 400]) {
        await panel.setViewportSize({ width, height: PANEL.height });
        await settle(panel);
        const where = `at ${width} px (${locale})`;
        expect(await linesOf(panel, '.phase-count > span:first-child'), where).toBe(1);
        expect(await linesOf(panel, '.role-pill'), where).toBe(1);
        const timer = await panel.getByRole('timer').boundingBox();
        expect(timer!.x + timer!.width, where).toBeLessThanOrEqual(width);
      }
    }
    await switchLanguage(panel, 'en');
    await panel.setViewportSize(PANEL);
  });
});
