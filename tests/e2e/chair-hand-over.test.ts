import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentPhase, joinGroup, letIn, membersInACall, startGroup } from './helpers/panel';

/**
 * The chair is handed on halfway (the role rotates; a chair has to leave early): a member who
 * joins after it, and members who reload, come to the phase the group is in, with the new
 * chair, and the new chair moves everyone on. Until this was fixed a member let in after a
 * hand-over refused what the chair before had written and saw phase 1. Three browser profiles
 * with the production build, real WebRTC, the project's own signaling server; every control
 * found by role and name.
 */
describe('the chair handed on during a meeting', () => {
  const call = membersInACall(3, { callUrl: 'https://meet.google.com/kri-ngov-rdr' });
  let anna: Page;
  let bram: Page;
  let carla: Page;
  const phaseIs = (panel: Page, name: string) =>
    expect.poll(() => currentPhase(panel).textContent(), { timeout: 30_000 }).toBe(name);

  beforeAll(() => {
    [anna, bram, carla] = call.panels as [Page, Page, Page];
  });

  it('brings a member who joins or reloads after it to the phase the group is in', async () => {
    const code = await startGroup(anna, 'Team Noord', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(carla, code, 'Carla');
    await letIn(anna, 'Carla');
    await anna.getByRole('button', { name: 'Next phase' }).click();
    for (const panel of [anna, carla]) await phaseIs(panel, 'Analysis');

    await anna
      .getByRole('combobox', { name: 'Hand the chair to' })
      .selectOption({ label: 'Carla' });
    await anna.getByRole('button', { name: 'Hand over the chair' }).click();
    await anna.getByRole('button', { name: 'Yes, hand over' }).click();
    await carla.getByRole('button', { name: 'Next phase' }).waitFor({ timeout: 15_000 });
    expect(await anna.getByRole('button', { name: 'Next phase' }).count()).toBe(0);

    // Bram comes late: Carla lets him in, and he is where the group is.
    await joinGroup(bram, code, 'Bram');
    await letIn(carla, 'Bram');
    await phaseIs(bram, 'Analysis');
    await expect
      .poll(() => bram.getByRole('list', { name: 'Present' }).textContent(), { timeout: 30_000 })
      .toContain('Carla (chair)');

    // Carla moves the group on; Anna, who reloads next, comes back to it as a member.
    await carla.getByRole('button', { name: 'Next phase' }).click();
    for (const panel of [anna, bram, carla]) await phaseIs(panel, 'Awareness');
    await Promise.all([anna.reload(), bram.reload()]);
    for (const panel of [anna, bram]) await phaseIs(panel, 'Awareness');
    expect(await anna.getByRole('button', { name: 'Next phase' }).count()).toBe(0);
    await expect
      .poll(() => anna.locator('main').textContent(), { timeout: 15_000 })
      .toContain('Your role: member');
  });
});
