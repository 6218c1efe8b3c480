import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import type { NodeMember } from '../helpers/node-member';
import { launchMember, recordWebSocketFrames } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import {
  currentPhase,
  joinGroup,
  letIn,
  nodeMemberJoins,
  openCallPanel,
  startGroup,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/pri-vate-not';
const CASE = 'Een collega die steeds te laat komt';
const ADVICE = 'Bespreek het met haar onder vier ogen.';
/** A marker nobody could type by accident; one per phase, all with this stem. */
const MARKER = `PRIVE${randomBytes(6).toString('hex').toUpperCase()}`;
const PHASES = ['Inventory', 'Analysis', 'Awareness', 'Advice', 'Evaluation'];

/** Decodes a dump of shared documents (base64 Yjs updates) into searchable text. */
function sharedText(dump: { lobby: string | null; meeting: string | null }): string {
  return [dump.lobby, dump.meeting]
    .map((part) => (part ? Buffer.from(part, 'base64').toString('latin1') : ''))
    .join('\n');
}

async function sharedStateOf(panel: Page): Promise<string> {
  const dump = await panel.evaluate(() => globalThis.kringDiagnostics?.sharedState() ?? null);
  expect(dump, 'the panel exposes its shared state').not.toBeNull();
  expect(dump!.meeting, 'a meeting document').not.toBeNull();
  return sharedText(dump!);
}

/**
 * Private notes never leave the device: Bram (case bringer, browser profile) writes a note with
 * a marker in every phase and takes the advice home; Anna (chair, another profile) and Carla (a
 * Node member who advises) share the meeting with him over real WebRTC. The marker must not be
 * in anybody's shared document, in any signaling frame, nor on Anna's screen; after Bram's
 * browser restarts with the same profile his notes are still there.
 */
describe('private notes', () => {
  let server: RunningServer;
  let annaBrowser: MemberBrowser;
  let bramBrowser: MemberBrowser | null = null;
  let carla: NodeMember | null = null;

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    [annaBrowser, bramBrowser] = await Promise.all([launchMember(), launchMember()]);
  });

  afterAll(async () => {
    await carla?.close();
    await Promise.all([annaBrowser?.close(), bramBrowser?.close()]);
    await server?.close();
  });

  it('keeps every note on the member’s own device, through a browser restart', async () => {
    const panels = await Promise.all(
      [annaBrowser, bramBrowser!].map((browser) =>
        openCallPanel(browser, { callUrl: MEET_URL, signalingUrl: server.url }),
      ),
    );
    const [anna, bram] = panels as [Page, Page];
    const annaFrames = await recordWebSocketFrames(anna);
    const bramFrames = await recordWebSocketFrames(bram);

    const code = await startGroup(anna, 'Team Noord', 'Anna');
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    carla = await nodeMemberJoins(code, server.url, {
      memberId: 'carla-node-01',
      memberName: 'Carla',
    });
    await letIn(anna, 'Bram', 'Carla');
    await expect
      .poll(() => anna.getByRole('list', { name: 'Present' }).textContent(), { timeout: 20_000 })
      .toMatch(/Bram.*Carla/);

    const writeNote = async (phase: string) => {
      const field = bram.getByRole('textbox', { name: `My note for ${phase}` });
      await expect.poll(() => field.isEnabled(), { timeout: 10_000 }).toBe(true);
      await field.fill(`${MARKER}-${phase} wat ik bij mezelf merk`);
      await bram.getByText('Saved on this device.').waitFor();
    };
    const next = async (phase: string) => {
      await anna.getByRole('button', { name: 'Next phase' }).click();
      for (const panel of [anna, bram]) {
        await expect.poll(() => currentPhase(panel).textContent()).toBe(phase);
      }
    };

    // Inventory: Bram pitches, Anna confirms him as case bringer; Bram notes something.
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 20_000 }).toBe(PHASES[0]);
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(CASE);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
    await bram.getByText(`Case: ${CASE} — brought in by Bram`).waitFor();
    await writeNote(PHASES[0]!);
    // Analysis, awareness: a note in each.
    await next(PHASES[1]!);
    await writeNote(PHASES[1]!);
    await next(PHASES[2]!);
    await writeNote(PHASES[2]!);
    // Advice: Carla advises, Bram stars it, notes, and takes the advice home.
    await next(PHASES[3]!);
    // Carla (a Node member) must be in the advice phase too before she advises: in one CI run
    // under load her command came first and was refused (not-allowed).
    await carla.until((snapshot) => snapshot.meeting?.phaseIndex === 3);
    expect(await carla.command({ type: 'advise', text: ADVICE })).toEqual({ ok: true });
    await bram.getByRole('button', { name: `Star: ${ADVICE}` }).click();
    await writeNote(PHASES[3]!);
    await bram.getByRole('button', { name: 'Save the advice in my notes' }).click();
    await bram.getByText('1 piece of advice saved in your notes.').waitFor();
    await next(PHASES[4]!);
    await writeNote(PHASES[4]!);

    // Nothing of it is shared: not in any member's shared document, not on the wire, not on
    // Anna's screen.
    const carlaState = await carla.command({ type: 'shared-state' });
    const carlaDump = JSON.parse(carlaState.detail ?? 'null') as {
      lobby: string | null;
      meeting: string | null;
    };
    expect(carlaDump.meeting).not.toBeNull();
    const carlaText = sharedText(carlaDump);
    expect(carlaText).toContain(ADVICE.slice(0, 20)); // the shared advice is there…
    expect(carlaText).not.toContain(MARKER); // …the private notes are not
    for (const panel of [anna, bram]) {
      const text = await sharedStateOf(panel);
      expect(text).toContain(ADVICE.slice(0, 20));
      expect(text).not.toContain(MARKER);
    }
    expect(annaFrames.frames.length).toBeGreaterThan(0);
    expect(bramFrames.frames.length).toBeGreaterThan(0);
    for (const frame of [...annaFrames.frames, ...bramFrames.frames]) {
      expect(frame).not.toContain(MARKER);
    }
    expect(await anna.locator('body').textContent()).not.toContain(MARKER);

    // The meeting ends: the shared board is cleared; Bram's notes stay on his device.
    await anna.getByRole('button', { name: 'End the meeting' }).click();
    await anna.getByRole('button', { name: 'Yes, end it' }).click();
    await bram.getByRole('heading', { name: 'The meeting has ended.' }).waitFor();
    expect(await sharedStateOf(bram)).not.toContain(ADVICE.slice(0, 20));

    // Bram's browser restarts with the same profile: every note is still there.
    const profile = bramBrowser!.profile;
    await bramBrowser!.close({ keepProfile: true });
    bramBrowser = await launchMember({ profile });
    const reopened = await bramBrowser.openPanel();
    await reopened.getByRole('button', { name: 'My notes' }).click();
    const notes = reopened.getByRole('region', { name: 'My notes' });
    for (const phase of PHASES) {
      await expect
        .poll(() => notes.textContent(), { timeout: 10_000 })
        .toContain(`${MARKER}-${phase}`);
    }
    expect(await notes.textContent()).toContain(ADVICE);
    await notes.getByRole('searchbox', { name: 'Search my notes' }).fill(`${MARKER}-Advice`);
    await expect.poll(() => notes.textContent()).not.toContain(`${MARKER}-Analysis`);
  });
});
