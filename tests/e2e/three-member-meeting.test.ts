import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';

import {
  currentPhase,
  joinGroup,
  letIn,
  membersInACall,
  settle,
  startGroup,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/kri-ngte-stx';
const CASE = 'Een ouder die steeds boos belt';
const QUESTION = 'Wat gebeurde er precies in het laatste gesprek?';
const CORE = 'Hoe blijf ik rustig als een ouder boos wordt?';
const ADVICE = 'Plan een vast belmoment met de ouder.';
const AGREEMENT = 'Volgende keer zit Carla voor';

/**
 * A complete five-phase meeting as three people hold it: Anna chairs, Bram brings the case,
 * Carla asks and advises. Three browser profiles with the production build of the extension,
 * real WebRTC, the project's own signaling server; every control found by role and name.
 */
describe('a whole meeting with three members', () => {
  const call = membersInACall(3, { callUrl: MEET_URL });
  let anna: Page;
  let bram: Page;
  let carla: Page;

  const everyone = () => [anna, bram, carla];
  const allSee = async (check: (panel: Page) => Promise<unknown>) => {
    for (const panel of everyone()) await check(panel);
  };
  const seeText = (text: string) => (panel: Page) =>
    expect.poll(() => panel.locator('main').textContent(), { timeout: 15_000 }).toContain(text);
  const phaseIs = (name: string) => (panel: Page) =>
    expect.poll(() => currentPhase(panel).textContent(), { timeout: 15_000 }).toBe(name);
  const next = async () => anna.getByRole('button', { name: 'Next phase' }).click();

  beforeAll(async () => {
    [anna, bram, carla] = call.panels as [Page, Page, Page];
  });

  it('runs pitch, vote, choice, questions, reformulation, advice, evaluation and the end', async () => {
    // Anna starts the group and the meeting; the others join with the invite.
    const code = await startGroup(anna, 'Team Oost', 'Anna');
    await anna.getByRole('combobox', { name: 'Time available' }).selectOption('90');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    await joinGroup(carla, code, 'Carla');
    await letIn(anna, 'Bram', 'Carla');
    await allSee(phaseIs('Inventory'));
    // An honest meeting never shows "Someone unknown is connected" (issue 13, point 3): sampled
    // on every panel each second until the end, joiners' first seconds included.
    const unknownShown: string[] = [];
    const sampler = setInterval(() => {
      for (const [i, panel] of everyone().entries()) {
        void panel
          .getByTestId('unknown-peers')
          .allTextContents()
          .then((texts) => {
            for (const text of texts) if (text !== '') unknownShown.push(`panel ${i}: ${text}`);
          })
          .catch(() => undefined);
      }
    }, 1_000);
    await expect
      .poll(() => anna.getByRole('list', { name: 'Present' }).textContent(), { timeout: 20_000 })
      .toMatch(/Anna \(chair, you\).*Bram \(member\).*Carla \(member\)/);

    // The timer: every panel shows the same remaining time; the chair pauses and extends it.
    // Each panel's time is read with the moment it was read (one clock: one machine), so that
    // panels read one after another on a loaded machine are compared by when their phase ends.
    const reading = async (panel: Page) => {
      const [text, at] = await panel
        .getByRole('timer', { name: 'Time left in this phase' })
        .evaluate((timer) => [timer.textContent ?? '', Date.now()] as const);
      const match = /^(\d+):(\d{2})$/.exec(text.trim());
      if (!match) throw new Error(`not a remaining time: ${text}`);
      return { seconds: Number(match[1]) * 60 + Number(match[2]), at };
    };
    const timesNow = async () => (await Promise.all(everyone().map(reading))).map((r) => r.seconds);
    /**
     * How far apart the panels' ends of the phase are, in seconds. A panel shows whole seconds,
     * redrawn every half second, so each reading of an end is off by up to about 1.5 s, more on a
     * loaded machine (seen in CI: a spread of 2.05 s): the spread is read until it is within 2 s,
     * for 5 s at most. Timers that disagree by more than about 3.5 s never get there.
     */
    const endsSpread = async () => {
      const ends = (await Promise.all(everyone().map(reading))).map((r) => r.at / 1000 + r.seconds);
      return Math.max(...ends) - Math.min(...ends);
    };
    await expect.poll(endsSpread, { timeout: 5_000 }).toBeLessThanOrEqual(2);
    const times = await timesNow();
    expect(times[0]).toBeGreaterThan(15 * 60 - 30); // 90 minutes rescaled: about 16 for the inventory
    await anna.getByRole('button', { name: 'Pause timer' }).click();
    await allSee(seeText('(paused)'));
    await anna.getByRole('button', { name: 'Add one minute' }).click();
    await expect.poll(async () => new Set(await timesNow()).size, { timeout: 15_000 }).toBe(1); // paused: to the second the same everywhere
    const paused = (await timesNow())[0]!;
    expect(paused).toBeGreaterThan(times[0]! + 30);
    await anna.getByRole('button', { name: 'Resume timer' }).click();
    await expect.poll(() => bram.locator('main').textContent()).not.toContain('(paused)');
    await expect.poll(endsSpread, { timeout: 5_000 }).toBeLessThanOrEqual(2);

    // Anna hands the time to Carla as timekeeper: Carla pauses and resumes it for everyone.
    expect(await carla.getByRole('group', { name: 'Timekeeping' }).count()).toBe(0);
    await anna.getByRole('combobox', { name: 'Timekeeper' }).selectOption({ label: 'Carla' });
    const keeping = carla.getByRole('group', { name: 'Timekeeping' });
    await keeping.getByRole('button', { name: 'Pause timer' }).click({ timeout: 15_000 });
    await allSee(seeText('(paused)'));
    await allSee(seeText('Timekeeper: Carla'));
    expect(await bram.getByRole('group', { name: 'Timekeeping' }).count()).toBe(0);
    await keeping.getByRole('button', { name: 'Resume timer' }).click();
    await expect.poll(() => anna.locator('main').textContent()).not.toContain('(paused)');

    // Inventory: Bram and Carla pitch, Carla votes and scores, Anna confirms Bram's case.
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(CASE);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await carla.getByRole('textbox', { name: 'Your work question' }).fill('Omgaan met onzekerheid');
    await carla.getByRole('radio', { name: 'Theme' }).check();
    await carla.getByRole('button', { name: 'Add work question' }).click();
    await allSee(seeText(CASE));
    await allSee(seeText('Omgaan met onzekerheid'));
    expect(await anna.getByRole('textbox', { name: 'Your work question' }).count()).toBe(0);
    await carla.getByRole('button', { name: `Vote for this: ${CASE}` }).click();
    await carla.getByRole('combobox', { name: `Emotion for: ${CASE}` }).selectOption('3');
    await expect
      .poll(() => anna.getByRole('region', { name: 'Result' }).textContent(), { timeout: 15_000 })
      .toMatch(/votes: 1/);
    await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
    await allSee(seeText(`Case: ${CASE} — brought in by Bram`));
    await expect
      .poll(() => carla.getByRole('list', { name: 'Present' }).textContent())
      .toContain('Bram (case bringer)');

    // Analysis: the coach points out a closed question; Carla asks an open one; Bram answers.
    // Out of habit Anna double-clicks: the group moves one phase, not two (the bar stays put
    // under the pointer while the phase changes). Her own document has both clicks by now.
    await anna.getByRole('button', { name: 'Next phase' }).dblclick();
    await settle(anna);
    expect(await currentPhase(anna).textContent()).toBe('Analysis');
    await allSee(phaseIs('Analysis'));
    // Anna started alone, as the invite's first step says to; with three here now she guards the
    // process and asks nothing herself: no question form, no "Few members" note.
    await carla.getByRole('textbox', { name: 'Your question' }).waitFor();
    expect(await anna.getByRole('textbox', { name: 'Your question' }).count()).toBe(0);
    expect(await anna.locator('main').textContent()).not.toContain('Few members');
    const question = carla.getByRole('textbox', { name: 'Your question' });
    await question.fill('Heb je al met haar gepraat?');
    await expect.poll(() => carla.locator('main').textContent()).toContain('Coach:');
    await expect
      .poll(() => carla.locator('main').textContent())
      .not.toContain('Coach: no remarks.');
    await question.fill(QUESTION);
    await expect.poll(() => carla.locator('main').textContent()).toContain('Coach: no remarks.');
    await carla.getByRole('button', { name: 'Post question' }).click();
    await allSee(seeText(QUESTION));
    await bram.getByRole('checkbox', { name: `Answered: ${QUESTION}` }).check();
    await allSee(seeText('✓ answered'));

    // Awareness: Carla proposes the core question, Bram chooses it, it stays visible.
    await next();
    await allSee(phaseIs('Awareness'));
    await carla.getByRole('textbox', { name: 'Your wording of the core question' }).fill(CORE);
    await carla.getByRole('button', { name: 'Propose' }).click();
    await bram.getByRole('button', { name: `Choose this one: ${CORE}` }).click();
    await allSee(seeText(`Core question: ${CORE}`));

    // Advice: Bram only listens (every panel says so); Carla advises; Bram stars it and says
    // what he will do.
    await next();
    await allSee(phaseIs('Advice'));
    await allSee(seeText(`Core question: ${CORE}`));
    await seeText('Bram listens without reacting in this round')(anna);
    await seeText('Bram listens without reacting in this round')(carla);
    await seeText('You listen without reacting in this round')(bram);
    await carla.getByRole('textbox', { name: 'Your advice' }).fill(ADVICE);
    await carla.getByRole('button', { name: 'Give advice' }).click();
    await allSee(seeText(ADVICE));
    await seeText('Everyone has given advice')(anna);
    await bram.getByRole('button', { name: `Star: ${ADVICE}` }).click();
    await expect.poll(() => carla.getByRole('button', { name: `Star: ${ADVICE}` }).count()).toBe(0); // only the case bringer stars
    await bram
      .getByRole('textbox', { name: 'What I will do with this advice' })
      .fill('Ik bel maandag terug.');
    await bram.getByRole('button', { name: 'Save intentions' }).click();
    await seeText('Ik bel maandag terug.')(anna);
    await seeText('Ik bel maandag terug.')(carla);

    // Evaluation: everyone writes; the chair ends the meeting.
    await next();
    await allSee(phaseIs('Evaluation'));
    await carla.getByRole('radio', { name: 'What this meeting gave me' }).check();
    await carla
      .getByRole('textbox', { name: 'Your line' })
      .fill('Open vragen werken beter dan advies.');
    await carla.getByRole('button', { name: 'Add line' }).click();
    await anna.getByRole('radio', { name: 'Agreement for next time' }).check();
    await anna.getByRole('textbox', { name: 'Your line' }).fill(AGREEMENT);
    await anna.getByRole('button', { name: 'Add line' }).click();
    await allSee(seeText(AGREEMENT));
    await allSee(seeText('Open vragen werken beter dan advies.'));

    clearInterval(sampler);
    for (const panel of everyone())
      expect(await panel.getByTestId('unknown-peers').count()).toBe(1);
    expect(unknownShown).toEqual([]);
    await anna.getByRole('button', { name: 'End the meeting' }).click();
    await anna.getByRole('button', { name: 'Yes, end it' }).click();
    await allSee((panel) =>
      expect
        .poll(() => panel.getByRole('heading', { name: 'The meeting has ended.' }).count(), {
          timeout: 15_000,
        })
        .toBe(1),
    );
    // Only what the group keeps is left; nothing of the case, questions or advice.
    for (const panel of everyone()) {
      const text = (await panel.locator('body').textContent()) ?? '';
      expect(text).toContain(AGREEMENT);
      for (const gone of [
        CASE,
        QUESTION,
        CORE,
        ADVICE,
        'Ik bel maandag terug.',
        'Open vragen werken',
      ]) {
        expect(text).not.toContain(gone);
      }
    }
  });
});
