import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { LIMITS } from '../../lib/util/limits';
import type { NodeMember } from '../helpers/node-member';
import { realisticText } from '../helpers/heavy-meeting';
import type { ItemKind } from '../helpers/heavy-meeting';

import type { MemberBrowser } from './helpers/member-browser';
import {
  currentPhase,
  joinGroup,
  letIn,
  meetingWithNodeMember,
  membersInACall,
} from './helpers/panel';

// Code passed to `background.evaluate` runs in the extension's service worker, as `chrome`.
declare const chrome: typeof browser;

const MEET_URL = 'https://meet.google.com/lar-gemt-ngx';
const ITEMS = LIMITS.itemsPerBoard;
/** The store key prefix of a panel's kept copy of its meeting (lib/device/meeting-cache.ts). */
const KEPT = 'meeting-cache:';
const FIRST_LINE = realisticText(0, LIMITS.evaluation);
const LAST_LINE = realisticText(ITEMS - 1, LIMITS.evaluation);

/** How many meetings' copies a member's panel keeps on the device. */
function keptCopies(member: MemberBrowser): Promise<number> {
  return member.background.evaluate(async (prefix: string) => {
    const all: Record<string, unknown> = await chrome.storage.local.get(null);
    return Object.keys(all).filter((key) => key.startsWith(prefix)).length;
  }, KEPT);
}

/**
 * How many meetings the member's kept copies hold with the proofs of their writes. The group's
 * copy is stored before its meeting is in it (the lobby first), so one copy is not yet the
 * meeting's: on a faster machine the test reloaded in that gap and the panel had no meeting of
 * its own to restore.
 */
function keptMeetingsWithProofs(member: MemberBrowser): Promise<number> {
  return member.background.evaluate(async (prefix: string) => {
    const all: Record<string, unknown> = await chrome.storage.local.get(null);
    let count = 0;
    const visit = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      const meetings = (value as { meetings?: unknown }).meetings;
      if (Array.isArray(meetings)) {
        count += meetings.filter(
          (m) => typeof m === 'object' && m !== null && 'proven' in m,
        ).length;
        return;
      }
      for (const inner of Object.values(value)) visit(inner);
    };
    for (const [key, value] of Object.entries(all)) if (key.startsWith(prefix)) visit(value);
    return count;
  }, KEPT);
}

/**
 * Issue 10, point 1, in Chromium: y-webrtc sent a joiner the whole meeting in one data-channel
 * message, and Chromium drops messages over 256 KiB, so a member reloading a meeting of 266 KB
 * waited on "Loading the meeting…" for good. Here a meeting of about 1.2 MB, every board of the
 * basic method full, written through the real board commands by a Node member (Nora), reaches
 * Bram's fresh panel, comes back when he reloads it, and comes back once more when his panel has
 * no copy of its own, from Anna's panel alone: Chromium to Chromium, over real WebRTC.
 */
describe('a meeting of about 1 MB in Chromium', () => {
  const call = membersInACall(2, { callUrl: MEET_URL });
  let nora: NodeMember | null = null;
  let anna: Page;
  let bram: Page;

  const learningLines = (panel: Page) =>
    panel.getByRole('list', { name: 'What this meeting gave me' }).getByRole('listitem').count();
  const showsWholeMeeting = async (panel: Page) => {
    await expect.poll(() => learningLines(panel), { timeout: 45_000 }).toBe(ITEMS);
    const text = (await panel.locator('main').textContent()) ?? '';
    expect(text).toContain(FIRST_LINE);
    expect(text).toContain(LAST_LINE);
    expect(await currentPhase(panel).textContent()).toBe('Evaluation');
  };

  beforeAll(async () => {
    [anna, bram] = call.panels as [Page, Page];
  });

  afterAll(async () => {
    await nora?.close();
  });

  it('reaches a fresh panel, and a reloaded one, also without a copy of its own', async () => {
    // Nora (a Node member) asks to join; the chair lets her in from her panel.
    const meeting = await meetingWithNodeMember(anna, call.server.url, {
      group: 'Team Noord',
      chair: 'Anna',
      memberId: 'nora-000009',
      member: 'Nora',
    });
    const { code } = meeting;
    nora = meeting.member;

    // Nora fills every board, phase by phase; Anna moves the phases in her panel.
    const rounds: ReadonlyArray<[phase: string, ReadonlyArray<[ItemKind, number]>]> = [
      [
        'inventory',
        [
          ['pitch', LIMITS.pitch],
          ['look-back', LIMITS.sharedLookBack],
        ],
      ],
      ['analysis', [['question', LIMITS.question]]],
      ['awareness', [['proposal', LIMITS.proposal]]],
      ['advice', [['advice', LIMITS.advice]]],
      ['evaluation', [['evaluation', LIMITS.evaluation]]],
    ];
    for (const [index, [phase, kinds]] of rounds.entries()) {
      if (index > 0) await anna.getByRole('button', { name: 'Next phase' }).click();
      await nora.until((s) => s.meeting?.phase.id === phase);
      for (const [kind, length] of kinds) {
        const result = await nora.command({ type: 'write-many', kind, count: ITEMS, length });
        expect(result).toEqual({ ok: true });
      }
    }
    await showsWholeMeeting(anna);

    // Bram joins: a fresh panel receives the whole meeting.
    await joinGroup(bram, code, 'Bram');
    await letIn(anna, 'Bram');
    await showsWholeMeeting(bram);

    // Nora's process ends: from now on only Anna's panel holds the meeting.
    await nora.close();
    nora = null;

    // Bram reloads his panel once it has kept its copy: the board is rendered again.
    const [, bramBrowser] = call.browsers;
    await expect.poll(() => keptCopies(bramBrowser!), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => keptMeetingsWithProofs(bramBrowser!), { timeout: 15_000 }).toBe(1);
    // The panel comes back to the group it showed: no "Open" to look for.
    await bram.reload();
    await showsWholeMeeting(bram);
    // Its first read took the copy's writes by the proofs it kept, hashed by the browser
    // (vouch-ahead.ts `provenWritesAhead`), not by JavaScript.
    expect(
      await bram.evaluate(
        () => performance.getEntriesByName('kring:copy-writes-proven-ahead').length,
      ),
    ).toBe(1);

    // Bram's panel closes and its kept copy is gone (another device, storage cleared): opened
    // again, it gets all of the meeting from Anna's panel over WebRTC.
    const panelUrl = bram.url();
    await bram.goto('about:blank');
    await bramBrowser!.background.evaluate(async (prefix: string) => {
      const all: Record<string, unknown> = await chrome.storage.local.get(null);
      await chrome.storage.local.remove(Object.keys(all).filter((key) => key.startsWith(prefix)));
    }, KEPT);
    expect(await keptCopies(bramBrowser!)).toBe(0);
    await bram.goto(panelUrl);
    await showsWholeMeeting(bram);
    // No alert says anything (live regions stay mounted empty, e.g. the unknown-peer warning).
    expect(await bram.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
    // The heaviest e2e test: 63 to 77 s on an idle 2-core machine, past the project's 120 s
    // when two runs shared one (docs/environment.md). Its own waits bound each step.
  }, 240_000);
});
