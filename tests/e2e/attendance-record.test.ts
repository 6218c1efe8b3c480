import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { isoCalendarDate } from '../../lib/i18n/format-date';
import { openMemberPanels, joinGroup, letIn, startGroup, currentPhase } from './helpers/panel';
import type { MemberBrowser } from './helpers/member-browser';
import { auditEveryWay, describeFindings } from './helpers/axe';

const MEET_URL = 'https://meet.google.com/att-ende-nce';
/** Case text typed in the meeting: it must never reach the attendance record. */
const CASE = 'Cliënt Zwaluwstaart dreigt met een klacht';

/** HH:MM of every minute from `from` to `to`, local time as the panel writes it. */
function minutesBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = from - (from % 60_000); t <= to; t += 60_000) {
    const d = new Date(t);
    out.push(`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`);
  }
  return out;
}

/** Opens the home screen's attendance record and downloads the CSV, as a member would. */
async function downloadCsv(panel: Page): Promise<string> {
  await panel.getByRole('button', { name: 'Attendance record' }).click();
  const button = panel.getByRole('button', { name: 'Download as CSV' });
  await button.waitFor();
  const [download] = await Promise.all([panel.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^kring-attendance-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  return readFile(path, 'utf8');
}

/**
 * Issue 14, point 11: a member can prove the hours of intervisie they attended. Two members
 * (two browser profiles over real WebRTC) hold a short meeting in which a case is typed; after
 * the end, each downloads the attendance record from the home screen: it holds the group, the
 * date, start and end, both names and the member's role, and none of the case text.
 */
describe('the attendance record', () => {
  let server: RunningServer;
  let browsers: MemberBrowser[] = [];

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await server?.close();
  });

  it('exports names and times of an ended meeting, and none of its case', async () => {
    const opened = await openMemberPanels(2, { callUrl: MEET_URL, signalingUrl: server.url });
    browsers = opened.browsers;
    const [anna, bram] = opened.panels as [Page, Page];

    const code = await startGroup(anna, 'Wijkteam Oost', 'Anna');
    const beforeStart = Date.now();
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await joinGroup(bram, code, 'Bram');
    await letIn(anna, 'Bram');
    await expect
      .poll(() => anna.getByRole('list', { name: 'Present' }).textContent(), { timeout: 20_000 })
      .toContain('Bram');
    const afterStart = Date.now();

    // Bram brings a case; Anna confirms it: case text is now on the shared board.
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 20_000 }).toBeTruthy();
    await bram.getByRole('textbox', { name: 'Your work question' }).fill(CASE);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await anna.getByRole('button', { name: `Confirm as case: ${CASE}` }).click();
    await bram.getByText(`Case: ${CASE} — brought in by Bram`).waitFor();

    const beforeEnd = Date.now();
    await anna.getByRole('button', { name: 'End the meeting' }).click();
    await anna.getByRole('button', { name: 'Yes, end it' }).click();
    await bram.getByRole('heading', { name: 'The meeting has ended.' }).waitFor();
    const afterEnd = Date.now();

    const rows: Record<string, string[]> = {};
    for (const [name, panel] of [
      ['Anna', anna],
      ['Bram', bram],
    ] as const) {
      await panel.getByRole('button', { name: 'Back to your groups' }).click();
      const csv = await downloadCsv(panel);
      expect(csv, `${name}'s record holds no case text`).not.toContain('Zwaluwstaart');
      expect(csv).not.toContain(CASE);
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe('Group,Date,Start,End,Duration (minutes),Method,Role,Present');
      expect(lines).toHaveLength(2);
      rows[name] = lines[1]!.split(',');
    }

    // The unfolded record on the home screen: nothing serious for axe, in Dutch and English,
    // light and dark.
    const found = await auditEveryWay(anna, 'attendance record, unfolded');
    expect(found, describeFindings(found)).toEqual([]);

    // The printable page: a tab of its own with the table and the total, and no case text.
    const [printed] = await Promise.all([
      bram.context().waitForEvent('page'),
      bram.getByRole('button', { name: 'Print' }).click(),
    ]);
    await printed.getByRole('heading', { name: 'Attendance record' }).waitFor();
    const table = printed.getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Group',
      'Date',
      'Start',
      'End',
      'Duration',
      'Method',
      'Role',
      'Present',
    ]);
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells[0]).toBe('Wijkteam Oost');
    expect(cells[6]).toBe('case bringer');
    expect(cells[7]).toBe('Anna, Bram');
    expect(await table.locator('tfoot').textContent()).toMatch(/^Total: 1 meeting, [\d.]+ hours$/);
    expect(await printed.locator('body').textContent()).not.toContain('Zwaluwstaart');

    for (const [name, role] of [
      ['Anna', 'chair'],
      ['Bram', 'case bringer'],
    ] as const) {
      const [group, date, start, end, minutes, , ownRole, ...present] = rows[name]!;
      expect(group).toBe('Wijkteam Oost');
      expect(date).toBe(isoCalendarDate(beforeStart));
      expect(minutesBetween(beforeStart, afterStart)).toContain(start);
      expect(minutesBetween(beforeEnd, afterEnd)).toContain(end);
      expect(Number(minutes)).toBeLessThanOrEqual(Math.ceil((afterEnd - beforeStart) / 60_000));
      expect(ownRole).toBe(role);
      // "Anna, Bram" is one quoted cell, split here at its comma.
      expect(present.join(',')).toBe('"Anna, Bram"');
    }
  });
});
