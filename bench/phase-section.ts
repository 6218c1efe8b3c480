/**
 * A phase change and a new question until rendered in every other panel, 4 and 8 members,
 * next to a bare baseline in the same run.
 *
 * Kring: the companion on loopback (tests/helpers/node-group.ts), a Node member process as chair
 * and the rest of the Node members (tests/helpers/node-member*.ts: the real GroupSession over
 * @roamhq/wrtc), and 2 real panels: the built extension in 2 Chromium profiles
 * (tests/e2e/helpers), joined with the invite code through the panel's own buttons. The chair
 * changes the phase (Inventory <-> Analysis); another Node member posts questions.
 *
 * Baseline: the same companion code on loopback, bench/pages/bare-yjs-page.ts (yjs + y-webrtc,
 * plain DOM) in 2 Chromium instances, and Node peers (bench/bare-peer-process.ts) of which one
 * sets `meta.phase` and another pushes a question.
 *
 * "Rendered" is noted in each page: a MutationObserver (installed the same way in both) checks
 * the awaited text after every DOM change and notes performance.timeOrigin + performance.now().
 * The bench process notes the same clock just before it sends the command to the writer's
 * process (over IPC, on both sides). All on one machine: both clocks are the system's wall
 * clock, to well under a millisecond. The figure per change is the later of the two pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { createInvite, formatCode } from '../lib/invite/invite';
import { startSignalingServer } from '../server/signaling-server';
import { NodeGroup } from '../tests/helpers/node-group';
import type { NodeMember } from '../tests/helpers/node-member';
import { launchExtensionMember } from './extension-member';
import type { MemberBrowser } from '../tests/e2e/helpers/member-browser';
import { currentPhase, joinGroup, openCallPanel } from '../tests/e2e/helpers/panel';
import { bundlePage, launchChromium, noteIn, serveFolder } from './browser';
import { BarePeer } from './bare-peer';
import type { Add } from './node-sections';
import { percentile, round } from './report';

const BARE_PAGE = resolve(import.meta.dirname, 'pages', 'bare-yjs-page.ts');
const CALL_URL = 'https://meet.google.com/kri-ngte-stx';
const PHASES = ['Inventory', 'Analysis'] as const;
const clock = () => performance.timeOrigin + performance.now();

/** What the watcher writes to its page's console for each sighting (bench/browser.ts, noteIn). */
const SEEN = 'kring-bench-seen';

/** The in-page watcher, the same on both sides (a string: tsx would wrap a function). */
const WATCHER = `(() => {
  if (window.__benchWatch) return;
  const pending = [];
  const seen = {};
  const check = () => {
    for (let i = pending.length - 1; i >= 0; i -= 1) {
      const w = pending[i];
      const el = document.querySelector(w.selector);
      const text = el ? (el.textContent || '').trim() : '';
      if (w.equals ? text === w.text : text.includes(w.text)) {
        seen[w.key] = performance.timeOrigin + performance.now();
        pending.splice(i, 1);
        console.debug('${SEEN} ' + JSON.stringify({ key: w.key, at: seen[w.key] }));
        // And the task after the next frame's rendering: the change on screen, style, layout
        // and paint included, the same way in both pages.
        const key = w.key + ':painted';
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            console.debug('${SEEN} ' + JSON.stringify({ key, at: performance.timeOrigin + performance.now() }));
            channel.port1.close();
          };
          channel.port2.postMessage(0);
        });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  window.__benchWatch = (key, selector, text, equals) => { pending.push({ key, selector, text, equals }); check(); };
  window.__benchSeen = seen;
})();`;

/** What one side of the comparison offers the timing loop. */
interface Meeting {
  readonly pages: readonly Page[];
  readonly phaseSelector: string;
  readonly questionSelector: string;
  setPhase(index: number): Promise<void>;
  postQuestion(text: string): Promise<void>;
  close(): Promise<void>;
}

interface Timings {
  readonly phase: number[];
  readonly question: number[];
  /** The same changes to the task after the next frame (style, layout and paint done). */
  readonly phaseOnScreen: number[];
  readonly questionOnScreen: number[];
}

async function watchAll(
  pages: readonly Page[],
  key: string,
  selector: string,
  text: string,
  equals: boolean,
): Promise<void> {
  await Promise.all(
    pages.map((page) =>
      page.evaluate(
        ([k, sel, t, eq]) =>
          (
            window as unknown as {
              __benchWatch: (k: string, s: string, t: string, e: boolean) => void;
            }
          ).__benchWatch(k, sel, t, eq),
        [key, selector, text, equals] as const,
      ),
    ),
  );
}

/**
 * When each page saw each key, as the pages report it on their consoles. Not polled: a poll is
 * a task in the page, and one that fell inside a change's window delayed what it timed
 * (bench/browser.ts, pageNote).
 */
class Sightings {
  private readonly seen = new Map<Page, Map<string, number>>();
  private readonly waiting = new Set<() => void>();

  constructor(pages: readonly Page[]) {
    for (const page of pages) {
      const mine = new Map<string, number>();
      this.seen.set(page, mine);
      page.on('console', (message) => {
        const seen = noteIn<{ key: string; at: number }>(message.text(), SEEN);
        if (seen === null) return;
        mine.set(seen.key, seen.at);
        for (const wake of this.waiting) wake();
      });
    }
  }

  /** The later of the pages' times for `key`. */
  async by(pages: readonly Page[], key: string): Promise<number> {
    const at = await this.within(pages, key, 20_000);
    if (at === null) throw new Error(`not rendered within 20 s: ${key}`);
    return at;
  }

  /** The later of the pages' times for `key`, or null when a page has none within `ms`. */
  async within(pages: readonly Page[], key: string, ms: number): Promise<number | null> {
    const all = () => pages.map((page) => this.seen.get(page)?.get(key));
    const deadline = Date.now() + ms;
    for (;;) {
      const times = all();
      if (times.every((t) => typeof t === 'number')) return Math.max(...(times as number[]));
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiting.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiting.add(wake);
      });
    }
  }
}

async function time(meeting: Meeting, changes: number, tag: string): Promise<Timings> {
  for (const page of meeting.pages) await page.evaluate(WATCHER);
  const sightings = new Sightings(meeting.pages);
  const seenBy = (pages: readonly Page[], key: string) => sightings.by(pages, key);
  const phase: number[] = [];
  const question: number[] = [];
  const phaseOnScreen: number[] = [];
  const questionOnScreen: number[] = [];
  // A page whose frames do not come (hidden) gives no figure on screen; the DOM figure stands.
  const onScreen = (key: string) => sightings.within(meeting.pages, `${key}:painted`, 2000);
  // Starts in phase 0; a few changes first, not counted (the first messages over fresh
  // connections, JIT).
  const warm = 3;
  for (let i = 0; i < changes + warm; i += 1) {
    const target = (i + 1) % 2;
    const key = `${tag}-phase-${i}`;
    await watchAll(meeting.pages, key, meeting.phaseSelector, PHASES[target]!, true);
    const sent = clock();
    await meeting.setPhase(target);
    const seen = await seenBy(meeting.pages, key);
    const painted = await onScreen(key);
    if (i >= warm) phase.push(seen - sent);
    if (i >= warm && painted !== null) phaseOnScreen.push(painted - sent);
    await new Promise((r) => setTimeout(r, 30));
  }
  // End in Analysis, where questions are asked.
  if ((changes + warm) % 2 === 0) {
    await watchAll(meeting.pages, `${tag}-to-analysis`, meeting.phaseSelector, PHASES[1], true);
    await meeting.setPhase(1);
    await seenBy(meeting.pages, `${tag}-to-analysis`);
  }
  for (let i = 0; i < changes + warm; i += 1) {
    const text = `Wat maakte vraag ${tag} ${i} zo lastig voor je?`;
    const key = `${tag}-question-${i}`;
    await watchAll(meeting.pages, key, meeting.questionSelector, text, false);
    const sent = clock();
    await meeting.postQuestion(text);
    const seen = await seenBy(meeting.pages, key);
    const painted = await onScreen(key);
    if (i >= warm) question.push(seen - sent);
    if (i >= warm && painted !== null) questionOnScreen.push(painted - sent);
    await new Promise((r) => setTimeout(r, 30));
  }
  return { phase, question, phaseOnScreen, questionOnScreen };
}

/**
 * Kring's side: the driving code in one place (who joins how, who is chair), so that a step
 * such as the chair admitting members can be added here.
 */
async function kringMeeting(members: number, extensionDir: string): Promise<Meeting> {
  const group = await NodeGroup.start();
  const browsers: MemberBrowser[] = [];
  try {
    const { secret } = createInvite();
    const code = formatCode(secret);
    const nodeCount = members - 2;
    const nodes: NodeMember[] = [];
    for (let i = 0; i < nodeCount; i += 1) {
      nodes.push(await group.join(secret, `bench-member-${i}`, `Lid ${i + 1}`));
    }
    const [chair, asker] = nodes as [NodeMember, NodeMember];
    const started = await chair.command({ type: 'start', methodId: 'basic' });
    if (!started.ok) throw new Error(`the chair could not start: ${JSON.stringify(started)}`);
    const pages: Page[] = [];
    for (let i = 0; i < 2; i += 1) {
      const browser = await launchExtensionMember(extensionDir);
      browsers.push(browser);
      const panel = await openCallPanel(browser, { callUrl: CALL_URL, signalingUrl: group.url });
      await joinGroup(panel, code, `Paneel ${i + 1}`);
      pages.push(panel);
    }
    for (const panel of pages) {
      await currentPhase(panel).filter({ hasText: PHASES[0] }).waitFor({ timeout: 60_000 });
    }
    await Promise.all(nodes.map((m) => m.until((s) => s.members.length === members, 60_000)));
    // From here the Node members keep their snapshots to themselves, as the bare peers do.
    await group.quiet();
    return {
      pages,
      phaseSelector: '[data-testid="current-phase"]',
      questionSelector: 'main',
      async setPhase(index) {
        const result = await chair.command({ type: index === 1 ? 'next' : 'previous' });
        if (!result.ok) throw new Error(`phase change refused: ${JSON.stringify(result)}`);
      },
      async postQuestion(text) {
        const result = await asker.command({ type: 'question', text });
        if (!result.ok) throw new Error(`question refused: ${JSON.stringify(result)}`);
      },
      async close() {
        await Promise.all(browsers.map((b) => b.close()));
        await group.close();
      },
    };
  } catch (error) {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await group.close();
    throw error;
  }
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function bareMeeting(members: number, site: string): Promise<Meeting> {
  const files = await serveFolder(site);
  // The companion lets browser pages of its own host or of a listed origin in: list the page's.
  const server = await startSignalingServer({
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: [files.url],
  }).catch(async (error: unknown) => {
    await files.close();
    throw error;
  });
  const peers: BarePeer[] = [];
  const browsers: Browser[] = [];
  const close = async () => {
    await Promise.all(peers.map((p) => p.command({ type: 'close' }).catch(() => undefined)));
    for (const p of peers) p.kill();
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await files.close();
    await server.close();
  };
  try {
    const room = `bench-bare-${Math.random().toString(36).slice(2)}`;
    const password = 'bench-bare-password';
    for (let i = 0; i < members - 2; i += 1) {
      const peer = BarePeer.start();
      peers.push(peer);
      await peer.command({ type: 'open', room, password, signalingUrl: server.url });
    }
    const pages: Page[] = [];
    for (let i = 0; i < 2; i += 1) {
      // Each page its own browser, as each member has: pages of one browser would meet over
      // BroadcastChannel instead of WebRTC.
      const browser = await launchChromium();
      browsers.push(browser);
      const page = await browser.newPage();
      const query = new URLSearchParams({ room, password, signaling: server.url });
      await page.goto(`${files.url}/bare.html?${query.toString()}`);
      pages.push(page);
    }
    const others = members - 1;
    await until(async () => {
      const inPages = await Promise.all(pages.map((p) => p.evaluate('window.benchPeers()')));
      const inNode = await Promise.all(peers.map((p) => p.command({ type: 'peers' })));
      return [...inPages, ...inNode.map((e) => e.peers)].every((n) => n === others);
    }, `${members} bare peers connected`);
    const [phaseWriter, questionWriter] = peers as [BarePeer, BarePeer];
    await phaseWriter.command({ type: 'phase', value: PHASES[0] });
    return {
      pages,
      phaseSelector: '[data-testid="current-phase"]',
      questionSelector: 'main',
      async setPhase(index) {
        await phaseWriter.command({ type: 'phase', value: PHASES[index as 0 | 1] });
      },
      async postQuestion(text) {
        await questionWriter.command({ type: 'question', text });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function phaseSection(
  add: Add,
  options: { quick: boolean; signal: AbortSignal; build: string },
): Promise<void> {
  const changes = 40;
  const sizes = options.quick ? [4] : [4, 8];
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-phase-'));
  await bundlePage(BARE_PAGE, dir, 'bare');
  let open: Meeting | null = null;
  const onAbort = () => void open?.close();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (const members of sizes) {
      // Baseline first, then Kring, each with its own fresh server and browsers.
      open = await bareMeeting(members, dir);
      const bare = await time(open, changes, `bare${members}`);
      await open.close();
      console.log(
        `  baseline, ${members} members: phase p50 ${round(percentile(bare.phase, 50))} ms, question p50 ${round(percentile(bare.question, 50))} ms`,
      );
      open = await kringMeeting(members, options.build);
      const kring = await time(open, changes, `kring${members}`);
      await open.close();
      open = null;
      const method =
        `${members} members: 2 real Chromium pages, ${members - 2} Node peers; ${changes} changes each (3 more first, not counted), ` +
        `timed from just before the command goes to the writer's Node process until the text is in the DOM of both pages (MutationObserver, the later page counts). ` +
        `Kring: built extension panels joined by invite, the chair (Node) goes Inventory <-> Analysis, a Node member posts questions. ` +
        `Baseline: bench/pages/bare-yjs-page.ts (yjs + y-webrtc, plain DOM), Node y-webrtc peers; the same companion code on loopback.`;
      const baselineName = 'bare yjs + y-webrtc page';
      for (const [what, kringTimes, bareTimes] of [
        ['phase change', kring.phase, bare.phase],
        ['new question', kring.question, bare.question],
      ] as const) {
        const id = what === 'phase change' ? 'phase' : 'question';
        add({
          id: `${id}-${members}-p50`,
          name: `${what} rendered in every other panel, ${members} members, p50`,
          value: round(percentile(kringTimes, 50)),
          unit: 'ms',
          baseline: round(percentile(bareTimes, 50)),
          baselineName,
          method,
        });
        add({
          id: `${id}-${members}-p95`,
          name: `${what} rendered in every other panel, ${members} members, p95`,
          value: round(percentile(kringTimes, 95)),
          unit: 'ms',
          baseline: round(percentile(bareTimes, 95)),
          baselineName,
          method,
          budget: { kind: 'ratio-at-most', value: 1.25 },
        });
      }
      // Beside the budgeted figures, not instead of them: the DOM mark leaves out the frame's
      // style, layout and paint, which differ between a panel and a plain page.
      for (const [what, kringTimes, bareTimes] of [
        ['phase change', kring.phaseOnScreen, bare.phaseOnScreen],
        ['new question', kring.questionOnScreen, bare.questionOnScreen],
      ] as const) {
        if (kringTimes.length === 0 || bareTimes.length === 0) continue;
        const id = what === 'phase change' ? 'phase' : 'question';
        const screenMethod =
          `The same changes, timed until the task after the next animation frame in both pages (requestAnimationFrame, then a MessageChannel message): ` +
          `the frame's style, layout and paint done; ${kringTimes.length} of ${changes} Kring and ${bareTimes.length} of ${changes} baseline changes had one in both pages within 2 s. No budget.`;
        for (const p of [50, 95] as const) {
          add({
            id: `${id}-${members}-screen-p${p}`,
            name: `${what} on screen in every other panel (the frame after), ${members} members, p${p}`,
            value: round(percentile(kringTimes, p)),
            unit: 'ms',
            baseline: round(percentile(bareTimes, p)),
            baselineName,
            method: screenMethod,
          });
        }
      }
    }
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await open?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
