import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NodeMember } from '../helpers/node-member';
import {
  caseMeetingWithNodeMember,
  currentPhase,
  endMeeting,
  membersInACall,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/soc-rate-sss';
const CASE = 'Hoe zeg ik nee tegen extra diensten?';
const FIRST = 'Wanneer lukte het wel?';
const SECOND = 'Wat gebeurt er in je als je ja zegt?';
const THIRD = 'Wie heeft er belang bij dat je ja zegt?';

/**
 * A Socratic meeting in real Chromium, at a side panel's width: Anna chairs (a profile), Bram
 * brings the case (a profile), Carla (a Node member) writes her three open questions blind. Bram
 * sorts them warm, neutral and cold while every panel follows how far he is; in the answering
 * phase the questions stand warm first and the cold one is left aside, and a new rating given by
 * keyboard keeps Bram's place; when the meeting ends and the board is cleared, the questions he
 * rated are in his own notes, warm first.
 */
describe('a Socratic meeting', () => {
  const call = membersInACall(2, { callUrl: MEET_URL, viewport: { width: 360, height: 800 } });
  let carla: NodeMember | null = null;
  afterAll(() => carla?.close());

  it('sorts the questions, answers the warm ones first and sends the rated ones home with the case bringer', async () => {
    const [anna, bram] = call.panels as [Page, Page];
    carla = await caseMeetingWithNodeMember(anna, bram, call.server.url, {
      group: 'Team West',
      methodId: 'socratic',
      caseText: CASE,
      member: { memberId: 'carla-node-07', memberName: 'Carla' },
    });
    // A setting for between meetings stays out of the meeting's way, on both panels.
    const series = (panel: Page) =>
      panel.getByRole('spinbutton', { name: 'Meetings in this series' }).count();
    expect([await series(anna), await series(bram)]).toEqual([0, 0]);
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 20_000 })
      .toBe('Open questions');

    await carla.until((snapshot) => snapshot.meeting?.phaseIndex === 1);
    for (const text of [FIRST, SECOND, THIRD]) {
      expect(await carla.command({ type: 'question', text })).toEqual({ ok: true });
    }
    await anna.getByText('3 questions hidden until the chair reveals them').waitFor();
    await anna.getByRole('button', { name: 'Reveal questions' }).click();
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 20_000 }).toBe('Sorting');

    // Bram sorts; the chair sees how far he is, and nothing moves while he does.
    await anna.getByText('Rated: 0 of 3').waitFor();
    const rate = (text: string, rating: string) =>
      bram
        .getByRole('group', { name: `Rating: ${text}` })
        .getByRole('button', { name: rating, exact: true })
        .click();
    await rate(FIRST, 'Cold');
    await rate(SECOND, 'Warm');
    await anna.getByText('Rated: 2 of 3', { exact: true }).waitFor({ timeout: 10_000 });
    const order = (panel: Page) => panel.locator('.question-board .item-text').allTextContents();
    expect(await order(bram)).toEqual([FIRST, SECOND, THIRD]);
    await rate(THIRD, 'Neutral');
    await anna.getByText('Rated: 3 of 3', { exact: true }).waitFor({ timeout: 10_000 });

    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 20_000 }).toBe('Answers');
    const groups = (panel: Page) => panel.locator('.question-board h4').allTextContents();
    await expect.poll(() => groups(anna)).toEqual(['Warm (1)', 'Neutral (1)', 'Cold (1)']);
    expect(await order(anna)).toEqual([SECOND, THIRD, FIRST]);
    await anna
      .getByText('Left aside: the case bringer answers the warm and neutral questions.')
      .waitFor();
    await bram.getByText('Left aside: you answer the warm and neutral questions.').waitFor();

    // On second thought the cold question is warm after all: Bram says so by keyboard, and his
    // place stays on the button he pressed, in the question's new group.
    const firstRating = bram.getByRole('group', { name: `Rating: ${FIRST}` });
    await firstRating.getByRole('button', { name: 'Warm', exact: true }).focus();
    await bram.keyboard.press('Enter');
    await expect.poll(() => groups(bram)).toEqual(['Warm (2)', 'Neutral (1)']);
    expect(await order(bram)).toEqual([FIRST, SECOND, THIRD]);
    const focused = await bram.evaluate(() => ({
      label: document.activeElement?.textContent,
      pressed: document.activeElement?.getAttribute('aria-pressed'),
      group: document.activeElement?.closest('[role=group]')?.getAttribute('aria-label'),
    }));
    expect(focused).toEqual({ label: 'Warm', pressed: 'true', group: `Rating: ${FIRST}` });
    await bram.getByRole('checkbox', { name: `Answered: ${FIRST}` }).check();

    // The case bringer's own section says what goes home; the meeting ends, the board is cleared.
    await bram.getByRole('heading', { name: 'Take the questions home' }).waitFor();
    await endMeeting(anna, bram);
    expect(await series(anna)).toBe(1);
    await bram.getByRole('button', { name: 'My notes' }).click();
    await bram.getByText('Take-home: the questions asked of me').waitFor({ timeout: 10_000 });
    const warm = bram.getByRole('list', { name: 'Warm questions' });
    await expect
      .poll(() => warm.locator('li').allTextContents())
      .toEqual([`${FIRST} by Carla`, `${SECOND} by Carla`]);
    expect(
      await bram.getByRole('list', { name: 'Neutral questions' }).locator('li').allTextContents(),
    ).toEqual([`${THIRD} by Carla`]);
    expect(await bram.getByRole('list', { name: 'Cold questions' }).count()).toBe(0);
  });
});
