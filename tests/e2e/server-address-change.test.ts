import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { EXTENSION_DIR, launchMember } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import {
  currentPhase,
  inviteText,
  joinGroup,
  letIn,
  startGroup,
  setSignalingServer,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/srv-chan-ged';
const PITCH = 'Een collega die afspraken niet nakomt';

/**
 * Issue 10, point 3: a changed server address takes effect while a group is open, and an invite
 * link's server is the one the group meets through. Two companions, A and B; members in their
 * own profiles with the production build, over real WebRTC.
 */
describe('a group that moves to another companion server', () => {
  let serverA: RunningServer;
  let serverB: RunningServer;
  let browsers: MemberBrowser[] = [];
  let anna: Page;
  let bram: Page;

  const presentOn = (panel: Page, text: string) =>
    expect
      .poll(() => panel.getByRole('list', { name: 'Present' }).textContent(), { timeout: 20_000 })
      .toContain(text);

  beforeAll(async () => {
    [serverA, serverB] = await Promise.all([
      startSignalingServer({ port: 0, host: '127.0.0.1' }),
      startSignalingServer({ port: 0, host: '127.0.0.1', staticDir: EXTENSION_DIR }),
    ]);
    browsers = await Promise.all([launchMember(), launchMember()]);
    [anna, bram] = (await Promise.all(
      browsers.map(async (browser) => {
        const { tabId } = await browser.openCall(MEET_URL);
        return browser.openPanel(tabId);
      }),
    )) as [Page, Page];
  });

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await Promise.all([serverA?.close(), serverB?.close()]);
  });

  it('keeps the meeting going through B when both members change their settings and A stops', async () => {
    await setSignalingServer(anna, serverA.url);
    await setSignalingServer(bram, serverA.url);
    const code = await startGroup(anna, 'Team Noord', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    await letIn(anna, 'Bram');
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 30_000 })
      .toBe('Inventory');
    await presentOn(anna, 'Bram (member)');
    expect(serverA.stats().connections).toBe(2);

    // Both change the address in the settings while the group stays open.
    await setSignalingServer(anna, serverB.url);
    await setSignalingServer(bram, serverB.url);
    // The old sockets are closed and the new ones opened: the bug kept the old socket.
    await expect.poll(() => serverA.stats().connections, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => serverB.stats().connections, { timeout: 15_000 }).toBe(2);
    await serverA.close();

    await presentOn(anna, 'Bram (member)');
    await presentOn(bram, 'Anna (chair)');
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 30_000 })
      .toBe('Inventory');
    // Content goes both ways through B: Bram's work question to Anna, Anna's phase to Bram.
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(PITCH);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await expect
      .poll(() => anna.locator('main').textContent(), { timeout: 15_000 })
      .toContain(PITCH);
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 15_000 }).toBe('Analysis');
  });

  it('lets a member with another server in the settings join through the server of the invite link', async () => {
    // Carla's settings keep the built-in address; the link names B, which served it.
    const link = await inviteText(anna, 'Link');
    expect(link).toBe(`${serverB.httpUrl}/#join=${await codeOf(anna)}`);
    const carlaBrowser = await launchMember();
    browsers.push(carlaBrowser);
    const { tabId } = await carlaBrowser.openCall(MEET_URL);
    const carla = await carlaBrowser.openPanel(tabId);

    await joinGroup(carla, `Doe je mee? ${link}`, 'Carla');
    await letIn(anna, 'Carla');
    await expect
      .poll(() => currentPhase(carla).textContent(), { timeout: 30_000 })
      .toBe('Analysis');
    await presentOn(anna, 'Carla (member)');
    expect(serverB.stats().connections).toBe(3);
    await expect
      .poll(() => carla.locator('main').textContent())
      .toContain(`This group meets through ${serverB.host}:${serverB.port}.`);

    // The settings show the group's own server and change it; emptied, the settings' one counts.
    await carla.getByRole('button', { name: "Change this group's server" }).click();
    const field = carla.getByRole('textbox', { name: 'Server address for this group' });
    expect(await field.inputValue()).toBe(serverB.url);
    await field.fill('ftp://elsewhere.example');
    await carla.getByRole('button', { name: 'Save' }).click();
    await carla
      .getByRole('status')
      .filter({ hasText: 'The address starts with ws:// or wss://.' })
      .waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await carla.getByRole('button', { name: 'Close' }).click();
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect
      .poll(() => currentPhase(carla).textContent(), { timeout: 15_000 })
      .toBe('Awareness');
  });
});

async function codeOf(panel: Page): Promise<string> {
  return inviteText(panel, 'Code');
}
