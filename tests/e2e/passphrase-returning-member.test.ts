import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import type { NodeMember } from '../helpers/node-member';
import { launchMember } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import { currentPhase, meetingWithNodeMember, openCallPanel } from './helpers/panel';
import { filesHolding } from '../helpers/files';

const MEET_URL = 'https://meet.google.com/pas-sphr-ase';
const GROUP = `Team Zuid ${randomBytes(3).toString('hex')}`;
/** Markers nobody could type by accident: Anna's note before and after the passphrase, a draft. */
const marker = (stem: string) => `${stem}${randomBytes(6).toString('hex').toUpperCase()}`;
const BEFORE = marker('VOORAF');
const AFTER = marker('GEHEIM');
const DRAFT = marker('KLADJE');
const CASE = 'Een ouder die elke week boos belt';
const PASSPHRASE = 'paarse olifant fietst langs zure regenboog';

/**
 * A returning member whose device is protected by a passphrase: Anna (chair, a browser profile)
 * writes a private note, protects her notes with a passphrase, writes on (her note, a question
 * not yet asked) and restarts her browser while Carla (a Node member, the case bringer) keeps
 * the meeting. What she typed after the passphrase is in none of the profile's files in the
 * clear. Locked, her panel shows neither the group nor a way into it; a wrong passphrase changes
 * nothing; the right one shows the group, and opening it brings her back into the meeting she
 * left, with her note and her unasked question.
 */
describe('a returning member with a passphrase', () => {
  let server: RunningServer;
  let annaBrowser: MemberBrowser;
  let carla: NodeMember | null = null;

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    annaBrowser = await launchMember();
  });

  afterAll(async () => {
    await carla?.close();
    await annaBrowser?.close();
    await server?.close();
  });

  it('shows nothing of the group until unlocked, then goes back into the meeting', async () => {
    const anna: Page = await openCallPanel(annaBrowser, {
      callUrl: MEET_URL,
      signalingUrl: server.url,
    });
    const meeting = await meetingWithNodeMember(anna, server.url, {
      group: GROUP,
      chair: 'Anna',
      memberId: 'carla-node-02',
      member: 'Carla',
    });
    const { code } = meeting;
    carla = meeting.member;
    // Carla brings the case; Anna confirms it and moves on to the questions.
    expect(await carla.command({ type: 'pitch', text: CASE })).toEqual({ ok: true });
    await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(anna).textContent(), { timeout: 20_000 }).toBe('Analysis');
    const note = anna.getByRole('textbox', { name: 'My note for Analysis' });
    await expect.poll(() => note.isEnabled(), { timeout: 10_000 }).toBe(true);
    await note.fill(`${BEFORE} wat ik zelf merk`);
    await anna.getByText('Saved on this device.').waitFor();

    // Anna protects her notes (and with them her groups) with a passphrase.
    await anna.getByRole('button', { name: 'My notes' }).click();
    const notes = anna.getByRole('region', { name: 'My notes' });
    await notes.getByRole('heading', { name: 'Protect with a passphrase' }).waitFor();
    await notes.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await notes.getByLabel('Repeat the new passphrase').fill(PASSPHRASE);
    await notes.getByRole('button', { name: 'Protect my notes' }).click();
    await notes
      .getByText('Your notes are now locked with your passphrase.')
      .waitFor({ timeout: 20_000 });
    await anna.getByRole('button', { name: 'Close notes' }).click();

    // With the passphrase set, she rewrites her note and starts a question she has not asked
    // yet (a draft, kept on the device).
    await note.fill(`${AFTER} wat ik nu merk`);
    await anna.getByText('Saved on this device.').waitFor();
    const question = anna.getByRole('textbox', { name: 'Your question' });
    await question.fill(`${DRAFT} een vraag die ik nog schaaf`);
    await anna.waitForTimeout(2_000);

    // Her browser restarts with the same profile; Carla keeps the meeting meanwhile.
    const profile = annaBrowser.profile;
    await annaBrowser.close({ keepProfile: true });
    // Nothing typed after the passphrase is in the profile's files in the clear: not in what the
    // panel stores (sealed), not in what the browser keeps to restore its tabs.
    expect(filesHolding(profile, AFTER), 'the note written after the passphrase').toEqual([]);
    expect(filesHolding(profile, DRAFT), 'the draft written after the passphrase').toEqual([]);
    expect(filesHolding(profile, PASSPHRASE), 'the passphrase').toEqual([]);
    // What was stored before the passphrase may linger in the browser's storage files until the
    // browser compacts them (docs/threat-model.md, 'At rest'): noted, not asserted.
    console.log(
      `stored before the passphrase, still in the profile's files: note ${JSON.stringify(filesHolding(profile, BEFORE))}, invite code ${JSON.stringify(filesHolding(profile, code))}`,
    );
    annaBrowser = await launchMember({ profile });
    const again = await annaBrowser.openPanel();
    await again
      .getByText('Your groups are protected with your passphrase. Unlock to see your groups.')
      .waitFor({ timeout: 15_000 });
    expect(await again.locator('body').textContent()).not.toContain(GROUP);
    expect(await again.getByRole('button', { name: `Open ${GROUP}` }).count()).toBe(0);

    // A wrong passphrase says so and changes nothing.
    const unlock = again.getByRole('form', { name: 'Unlock' }).first();
    await unlock.getByLabel('Passphrase', { exact: true }).fill('dit is niet de goede zin');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await again
      .getByRole('alert')
      .filter({ hasText: /passphrase/i })
      .first()
      .waitFor();
    expect(await again.locator('body').textContent()).not.toContain(GROUP);

    // The right one shows the group; opening it brings Anna back into the meeting.
    await unlock.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    const open = again.getByRole('button', { name: `Open ${GROUP}` });
    await open.waitFor({ timeout: 15_000 });
    await open.click();
    await expect
      .poll(() => currentPhase(again).textContent(), { timeout: 30_000 })
      .toBe('Analysis');
    await expect
      .poll(() => again.getByRole('textbox', { name: 'My note for Analysis' }).inputValue(), {
        timeout: 10_000,
      })
      .toContain(AFTER);
    await expect
      .poll(() => again.getByRole('textbox', { name: 'Your question' }).inputValue())
      .toContain(DRAFT);
    await expect
      .poll(() => again.getByRole('list', { name: 'Present' }).textContent(), { timeout: 20_000 })
      .toMatch(/Carla/);
  });
});
