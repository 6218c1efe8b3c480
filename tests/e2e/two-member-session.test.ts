import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { EXTENSION_DIR, launchMember, launchWebMember, waitFor } from './helpers/member-browser';
import type { MemberBrowser } from './helpers/member-browser';
import {
  currentPhase,
  inviteText,
  joinGroup,
  letIn,
  startGroup,
  setSignalingServer,
  waitingToBeLetIn,
} from './helpers/panel';

// Code passed to `background.evaluate` runs in the extension's service worker, where the
// extension API is the global `chrome`.
declare const chrome: typeof browser;

const MEET_URL = 'https://meet.google.com/abc-defg-hij';

/**
 * The foundation, as two people would use it: a chair and a member, each in their own browser
 * profile with the production build of the extension, in the same (fixture) Google Meet call,
 * connected over real WebRTC through the project's own signaling server.
 */
describe('a chair and a member in one session', () => {
  let server: RunningServer;
  let chair: MemberBrowser;
  let member: MemberBrowser;

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1', staticDir: EXTENSION_DIR });
    [chair, member] = await Promise.all([launchMember(), launchMember()]);
  });

  afterAll(async () => {
    await Promise.all([chair?.close(), member?.close()]);
    await server?.close();
  });

  it('offers the side panel on the call tab and not on another tab', async () => {
    const { tabId } = await chair.openCall(MEET_URL);
    const other = await chair.context.newPage();
    await other.goto('https://example.org/');
    const options = await waitFor(
      () =>
        chair.background.evaluate(async (id: number) => {
          const mine = await chrome.sidePanel.getOptions({ tabId: id });
          return mine.enabled ? mine : null;
        }, tabId),
      'the panel to be enabled on the call tab',
    );
    expect(options).toMatchObject({ enabled: true, path: `sidepanel.html?tabId=${tabId}` });
    const otherOptions = await chair.background.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      // Without the tabs permission only call tabs show their URL; the others are the rest.
      const others = tabs.filter((tab) => !tab.url?.startsWith('https://meet.google.com/'));
      return Promise.all(others.map((tab) => chrome.sidePanel.getOptions({ tabId: tab.id })));
    });
    expect(otherOptions.length).toBeGreaterThan(0);
    for (const option of otherOptions) expect(option.enabled).toBe(false);
    const global = await chair.background.evaluate(() => chrome.sidePanel.getOptions({}));
    expect(global.enabled).toBe(false);
    // The toolbar button is live on the call tab and greyed out on the others.
    const buttons = () =>
      chair.background.evaluate(async (id: number) => {
        const tabs = await chrome.tabs.query({});
        return Promise.all(
          tabs.map(async (tab) => ({
            call: tab.id === id,
            enabled: await chrome.action.isEnabled(tab.id),
          })),
        );
      }, tabId);
    await expect
      .poll(async () => (await buttons()).filter((b) => b.call).map((b) => b.enabled))
      .toEqual([true]);
    const others = (await buttons()).filter((b) => !b.call);
    expect(others.length).toBeGreaterThan(0);
    for (const button of others) expect(button.enabled).toBe(false);
    await other.close();
  });

  it('lets the chair start, the member join over WebRTC, and shows every phase change', async () => {
    const chairCall = await chair.openCall(MEET_URL);
    const chairPanel = await chair.openPanel(chairCall.tabId);
    await expect
      .poll(() => chairPanel.getByTestId('call-badge').textContent(), { timeout: 10_000 })
      .toContain('Google Meet, meeting abc-defg-hij');
    await setSignalingServer(chairPanel, server.url);
    const code = await startGroup(chairPanel, 'Verpleging B3', 'Anna');
    await chairPanel.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await expect.poll(() => currentPhase(chairPanel).textContent()).toBe('Inventory');

    const memberCall = await member.openCall(MEET_URL);
    const memberPanel = await member.openPanel(memberCall.tabId);
    await setSignalingServer(memberPanel, server.url);

    // A truncated invite gets a clear message, not a blank panel.
    await joinGroup(memberPanel, code.slice(0, 15), 'Bram');
    await expect
      .poll(() => memberPanel.getByRole('alert').textContent())
      .toContain('This invite is incomplete');

    await joinGroup(memberPanel, `Join us: ${code}`, 'Bram');
    // The invite opens the group, not the meeting: Bram waits until the chair lets him in.
    await waitingToBeLetIn(memberPanel).waitFor({ timeout: 30_000 });
    await letIn(chairPanel, 'Bram');
    await expect
      .poll(() => currentPhase(memberPanel).textContent(), { timeout: 30_000 })
      .toBe('Inventory');
    await expect
      .poll(() => memberPanel.getByTestId('phase-explanation').textContent())
      .toContain('work question');

    // Both see both, with their roles; only the chair has the phase controls.
    const members = memberPanel.getByRole('list', { name: 'Present' });
    await expect.poll(() => members.textContent(), { timeout: 15_000 }).toContain('Anna (chair)');
    await expect.poll(() => members.textContent()).toContain('Bram (member, you)');
    await expect
      .poll(() => chairPanel.getByRole('list', { name: 'Present' }).textContent(), {
        timeout: 15_000,
      })
      .toContain('Bram (member)');
    await expect
      .poll(() => memberPanel.getByRole('status').first().textContent())
      .toContain('Connected to 1 member');
    expect(await memberPanel.getByRole('button', { name: 'Next phase' }).count()).toBe(0);

    await chairPanel.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(memberPanel).textContent()).toBe('Analysis');
    await chairPanel.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(memberPanel).textContent()).toBe('Awareness');
    await chairPanel.getByRole('button', { name: 'Previous phase' }).click();
    await expect.poll(() => currentPhase(memberPanel).textContent()).toBe('Analysis');

    // A member without the extension opens the invite link: the companion serves the panel.
    const link = await inviteText(chairPanel, 'Link');
    expect(link).toBe(`${server.httpUrl}/#join=${code}`);
    const web = await launchWebMember();
    try {
      const webPanel = await web.context.newPage();
      await webPanel.goto(link);
      expect(new URL(webPanel.url()).hash).toBe('');
      const form = webPanel.getByRole('form', { name: 'Join with an invite' });
      expect(await form.getByRole('textbox', { name: 'Invite (link or code)' }).inputValue()).toBe(
        code,
      );
      await form.getByRole('textbox', { name: 'Your name' }).fill('Carla');
      await form.getByRole('button', { name: 'Join' }).click();
      await letIn(chairPanel, 'Carla');
      await expect
        .poll(() => currentPhase(webPanel).textContent(), { timeout: 30_000 })
        .toBe('Analysis');
      await expect
        .poll(() => chairPanel.getByRole('list', { name: 'Present' }).textContent(), {
          timeout: 15_000,
        })
        .toContain('Carla (member)');
      await chairPanel.getByRole('button', { name: 'Next phase' }).click();
      await expect.poll(() => currentPhase(webPanel).textContent()).toBe('Awareness');
      await expect.poll(() => currentPhase(memberPanel).textContent()).toBe('Awareness');
    } finally {
      await web.close();
    }
  });
});
