import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { CoturnProcess } from '../helpers/coturn-process';
import { EXTENSION_DIR } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import {
  connectOnlyThroughServer,
  currentPhase,
  joinGroup,
  letIn,
  openMemberPanels,
  startGroup,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/abc-defg-hij';
const QUESTION = 'Hoe zeg ik nee tegen een collega die steeds mijn dienst wil ruilen?';

/**
 * Issue 12, "ICE you control", as two members meet it: both chose "Only connect through the
 * server", so their WebRTC connection may use relay candidates only (iceTransportPolicy
 * 'relay'). Their companion hands out TURN passwords for a real coturn (Debian's, on loopback,
 * use-auth-secret) at /ice; they type no server. The meeting runs a phase change and a work
 * question, and coturn's log shows that both members allocated a relay with the handed-out
 * passwords and relayed to each other.
 */
describe('two members who connect only through the server', () => {
  let turn: CoturnProcess;
  let server: RunningServer;
  let browsers: MemberBrowser[] = [];
  let anna: Page;
  let bram: Page;

  beforeAll(async () => {
    turn = await CoturnProcess.start();
    server = await startSignalingServer({
      port: 0,
      host: '127.0.0.1',
      staticDir: EXTENSION_DIR,
      ice: { stunUrls: [], turnUrls: [turn.url], turnSecret: turn.secret, turnTtlSeconds: 600 },
    });
    const opened = await openMemberPanels(2, { callUrl: MEET_URL, signalingUrl: server.url });
    browsers = opened.browsers;
    [anna, bram] = opened.panels as [Page, Page];
    for (const panel of opened.panels) await connectOnlyThroughServer(panel);
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await server?.close();
    await turn?.stop();
  });

  it('runs a phase change and a work question through the relay, and says so', async () => {
    const code = await startGroup(anna, 'Wijkteam Oost', 'Anna');
    await expect.poll(() => anna.getByText('You connect only through the server').count()).toBe(1);
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await expect.poll(() => currentPhase(anna).textContent()).toBe('Inventory');

    await joinGroup(bram, code, 'Bram');
    await letIn(anna, 'Bram');
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 45_000 })
      .toBe('Inventory');
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(QUESTION);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await expect
      .poll(() => anna.locator('main').textContent(), { timeout: 20_000 })
      .toContain(QUESTION);

    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 20_000 }).toBe('Analysis');

    // Both members allocated a relay on coturn with passwords from /ice (TURN REST usernames),
    // gave the other's relay address permission and bound a channel to it: the pair of relay
    // candidates their connection used.
    const allocations = turn.allocations();
    expect(allocations.length).toBeGreaterThanOrEqual(2);
    for (const user of allocations) expect(user).toMatch(/^\d{10}:kring$/);
    expect(turn.permissions()).toBeGreaterThanOrEqual(2);
    expect(turn.channelBinds()).toBeGreaterThanOrEqual(2);

    // When the members leave, coturn counts what it relayed between them: more than the DTLS
    // handshake (about 2 KB with Chromium's ECDSA certificates), so the meeting itself (7.6 to
    // 12 KB measured).
    // Panels first: their pagehide closes the rooms, so the peer connections give their TURN
    // allocations back (coturn logs the usage then); a browser killed under load may not, and
    // coturn would only log it when the allocation times out (one CI run saw 0 bytes).
    await Promise.all([anna, bram].map((panel) => panel.close({ runBeforeUnload: true })));
    await expect.poll(() => turn.relayedPeerBytes(), { timeout: 30_000 }).toBeGreaterThan(4096);
    await Promise.all(browsers.map((browser) => browser.close()));
    browsers = [];
  });
});
