import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from './helpers/member-browser';
import {
  connectOnlyThroughServer,
  currentPhase,
  joinGroup,
  letIn,
  membersInACall,
  screensSeen,
  startGroup,
  waitingToBeLetIn,
  watchScreens,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/trn-down-fwl';
const QUESTION = 'Hoe zeg ik nee tegen een extra dienst zonder het team te laten vallen?';

/**
 * A TURN server behind a firewall that takes the connection and never answers: what a hospital
 * or school network does to a port it does not allow. Members see their group's server, and no
 * WebRTC path to each other.
 */
async function blackHole(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The field: both members connect only through the server, and the group's TURN server cannot be
 * reached. Their panels announce themselves through the companion within a second, but no
 * WebRTC connection ever comes, so the newcomer hears the group only once the encrypted relay
 * starts (seconds later, relay-plan RP2). Meanwhile the newcomer's panel must keep looking for
 * the group and not decide it is alone in it: that would offer a member of the group's screen
 * (the invite as step one, "I chair today", a start) to someone the group is waiting to let in.
 */
describe('a newcomer whose group is reached only through the relay', () => {
  let hole: Awaited<ReturnType<typeof blackHole>>;
  // Before the companion starts (membersInACall's own beforeAll): /ice names the black hole.
  beforeAll(async () => {
    hole = await blackHole();
  });
  const call = membersInACall(2, {
    callUrl: MEET_URL,
    server: {
      staticDir: EXTENSION_DIR,
      // Read when the companion starts, after the hook above.
      get ice() {
        return {
          stunUrls: [],
          turnUrls: [`turn:127.0.0.1:${hole.port}?transport=tcp`],
          turnSecret: 'firewalled-turn-secret',
          turnTtlSeconds: 600,
        };
      },
    },
  });
  let anna: Page;
  let bram: Page;

  beforeAll(async () => {
    [anna, bram] = call.panels as [Page, Page];
    for (const panel of call.panels) await connectOnlyThroughServer(panel);
  });

  afterAll(async () => {
    await hole?.close();
  });

  it('keeps looking until the relay brings the group, then asks to be let in', async () => {
    const code = await startGroup(anna, 'Teamoverleg IC', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await expect.poll(() => currentPhase(anna).textContent()).toBe('Inventory');

    await watchScreens(bram);
    await joinGroup(bram, code, 'Bram');
    await waitingToBeLetIn(bram).waitFor({ timeout: 45_000 });
    const seen = await screensSeen(bram);
    expect(seen.looking, "Bram's panel said it was looking for the group").toBe(true);
    expect(seen.memberOnly, "Bram's panel before being let in").toEqual([]);

    await letIn(anna, 'Bram');
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 45_000 })
      .toBe('Inventory');
    await expect
      .poll(() => bram.getByRole('list', { name: 'Present' }).textContent(), { timeout: 30_000 })
      .toContain('Anna (chair) via server');
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(QUESTION);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await expect
      .poll(() => anna.locator('main').textContent(), { timeout: 30_000 })
      .toContain(QUESTION);

    // Both reload (the next morning, say): each panel is back in the meeting from what it kept,
    // they find each other through the relay again, and the chair's next phase reaches Bram.
    await Promise.all([anna.reload(), bram.reload()]);
    for (const panel of [anna, bram]) {
      await expect
        .poll(() => currentPhase(panel).textContent(), { timeout: 30_000 })
        .toBe('Inventory');
    }
    await expect
      .poll(() => bram.getByTestId('connection').textContent(), { timeout: 30_000 })
      .toBe('Connected to 1 member. 1 of them through the server, encrypted.');
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 30_000 }).toBe('Analysis');
  });
});
