import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { parseInvite } from '../../lib/invite/invite';
import { NodeMember } from '../helpers/node-member';
import { launchMember } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import {
  currentPhase,
  joinGroup,
  letIn,
  setSignalingServer,
  startGroup,
  waitingToBeLetIn,
} from './helpers/panel';

/** Where the screenshots go: test-results/ is kept out of git. */
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const MEET_URL = 'https://meet.google.com/wac-hten-weg';

/**
 * A newcomer asks to join while the chair's panel is closed (in the field: the chair's laptop
 * slept, or she closed the panel to share her screen). Until now the newcomer read "The chair
 * sees that you ask to join" however long nobody could. Anna chairs in her own Chromium profile;
 * Bram (a Node member) is in the meeting; Dirk asks in his own profile, by the invite. Anna's
 * panel closes: Dirk is told she is not connected and another member may still let him in.
 * Bram leaves as well: Dirk is told nobody is connected. Anna opens her panel again: she is back
 * in the meeting, sees Dirk asking and lets him in.
 */
describe('asking to join while the chair is away', () => {
  let server: RunningServer;
  let chair: MemberBrowser;
  let newcomer: MemberBrowser;
  let anna: Page;
  let dirk: Page;
  let chairTab = 0;
  let bram: NodeMember | null = null;

  const waitingText = async () =>
    (await dirk.getByRole('region', { name: 'Waiting to be let in' }).textContent()) ?? '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    [chair, newcomer] = await Promise.all([launchMember(), launchMember()]);
    const opened = await chair.openCall(MEET_URL);
    chairTab = opened.tabId;
    anna = await chair.openPanel(chairTab);
    const dirksCall = await newcomer.openCall(MEET_URL);
    dirk = await newcomer.openPanel(dirksCall.tabId);
    for (const panel of [anna, dirk]) {
      await panel.setViewportSize({ width: 360, height: 800 });
      await setSignalingServer(panel, server.url);
    }
  });

  afterAll(async () => {
    await bram?.close().catch(() => undefined);
    await Promise.all([chair?.close(), newcomer?.close()]);
    await server?.close();
  });

  it('tells the newcomer the chair is not connected, then that nobody is; the chair comes back and lets them in', async () => {
    const code = await startGroup(anna, 'Team Weg', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await expect
      .poll(() => currentPhase(anna).textContent(), { timeout: 30_000 })
      .toBe('Inventory');
    const invite = parseInvite(code);
    if (!invite.ok) throw new Error(`the panel showed an invalid code: ${code}`);
    bram = await NodeMember.join({
      secret: invite.invite.secret,
      memberId: 'bram-away-01',
      memberName: 'Bram',
      groupName: 'Team Weg',
      signalingUrl: server.url,
    });
    await letIn(anna, 'Bram');
    await bram.until((s) => s.meeting?.phase.id === 'inventory', 30_000);

    // The chair's panel closes. Dirk asks.
    await anna.close();
    await joinGroup(dirk, code, 'Dirk');
    await waitingToBeLetIn(dirk).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => dirk.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 })
      .toBe('Team Weg');
    await expect
      .poll(waitingText, { timeout: 30_000 })
      .toContain('Anna started this meeting but is not connected right now.');
    const chairAway = await waitingText();
    expect(chairAway).toContain('Another member may still let you in');
    expect(chairAway).not.toContain('The chair sees');
    // His code is still there to read out.
    expect(chairAway).toMatch(/this code: [0-9A-F]{4} [0-9A-F]{4}\./);
    // Waiting is all there is to do: no count of this device's meetings ("Meeting 1" of a group
    // that met before) and no series setting under it.
    expect(await dirk.getByRole('spinbutton', { name: 'Meetings in this series' }).count()).toBe(0);
    expect(await dirk.getByText(/^Meeting \d+/).count()).toBe(0);
    await dirk.setViewportSize({ width: 320, height: 800 });
    await dirk.screenshot({ path: join(SHOTS, 'admission-chair-away-320-en.png') });
    const overflow = await dirk.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, 'the waiting text scrolls sideways at 320 px').toBeLessThanOrEqual(0);

    // Bram's panel closes too: nobody of the group is there.
    await bram.close();
    bram = null;
    await expect
      .poll(waitingText, { timeout: 30_000 })
      .toContain('Nobody who can let you in is connected right now');
    await dirk.screenshot({ path: join(SHOTS, 'admission-nobody-320-en.png') });
    // The same in Dutch, for a look, and back.
    const language = dirk.getByRole('combobox', { name: /^(Language|Taal)$/ });
    await language.selectOption('nl');
    await expect
      .poll(
        async () =>
          (await dirk.getByRole('region', { name: 'Wachten tot je binnen mag' }).textContent()) ??
          '',
        { timeout: 10_000 },
      )
      .toContain('Er is nu niemand verbonden die je kan binnenlaten');
    await dirk.screenshot({ path: join(SHOTS, 'admission-nobody-320-nl.png') });
    await language.selectOption('en');
    // And dark, at the side panel's widest.
    await dirk.emulateMedia({ colorScheme: 'dark' });
    await dirk.setViewportSize({ width: 400, height: 800 });
    await dirk.screenshot({ path: join(SHOTS, 'admission-nobody-400-en-dark.png') });
    await dirk.emulateMedia({ colorScheme: 'light' });

    // Anna opens her panel again: back in her meeting, she sees Dirk asking and lets him in.
    anna = await chair.openPanel(chairTab);
    await anna.setViewportSize({ width: 360, height: 800 });
    const open = anna.getByRole('button', { name: 'Open Team Weg' });
    const phase = currentPhase(anna);
    await expect
      .poll(async () => (await phase.count()) > 0 || (await open.count()) > 0, { timeout: 30_000 })
      .toBe(true);
    if ((await phase.count()) === 0) await open.click();
    await expect.poll(() => phase.textContent(), { timeout: 30_000 }).toBe('Inventory');
    await expect.poll(waitingText, { timeout: 30_000 }).toContain('The chair sees that you ask');
    await letIn(anna, 'Dirk');
    await expect
      .poll(() => currentPhase(dirk).textContent(), { timeout: 30_000 })
      .toBe('Inventory');
    expect(await waitingToBeLetIn(dirk).count()).toBe(0);
  });
});
