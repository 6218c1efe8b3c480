import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { iceUrlFor } from '../../lib/connection/ice-config';
import type { NodeMember } from '../helpers/node-member';
import { launchMember, waitFor } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import { currentPhase, meetingWithNodeMember, openCallPanel } from './helpers/panel';

// Code passed to `evaluate` runs in an extension page, where the extension API is `chrome`.
declare const chrome: typeof browser;

const MEET_URL = 'https://meet.google.com/slo-wser-ver';

/**
 * A panel asks the group's server which connection servers to use (`/ice`) before it reaches
 * the others; on a slow network or server that answer takes seconds (the panel gives up after
 * four). What the panel kept of the running meeting is on the device: a member whose panel
 * reloads sees it at once, and connects once the answer is there. Here the answer is held
 * back: the meeting must show while the panel is still waiting for it, not after it gave up.
 */
describe('a member whose group’s server is slow to answer', () => {
  let server: RunningServer;
  let anna: MemberBrowser;
  let member: NodeMember | null = null;

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    anna = await launchMember();
  });

  afterAll(async () => {
    await member?.close();
    await anna?.close();
    await server?.close();
  });

  it('shows the running meeting from the panel’s copy before the server answered, then connects', async () => {
    const panel = await openCallPanel(anna, { callUrl: MEET_URL, signalingUrl: server.url });
    ({ member } = await meetingWithNodeMember(panel, server.url, {
      group: 'Team Traag',
      chair: 'Anna',
      memberId: 'member-bram-01',
      member: 'Bram',
    }));
    const present = () => panel.getByRole('list', { name: 'Present' }).textContent();
    await expect.poll(present, { timeout: 20_000 }).toContain('Bram');
    await waitFor(
      () =>
        panel.evaluate(async () => {
          const all: Record<string, unknown> = await chrome.storage.local.get(null);
          return Object.keys(all).some((key) => key.startsWith('meeting-cache:')) || null;
        }),
      'the panel to keep the meeting',
    );

    // From now on the server's answer about connection servers is held back.
    const ice = iceUrlFor(server.url)!;
    const held: Route[] = [];
    const gaveUp: string[] = [];
    await anna.context.route(`${ice}*`, (route) => void held.push(route));
    anna.context.on('requestfailed', (request) => {
      if (request.url().startsWith(ice)) gaveUp.push(request.url());
    });
    await panel.reload();

    await expect
      .poll(() => currentPhase(panel).textContent(), { timeout: 15_000 })
      .toBe('Inventory');
    // Shown while the panel still waits: it asked, has no answer, and has not given up.
    expect(held.length).toBeGreaterThan(0);
    expect(gaveUp).toEqual([]);

    // The answer comes: the panel reaches Bram again.
    await anna.context.unroute(`${ice}*`);
    for (const route of held) await route.continue().catch(() => undefined);
    await expect.poll(present, { timeout: 30_000 }).toContain('Bram');
    expect(await currentPhase(panel).textContent()).toBe('Inventory');
  });
});
