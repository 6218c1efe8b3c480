import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { EXTENSION_DIR, launchMember, launchWebMember } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import { currentPhase, inviteText, letIn, startGroup, setSignalingServer } from './helpers/panel';

const MEET_URL = 'https://meet.google.com/abc-defg-hij';
const DRAFT = 'Een ouder die elke week boos belt over het rooster';

/**
 * Issue 11, points 2 and 3, as two people meet it over real WebRTC: Anna founds a group in the
 * extension, Bram joins by the invite link in the web panel (no extension). Bram learns the
 * group's name and waits for the chair; while he writes a work question the chair moves on, he
 * reloads, the chair comes back: his text is still there.
 */
describe('a draft and the chair moving on', () => {
  let server: RunningServer;
  let chair: MemberBrowser;
  let web: Awaited<ReturnType<typeof launchWebMember>>;
  let anna: Page;
  let bram: Page;

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1', staticDir: EXTENSION_DIR });
    [chair, web] = await Promise.all([launchMember(), launchWebMember()]);
    const { tabId } = await chair.openCall(MEET_URL);
    anna = await chair.openPanel(tabId);
    await setSignalingServer(anna, server.url);
    bram = await web.context.newPage();
  });

  afterAll(async () => {
    await Promise.all([chair?.close(), web?.close()]);
    await server?.close();
  });

  it("keeps Bram's work question through the chair's phase change and a reload", async () => {
    await startGroup(anna, 'Team Noord', 'Anna');
    const link = await inviteText(anna, 'Link');

    // Bram joins before the meeting: he learns the name and waits; he does not start one.
    await bram.goto(link);
    const join = bram.getByRole('form', { name: 'Join with an invite' });
    await join.getByRole('textbox', { name: 'Your name' }).fill('Bram');
    await join.getByRole('button', { name: 'Join' }).click();
    await expect
      .poll(() => bram.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 })
      .toBe('Team Noord');
    await bram.getByRole('heading', { name: 'Waiting for the chair' }).waitFor();
    expect(await bram.getByRole('form', { name: 'Start the meeting as chair' }).count()).toBe(0);
    // The web panel belongs to no call, and does not say so on every member's screen.
    expect(await bram.getByText('Not linked to a video call.').count()).toBe(0);

    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await letIn(anna, 'Bram');
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 30_000 })
      .toBe('Inventory');

    await bram.getByRole('textbox', { name: 'Your work question' }).fill(DRAFT);
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent()).toBe('Analysis');
    expect(await bram.getByRole('textbox', { name: 'Your work question' }).count()).toBe(0);

    // A reload in the middle: the draft waits on Bram's device, and the panel is back in the
    // group it showed, without his looking for it.
    await bram.reload();
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 30_000 }).toBe('Analysis');

    await anna.getByRole('button', { name: 'Previous phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent()).toBe('Inventory');
    const field = bram.getByRole('textbox', { name: 'Your work question' });
    await expect.poll(() => field.inputValue()).toBe(DRAFT);

    // Posted, it reaches the chair and leaves the field.
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await expect
      .poll(() => anna.locator('main').textContent(), { timeout: 15_000 })
      .toContain(DRAFT);
    expect(await field.inputValue()).toBe('');
  });
});
