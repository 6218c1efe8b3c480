import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentPhase, joinGroup, letIn, membersInACall, settle, startGroup } from './helpers/panel';

const CASE = 'Een ouder die steeds boos belt';
const Q1 = 'Wat deed je toen hij de eerste keer belde?';
const Q2 = 'Wie was er verder bij?';
const CORE = 'Hoe houd ik rust als een ouder boos belt?';
const ADVICE = 'Spreek een vast belmoment af.';
const ADVICE2 = 'Vraag een collega om mee te luisteren.';

describe('long walk', () => {
  const call = membersInACall(4, { callUrl: 'https://meet.google.com/abc-defg-hij', viewport: { width: 320, height: 700 } });
  it('walks', { timeout: 900_000 }, async () => {
    const [anna, bram, carla, dirk] = call.panels as [Page, Page, Page, Page];
    const names = new Map([[anna, 'Anna'], [bram, 'Bram'], [carla, 'Carla'], [dirk, 'Dirk']]);
    const errors: string[] = [];
    const watch = (p: Page) => {
      p.on('pageerror', (e) => errors.push(`${names.get(p)} pageerror: ${e.message}`));
      p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${names.get(p)} console.${m.type()}: ${m.text()}`); });
    };
    for (const p of call.panels) watch(p);
    const all = () => [anna, bram, carla, dirk];
    const phaseIs = async (name: string, panels = all()) => {
      for (const p of panels) await expect.poll(() => currentPhase(p).textContent(), { timeout: 20_000 }).toBe(name);
    };
    const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 23)}] ${s}`);
    try {
      const code = await startGroup(anna, 'Team Oost', 'Anna');
      await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
      await Promise.all([joinGroup(bram, code, 'Bram'), joinGroup(carla, code, 'Carla'), joinGroup(dirk, code, 'Dirk')]);
      await letIn(anna, 'Bram', 'Carla', 'Dirk');
      await phaseIs('Inventory');
      log('all in');
      for (const p of all()) await p.getByRole('checkbox', { name: 'I agree' }).check();
      await bram.getByRole('textbox', { name: 'Your work question' }).fill(CASE);
      await bram.getByRole('button', { name: 'Add work question' }).click();
      await carla.getByRole('textbox', { name: 'Your work question' }).fill('Omgaan met onzekerheid');
      await carla.getByRole('button', { name: 'Add work question' }).click();
      await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
      for (const p of all()) await expect.poll(() => p.locator('main').textContent()).toContain('brought in by Bram');
      log('case');
      await anna.getByRole('button', { name: 'Next phase' }).click();
      await phaseIs('Analysis');
      await carla.getByRole('textbox', { name: 'Your question' }).fill(Q1);
      await carla.getByRole('button', { name: 'Post question' }).click();
      // Dirk reloads mid-phase.
      await dirk.reload();
      await phaseIs('Analysis', [dirk]);
      log('dirk back');
      await dirk.getByRole('textbox', { name: 'Your question' }).fill(Q2);
      await dirk.getByRole('button', { name: 'Post question' }).click();
      for (const p of all()) await expect.poll(() => p.locator('main').textContent()).toContain(Q2);
      await bram.getByRole('checkbox', { name: `Answered: ${Q1}` }).check();
      // The chair reloads mid-phase.
      await anna.reload();
      await phaseIs('Analysis', [anna]);
      log('anna back');
      await anna.getByRole('button', { name: 'Next phase' }).click();
      await phaseIs('Awareness');
      await carla.getByRole('textbox', { name: 'Your wording of the core question' }).fill(CORE);
      await carla.getByRole('button', { name: 'Propose' }).click();
      await bram.getByRole('button', { name: `Choose this one: ${CORE}` }).click();
      // Anna hands the chair to Carla.
      await anna.getByRole('combobox', { name: 'Hand the chair to' }).selectOption({ label: 'Carla' });
      await anna.getByRole('button', { name: 'Hand over the chair' }).click();
      await anna.getByRole('button', { name: 'Yes, hand over' }).click();
      await carla.getByRole('button', { name: 'Next phase' }).waitFor({ timeout: 20_000 });
      log('carla chairs');
      await carla.getByRole('button', { name: 'Next phase' }).click();
      await phaseIs('Advice');
      await anna.getByRole('textbox', { name: 'Your advice' }).fill(ADVICE);
      await anna.getByRole('button', { name: 'Give advice' }).click();
      await dirk.getByRole('textbox', { name: 'Your advice' }).fill(ADVICE2);
      await dirk.getByRole('button', { name: 'Give advice' }).click();
      await bram.getByRole('button', { name: `Star: ${ADVICE}` }).click();
      await bram.getByRole('textbox', { name: 'What I will do with this advice' }).fill('Ik bel maandag terug.');
      await bram.getByRole('button', { name: 'Save intentions' }).click();
      const save = bram.getByRole('button', { name: /Save the advice in my notes/ });
      if (await save.count()) { await save.click(); log('advice saved'); }
      await carla.getByRole('button', { name: 'Next phase' }).click();
      await phaseIs('Evaluation');
      await dirk.getByRole('radio', { name: 'Agreement for next time' }).check();
      await dirk.getByRole('textbox', { name: 'Your line' }).fill('Volgende keer begint Dirk');
      await dirk.getByRole('button', { name: 'Add line' }).click();
      await anna.getByRole('textbox', { name: /My note for Evaluation/ }).fill('Ik leerde geduld.').catch((e) => log(`note: ${e.message.slice(0, 80)}`));
      await carla.getByRole('button', { name: 'End the meeting' }).click();
      await carla.getByRole('button', { name: 'Yes, end it' }).click();
      for (const p of all()) await p.getByRole('heading', { name: 'The meeting has ended.' }).waitFor({ timeout: 20_000 });
      log('ended');
      for (const p of all()) {
        await p.getByRole('button', { name: 'Done' }).click();
        await p.getByRole('button', { name: 'Open Team Oost' }).click();
      }
      await dirk.getByRole('button', { name: 'I chair today' }).click();
      await dirk.getByRole('button', { name: 'Start the meeting as chair' }).click();
      await phaseIs('Inventory');
      log('meeting 2');
      for (const p of all()) await settle(p);
      for (const p of all()) await p.screenshot({ path: `/tmp/kscratch/shots/m2-${names.get(p)}.png`, fullPage: true });
      const texts = await Promise.all(all().map((p) => p.locator('main').textContent()));
      for (const [i, t] of texts.entries()) log(`${['Anna','Bram','Carla','Dirk'][i]}: lookback has agreement: ${t?.includes('Volgende keer begint Dirk')}; meeting 2: ${t?.match(/Meeting \d+/)?.[0]}`);
    } finally {
      console.log('ERRORS\n' + errors.join('\n'));
    }
  });
});
