import { afterAll, beforeAll, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSignalingServer } from '../../../server/signaling-server';
import type { RunningServer, SignalingServerOptions } from '../../../server/signaling-server';
import { parseInvite } from '../../../lib/invite/invite';
import { NodeMember } from '../../helpers/node-member';
import { launchMember } from './member-browser';
import type { MemberBrowser } from './member-browser';

/** Where a member's panel is opened: the call page, the test's companion, a side panel's size. */
export interface CallPanelOptions {
  readonly callUrl: string;
  readonly signalingUrl: string;
  readonly viewport?: { readonly width: number; readonly height: number };
}

/**
 * `count` members, each a browser profile with a call tab at `callUrl` and its panel open, pointed
 * at the test's companion server (and sized like a side panel when `viewport` is given).
 */
export async function openMemberPanels(
  count: number,
  options: CallPanelOptions,
): Promise<{ browsers: MemberBrowser[]; panels: Page[] }> {
  const browsers = await Promise.all(Array.from({ length: count }, () => launchMember()));
  const panels = await Promise.all(browsers.map((browser) => openCallPanel(browser, options)));
  return { browsers, panels };
}

/** What `membersInACall` gives a describe block once its `beforeAll` has run. */
export interface MembersInACall {
  /** The companion on loopback; a test that stops it and starts another puts that one here. */
  server: RunningServer;
  readonly browsers: MemberBrowser[];
  /** One panel per member, in the order asked for (the first is usually the chair). */
  readonly panels: Page[];
}

/**
 * For the calling describe block: before its tests, a companion on loopback (`server` options
 * added to a free port on 127.0.0.1) and `count` members' browsers with a call tab at `callUrl`
 * and its panel pointed at that companion; after them, every browser and the companion closed.
 * Read the fields inside hooks and tests, not at the describe block's top level: they are set
 * when its `beforeAll` runs. Vitest runs `afterAll` hooks in reverse order, so a block's own
 * later `afterAll` (a member it added) runs before these are closed.
 */
export function membersInACall(
  count: number,
  options: Omit<CallPanelOptions, 'signalingUrl'> & { readonly server?: SignalingServerOptions },
): MembersInACall {
  const call = { browsers: [], panels: [] } as unknown as MembersInACall & {
    browsers: MemberBrowser[];
    panels: Page[];
  };
  beforeAll(async () => {
    call.server = await startSignalingServer({ port: 0, host: '127.0.0.1', ...options.server });
    ({ browsers: call.browsers, panels: call.panels } = await openMemberPanels(count, {
      callUrl: options.callUrl,
      viewport: options.viewport,
      signalingUrl: call.server.url,
    }));
  });
  afterAll(async () => {
    await Promise.all(call.browsers.map((browser) => browser.close()));
    await call.server?.close();
  });
  return call;
}

/** In a member's browser: a call tab at `callUrl` and its panel, on the test's companion. */
export async function openCallPanel(
  browser: MemberBrowser,
  options: CallPanelOptions,
): Promise<Page> {
  const { tabId } = await browser.openCall(options.callUrl);
  const panel = await browser.openPanel(tabId);
  if (options.viewport) await panel.setViewportSize(options.viewport);
  await setSignalingServer(panel, options.signalingUrl);
  return panel;
}

/** Points a panel at the test's companion server, through the settings form as a member would. */
export async function setSignalingServer(panel: Page, url: string): Promise<void> {
  await panel.getByRole('button', { name: 'Settings' }).click();
  const field = panel.getByRole('textbox', { name: 'Connection server address' });
  await field.fill(url);
  await panel.getByRole('button', { name: 'Save' }).click();
  await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await panel.getByRole('button', { name: 'Close' }).click();
}

/** Ticks "Only connect through the server" in the settings, as a member would. */
export async function connectOnlyThroughServer(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Settings' }).click();
  await panel.getByRole('checkbox', { name: 'Only connect through the server' }).check();
  await panel.getByRole('button', { name: 'Save' }).click();
  await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  await panel.getByRole('button', { name: 'Close' }).click();
}

/** Starts a new group as its first chair and returns the invite code the panel shows. */
export async function startGroup(panel: Page, groupName: string, name: string): Promise<string> {
  const form = panel.getByRole('form', { name: 'Start a new group' });
  await form.getByRole('textbox', { name: 'Group name' }).fill(groupName);
  await form.getByRole('textbox', { name: 'Your name' }).fill(name);
  await form.getByRole('button', { name: 'Start group' }).click();
  // Inviting the group is step one for its founder.
  await panel.getByRole('heading', { name: 'Step 1: invite your group' }).waitFor();
  const code = await inviteText(panel, 'Code');
  expect(code).toMatch(/^KR1(-[0-9A-Z]{4}){7}$/);
  return code;
}

/**
 * The group's invite code or link as the panel shows it: step one of a new group, or the closed
 * invite at the end of a group's page, opened when its field is not on screen.
 */
export async function inviteText(panel: Page, field: 'Code' | 'Link'): Promise<string> {
  const box = panel.getByRole('textbox', { name: field });
  if (!(await box.isVisible())) {
    await openDisclosure(
      panel
        .getByText("This group's invite", { exact: true })
        .or(panel.getByText('Code and link separately', { exact: true })),
      'invite',
    );
  }
  return box.inputValue();
}

/**
 * Opens the disclosure (`<details>`) whose `<summary>` is `summary`, as a member would: a click,
 * and another when the first left it closed. A few runs in a hundred once found a disclosure
 * closed after its click: the group view had been put back while the notebook's code arrived
 * (fixed in components/shell/useMeetingHistory.ts; docs/environment.md). A member clicks again;
 * so does this, and says so in the test's output with where the summary was and what was under
 * its middle, which is what to look at should it show up again.
 */
export async function openDisclosure(summary: Locator, what: string): Promise<void> {
  const state = () =>
    summary.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const under = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        open: (element.parentElement as HTMLDetailsElement).open,
        at: `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`,
        under: under === element ? 'the summary' : (under?.outerHTML.slice(0, 120) ?? 'nothing'),
      };
    });
  for (let click = 1; click <= 3; click += 1) {
    await summary.click();
    if ((await state()).open) return;
    await summary.page().waitForTimeout(500);
    const after = await state();
    if (after.open) return;
    console.warn(
      `${what}: the disclosure stayed closed after click ${click} (summary at ${after.at}, under its middle: ${after.under})${click < 3 ? '; clicking again' : ''}`,
    );
  }
  throw new Error(`${what}: the disclosure stayed closed after 3 clicks`);
}

/** Joins a group with pasted invite text. */
export async function joinGroup(panel: Page, inviteText: string, name: string): Promise<void> {
  const form = panel.getByRole('form', { name: 'Join with an invite' });
  await form.getByRole('textbox', { name: 'Invite (link or code)' }).fill(inviteText);
  await form.getByRole('textbox', { name: 'Your name' }).fill(name);
  await form.getByRole('button', { name: 'Join' }).click();
}

/**
 * In the pitch round: the bringer adds `caseText` as their work question, the chair confirms it
 * as the case, and the bringer's panel shows it brought in by `bringerName`.
 */
export async function bringCase(
  chair: Page,
  bringer: Page,
  caseText: string,
  bringerName: string,
): Promise<void> {
  await bringer.getByRole('textbox', { name: 'Your work question' }).fill(caseText);
  await bringer.getByRole('button', { name: 'Add work question' }).click();
  await chair.getByRole('button', { name: `Confirm as case: ${caseText}` }).click();
  await bringer.getByText(`Case: ${caseText} — brought in by ${bringerName}`).waitFor();
}

/**
 * Anna's panel starts group `group` and a meeting of `methodId` as chair; Bram's panel joins with
 * the invite it shows, and so does a Node member; Anna lets both in, and Bram's `caseText` is
 * confirmed as the case. The caller closes the Node member.
 */
export async function caseMeetingWithNodeMember(
  anna: Page,
  bram: Page,
  signalingUrl: string,
  options: {
    group: string;
    methodId: string;
    caseText: string;
    member: { memberId: string; memberName: string };
  },
): Promise<NodeMember> {
  const code = await startGroup(anna, options.group, 'Anna');
  await anna.getByRole('combobox', { name: 'Method' }).selectOption(options.methodId);
  await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
  await joinGroup(bram, code, 'Bram');
  const member = await nodeMemberJoins(code, signalingUrl, options.member);
  await letIn(anna, 'Bram', options.member.memberName);
  await bringCase(anna, bram, options.caseText, 'Bram');
  return member;
}

/** The name of the phase the panel shows now. */
export function currentPhase(panel: Page) {
  return panel.getByRole('heading', { level: 2 }).and(panel.getByTestId('current-phase'));
}

/**
 * As chair: lets each named member who asks to join into the meeting (admission, issue 13), by
 * clicking "Let <name> in" in the "Asking to join" list, and waits for their row to go.
 */
export async function letIn(chairPanel: Page, ...names: string[]): Promise<void> {
  for (const name of names) {
    const button = chairPanel.getByRole('button', { name: `Let ${name} in`, exact: true });
    await button.waitFor({ timeout: 45_000 });
    await button.click();
    await button.waitFor({ state: 'detached', timeout: 15_000 });
  }
}

/** The heading a member sees while they wait for the chair to let them in. */
export function waitingToBeLetIn(panel: Page) {
  return panel.getByRole('heading', { name: 'Waiting to be let in' });
}

/** A Node member who joins the group with the invite `code` a panel showed (and then knocks). */
export async function nodeMemberJoins(
  code: string,
  signalingUrl: string,
  member: { memberId: string; memberName: string },
): Promise<NodeMember> {
  const invite = parseInvite(code);
  if (!invite.ok) throw new Error(`the panel showed an invalid code: ${code}`);
  return NodeMember.join({ secret: invite.invite.secret, signalingUrl, ...member });
}

/**
 * The chair's panel starts a group and its meeting; a Node member joins with the invite the panel
 * shows and is let in, and both are in the first phase. The caller closes the member.
 */
export async function meetingWithNodeMember(
  chair: Page,
  signalingUrl: string,
  names: { group: string; chair: string; memberId: string; member: string },
): Promise<{ code: string; secret: Uint8Array; member: NodeMember }> {
  const code = await startGroup(chair, names.group, names.chair);
  await chair.getByRole('button', { name: 'Start the meeting as chair' }).click();
  const invite = parseInvite(code);
  if (!invite.ok) throw new Error(`the panel showed an invalid code: ${code}`);
  const member = await NodeMember.join({
    secret: invite.invite.secret,
    memberId: names.memberId,
    memberName: names.member,
    signalingUrl,
  });
  await letIn(chair, names.member);
  await member.until((s) => s.meeting?.phase.id === 'inventory', 30_000);
  await expect.poll(() => currentPhase(chair).textContent(), { timeout: 20_000 }).toBe('Inventory');
  return { code, secret: invite.invite.secret, member };
}

/**
 * The chair ends the meeting through its confirmation, and each of `others` shows that it
 * ended (the board is cleared for everyone then).
 */
export async function endMeeting(chair: Page, ...others: Page[]): Promise<void> {
  await chair.getByRole('button', { name: 'End the meeting' }).click();
  await chair.getByRole('button', { name: 'Yes, end it' }).click();
  for (const panel of others) {
    await panel
      .getByRole('heading', { name: 'The meeting has ended.' })
      .waitFor({ timeout: 20_000 });
  }
}

/** Texts a panel must not show a newcomer before they are let in. */
const MEMBER_ONLY = [
  'I chair today',
  'Start the meeting as chair',
  'Meetings in this series',
  'Step 1: invite your group',
  // This device's count of the group's meetings, which a newcomer has none of.
  'Meeting 1',
];

/**
 * Notes, in the page, every text of MEMBER_ONLY the panel shows from now on, and whether it
 * said it was looking for the group: on every change of the DOM, so that nothing shown for a
 * moment is missed.
 */
export async function watchScreens(panel: Page): Promise<void> {
  await panel.evaluate((memberOnly) => {
    const seen = { looking: false, memberOnly: [] as string[] };
    (window as unknown as { __screens: typeof seen }).__screens = seen;
    const check = (): void => {
      const text = document.body.textContent ?? '';
      if (text.includes('Looking for your group…')) seen.looking = true;
      for (const t of memberOnly) {
        if (text.includes(t) && !seen.memberOnly.includes(t)) seen.memberOnly.push(t);
      }
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, MEMBER_ONLY);
}

/** What `watchScreens` noted so far. */
export async function screensSeen(
  panel: Page,
): Promise<{ looking: boolean; memberOnly: string[] }> {
  return panel.evaluate(
    () =>
      (window as unknown as { __screens: { looking: boolean; memberOnly: string[] } }).__screens,
  );
}

/** Lets the page lay out and paint what the last change did (two animation frames). */
export async function settle(panel: Page): Promise<void> {
  await panel.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}
