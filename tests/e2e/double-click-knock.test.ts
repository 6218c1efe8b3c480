import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinGroup, membersInACall, settle, startGroup, waitingToBeLetIn } from './helpers/panel';

/**
 * Two people knock; the chair double-clicks "Let Bram in" out of habit. Bram's row goes and
 * Carla's moves up under the pointer: the second click must not let Carla in, whom the chair
 * has not looked at. Seen in real Chromium before the guard (components/common/repeat-click.ts):
 * both were in.
 */
describe('a double click on a knock', () => {
  const call = membersInACall(3, {
    callUrl: 'https://meet.google.com/dbl-clck-knk',
    viewport: { width: 320, height: 700 },
  });

  it('lets in the one clicked, and the next one keeps waiting', async () => {
    const [anna, bram, carla] = call.panels as [Page, Page, Page];
    const code = await startGroup(anna, 'Team Oost', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    await joinGroup(carla, code, 'Carla');
    await anna.getByRole('button', { name: 'Let Bram in' }).waitFor({ timeout: 30_000 });
    await anna.getByRole('button', { name: 'Let Carla in' }).waitFor({ timeout: 30_000 });
    await settle(anna);

    await anna.getByRole('button', { name: 'Let Bram in' }).dblclick();

    const present = anna.getByRole('list', { name: 'Present' });
    await expect.poll(() => present.textContent(), { timeout: 20_000 }).toContain('Bram');
    // Time for a second admission to travel, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await present.textContent()).not.toContain('Carla');
    expect(await anna.getByRole('button', { name: 'Let Carla in' }).count()).toBe(1);
    expect(await waitingToBeLetIn(carla).count()).toBe(1);
  });
});
