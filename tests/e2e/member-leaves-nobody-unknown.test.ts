import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEER_TTL_MS } from '../../lib/connection/relay-plan';
import { currentPhase, joinGroup, letIn, membersInACall, startGroup } from './helpers/panel';

const MEET_URL = 'https://meet.google.com/lar-gemt-ngx';

/**
 * "Someone unknown is connected ... share nothing more until the chair has moved the meeting to
 * a fresh room" must mean someone unknown. Each time a member reloaded or closed the panel, the
 * chair saw it for about 7 s, from about 13 s after: the page going away still answered the
 * chair's announce (and y-webrtc's leaving room announced itself), the chair then relayed to
 * that departed peer through the server until it had been silent for PEER_TTL_MS, and a relayed
 * peer that shows no presence is what the warning counted. Now: no relay to a peer whose direct
 * connection closed until it is heard again (relay-plan RP7), and a relayed peer counts only once
 * it said something since the relay began (unseen-peers UP7). The reload comes right after Bram
 * is listed, which is when RP7 alone was not enough.
 */
describe('a member who reloads, then closes the panel', () => {
  const call = membersInACall(2, { callUrl: MEET_URL });
  let anna: Page;
  let bram: Page;

  beforeAll(async () => {
    [anna, bram] = call.panels as [Page, Page];
  });

  /** What the chair's warning said, sampled each second for `ms`. */
  const warningsFor = async (ms: number): Promise<string[]> => {
    const shown: string[] = [];
    const until = Date.now() + ms;
    while (Date.now() < until) {
      for (const text of await anna.getByTestId('unknown-peers').allTextContents()) {
        if (text !== '') shown.push(text);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    return shown;
  };
  const present = () => anna.getByRole('list', { name: 'Present' }).textContent();

  it('never shows the chair someone unknown', async () => {
    const code = await startGroup(anna, 'Team Oost', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    await letIn(anna, 'Bram');
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 20_000 })
      .toBe('Inventory');
    await expect.poll(present, { timeout: 20_000 }).toContain('Bram');

    await bram.reload();
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 20_000 })
      .toBe('Inventory');
    expect(await warningsFor(PEER_TTL_MS + 5_000)).toEqual([]);
    expect(await present()).toContain('Bram');

    await bram.goto('about:blank');
    await expect.poll(present, { timeout: 20_000 }).not.toContain('Bram');
    expect(await warningsFor(PEER_TTL_MS + 5_000)).toEqual([]);
  }, 150_000);
});
