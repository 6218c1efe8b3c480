import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import type { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import {
  deriveGroupId,
  deriveMeetingCacheKey,
  deriveWipeableCacheKey,
} from '../../lib/invite/room-name';
import { label } from '../../lib/device/meeting-cache';
import { openBlob } from '../../lib/device/sealed-blob';
import { openDrafts } from '../../lib/device/drafts';
import { WIPE_KEY_BYTES } from '../../lib/device/wipe-keys';
import { KEPT_MEETING_MAX_AGE_MS } from '../../lib/util/limits';
import type { NodeMember } from '../helpers/node-member';
import { EXTENSION_DIR, launchMember, launchWebMember } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import { currentPhase, meetingWithNodeMember, openCallPanel } from './helpers/panel';
import { filesUnder } from '../helpers/files';

// Code passed to `background.evaluate` runs in the extension's worker, where the API is `chrome`.
declare const chrome: typeof browser;

const MEET_URL = 'https://meet.google.com/end-edme-eti';
/** A marker nobody could type by accident, in the case Carla brings. */
const MARKER = `ZAAK${randomBytes(6).toString('hex').toUpperCase()}`;
const CASE = `Een collega die ${MARKER} steeds overslaat`;
/** And in a question Anna starts and does not ask (a draft). */
const UNASKED = `KLAD${randomBytes(6).toString('hex').toUpperCase()}`;

/** A sealed meeting state as the panel's storage writes it (JSON, keys in order), escaped or not. */
const SEALED_MEETING =
  /\{\\?"data\\?":\\?"([^"\\]+)\\?",\\?"iv\\?":\\?"([^"\\]+)\\?",\\?"meetingId\\?":\\?"([^"\\]+)/g;
/** A sealed blob with nothing after its IV: how a group's drafts are stored. */
const SEALED_DRAFTS = /\{\\?"data\\?":\\?"([^"\\]+)\\?",\\?"iv\\?":\\?"([^"\\]+)\\?"\}/g;

/**
 * What someone with a copy of the profile and the invite can open of the group's meeting
 * copies: every sealed meeting state in any of the profile's files, tried with the secret alone
 * and with every 32-byte file of the profile as the wipe key. Returns the sealed states found
 * and the plain texts opened.
 */
/** The file's bytes, or null when it no longer exists. */
function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function whatOpens(profile: string, secret: Uint8Array) {
  const groupId = await deriveGroupId(secret);
  const files = filesUnder(profile);
  const keys = [await deriveMeetingCacheKey(secret)];
  for (const file of files) {
    if (statSync(file, { throwIfNoEntry: false })?.size !== WIPE_KEY_BYTES) continue;
    const bytes = readIfThere(file);
    if (bytes !== null) keys.push(await deriveWipeableCacheKey(secret, bytes));
  }
  let sealed = 0;
  const opened: string[] = [];
  for (const file of files) {
    // Chromium writes some of its files through a temporary one it renames into place: a
    // temporary file listed a moment ago may be gone now (ENOENT in CI), its content under the
    // name it replaced, which is read too.
    const bytes = readIfThere(file);
    if (bytes === null) continue;
    const text = bytes.toString('latin1');
    for (const [, data, iv, meetingId] of text.matchAll(SEALED_MEETING)) {
      sealed += 1;
      for (const key of keys) {
        const plain = await openBlob(key, { iv: iv!, data: data! }, label(groupId, meetingId!));
        if (plain) opened.push(Buffer.from(plain).toString('latin1'));
      }
    }
    for (const [, data, iv] of text.matchAll(SEALED_DRAFTS)) {
      sealed += 1;
      for (const key of keys) {
        const drafts = await openDrafts(key, groupId, { iv: iv!, data: data! });
        if (drafts) opened.push(drafts.entries.map((entry) => entry.text).join('\n'));
      }
    }
  }
  return { sealed, opened };
}

/**
 * The panel keeps a running meeting on the device (sealed) so that a reload does not lose it, as
 * it keeps a member's unposted drafts, and wipes both when the meeting ends. The browser keeps
 * wiped values in its storage files for a long while (LevelDB's log), so the wipe must make them
 * unopenable: after the meeting ended and the browser closed, the profile still holds sealed
 * copies, and none of them opens with the invite and every key the profile holds. While the
 * meeting ran, the same search opened both: the search is not blind.
 */
describe('an ended meeting on the disk', () => {
  let server: RunningServer;
  let annaBrowser: MemberBrowser;
  let carla: NodeMember | null = null;

  beforeAll(async () => {
    // The companion serves the web panel too, for the test of a member without the extension.
    server = await startSignalingServer({ port: 0, host: '127.0.0.1', staticDir: EXTENSION_DIR });
    annaBrowser = await launchMember();
  });

  /** A meeting chaired in `panel` with a Node member who brings `text` as the case: offered there. */
  async function meetingWithCase(
    panel: Page,
    names: { group: string; chair: string; memberId: string; member: string },
    text: string,
  ) {
    const meeting = await meetingWithNodeMember(panel, server.url, names);
    expect(await meeting.member.command({ type: 'pitch', text })).toEqual({ ok: true });
    await panel.getByRole('button', { name: `Confirm as case: ${text}` }).waitFor();
    return meeting;
  }

  afterAll(async () => {
    await carla?.close();
    await annaBrowser?.close();
    await server?.close();
  });

  it("cannot be opened from the profile's files, invite or not", async () => {
    const anna = await openCallPanel(annaBrowser, { callUrl: MEET_URL, signalingUrl: server.url });
    const meeting = await meetingWithNodeMember(anna, server.url, {
      group: 'Team Oost',
      chair: 'Anna',
      memberId: 'carla-node-03',
      member: 'Carla',
    });
    const { secret } = meeting;
    carla = meeting.member;
    expect(await carla.command({ type: 'pitch', text: CASE })).toEqual({ ok: true });
    await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(anna).textContent(), { timeout: 20_000 }).toBe('Analysis');
    await anna.getByRole('textbox', { name: 'Your question' }).fill(`${UNASKED} wat had je nodig?`);

    // While the meeting runs, its copy and the draft are on the disk and open (a reload needs them).
    const profile = annaBrowser.profile;
    const holds = async (marker: string) =>
      (await whatOpens(profile, secret)).opened.some((text) => text.includes(marker));
    await expect.poll(() => holds(MARKER), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => holds(UNASKED), { timeout: 15_000 }).toBe(true);

    await anna.getByRole('button', { name: 'End the meeting' }).click();
    await anna.getByRole('button', { name: 'Yes, end it' }).click();
    await anna.getByRole('heading', { name: 'The meeting has ended.' }).waitFor();
    await expect.poll(() => holds(MARKER), { timeout: 15_000 }).toBe(false);
    await annaBrowser.close({ keepProfile: true });
    const after = await whatOpens(profile, secret);
    // The browser still holds sealed copies of the meeting: they are what must not open.
    expect(after.sealed).toBeGreaterThan(0);
    expect(after.opened.filter((t) => t.includes(MARKER) || t.includes(UNASKED))).toEqual([]);
    annaBrowser = await launchMember({ profile });
  });

  it('closed in its panel before the end, opens no more once too old to restore, though the group is never opened again', async () => {
    let bramBrowser = await launchMember();
    let dirk: NodeMember | null = null;
    try {
      const bram = await openCallPanel(bramBrowser, {
        callUrl: MEET_URL,
        signalingUrl: server.url,
      });
      const marker = `ZAAK${randomBytes(6).toString('hex').toUpperCase()}`;
      const meeting = await meetingWithCase(
        bram,
        { group: 'Team Zuid', chair: 'Bram', memberId: 'dirk-node-04', member: 'Dirk' },
        `Een ouder die ${marker} steeds boos belt`,
      );
      dirk = meeting.member;
      const profile = bramBrowser.profile;
      const holds = async () =>
        (await whatOpens(profile, meeting.secret)).opened.some((t) => t.includes(marker));
      await expect.poll(holds, { timeout: 15_000 }).toBe(true);

      // Bram closes his panel with the meeting still running: its copy stays, as a reload needs.
      await bram.close();
      // Thirteen hours on: his copy was last saved longer ago than a reload could use it.
      await bramBrowser.background.evaluate(
        async (hours: number) => {
          const all: Record<string, unknown> = await chrome.storage.local.get(null);
          for (const [key, item] of Object.entries(all)) {
            if (!key.startsWith('meeting-cache:')) continue;
            const envelope = item as { value: { savedAt: number } };
            envelope.value.savedAt -= hours * 60 * 60 * 1000;
            await chrome.storage.local.set({ [key]: envelope });
          }
        },
        KEPT_MEETING_MAX_AGE_MS / 3_600_000 + 1,
      );
      expect(await holds()).toBe(true);

      // The browser starts again; no panel is opened, the group is not opened.
      await bramBrowser.close({ keepProfile: true });
      bramBrowser = await launchMember({ profile });
      const keptMeetings = () =>
        bramBrowser.background.evaluate(async () => {
          const all: Record<string, unknown> = await chrome.storage.local.get(null);
          const entry = Object.entries(all).find(([key]) => key.startsWith('meeting-cache:'));
          const value = (entry?.[1] as { value?: { meetings?: unknown[] } } | undefined)?.value;
          return value?.meetings?.length ?? -1;
        });
      await expect.poll(keptMeetings, { timeout: 15_000 }).toBe(0);
      await bramBrowser.close({ keepProfile: true });
      const after = await whatOpens(profile, meeting.secret);
      expect(after.sealed).toBeGreaterThan(0);
      expect(after.opened.filter((t) => t.includes(marker))).toEqual([]);
      bramBrowser = await launchMember({ profile });
    } finally {
      await dirk?.close();
      await bramBrowser.close();
    }
  });
  it('in the web panel, loses its meetings once too old to restore when the page next loads', async () => {
    const web = await launchWebMember();
    let erik: NodeMember | null = null;
    try {
      const page = await web.context.newPage();
      await page.goto(`${server.httpUrl}/`);
      erik = (
        await meetingWithCase(
          page,
          { group: 'Team West', chair: 'Carla', memberId: 'erik-node-05', member: 'Erik' },
          `Een leerling die ${MARKER} niet meer komt`,
        )
      ).member;
      /** How many meetings the page's kept copy holds (-1: no copy). */
      const keptMeetings = () =>
        page.evaluate(() => {
          const key = Object.keys(localStorage).find((k) => k.startsWith('kring:meeting-cache:'));
          const item = key ? JSON.parse(localStorage.getItem(key) ?? 'null') : null;
          return (item?.value?.meetings as unknown[] | undefined)?.length ?? -1;
        });
      await expect.poll(keptMeetings, { timeout: 15_000 }).toBe(1);

      // Carla goes back to her groups and leaves it at that; the meeting runs on without her.
      await page.getByRole('button', { name: 'Back to your groups' }).click();
      await page.reload();
      await page.getByRole('button', { name: 'Open Team West' }).waitFor();
      expect(await keptMeetings()).toBe(1);
      // Thirteen hours on, she opens the panel again, for another group or none.
      await page.evaluate(
        (ms: number) => {
          for (const key of Object.keys(localStorage)) {
            if (!key.startsWith('kring:meeting-cache:')) continue;
            const item = JSON.parse(localStorage.getItem(key) ?? 'null');
            item.value.savedAt -= ms;
            localStorage.setItem(key, JSON.stringify(item));
          }
        },
        KEPT_MEETING_MAX_AGE_MS + 60 * 60 * 1000,
      );
      await page.reload();
      await page.getByRole('button', { name: 'Open Team West' }).waitFor();
      await expect.poll(keptMeetings, { timeout: 15_000 }).toBe(0);
    } finally {
      await erik?.close();
      await web.close();
    }
  });
});
