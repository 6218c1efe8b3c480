/**
 * `KRING_SOURCEMAP=1 npx wxt build && npx tsx bench/phase-profile.ts [changes] [build dir]`: where a panel's
 * main thread spends a phase change (issue 15, point 3). Not part of `npm run bench`: a tool
 * for looking, whose figures go into docs/benchmarks.md's hand-written part.
 *
 * Four members as in the bench's phase section (a Node chair and a Node member on the companion
 * on loopback, 2 built extension panels joined by invite); the chair goes Inventory <->
 * Analysis while Chromium's sampling profiler (CDP `Profiler`, 100 µs) runs in the first
 * panel. Self time is summed per source file and per function through the build's source maps
 * (hidden maps beside the chunks; without them the minified names are printed). Then a
 * `devtools.timeline` trace of as many changes; `PROFILE_DUMP=<file>` writes its raw events,
 * `PROFILE_CPU_DUMP=<file>` the raw CPU profile. `PROFILE_TRACE_SAMPLES=1` also records CPU
 * samples in the trace and sums them over each change's window alone, from the panel's first
 * message event to the new phase in the DOM (trace-samples.ts).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createInvite, formatCode } from '../lib/invite/invite';
import { NodeGroup } from '../tests/helpers/node-group';
import type { MemberBrowser } from '../tests/e2e/helpers/member-browser';
import { currentPhase, joinGroup, openCallPanel } from '../tests/e2e/helpers/panel';
import { launchExtensionMember } from './extension-member';
import { largest, profileSources } from './profile-source';
import { samplesInWindows } from './trace-samples';

const CALL_URL = 'https://meet.google.com/kri-ngte-stx';
const PHASES = ['Inventory', 'Analysis'] as const;

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly args?: { readonly data?: Readonly<Record<string, unknown>> };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

async function shows(panel: Page, phase: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const text = await panel.evaluate(
      () => document.querySelector('[data-testid="current-phase"]')?.textContent ?? '',
    );
    if (text.trim() === phase) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the panel did not show ${phase} within 20 s`);
}

async function showsText(panel: Page, text: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await panel.evaluate((t) => document.body.innerText.includes(t), text)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the panel did not show "${text}" within 20 s`);
}

async function main(changes: number, from: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-phase-profile-'));
  const build = join(dir, 'chrome-mv3');
  cpSync(resolve(from), build, { recursive: true });
  const group = await NodeGroup.start();
  const browsers: MemberBrowser[] = [];
  try {
    const { secret } = createInvite();
    const chair = await group.join(secret, 'profile-chair', 'Lid 1');
    const asker = await group.join(secret, 'profile-member', 'Lid 2');
    const started = await chair.command({ type: 'start', methodId: 'basic' });
    if (!started.ok) throw new Error(`start refused: ${JSON.stringify(started)}`);
    const pages: Page[] = [];
    for (let i = 0; i < 2; i += 1) {
      const browser = await launchExtensionMember(build);
      browsers.push(browser);
      const panel = await openCallPanel(browser, { callUrl: CALL_URL, signalingUrl: group.url });
      await joinGroup(panel, formatCode(secret), `Paneel ${i + 1}`);
      pages.push(panel);
    }
    for (const panel of pages) {
      await currentPhase(panel).filter({ hasText: PHASES[0] }).waitFor({ timeout: 60_000 });
    }
    const page = pages[0]!;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    // Warm up first, not profiled.
    let at = 0;
    // Marks in the first panel's timeline: before each command, and when its phase heading's
    // text changes (a MutationObserver, as the bench notes "rendered").
    // PROFILE_KIND=question: a Node member posts questions in Analysis instead, and "seen" is
    // the number of question texts on the page going up.
    const questions = process.env.PROFILE_KIND === 'question';
    await page.evaluate((byQuestions) => {
      let last = '';
      new MutationObserver(() => {
        const text = byQuestions
          ? String((document.body.textContent ?? '').split('Wat maakte vraag').length)
          : (document.querySelector('[data-testid="current-phase"]')?.textContent ?? '');
        if (text === last) return;
        last = text;
        performance.mark('kring-seen');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, questions);
    let asked = 0;
    if (questions) {
      const moved = await chair.command({ type: 'next' });
      if (!moved.ok) throw new Error(`phase change refused: ${JSON.stringify(moved)}`);
      for (const panel of pages) await shows(panel, PHASES[1]);
    }
    const ask = async (): Promise<void> => {
      asked += 1;
      const text = `Wat maakte vraag ${asked} zo lastig voor je?`;
      await page.evaluate(() => performance.mark('kring-send'));
      const result = await asker.command({ type: 'question', text });
      if (!result.ok) throw new Error(`question refused: ${JSON.stringify(result)}`);
      for (const panel of pages) await showsText(panel, text);
      await new Promise((r) => setTimeout(r, 50));
    };
    const change = async (): Promise<void> => {
      if (questions) return ask();
      at = 1 - at;
      await page.evaluate(() => performance.mark('kring-send'));
      const result = await chair.command({ type: at === 1 ? 'next' : 'previous' });
      if (!result.ok) throw new Error(`phase change refused: ${JSON.stringify(result)}`);
      // Polled from here, not with a locator: Playwright's own polling in the page (rAF,
      // accessibility checks) would be profiled with the panel.
      for (const panel of pages) await shows(panel, PHASES[at]!);
      await new Promise((r) => setTimeout(r, 50));
    };
    for (let i = 0; i < 4; i += 1) await change();
    await cdp.send('Profiler.start');
    let began = Date.now();
    for (let i = 0; i < changes; i += 1) await change();
    let wall = Date.now() - began;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    // PROFILE_CPU_DUMP=<file>: the raw CPU profile, for reading a change sample by sample.
    if (process.env.PROFILE_CPU_DUMP)
      (await import('node:fs')).writeFileSync(
        process.env.PROFILE_CPU_DUMP,
        JSON.stringify(profile),
      );
    report(profile, build, changes, wall);
    // Then the renderer's own trace: style, layout, paint and the rest outside JavaScript.
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) =>
      events.push(...(data.value as unknown as TraceEvent[])),
    );
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', {
      categories: [
        'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
        ...(process.env.PROFILE_TRACE_SAMPLES ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ].join(','),
      transferMode: 'ReportEvents',
    });
    began = Date.now();
    for (let i = 0; i < changes; i += 1) await change();
    wall = Date.now() - began;
    await cdp.send('Tracing.end');
    await complete;
    if (process.env.PROFILE_DUMP)
      (await import('node:fs')).writeFileSync(process.env.PROFILE_DUMP, JSON.stringify(events));
    reportTrace(events, changes, wall);
    if (process.env.PROFILE_TRACE_SAMPLES) reportWindows(events, build);
  } finally {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await group.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(profile: Profile, build: string, changes: number, wall: number): void {
  const sourceOf = profileSources(build);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const names = new Map<number, string>();
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)!.callFrame;
    const { file, name } = sourceOf(frame);
    names.set(id, name);
    if (frame.functionName !== '(idle)') busy += ms;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  // Inclusive time: each sample counts once for every function on its stack.
  const nameOf = (id: number): string => {
    const known = names.get(id);
    if (known) return known;
    const { name } = sourceOf(byId.get(id)!.callFrame);
    names.set(id, name);
    return name;
  };
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(at);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const top = (m: Map<string, number>, n: number) => largest(m, n, { per: changes });
  console.log(
    `${changes} phase changes in ${wall} ms; main thread busy ${(busy / changes).toFixed(2)} ms per change (idle excluded)`,
  );
  console.log('\nself time per change, by source:');
  console.log(top(byFile, 25).join('\n'));
  console.log('\nself time per change, by function:');
  console.log(top(byFunction, 30).join('\n'));
  console.log('\ntotal time per change (callees included), by function:');
  console.log(top(inclusive, 45).join('\n'));
  // PROFILE_FILTER=components/ : the same, for the functions whose name contains the filter.
  const filter = process.env.PROFILE_FILTER;
  if (filter) {
    const only = new Map([...inclusive].filter(([name]) => name.includes(filter)));
    console.log(`\ntotal time per change, functions matching "${filter}":`);
    console.log(top(only, 60).join('\n'));
  }
}

/**
 * Time per change in the renderer's main thread by trace event, self time (an event's duration
 * less that of the events nested in it), for the thread that runs the panel's JavaScript.
 */
/** The CPU samples inside each change's window, from the message to the DOM (trace-samples.ts). */
function reportWindows(events: readonly TraceEvent[], build: string): void {
  const sourceOf = profileSources(build);
  const times = samplesInWindows(events, (frame) => sourceOf(frame).name);
  const top = (m: ReadonlyMap<string, number>, n: number) => largest(m, n).join('\n');
  console.log(
    `\nCPU samples from the panel's first message event to the new phase in the DOM: ${times.sampledMs.toFixed(2)} ms a change (${times.windows} changes)`,
  );
  console.log(`self time per change:\n${top(times.self, 25)}`);
  console.log(`total time per change (callees included):\n${top(times.inclusive, 50)}`);
}

function reportTrace(events: readonly TraceEvent[], changes: number, wall: number): void {
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  // The panel's thread: the one with the most JavaScript (FunctionCall) time.
  const jsByThread = new Map<string, number>();
  for (const e of complete) {
    if (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript') continue;
    const key = `${e.pid}:${e.tid}`;
    jsByThread.set(key, (jsByThread.get(key) ?? 0) + (e.dur ?? 0));
  }
  const thread = [...jsByThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = complete
    .filter((e) => `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: Array<{ end: number; name: string }> = [];
  let busy = 0;
  for (const e of mine) {
    const dur = e.dur ?? 0;
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur);
    else busy += dur;
    self.set(e.name, (self.get(e.name) ?? 0) + dur);
    stack.push({ end: e.ts + dur, name: e.name });
  }
  console.log(
    `\ntrace: ${changes} phase changes in ${wall} ms; panel thread busy ${(busy / 1000 / changes).toFixed(2)} ms per change`,
  );
  // Where the time from command to screen goes: until the first data channel message in the panel
  // (the sender, the network), and from there until the heading shows the new phase.
  const marks = events
    .filter((e) => e.name === 'kring-send' || e.name === 'kring-seen')
    .sort((a, b) => a.ts - b.ts);
  // A data channel's message handler (data-peer.ts's `channel.onmessage`, minified to
  // `<x>.onmessage`; simple-peer's was `_channel.onmessage`): RTCDataChannel messages are not
  // EventDispatch events in the trace. One name before the dot: React's scheduler posts its
  // tasks through a MessageChannel, `<x>.port1.onmessage`, which is no message from a peer.
  const messages = mine
    .filter(
      (e) =>
        e.name === 'FunctionCall' &&
        /^[\w$]+\.onmessage$/.test(String(e.args?.data?.functionName ?? '')),
    )
    .map((e) => e.ts);
  const toMessage: number[] = [];
  const toScreen: number[] = [];
  for (const [i, mark] of marks.entries()) {
    const seen = marks[i + 1];
    if (mark.name !== 'kring-send' || seen?.name !== 'kring-seen') continue;
    const first = messages.find((ts) => ts > mark.ts && ts < seen.ts);
    if (first === undefined) continue;
    toMessage.push((first - mark.ts) / 1000);
    toScreen.push((seen.ts - first) / 1000);
  }
  if (process.env.PROFILE_TIMELINE) {
    // The panel thread's top-level tasks between a command and the new phase on screen, for
    // the last three changes: what the time from message to screen is made of.
    const pairs = marks.flatMap((mark, i): Array<[TraceEvent, TraceEvent]> =>
      mark.name === 'kring-send' && marks[i + 1]?.name === 'kring-seen'
        ? [[mark, marks[i + 1]!]]
        : [],
    );
    // PROFILE_SLOWEST=<n>: the n slowest changes instead (what a p95 is made of), after every
    // change's time, sorted.
    const slowest = Number(process.env.PROFILE_SLOWEST ?? 0);
    const took = ([send, seen]: [TraceEvent, TraceEvent]) => seen.ts - send.ts;
    if (slowest > 0) {
      const all = pairs.map((pair) => took(pair) / 1000).sort((a, b) => a - b);
      console.log(`\nevery change, ms: ${all.map((ms) => ms.toFixed(1)).join(' ')}`);
    }
    const shown =
      slowest > 0
        ? [...pairs].sort((a, b) => took(b) - took(a)).slice(0, slowest)
        : pairs.slice(-3);
    for (const [send, seen] of shown) {
      console.log(
        `\nchange at ${send.ts}: seen after ${((seen.ts - send.ts) / 1000).toFixed(1)} ms`,
      );
      const end = seen.ts + 2000;
      const inside = [
        ...mine,
        ...events.filter(
          (e) => (e.name.startsWith('k-') || e.name.startsWith('kring-')) && e.pid === mine[0]?.pid,
        ),
      ]
        .filter((e) => e.ts >= send.ts && e.ts <= end)
        .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const open: Array<{ end: number }> = [];
      for (const e of inside) {
        while (open.length > 0 && open[open.length - 1]!.end <= e.ts) open.pop();
        if (e.name.startsWith('k-') || e.name.startsWith('kring-')) {
          console.log(
            `${'  '.repeat(open.length)}${((e.ts - send.ts) / 1000).toFixed(2).padStart(7)} ${e.name}`,
          );
        } else if (open.length <= 2 && (e.dur ?? 0) >= 100) {
          const fn = e.args?.data?.functionName ?? e.args?.data?.url ?? '';
          console.log(
            `${'  '.repeat(open.length)}${((e.ts - send.ts) / 1000).toFixed(2).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(2)} ${e.name} ${String(fn)}`,
          );
        }
        open.push({ end: e.ts + (e.dur ?? 0) });
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(
    `command to the panel's first message event, median: ${median(toMessage).toFixed(1)} ms; ` +
      `from there to the new phase in the DOM, median: ${median(toScreen).toFixed(1)} ms (${toScreen.length} changes)`,
  );
  console.log('self time per change, by trace event:');
  console.log(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 20)
      .map(([k, v]) => `${(v / 1000 / changes).toFixed(2).padStart(7)} ms  ${k}`)
      .join('\n'),
  );
}

await main(Number(process.argv[2] ?? 20), process.argv[3] ?? '.output/chrome-mv3');
process.exit(0);
