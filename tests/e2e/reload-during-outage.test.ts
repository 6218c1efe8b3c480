import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { startSignalingServer } from '../../server/signaling-server';
import { waitFor } from './helpers/member-browser';
import { currentPhase, joinGroup, letIn, membersInACall, startGroup } from './helpers/panel';

// Code passed to `panel.evaluate` runs in the extension's page, where the API is `chrome`.
declare const chrome: typeof browser;

const MEET_URL = 'https://meet.google.com/rel-oadd-uri';
const BEFORE = 'Een ouder die steeds boos belt';
const DURING = 'Een collega die afspraken niet nakomt';

/**
 * Issue 10, point 2, as a member lives it: the companion server goes down during a meeting and
 * Bram reloads his panel. He is back in the running meeting from what his panel kept (sealed)
 * on his device, never offered to start a new one; when the server is back, both converge.
 * Two browser profiles with the production build, real WebRTC, the project's own server.
 */
describe('a member who reloads while the server is down', () => {
  const call = membersInACall(2, { callUrl: MEET_URL });
  let anna: Page;
  let bram: Page;

  const mainText = (panel: Page) => panel.locator('main').textContent();

  beforeAll(async () => {
    [anna, bram] = call.panels as [Page, Page];
  });

  it('shows the running meeting from its own copy, not a start form, and converges when the server is back', async () => {
    const code = await startGroup(anna, 'Team Zuid', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    await letIn(anna, 'Bram');
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 30_000 })
      .toBe('Inventory');
    const keptCopy = () =>
      bram.evaluate(async () => {
        const all: Record<string, unknown> = await chrome.storage.local.get(null);
        const entry = Object.entries(all).find(([key]) => key.startsWith('meeting-cache:'));
        return entry ? JSON.stringify(entry[1]) : '';
      });
    // The meeting is kept a moment after it arrived (the key a moment after it came, the
    // meeting's content a moment after that: two saves); his question is posted once the kept
    // copy has stayed the same for a second, so that the next change is his question's.
    let last = '';
    const keptBefore = await waitFor(async () => {
      const text = await keptCopy();
      const settled = text.includes('"meetingId"') && text === last;
      last = text;
      if (!settled) await bram.waitForTimeout(1_000);
      return settled ? text : null;
    }, "Bram's panel to keep the meeting");
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(BEFORE);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await expect.poll(() => mainText(anna), { timeout: 15_000 }).toContain(BEFORE);

    // Bram's panel keeps the meeting on his device, sealed: no readable text in storage. His
    // own question is kept within a moment of posting it (a fresh seal: the stored text changes).
    const stored = await waitFor(async () => {
      const text = await keptCopy();
      return text.includes('"meetingId"') && text !== keptBefore ? text : null;
    }, 'his question to be kept too');
    expect(stored).not.toContain('ouder');

    // The server goes down, and Bram reloads his panel: the meeting's key came back with his
    // kept copy, so he is in without asking a chair he cannot reach.
    await call.server.close();
    await bram.reload();
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 15_000 })
      .toBe('Inventory');
    expect(await mainText(bram)).toContain(BEFORE);
    // Longer than a panel waits before it counts itself alone: still no start form.
    await bram.waitForTimeout(6_000);
    expect(await bram.getByRole('form', { name: 'Start the meeting as chair' }).count()).toBe(0);
    expect(await bram.getByRole('button', { name: 'Start a new meeting anyway' }).count()).toBe(0);
    expect(await currentPhase(bram).textContent()).toBe('Inventory');

    // Both go on apart: Bram adds a question of his own, Anna pauses the timer.
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(DURING);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await anna.getByRole('button', { name: 'Pause timer' }).click();
    await expect.poll(() => mainText(anna)).toContain('(paused)');

    // The server is back on the same address: the two converge.
    call.server = await startSignalingServer({ port: call.server.port, host: '127.0.0.1' });
    await expect.poll(() => mainText(anna), { timeout: 45_000 }).toContain(DURING);
    await expect.poll(() => mainText(bram), { timeout: 15_000 }).toContain('(paused)');
    for (const panel of [anna, bram]) {
      expect(await mainText(panel)).toContain(BEFORE);
      expect(await currentPhase(panel).textContent()).toBe('Inventory');
    }
    await expect
      .poll(() => bram.getByRole('list', { name: 'Present' }).textContent(), { timeout: 15_000 })
      .toContain('Anna (chair)');
  });
});
