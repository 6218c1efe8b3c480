import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import type { NodeMember } from '../helpers/node-member';
import { launchMember } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import {
  bringCase,
  currentPhase,
  endMeeting,
  joinGroup,
  letIn,
  nodeMemberJoins,
  openCallPanel,
  startGroup,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/tak-ehom-kep';
const CASE = 'Een ouder die elke dag boos belt';
const ADVICE = 'Spreek een vast belmoment af.';
const OTHER = 'Vraag een collega om mee te luisteren.';

/**
 * The case bringer takes the advice home without pressing anything: Bram (case bringer, a
 * browser profile) stars advice Carla (a Node member) gave and never presses "Save the advice in
 * my notes"; Anna (chair, another profile) ends the meeting the moment he has starred it, and
 * the board is cleared for everyone. Bram's notes on his own device hold the advice, his star
 * and its order.
 */
describe('the take-home, kept without the button', () => {
  let server: RunningServer;
  let browsers: MemberBrowser[] = [];
  let carla: NodeMember | null = null;

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    browsers = await Promise.all([launchMember(), launchMember()]);
  });

  afterAll(async () => {
    await carla?.close();
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
  });

  it('is in the case bringer’s notes after a meeting ended right after his star', async () => {
    const [anna, bram] = (await Promise.all(
      browsers.map((browser) =>
        openCallPanel(browser, { callUrl: MEET_URL, signalingUrl: server.url }),
      ),
    )) as [Page, Page];
    const code = await startGroup(anna, 'Team Zuid', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    carla = await nodeMemberJoins(code, server.url, {
      memberId: 'carla-node-02',
      memberName: 'Carla',
    });
    await letIn(anna, 'Bram', 'Carla');
    await bringCase(anna, bram, CASE, 'Bram');
    for (const phase of ['Analysis', 'Awareness', 'Advice']) {
      await anna.getByRole('button', { name: 'Next phase' }).click();
      await expect.poll(() => currentPhase(bram).textContent(), { timeout: 20_000 }).toBe(phase);
    }
    await carla.until((snapshot) => snapshot.meeting?.phaseIndex === 3);
    expect(await carla.command({ type: 'advise', text: OTHER })).toEqual({ ok: true });
    expect(await carla.command({ type: 'advise', text: ADVICE })).toEqual({ ok: true });
    const star = bram.getByRole('button', { name: `Star: ${ADVICE}` });
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    // The chair ends at once: no time for the take-home's pause after a change.
    await endMeeting(anna, bram);

    await bram.getByRole('button', { name: 'My notes' }).click();
    const starred = bram.getByRole('list', { name: 'Starred advice' });
    await expect.poll(() => starred.textContent(), { timeout: 10_000 }).toContain(ADVICE);
    expect(await starred.textContent()).not.toContain(OTHER);
    expect(await bram.getByRole('list', { name: 'Other advice' }).textContent()).toContain(OTHER);
  });
});
