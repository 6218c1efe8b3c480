import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { auditEveryWay, describeFindings } from './helpers/axe';
import type { Finding } from './helpers/axe';

import {
  currentPhase,
  joinGroup,
  letIn,
  membersInACall,
  startGroup,
  waitingToBeLetIn,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/acc-essi-ble';
const CASE = 'Een leerling die niet meer komt';
const QUESTION = 'Wat zei hij de laatste keer dat je hem sprak?';
const CORE = 'Hoe houd ik contact zonder te duwen?';
const ADVICE = 'Stuur een kort briefje zonder vragen.';

/** The width of a side panel as Chrome opens it. */
const PANEL = { width: 360, height: 800 };

/**
 * axe-core on every screen a member meets, as the issue judges it: home, settings, my notes, the
 * group before a meeting, asking to join (the chair's list, a member waiting, a member refused),
 * every phase of the basic method for the chair, the case bringer and a member (three browser
 * profiles over real WebRTC), the timer run out, the end dialog and the ended meeting; each in Dutch and English, light and dark. No violation of impact serious or
 * critical may remain; when one does, the test prints every one with where it was found and the
 * elements concerned.
 */
describe('accessibility of every screen (axe-core)', () => {
  const call = membersInACall(3, { callUrl: MEET_URL, viewport: PANEL });
  let anna: Page;
  let bram: Page;
  let carla: Page;

  const everyone = () => [anna, bram, carla];
  const names = new Map<Page, string>();
  /** Audits each panel as it is now; returns what all of them found. */
  const audit = async (view: string, panels: readonly Page[] = everyone()) => {
    const found: Finding[] = [];
    for (const panel of panels) {
      found.push(...(await auditEveryWay(panel, `${view}, ${names.get(panel) ?? '?'}`)));
    }
    return found;
  };
  const expectClean = (found: readonly Finding[]) =>
    expect(found, describeFindings(found)).toEqual([]);
  const seeText = (text: string) => (panel: Page) =>
    expect.poll(() => panel.locator('main').textContent(), { timeout: 15_000 }).toContain(text);
  const allSee = async (check: (panel: Page) => Promise<unknown>) => {
    for (const panel of everyone()) await check(panel);
  };
  const phaseIs = (name: string) =>
    allSee((panel) =>
      expect.poll(() => currentPhase(panel).textContent(), { timeout: 15_000 }).toBe(name),
    );
  const next = () => anna.getByRole('button', { name: 'Next phase' }).click();

  beforeAll(async () => {
    [anna, bram, carla] = call.panels as [Page, Page, Page];
    names.set(anna, 'chair').set(bram, 'case bringer').set(carla, 'member');
  });

  it('finds nothing serious on home (with an error shown), in the settings and in my notes', async () => {
    const found: Finding[] = [];
    found.push(...(await audit('home', [anna])));
    // An error in red on the home screen: the colour that is hardest to read in the dark.
    const join = anna.getByRole('form', { name: 'Join with an invite' });
    await join.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => join.getByRole('alert').textContent()).not.toBe('');
    found.push(...(await audit('home with an error', [anna])));
    await anna.getByRole('button', { name: 'Settings' }).click();
    found.push(...(await audit('settings', [anna])));
    await anna.getByRole('button', { name: 'Close' }).click();
    await anna.getByRole('button', { name: 'My notes' }).click();
    found.push(...(await audit('my notes', [anna])));
    await anna.getByRole('button', { name: 'Close notes' }).click();
    expectClean(found);
  });

  it('finds nothing serious in the group before the meeting, for the chair and a member', async () => {
    const code = await startGroup(anna, 'Team West', 'Anna');
    await joinGroup(bram, code, 'Bram');
    await joinGroup(carla, code, 'Carla');
    await expect
      .poll(() => anna.getByRole('list', { name: 'Present' }).textContent(), { timeout: 30_000 })
      .toMatch(/Bram.*Carla|Carla.*Bram/);
    expectClean(await audit('group before the meeting', [anna, bram]));
  });

  it('finds nothing serious in any phase of the basic method, for chair, case bringer and member', async () => {
    const found: Finding[] = [];
    const chairToday = anna.getByRole('button', { name: 'I chair today' });
    if ((await chairToday.count()) > 0) await chairToday.click();
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();

    // Admission: Bram and Carla ask to join; the chair sees both in "Asking to join".
    await waitingToBeLetIn(bram).waitFor({ timeout: 30_000 });
    await waitingToBeLetIn(carla).waitFor({ timeout: 30_000 });
    await anna.getByRole('button', { name: 'Let Carla in', exact: true }).waitFor();
    await anna.getByRole('button', { name: 'Let Bram in', exact: true }).waitFor();
    found.push(...(await audit('asking to join', [anna, bram])));
    // Carla refused (her panel says so, with "Ask again"), then let in when she asks again.
    await anna.getByRole('button', { name: 'Refuse Carla', exact: true }).click();
    await carla.getByRole('heading', { name: 'You were not let in' }).waitFor({ timeout: 15_000 });
    found.push(...(await audit('refused', [carla])));
    await carla.getByRole('button', { name: 'Ask again' }).click();
    await letIn(anna, 'Bram', 'Carla');
    await phaseIs('Inventory');

    // Inventory: two work questions, a vote; the chair sees the confirm buttons.
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(CASE);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await carla.getByRole('textbox', { name: 'Your work question' }).fill('Werkdruk in december');
    await carla.getByRole('button', { name: 'Add work question' }).click();
    await allSee(seeText(CASE));
    await allSee(seeText('Werkdruk in december'));
    await carla.getByRole('button', { name: `Vote for this: ${CASE}` }).click();
    found.push(...(await audit('inventory')));
    await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
    await allSee(seeText(`Case: ${CASE} — brought in by Bram`));
    found.push(...(await audit('inventory, case confirmed')));

    // Analysis: a question, answered.
    await next();
    await phaseIs('Analysis');
    await carla.getByRole('textbox', { name: 'Your question' }).fill(QUESTION);
    await carla.getByRole('button', { name: 'Post question' }).click();
    await allSee(seeText(QUESTION));
    await bram.getByRole('checkbox', { name: `Answered: ${QUESTION}` }).check();
    found.push(...(await audit('analysis')));

    // Awareness: a proposal the case bringer can choose.
    await next();
    await phaseIs('Awareness');
    await carla.getByRole('textbox', { name: 'Your wording of the core question' }).fill(CORE);
    await carla.getByRole('button', { name: 'Propose' }).click();
    await allSee(seeText(CORE));
    found.push(...(await audit('awareness')));
    await bram.getByRole('button', { name: `Choose this one: ${CORE}` }).click();
    await allSee(seeText(`Core question: ${CORE}`));

    // Advice: advice given and starred, while the case bringer listens.
    await next();
    await phaseIs('Advice');
    await carla.getByRole('textbox', { name: 'Your advice' }).fill(ADVICE);
    await carla.getByRole('button', { name: 'Give advice' }).click();
    await allSee(seeText(ADVICE));
    await bram.getByRole('button', { name: `Star: ${ADVICE}` }).click();
    found.push(...(await audit('advice')));

    // Evaluation: a line; the time runs out; then the chair's end dialog, open.
    await next();
    await phaseIs('Evaluation');
    await carla.getByRole('textbox', { name: 'Your line' }).fill('Rustig tempo hielp.');
    await carla.getByRole('button', { name: 'Add line' }).click();
    await allSee(seeText('Rustig tempo hielp.'));
    found.push(...(await audit('evaluation')));
    // Time up, in red: the chair's panel wrote the timer, so its own clock decides.
    await anna.clock.install();
    await anna.clock.fastForward('20:00');
    await anna.getByRole('alert').filter({ hasText: 'Time is up for this phase.' }).waitFor();
    found.push(...(await audit('time up', [anna])));
    await anna.getByRole('button', { name: 'End the meeting' }).click();
    await expect.poll(() => anna.getByRole('alertdialog').count()).toBe(1);
    found.push(...(await audit('end dialog', [anna])));
    expectClean(found);
  }, 600_000);

  it('finds nothing serious once the meeting has ended', async () => {
    await anna.getByRole('button', { name: 'Yes, end it' }).click();
    await allSee((panel) =>
      expect
        .poll(() => panel.getByRole('heading', { name: 'The meeting has ended.' }).count(), {
          timeout: 15_000,
        })
        .toBe(1),
    );
    expectClean(await audit('ended'));
  }, 300_000);
});
