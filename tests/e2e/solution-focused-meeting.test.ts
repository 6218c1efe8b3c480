import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { auditEveryWay, describeFindings } from './helpers/axe';
import {
  currentPhase,
  endMeeting,
  joinGroup,
  letIn,
  membersInACall,
  startGroup,
} from './helpers/panel';

const CASE = 'Hoe krijg ik rust in mijn ochtenddienst?';
const STEP = 'Morgen om acht uur de planner bellen';
const COMPLIMENT = 'Je bleef rustig en eerlijk tegen je team';

/**
 * The solution-focused method as its group meets it, in three browser profiles at side panel
 * width: the case bringer marks where they are on the scaling question (0 to 10) and the others
 * see it, writes their next small step (no advice list: the method gives none),
 * a member gives a compliment, which the case bringer takes in without stars or "already tried",
 * and takes home as a compliment, in their own notes, when the chair ends the meeting.
 */
describe('a solution-focused meeting', () => {
  const call = membersInACall(3, {
    callUrl: 'https://meet.google.com/opl-ossi-ngg',
    viewport: { width: 340, height: 720 },
  });

  it('asks for the next small step and compliments, and the case bringer takes them home', async () => {
    const [anna, bram, carla] = call.panels as [Page, Page, Page];
    const code = await startGroup(anna, 'Team Oost', 'Anna');
    await anna.getByRole('combobox', { name: 'Method' }).selectOption('solution-focused');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await Promise.all([joinGroup(bram, code, 'Bram'), joinGroup(carla, code, 'Carla')]);
    await letIn(anna, 'Bram', 'Carla');
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(CASE);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
    const moveTo = async (phase: string) => {
      await anna.getByRole('button', { name: 'Next phase' }).click();
      for (const panel of [bram, carla]) {
        await expect.poll(() => currentPhase(panel).textContent(), { timeout: 20_000 }).toBe(phase);
      }
    };
    for (const phase of ['Framing the question', 'Desired situation', 'Exceptions', 'Scaling']) {
      await moveTo(phase);
    }

    // The scaling question: Bram picks where he is now; the others see it and what to ask.
    await carla.getByText('Bram picks a number from 0 to 10 here.').waitFor();
    await bram.getByRole('radio', { name: '3' }).check();
    await bram.keyboard.press('ArrowRight');
    await bram.getByText('The group sees: 4 of 10.').waitFor();
    await carla.getByText('Bram is at 4 of 10').waitFor({ timeout: 20_000 });
    await carla.getByText('Ask what makes it not a 0, and what a 5 would look like.').waitFor();
    // axe-core on both sides of the scale, in Dutch and English, light and dark.
    const found = [
      ...(await auditEveryWay(bram, 'scaling, case bringer')),
      ...(await auditEveryWay(carla, 'scaling, member')),
    ];
    expect(found, describeFindings(found)).toEqual([]);
    await moveTo('Next small step');
    await carla.getByText('On the scale: Bram at 4 of 10').waitFor();

    await carla.getByText('Bram writes their next small step here.').waitFor();
    await bram.getByRole('textbox', { name: 'My next small step' }).fill(STEP);
    await bram.getByRole('button', { name: 'Save my step' }).click();
    await carla.getByRole('heading', { name: "Bram's next small step" }).waitFor();
    expect(await carla.getByText(STEP).count()).toBe(1);
    expect(await carla.getByText(/advice/i).count()).toBe(0);

    await moveTo('Compliments');
    await carla.getByRole('textbox', { name: 'Your compliment' }).fill(COMPLIMENT);
    await carla.getByRole('button', { name: 'Give compliment' }).click();
    await bram.getByText(COMPLIMENT).waitFor({ timeout: 20_000 });
    expect(await bram.getByRole('button', { name: /^Star:/ }).count()).toBe(0);
    expect(await bram.getByRole('checkbox', { name: /^Already tried/ }).count()).toBe(0);
    await bram.getByRole('heading', { name: 'Take the compliments home' }).waitFor();

    await endMeeting(anna, bram);
    await bram.getByRole('button', { name: 'My notes' }).click();
    const compliments = bram.getByRole('list', { name: 'Compliments' });
    await expect.poll(() => compliments.textContent(), { timeout: 10_000 }).toContain(COMPLIMENT);
    expect(await bram.getByText(STEP).count()).toBe(1);
    expect(await bram.getByText('Where I was: 4 of 10').count()).toBe(1);
    expect(await bram.getByRole('list', { name: 'Other advice' }).count()).toBe(0);
  });
});
