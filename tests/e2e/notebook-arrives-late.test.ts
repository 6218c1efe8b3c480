import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import type { NodeMember } from '../helpers/node-member';
import { EXTENSION_DIR, launchWebMember } from './helpers/member-browser';
import { currentPhase, meetingWithNodeMember } from './helpers/panel';

/**
 * The notebook's code loads after the first screen (entrypoints/sidepanel/main.tsx), and on a
 * busy machine it may come after a group is already shown. Its arrival re-reads the group's
 * history through the notebook; the group view must stay as it is meanwhile. A group without a
 * running meeting did not: for a moment it went back to its opening line, so a new group's first
 * step was taken out and put back, the invite its founder had opened closed again
 * (components/shell/useMeetingHistory.ts; the flaky summary clicks of stops 36 and 37). A
 * running meeting's board did not move (it does not wait for the history); the second test
 * keeps it so. Here the notebook's chunk is held back 2.5 s.
 */
const HOLD_MS = 2_500;

/** Holds the notebook's chunk back; resolves once it went on to the page. */
async function holdNotebook(panel: Page): Promise<{ arrived: Promise<void> }> {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  await panel.route(/\/chunks\/open-notebook-[\w-]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, HOLD_MS));
    await route.continue();
    arrive();
  });
  return { arrived };
}

/** Marks the element so that a later look can tell whether it is still the same one. */
const mark = (panel: Page, selector: string) =>
  panel
    .locator(selector)
    .first()
    .evaluate((element) => element.setAttribute('data-seen', 'yes'));

describe("the group view when the notebook's code comes late", () => {
  let server: RunningServer;
  let web: Awaited<ReturnType<typeof launchWebMember>>;
  let member: NodeMember | null = null;

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1', staticDir: EXTENSION_DIR });
    web = await launchWebMember();
  });

  afterAll(async () => {
    await member?.close();
    await web?.close();
    await server?.close();
  });

  it("keeps a new group's first step, and the invite the founder opened, where they are", async () => {
    const panel = await web.context.newPage();
    const { arrived } = await holdNotebook(panel);
    await panel.goto(server.httpUrl);
    const form = panel.getByRole('form', { name: 'Start a new group' });
    await form.getByRole('textbox', { name: 'Group name' }).fill('Team Oost');
    await form.getByRole('textbox', { name: 'Your name' }).fill('Anna');
    await form.getByRole('button', { name: 'Start group' }).click();
    await panel.getByRole('heading', { name: 'Step 1: invite your group' }).waitFor();
    await mark(panel, 'section.invite-step');
    await panel.getByText('Code and link separately', { exact: true }).click();
    await expect(panel.getByRole('textbox', { name: 'Code' }).isVisible()).resolves.toBe(true);

    await arrived;
    await panel.waitForTimeout(1_000);
    await expect(panel.locator('section.invite-step[data-seen="yes"]').count()).resolves.toBe(1);
    await expect(panel.getByRole('textbox', { name: 'Code' }).isVisible()).resolves.toBe(true);
    await panel.close();
  });

  it("keeps a returning member's board in place, with the focus on it", async () => {
    const panel = await web.context.newPage();
    await panel.goto(server.httpUrl);
    ({ member } = await meetingWithNodeMember(panel, server.url, {
      group: 'Team West',
      chair: 'Anna',
      memberId: 'bram-late-notebook',
      member: 'Bram',
    }));
    // Back after a reload, from the panel's copy; the notebook's code is held back.
    await panel.waitForTimeout(2_500);
    const { arrived } = await holdNotebook(panel);
    await panel.reload();
    await expect
      .poll(() => currentPhase(panel).textContent(), { timeout: 20_000 })
      .toBe('Inventory');
    await mark(panel, '[data-testid="current-phase"]');
    const focused = () =>
      panel.evaluate(() => document.activeElement?.getAttribute('data-seen') ?? null);
    const focusBefore = await focused();

    await arrived;
    await panel.waitForTimeout(1_000);
    await expect(
      panel.locator('[data-testid="current-phase"][data-seen="yes"]').count(),
    ).resolves.toBe(1);
    await expect(focused()).resolves.toBe(focusBefore);
  });
});
