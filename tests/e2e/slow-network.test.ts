import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { slowNetwork } from '../helpers/delay-proxy';
import type { SlowNetwork } from '../helpers/delay-proxy';
import { EXTENSION_DIR } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import {
  connectOnlyThroughServer,
  currentPhase,
  joinGroup,
  letIn,
  openMemberPanels,
  screensSeen,
  startGroup,
  waitingToBeLetIn,
  watchScreens,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/slo-wnet-wrk';
const QUESTION = 'Wat zei je collega precies toen je het rooster liet zien?';
/**
 * One way, per crossing of a delay proxy. Members reach each other through TURN over TCP, and
 * every byte between two members crosses the proxy in front of coturn twice: a round trip of
 * 4 x 75 = 300 ms between members and 150 ms to the companion, a poor mobile connection or a
 * VPN abroad. Loopback answers in microseconds, and this machine's kernel has no netem.
 */
const ONE_WAY_MS = 75;

/**
 * The field, not the lab: a group whose members each connect only through the server (TURN,
 * iceTransportPolicy 'relay') on a slow network, with the companion just as far away. What must
 * hold there: a newcomer's panel says it is looking for the group while it reaches the others
 * (seconds here) and offers nothing a member of the group does (no "I chair today", no start,
 * no series), then asks to be let in; once let in, the chair's phase changes and a member's
 * question reach everyone; and nobody is reported as "someone unknown" for being slow.
 */
describe('a meeting on a slow network', () => {
  let network: SlowNetwork;
  let browsers: MemberBrowser[] = [];
  let anna: Page;
  let bram: Page;
  let carla: Page;

  beforeAll(async () => {
    network = await slowNetwork(ONE_WAY_MS, EXTENSION_DIR);
    const opened = await openMemberPanels(3, {
      callUrl: MEET_URL,
      signalingUrl: network.signalingUrl,
    });
    browsers = opened.browsers;
    [anna, bram, carla] = opened.panels as [Page, Page, Page];
    for (const panel of opened.panels) await connectOnlyThroughServer(panel);
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await network?.close();
  });

  it('lets newcomers in, carries the meeting to everyone and reports nobody unknown', async () => {
    const code = await startGroup(anna, 'Wijkteam Oost', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await expect.poll(() => currentPhase(anna).textContent()).toBe('Inventory');

    for (const [panel, name] of [
      [bram, 'Bram'],
      [carla, 'Carla'],
    ] as const) {
      await watchScreens(panel);
      await joinGroup(panel, code, name);
      await waitingToBeLetIn(panel).waitFor({ timeout: 45_000 });
      const seen = await screensSeen(panel);
      // It said it was looking while it reached the others (seconds on this network)...
      expect(seen.looking, `${name}'s panel said it was looking for the group`).toBe(true);
      // ...and never offered what a member of the group has before being let in.
      expect(seen.memberOnly, `${name}'s panel before being let in`).toEqual([]);
      await letIn(anna, name);
      await expect
        .poll(() => currentPhase(panel).textContent(), { timeout: 45_000 })
        .toBe('Inventory');
    }

    await anna.getByRole('button', { name: 'Next phase' }).click();
    for (const panel of [bram, carla]) {
      await expect
        .poll(() => currentPhase(panel).textContent(), { timeout: 30_000 })
        .toBe('Analysis');
    }
    await bram.getByRole('textbox', { name: 'Your question' }).fill(QUESTION);
    await bram.getByRole('button', { name: 'Post question' }).click();
    for (const panel of [anna, carla]) {
      await expect
        .poll(() => panel.locator('main').textContent(), { timeout: 30_000 })
        .toContain(QUESTION);
    }

    // Longer than the grace a peer gets to show its presence (unseen-peers.ts, 5 s): a slow
    // member is not an unknown one.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    for (const panel of [anna, bram, carla]) {
      expect(await panel.getByText(/unknown (is|people are) connected/).count()).toBe(0);
      await expect
        .poll(() => panel.getByText('Connected to 2 members.').count(), { timeout: 30_000 })
        .toBe(1);
    }
    // Everything went through coturn, reached through the slow proxy.
    expect(network.turn.allocations().length).toBeGreaterThanOrEqual(3);
    expect(network.turnProxy.bytes()).toBeGreaterThan(0);
  });
});
