/**
 * Late join until the board is rendered in a real panel (issue 15, point 1), next to a bare
 * baseline in the same run.
 *
 * Kring: the companion on loopback and seven Node members (tests/helpers/node-member*.ts: the
 * real GroupSession over @roamhq/wrtc, signed sessions) hold a heavy meeting of the basic
 * method: six pitches, a case confirmed, 60 questions all marked answered and rated, five
 * proposals, 16 pieces of advice of which the case bringer starred 8 and put them in order. The
 * meeting stays in the advice phase (the fourth of five), where the board a member sees is the
 * 16 pieces of advice; the questions are in the document, not on that screen. Then a built
 * extension panel in Chromium (the eighth member) joins:
 * - new member: a fresh profile; from the click on Join (invite pasted, name typed) until the
 *   advice phase and all 16 rows are in the DOM. The panel asks to be let in and the Node chair
 *   lets in whoever asks, so admission is inside the figure.
 * - returning member: the same profile reloads its panel (a second after its board showed); from
 *   the navigation until the board is in the DOM. The panel comes back to the group it showed
 *   (extension/open-group-memory.ts). Then the same from the home screen: the member goes back
 *   to the groups, reloads, and the page itself clicks "Open <group>" the moment the button is
 *   in the DOM (no automation delay); the click-to-board part is reported too. A returning
 *   member is let in without asking and has a kept copy of the meeting on the device.
 *
 * Baseline: bench/pages/bare-board-page.ts (yjs + y-webrtc, plain DOM) in a fresh browser
 * context per run, joining a room where one bare Node peer (bench/bare-peer-process.ts)
 * holds the very bytes of Kring's meeting document (taken from the Node chair), until its 60
 * questions and 16 pieces of advice are in the DOM; "new member" from the click on its Join
 * button, "returning" from the navigation. Same companion code on loopback.
 *
 * "Rendered" is noted in the page by a MutationObserver (the same code on both sides), on the
 * page's own clock (performance.now()), as is the click, so no clock crosses processes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createInvite, formatCode } from '../lib/invite/invite';
import { startSignalingServer } from '../server/signaling-server';
import { NodeGroup } from '../tests/helpers/node-group';
import type { NodeMember } from '../tests/helpers/node-member';
import type { MemberBrowser } from '../tests/e2e/helpers/member-browser';
import { joinGroup, openCallPanel } from '../tests/e2e/helpers/panel';
import { launchExtensionMember } from './extension-member';
import { bundlePage, launchChromium, serveFolder } from './browser';
import { BarePeer } from './bare-peer';
import type { Add } from './node-sections';
import { percentile, round } from './report';

const BARE_PAGE = resolve(import.meta.dirname, 'pages', 'bare-board-page.ts');
export const CALL_URL = 'https://meet.google.com/kri-ngla-tej';
const NODE_MEMBERS = 7;
const QUESTIONS = 60;
const ADVICE = 16;
const STARRED = 8;
const BUDGET_MS = 500;

/** What the page waits for: lists that must hold `count` items, and the phase heading's text. */
export interface Want {
  readonly lists: ReadonlyArray<readonly [selector: string, count: number]>;
  readonly phase: string | null;
  /**
   * Clicks the home screen's group button whose accessible name starts with this as soon as it
   * shows (a reload on the home screen).
   */
  readonly autoOpen: string | null;
}

/** What the page noted, in ms on its own clock (performance.now(): from navigation start). */
export interface Noted {
  readonly clickedAt: number | null;
  /** "Waiting to be let in" shown (a new member asking the chair). */
  readonly waitingAt: number | null;
  /** The meeting's phase heading shows the awaited phase. */
  readonly phaseAt: number | null;
  readonly renderedAt: number | null;
}

/** The in-page watcher (a string: tsx would wrap a function; evaluated under the panel's CSP). */
export function watcher(want: Want): string {
  return `(() => {
  if (window.__lateJoin) return;
  const want = ${JSON.stringify(want)};
  const noted = { clickedAt: null, waitingAt: null, phaseAt: null, renderedAt: null };
  window.__lateJoin = noted;
  const now = () => performance.now();
  const nameOf = (b) => (b.getAttribute('aria-label') || b.textContent || '').trim();
  const acts = (b) => nameOf(b) === 'Join' || (want.autoOpen !== null && nameOf(b).startsWith(want.autoOpen));
  addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (noted.clickedAt === null && button && acts(button)) noted.clickedAt = now();
  }, true);
  let opened = false;
  const check = () => {
    if (noted.renderedAt !== null) return;
    if (want.autoOpen !== null && !opened) {
      const open = [...document.querySelectorAll('ul.groups button')].find((b) => nameOf(b).startsWith(want.autoOpen));
      if (open) { opened = true; open.click(); }
    }
    if (noted.waitingAt === null && [...document.querySelectorAll('h2, h3')].some((h) => (h.textContent || '').includes('Waiting to be let in'))) noted.waitingAt = now();
    const heading = document.querySelector('[data-testid="current-phase"]');
    const phaseOk = want.phase === null || (heading !== null && (heading.textContent || '').trim() === want.phase);
    if (phaseOk && want.phase !== null && noted.phaseAt === null) noted.phaseAt = now();
    if (phaseOk && want.lists.every(([selector, count]) => document.querySelectorAll(selector).length >= count)) { noted.renderedAt = now(); performance.mark('bench-rendered'); }
  };
  const start = () => {
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    check();
  };
  start();
})();`;
}

/**
 * Counts the page's peer connections by state (a string, run before the app): how the bench
 * knows a panel is connected to the others before it reloads it.
 */
export const PEERS_WATCH = `(() => {
  if (window.__benchPeers) return;
  const peers = [];
  window.__benchPeers = peers;
  const Native = RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      peers.push(this);
    }
  };
})();`;

/** How long a panel may take to connect to every Node member before it is reloaded anyway. */
const PEERS_SETTLE_MS = 20_000;

/**
 * Waits until the panel is connected to every Node member: none of its peer connections still
 * new or connecting, at least NODE_MEMBERS connected, for half a second. False when that did not
 * happen within PEERS_SETTLE_MS.
 */
export async function connectedToAll(page: Page): Promise<boolean> {
  const deadline = Date.now() + PEERS_SETTLE_MS;
  let settledSince: number | null = null;
  while (Date.now() < deadline) {
    const { connected, busy } = (await page.evaluate(
      `(() => { const p = window.__benchPeers ?? []; return { connected: p.filter((c) => c.connectionState === 'connected').length, busy: p.filter((c) => c.connectionState === 'new' || c.connectionState === 'connecting').length }; })()`,
    )) as { connected: number; busy: number };
    if (connected >= NODE_MEMBERS && busy === 0) {
      settledSince ??= Date.now();
      if (Date.now() - settledSince >= 500) return true;
    } else settledSince = null;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function noted(page: Page, ms = 45_000): Promise<Noted> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    // Polled from here: the panel's CSP forbids the string evaluation waitForFunction uses.
    const seen = (await page.evaluate('window.__lateJoin ?? null')) as Noted | null;
    if (seen?.renderedAt != null) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  // What the panel showed instead, so that a join that never ends says where it stopped.
  const shown = (await page
    .evaluate(
      `JSON.stringify(window.__lateJoin ?? null) + ' ' + location.href + ' ' + [...document.querySelectorAll('h1, h2, h3, [role="status"], [role="alert"]')].map((e) => (e.textContent || '').trim()).filter(Boolean).join(' | ') + ' body: ' + (document.body?.innerText ?? '').slice(0, 300)`,
    )
    .catch((e: unknown) => `(the page did not answer: ${String(e)})`)) as string;
  throw new Error(
    `the board was not rendered within ${ms / 1000} s; the panel showed: ${shown.slice(0, 600)}`,
  );
}

export const KRING_WANT: Want = {
  lists: [['ol.advice-list > li', ADVICE]],
  phase: 'Advice',
  autoOpen: null,
};

async function must(member: NodeMember, command: Parameters<NodeMember['command']>[0]) {
  const result = await member.command(command);
  if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result)}`);
}

/** The heavy meeting, written by seven Node members through the real commands, phase by phase. */
export async function holdHeavyMeeting(group: NodeGroup, secret: Uint8Array): Promise<NodeMember> {
  const nodes: NodeMember[] = [];
  for (let i = 0; i < NODE_MEMBERS; i += 1) {
    nodes.push(await group.join(secret, `bench-late-${i}`, `Lid ${i + 1}`));
  }
  const [chair, bringer, ...askers] = nodes as [NodeMember, NodeMember, ...NodeMember[]];
  await must(chair, { type: 'start', methodId: 'basic' });
  const allIn = (phase: string) =>
    Promise.all(nodes.map((m) => m.until((s) => s.meeting?.phase.id === phase, 60_000)));
  await allIn('inventory');
  for (const member of [bringer, ...askers]) {
    await must(member, { type: 'pitch', text: `Een casus van ${member.options?.memberName}` });
  }
  await chair.until((s) => (s.board?.pitches.length ?? 0) === askers.length + 1, 30_000);
  await must(chair, { type: 'confirm-first-pitch' });
  await bringer.until((s) => s.meeting?.caseBringerId === bringer.id, 30_000);
  const next = async (phase: string) => {
    await must(chair, { type: 'next' });
    await allIn(phase);
  };
  await next('analysis');
  await Promise.all(
    askers.map((m, i) =>
      must(m, {
        type: 'write-many',
        kind: 'question',
        count: QUESTIONS / askers.length + (i < QUESTIONS % askers.length ? 1 : 0),
        length: 120,
      }),
    ),
  );
  await bringer.until((s) => s.board?.questions.length === QUESTIONS, 60_000);
  await must(bringer, { type: 'rate-questions' });
  await next('awareness');
  await Promise.all(
    askers.map((m) => must(m, { type: 'write-many', kind: 'proposal', count: 1, length: 100 })),
  );
  await next('advice');
  await Promise.all(
    askers.map((m, i) =>
      must(m, {
        type: 'write-many',
        kind: 'advice',
        count: Math.floor(ADVICE / askers.length) + (i < ADVICE % askers.length ? 1 : 0),
        length: 200,
      }),
    ),
  );
  await bringer.until((s) => s.board?.advice.length === ADVICE, 60_000);
  await must(bringer, { type: 'star-advice', count: STARRED });
  // Every member holds all of it before anyone joins late.
  await Promise.all(
    nodes.map((m) =>
      m.until(
        (s) =>
          s.board?.questions.length === QUESTIONS &&
          s.board.questions.every((q) => q.rating !== null) &&
          s.board.advice.filter((a) => a.order !== null).length === STARRED,
        60_000,
      ),
    ),
  );
  return chair;
}

/** The meeting document as the Node chair holds it, encoded. */
export async function meetingBytes(chair: NodeMember): Promise<Buffer> {
  const result = await chair.command({ type: 'shared-state' });
  const parsed: unknown = JSON.parse(result.detail ?? 'null');
  const meeting =
    typeof parsed === 'object' && parsed !== null && 'meeting' in parsed ? parsed.meeting : null;
  if (typeof meeting !== 'string') throw new Error('the chair holds no meeting document');
  return Buffer.from(meeting, 'base64');
}

interface KringTimes {
  readonly newMember: number[];
  readonly waiting: number[];
  readonly phaseShown: number[];
  readonly reload: number[];
  readonly reloadFromHome: number[];
  readonly reloadFromOpen: number[];
  /** Reloads a second after the board showed, the panel still connecting to the others. */
  readonly reloadConnecting: number[];
  /** Reloads whose panel was not connected to every Node member within PEERS_SETTLE_MS. */
  readonly unsettled: number;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly update: Buffer;
}

/** One fresh profile joins by invite; returns its browser and panel once the board is rendered. */
/** Reloads a panel that showed a group; when its board is back (it must not stop at home), in ms. */
async function reloadBackInGroup(panel: Page): Promise<number> {
  await panel.reload();
  const back = await noted(panel);
  if (back.clickedAt !== null) throw new Error('the reloaded panel showed its home screen');
  return back.renderedAt!;
}

async function newMemberJoins(
  build: string,
  signalingUrl: string,
  code: string,
  name: string,
  browsers: MemberBrowser[],
): Promise<{ panel: Page; noted: Noted; browser: MemberBrowser }> {
  const browser = await launchExtensionMember(build);
  browsers.push(browser);
  const panel = await openCallPanel(browser, { callUrl: CALL_URL, signalingUrl });
  await panel.addInitScript(PEERS_WATCH);
  await panel.evaluate(PEERS_WATCH);
  await panel.evaluate(watcher(KRING_WANT));
  await joinGroup(panel, code, name);
  return { panel, noted: await noted(panel), browser };
}

async function kringLateJoin(
  build: string,
  runs: { newMembers: number; reloads: number },
  onClose: (close: () => Promise<void>) => void,
): Promise<KringTimes> {
  const group = await NodeGroup.start();
  const browsers: MemberBrowser[] = [];
  const close = async () => {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await group.close();
  };
  onClose(close);
  try {
    const { secret } = createInvite();
    const code = formatCode(secret);
    const began = performance.now();
    const chair = await holdHeavyMeeting(group, secret);
    const update = await meetingBytes(chair);
    // From here the Node members keep their snapshots to themselves, as the bare peer does.
    await group.quiet();
    console.log(
      `  heavy meeting held by ${NODE_MEMBERS} Node members in ${round((performance.now() - began) / 1000)} s: ${round(update.length / 1024)} KiB`,
    );
    const newMember: number[] = [];
    const waiting: number[] = [];
    const phaseShown: number[] = [];
    const record = (n: Noted) => {
      const from = n.clickedAt ?? 0;
      newMember.push(n.renderedAt! - from);
      if (n.waitingAt !== null) waiting.push(n.waitingAt - from);
      if (n.phaseAt !== null) phaseShown.push(n.phaseAt - from);
    };
    // The returning member joins first as a new member, then reloads.
    const first = await newMemberJoins(build, group.url, code, 'Laat 1', browsers);
    record(first.noted);
    await first.panel.addInitScript(watcher({ ...KRING_WANT, autoOpen: 'Open ' }));
    const reload: number[] = [];
    const reloadFromHome: number[] = [];
    const reloadFromOpen: number[] = [];
    const reloadConnecting: number[] = [];
    let unsettled = 0;
    for (let i = 0; i < runs.reloads; i += 1) {
      // A member reloads a panel that has been open a while: connected to the others, and not
      // in the very task after the board showed, before the panel kept its copy of the meeting.
      // The panel comes back to the group it showed by itself.
      if (!(await connectedToAll(first.panel))) unsettled += 1;
      await new Promise((r) => setTimeout(r, 1000));
      reload.push(await reloadBackInGroup(first.panel));
      // The same from the home screen (a panel opened in a new browser session): back to the
      // groups, a reload, and "Open <group>" clicked as soon as it shows.
      await new Promise((r) => setTimeout(r, 1000));
      await first.panel.getByRole('button', { name: 'Back to your groups' }).first().click();
      await first.panel.getByRole('button', { name: /^Open / }).waitFor();
      await first.panel.reload();
      const home = await noted(first.panel);
      reloadFromHome.push(home.renderedAt!);
      if (home.clickedAt !== null) reloadFromOpen.push(home.renderedAt! - home.clickedAt);
      // And a reload a second after the board showed, while the panel is still making its
      // connections (until stop 38 the method of the figure above): the page before it is busy
      // creating peer connections, and the new one waits for it to let go.
      await new Promise((r) => setTimeout(r, 1000));
      reloadConnecting.push(await reloadBackInGroup(first.panel));
    }
    await first.browser.close();
    for (let i = 1; i < runs.newMembers; i += 1) {
      const joined = await newMemberJoins(build, group.url, code, `Laat ${i + 1}`, browsers);
      record(joined.noted);
      await joined.browser.close();
    }
    const after = await meetingBytes(chair);
    return {
      newMember,
      waiting,
      phaseShown,
      reload,
      reloadFromHome,
      reloadFromOpen,
      reloadConnecting,
      unsettled,
      bytesBefore: update.length,
      bytesAfter: after.length,
      update,
    };
  } catch (error) {
    // A Node member's crash (node-webrtc, docs/environment.md) is the bench's stand-in failing,
    // not the panel: a join that waited for a chair who is gone says so.
    const gone = group.endedMembers();
    if (gone.length === 0) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message} (Node members gone meanwhile: ${gone.join(', ')})`);
  } finally {
    await close();
  }
}

/** A bare page that shows nothing for this long hangs (its median is a few hundred ms). */
const BARE_HANG_MS = 15_000;

async function bareLateJoin(
  site: string,
  update: Buffer,
  runs: number,
  onClose: (close: () => Promise<void>) => void,
): Promise<{ newMember: number[]; reload: number[]; hung: number }> {
  const files = await serveFolder(site);
  const server = await startSignalingServer({
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: [files.url],
  });
  const peer = BarePeer.start();
  let browser: Browser | null = null;
  const close = async () => {
    await peer.command({ type: 'close' }).catch(() => undefined);
    peer.kill();
    await browser?.close().catch(() => undefined);
    await files.close();
    await server.close();
  };
  onClose(close);
  try {
    const room = `bench-late-${Math.random().toString(36).slice(2)}`;
    const password = 'bench-late-password';
    // Holding `update`, the heavy meeting's bytes.
    await peer.run({
      type: 'open',
      room,
      password,
      signalingUrl: server.url,
      update: update.toString('base64'),
    });
    browser = await launchChromium();
    const want: Want = {
      lists: [
        ['#questions > li', QUESTIONS],
        ['#advice > li', ADVICE],
      ],
      phase: null,
      autoOpen: null,
    };
    const query = new URLSearchParams({ room, password, signaling: server.url });
    const newMember: number[] = [];
    const reload: number[] = [];
    let hung = 0;
    for (let i = 0; i < runs; i += 1) {
      // A fresh context each time: contexts of one browser share no BroadcastChannel.
      for (const mode of ['new', 'reload'] as const) {
        for (let attempt = 1; ; attempt += 1) {
          const context = await browser.newContext();
          const page = await context.newPage();
          try {
            if (mode === 'new') {
              await page.goto(`${files.url}/bare-board.html?${query.toString()}&wait=1`);
              await page.evaluate(watcher(want));
              await page.getByRole('button', { name: 'Join' }).click();
              const n = await noted(page, BARE_HANG_MS);
              newMember.push(n.renderedAt! - n.clickedAt!);
            } else {
              await page.addInitScript(watcher(want));
              await page.goto(`${files.url}/bare-board.html?${query.toString()}`);
              reload.push((await noted(page, BARE_HANG_MS)).renderedAt!);
            }
            break;
          } catch (error) {
            // y-webrtc alone has no watchdog: a connection attempt that hangs stays hung (Kring's
            // patch closes it and tries again). Such a run is counted and run again: the
            // baseline is the bare libraries' join when it works.
            hung += 1;
            if (attempt >= 3) throw error;
          } finally {
            await context.close();
          }
        }
      }
    }
    return { newMember, reload, hung };
  } finally {
    await close();
  }
}

const ms = (values: readonly number[]) => values.map((v) => Math.round(v)).join(', ');

/**
 * `KRING_BENCH_NEW_MEMBERS`: more joins for side-by-side comparisons of two builds
 * (bench/README.md); the report's figure is then the median of that many. Null when not set.
 */
export function newMembersAsked(): number | null {
  return countAsked('KRING_BENCH_NEW_MEMBERS');
}

/** `KRING_BENCH_RELOADS`: as many reloads of the returning member (bench/README.md). */
export function reloadsAsked(): number | null {
  return countAsked('KRING_BENCH_RELOADS');
}

/** A count from the environment, 1 to 40; null when not set or not such a count. */
function countAsked(name: string): number | null {
  const asked = Number(process.env[name]);
  return Number.isInteger(asked) && asked >= 1 && asked <= 40 ? asked : null;
}

export async function lateJoinSection(
  add: Add,
  options: { quick: boolean; signal: AbortSignal; build: string },
): Promise<void> {
  // Eight new members: a single join scatters by 300 ms on this shared machine, and a median
  // of four moved by 100 ms between runs of the same build.
  const runs = options.quick ? { newMembers: 2, reloads: 3 } : { newMembers: 8, reloads: 7 };
  runs.newMembers = newMembersAsked() ?? runs.newMembers;
  runs.reloads = reloadsAsked() ?? runs.reloads;
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-late-'));
  // What is open now (the Kring group, then the bare room), for an abort or a failure.
  const open: { close: (() => Promise<void>) | null } = { close: null };
  const onAbort = () => void open.close?.();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await bundlePage(BARE_PAGE, dir, 'bare-board');
    const kring = await kringLateJoin(options.build, runs, (c) => (open.close = c));
    const bare = await bareLateJoin(dir, kring.update, runs.reloads, (c) => (open.close = c));
    open.close = null;
    console.log(
      `  Kring new member: ${ms(kring.newMember)} ms (asking to be let in at ${ms(kring.waiting)}, phase shown at ${ms(kring.phaseShown)}); reload: ${ms(kring.reload)} ms; reload on the home screen: ${ms(kring.reloadFromHome)} ms (from the click on Open: ${ms(kring.reloadFromOpen)}); reload while still connecting: ${ms(kring.reloadConnecting)} ms`,
    );
    const hung =
      bare.hung > 0
        ? ` (${bare.hung} bare runs hung, no board in ${BARE_HANG_MS / 1000} s, and were run again: y-webrtc alone has no watchdog)`
        : '';
    console.log(
      `  bare new member: ${ms(bare.newMember)} ms; reload: ${ms(bare.reload)} ms${hung}`,
    );
    const size = `${round(kring.bytesBefore / 1024)} KiB`;
    const method =
      `bench/late-join-section.ts: ${NODE_MEMBERS} Node members (signed sessions, the companion on loopback) hold a basic-method meeting in its advice phase: 6 pitches, a case, ${QUESTIONS} questions marked answered and rated, 5 proposals, ${ADVICE} advice (${STARRED} starred, in order); ${size} encoded. ` +
      `A built extension panel in headless Chromium joins as the 8th member until the advice phase and its ${ADVICE} rows are in the DOM (MutationObserver, the page's own clock). ` +
      `New member: a fresh profile, from the click on Join; the Node chair lets in whoever asks. Returning member: the same profile reloading its panel once it is connected to every Node member (no peer connection new or connecting, for half a second) and a second more, from navigation start; the panel comes back to the group it showed. On the home screen: the member went back to the groups first, and the page clicks "Open <group>" as soon as it shows. ` +
      `Baseline: bench/pages/bare-board-page.ts (yjs + y-webrtc, plain DOM) in a fresh context per run, joining a bare Node peer that holds the same document bytes, until its ${QUESTIONS} questions and ${ADVICE} advice are in the DOM; from the click on its Join button, or from navigation.`;
    /** A Kring figure of the panel against the bare page's, in ms, with the 500 ms budget. */
    const againstBare = (
      id: string,
      name: string,
      runs: number[],
      bareRuns: number[],
      note: string,
    ) =>
      add({
        id,
        name: `${name}, median of ${runs.length}`,
        value: round(percentile(runs, 50)),
        unit: 'ms',
        baseline: round(percentile(bareRuns, 50)),
        baselineName: 'bare yjs + y-webrtc page, same document',
        method,
        budget: { kind: 'at-most', value: BUDGET_MS },
        note,
      });
    againstBare(
      'late-join-panel-new-p50',
      'late join, new member: Join until the board is rendered in the panel (chair lets in)',
      kring.newMember,
      bare.newMember,
      `new member runs: ${ms(kring.newMember)} ms (bare: ${ms(bare.newMember)}); "Waiting to be let in" shown at ${ms(kring.waiting)} ms, the advice phase heading at ${ms(kring.phaseShown)} ms after the click.`,
    );
    againstBare(
      'late-join-panel-reload-p50',
      'late join, returning member: panel reload until the board is rendered (back in the group by itself)',
      kring.reload,
      bare.reload,
      `returning member runs: ${ms(kring.reload)} ms from navigation start (bare reload: ${ms(bare.reload)})${hung}` +
        (kring.unsettled > 0
          ? `; ${kring.unsettled} of them reloaded a panel not connected to everyone after ${PEERS_SETTLE_MS / 1000} s`
          : '') +
        `. Reloaded a second after its board showed, while still making its connections (the method until stop 38; no budget): ${ms(kring.reloadConnecting)} ms, median ${round(percentile(kring.reloadConnecting, 50))} ms.`,
    );
    againstBare(
      'late-join-panel-home-p50',
      'late join, returning member on the home screen: panel reload, "Open <group>" at once, until the board is rendered',
      kring.reloadFromHome,
      bare.reload,
      `runs: ${ms(kring.reloadFromHome)} ms from navigation start, of which from the click on "Open <group>": ${ms(kring.reloadFromOpen)} ms.`,
    );
    add({
      id: 'late-join-panel-open-p50',
      name: 'late join, returning member: click on "Open <group>" until the board is rendered, median',
      value: round(percentile(kring.reloadFromOpen, 50)),
      unit: 'ms',
      method,
    });
    add({
      id: 'late-join-panel-encoded',
      name: `that meeting's document as the members hold it, encoded (before the panel joined; ${round(kring.bytesAfter / 1024)} KiB after ${kring.newMember.length} late members)`,
      value: round(kring.bytesBefore / 1024),
      unit: 'KiB',
      method,
      budget: { kind: 'at-most', value: 64 },
    });
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await open.close?.().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
