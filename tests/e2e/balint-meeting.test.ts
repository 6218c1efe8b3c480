import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NodeMember } from '../helpers/node-member';
import {
  caseMeetingWithNodeMember,
  currentPhase,
  endMeeting,
  membersInACall,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/bal-int-aaa';
const CASE = 'Een ouder blijft mij mailen buiten werktijd';
const ASSOCIATION = 'Een kraan die blijft druppen';
const QUESTION = 'Wanneer mailt de ouder het meest?';
const ADVICE = 'Zet een automatisch antwoord aan na vijf uur';

/**
 * A Balint meeting in real Chromium at the narrowest side panel: Anna chairs (a profile), Bram
 * brings the case (a profile), Carla (a Node member) writes a first association, a question and
 * a piece of advice. The association is announced as one, not as advice; in the written advice
 * round it says its round; the case bringer marks questions answered without rating them (the
 * Balint method does not rate); and when the meeting ends, Bram's notes hold the association
 * apart from the advice.
 */
describe('a Balint meeting', () => {
  const call = membersInACall(2, { callUrl: MEET_URL, viewport: { width: 320, height: 800 } });
  let carla: NodeMember | null = null;
  afterAll(() => carla?.close());

  /** Every announcement the panel's announcer makes from now on. */
  const listen = (panel: Page) =>
    panel.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { __said: string[] }).__said = said;
      const region = document.querySelector('[data-testid="announcer"]')!;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const node of r.addedNodes) said.push(node.textContent ?? '');
        }
      }).observe(region, { childList: true });
    });
  const said = (panel: Page) =>
    panel.evaluate(() => (window as unknown as { __said: string[] }).__said);

  async function nextPhase(chair: Page, bringer: Page, name: string, phaseId: string) {
    await chair.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bringer).textContent(), { timeout: 20_000 }).toBe(name);
    await carla!.until((snapshot) => snapshot.meeting?.phase.id === phaseId);
  }

  it('keeps first associations apart from the advice, on the board, in what is said and in the notes', async () => {
    const [anna, bram] = call.panels as [Page, Page];
    carla = await caseMeetingWithNodeMember(anna, bram, call.server.url, {
      group: 'Team Noord',
      methodId: 'balint',
      caseText: CASE,
      member: { memberId: 'carla-node-08', memberName: 'Carla' },
    });
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await listen(bram);
    await nextPhase(anna, bram, 'First associations', 'associations');

    // Written at the same time by everyone: nobody's turn, only who has not written yet.
    await anna.getByText('Not yet: Carla').waitFor();
    expect(await anna.getByText(/^Turn:/).count()).toBe(0);
    expect(await carla.command({ type: 'advise', text: ASSOCIATION })).toEqual({ ok: true });
    await anna.getByText('Everyone has written an association').waitFor({ timeout: 10_000 });
    await anna.getByRole('button', { name: 'Reveal associations' }).click();
    await bram.getByText(ASSOCIATION).waitFor({ timeout: 10_000 });
    await expect.poll(() => said(bram)).toContain('New association from Carla');
    expect(await said(bram)).not.toContain('New advice from Carla');

    await nextPhase(anna, bram, 'Clarifying questions', 'questions');
    expect(await carla.command({ type: 'question', text: QUESTION })).toEqual({ ok: true });
    await bram.getByRole('checkbox', { name: `Answered: ${QUESTION}` }).check();
    expect(await bram.getByRole('group', { name: `Rating: ${QUESTION}` }).count()).toBe(0);

    await nextPhase(anna, bram, 'Written advice', 'advice');
    expect(await carla.command({ type: 'advise', text: ADVICE })).toEqual({ ok: true });
    await anna.getByText('Everyone has given advice').waitFor({ timeout: 10_000 });
    await anna.getByRole('button', { name: 'Reveal advice' }).click();
    await bram.getByText(ADVICE).waitFor({ timeout: 10_000 });
    await expect.poll(() => said(bram)).toContain('New advice from Carla');
    // The association says its round, beside the advice of this one.
    const list = bram.getByRole('list', { name: 'Advice given' });
    await expect
      .poll(() => list.locator('li').allTextContents())
      .toEqual([
        expect.stringContaining(`${ASSOCIATION} by Carla · First associations`),
        expect.stringContaining(`${ADVICE} by Carla · Written advice`),
      ]);

    await bram.getByRole('heading', { name: 'Take the advice home' }).waitFor();
    await endMeeting(anna, bram);
    await bram.getByRole('button', { name: 'My notes' }).click();
    await bram.getByText('Take-home: the advice given to me').waitFor({ timeout: 10_000 });
    await expect
      .poll(() =>
        bram.getByRole('list', { name: 'First associations' }).locator('li').allTextContents(),
      )
      .toEqual([`${ASSOCIATION} by Carla`]);
    expect(
      await bram.getByRole('list', { name: 'Other advice' }).locator('li').allTextContents(),
    ).toEqual([`${ADVICE} by Carla`]);
  });
});
