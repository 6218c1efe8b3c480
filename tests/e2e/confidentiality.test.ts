import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinGroup, letIn, membersInACall, startGroup } from './helpers/panel';

const MEET_URL = 'https://meet.google.com/ver-trou-wlk';

/**
 * Issue 14, point 9: the first phase opens with the group's confidentiality agreement; each
 * member confirms it in their own panel and the chair sees who has. Three browser profiles with
 * the production build, real WebRTC through the project's signaling server.
 */
describe('the confidentiality agreement at the start', () => {
  const call = membersInACall(3, { callUrl: MEET_URL });
  let anna: Page;
  let bram: Page;
  let carla: Page;

  beforeAll(async () => {
    [anna, bram, carla] = call.panels as [Page, Page, Page];
  });

  it('two members confirm in their panels and the chair sees both', async () => {
    const code = await startGroup(anna, 'Team Noord', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    await joinGroup(carla, code, 'Carla');
    await letIn(anna, 'Bram', 'Carla');
    await expect
      .poll(() => anna.getByRole('list', { name: 'Present' }).textContent(), { timeout: 20_000 })
      .toMatch(/Anna \(chair, you\).*Bram \(member\).*Carla \(member\)/);
    const status = anna.getByTestId('confidentiality-status');
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toBe('Confirmed: nobody yet · Not yet: Anna, Bram, Carla');

    for (const panel of [bram, carla]) {
      const region = panel.getByRole('region', { name: 'Confidentiality' });
      await expect
        .poll(() => region.textContent(), { timeout: 15_000 })
        .toContain('What is said in the group stays confidential.');
      // Only the chair reads who has confirmed.
      expect(await panel.getByTestId('confidentiality-status').count()).toBe(0);
      await region.getByRole('checkbox', { name: 'I agree' }).check();
      expect(await region.getByRole('checkbox', { name: 'I agree' }).isChecked()).toBe(true);
    }
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toBe('Confirmed: Bram, Carla · Not yet: Anna');
    // The chair's own box is still empty: nobody confirmed in Anna's name.
    expect(await anna.getByRole('checkbox', { name: 'I agree' }).isChecked()).toBe(false);
    await anna.getByRole('checkbox', { name: 'I agree' }).check();
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toBe('Confirmed: Anna, Bram, Carla · Everyone has confirmed.');
    // Every member sees their own confirmation as the document holds it.
    await expect
      .poll(() => bram.getByRole('checkbox', { name: 'I agree' }).isChecked(), { timeout: 15_000 })
      .toBe(true);

    // The agreement belongs to the first phase only.
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect
      .poll(() => carla.getByRole('region', { name: 'Confidentiality' }).count(), {
        timeout: 15_000,
      })
      .toBe(0);
  });
});
