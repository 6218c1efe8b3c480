/**
 * `KRING_SOURCEMAP=1 npx wxt build && npx tsx bench/late-join-profile.ts [build dir]`: where a
 * panel's late join goes (issue 15, point 1). Not part of `npm run bench`: a tool for looking,
 * whose findings go into docs/benchmarks.md's hand-written part.
 *
 * The heavy meeting of bench/late-join-section.ts (seven Node members, advice phase), then one
 * built panel in a fresh profile joins by invite while the page notes its own timeline: the
 * click, every WebSocket and RTCPeerConnection (created, connected), data-channel messages
 * (count, bytes, the large ones one by one), WebCrypto calls (count and time; each PBKDF2 key
 * one by one), the lazy chunks fetched, "Waiting to be let in", the board rendered. Chromium's
 * sampling profiler (CDP `Profiler`, 200 µs) runs from the click to the board; self time is
 * summed per source file through the build's source maps. Then the same profile reloads its
 * panel and the timeline and a CPU profile (from just before the reload) are printed again.
 *
 * The page's own milestones (`kring:` user-timing marks, lib/util/trace.ts: the knock, the
 * answer, the meeting's first state) are on the timeline. With
 * `KRING_TRACE=1 KRING_TRACE_FILE=/tmp/trace.log npx tsx bench/late-join-profile.ts 2>/tmp/trace.log`
 * the Node members' marks are too (the chair's admission, the state it sends), by process id.
 * `PROFILE_RELOADS=<n>` reloads n times (the timeline of each; the CPU profile of the last), for
 * the returning member's marks (`first-render`, `notebook-asked`, `notebook-code-in`,
 * `panel-loaded`: entrypoints/sidepanel/main.tsx).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { largest, profileSources } from './profile-source';
import type { Page } from 'playwright-core';
import { createInvite, formatCode } from '../lib/invite/invite';
import { NodeGroup } from '../tests/helpers/node-group';
import type { MemberBrowser } from '../tests/e2e/helpers/member-browser';
import { joinGroup, openCallPanel } from '../tests/e2e/helpers/panel';
import { launchExtensionMember } from './extension-member';
import {
  CALL_URL,
  KRING_WANT,
  PEERS_WATCH,
  connectedToAll,
  holdHeavyMeeting,
  meetingBytes,
  noted,
  watcher,
} from './late-join-section';

/** Notes the page's connections, messages and WebCrypto calls (a string, run before the app). */
const INSTRUMENT = `(() => {
  const log = [];
  const stats = {};
  window.__ljLog = log;
  window.__ljStats = stats;
  const now = () => Math.round(performance.now() * 10) / 10;
  const note = (what) => log.push([now(), what]);
  const count = (key, ms, bytes) => {
    const s = (stats[key] ??= { n: 0, ms: 0, bytes: 0 });
    s.n += 1; s.ms += ms; s.bytes += bytes;
  };
  const subtle = crypto.subtle;
  for (const name of ['deriveKey', 'deriveBits', 'importKey', 'exportKey', 'sign', 'verify', 'generateKey', 'encrypt', 'decrypt', 'digest']) {
    const original = subtle[name].bind(subtle);
    subtle[name] = (...args) => {
      const began = performance.now();
      const algorithm = typeof args[0] === 'string' ? args[0] : args[0]?.name;
      return original(...args).then((result) => {
        const ms = performance.now() - began;
        count('crypto.subtle.' + name + ' ' + algorithm, ms, 0);
        if (name === 'deriveKey' || name === 'deriveBits' || name === 'generateKey' || name === 'exportKey' || (name === 'sign' && algorithm === 'Ed25519')) note('crypto.subtle.' + name + ' ' + algorithm + ' done, took ' + ms.toFixed(1) + ' ms');
        const size = args[2]?.byteLength ?? 0;
        if ((name === 'encrypt' || name === 'decrypt') && size > 8192) note('crypto.subtle.' + name + ' of ' + size + ' bytes done, took ' + ms.toFixed(1) + ' ms');
        return result;
      });
    };
  }
  // The first locale-aware comparison in a page loads the collation data (15 to 25 ms idle here).
  const nativeCompare = String.prototype.localeCompare;
  String.prototype.localeCompare = function (...args) {
    const began = performance.now();
    const result = nativeCompare.apply(this, args);
    const ms = performance.now() - began;
    count('localeCompare', ms, 0);
    if (ms > 2) note('localeCompare took ' + ms.toFixed(1) + ' ms');
    return result;
  };
  const nativeOpen = indexedDB.open.bind(indexedDB);
  indexedDB.open = (name, ...rest) => {
    const request = nativeOpen(name, ...rest);
    note('IndexedDB ' + name + ' open asked');
    request.addEventListener('success', () => note('IndexedDB ' + name + ' opened'));
    return request;
  };
  // The page before (a reload): its unload-time events and its last long tasks, on the wall
  // clock in sessionStorage, for the next page to put on its own timeline.
  const epoch = () => performance.timeOrigin + performance.now();
  const previous = sessionStorage.getItem('__ljPrevious');
  if (previous) {
    sessionStorage.removeItem('__ljPrevious');
    for (const [at, what] of JSON.parse(previous)) log.push([Math.round((at - performance.timeOrigin) * 10) / 10, 'the page before: ' + what]);
  }
  const ending = [];
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([performance.timeOrigin + e.startTime, 'long task of ' + e.duration.toFixed(0) + ' ms']);
      if (longTasks.length > 40) longTasks.splice(0, longTasks.length - 40);
    }).observe({ type: 'longtask' });
  } catch {}
  const keep = () => sessionStorage.setItem('__ljPrevious', JSON.stringify([...longTasks.filter(([at]) => at > epoch() - 3000), ...ending]));
  for (const type of ['beforeunload', 'pagehide', 'visibilitychange', 'unload']) {
    addEventListener(type, () => { ending.push([epoch(), type + ' event']); keep(); }, true);
    addEventListener(type, () => { ending.push([epoch(), type + ' handlers done']); keep(); }, false);
  }
  const seenHeadings = new Set();
  new MutationObserver(() => {
    for (const h of document.querySelectorAll('h1, h2')) {
      const text = (h.textContent || '').trim().slice(0, 40);
      if (!seenHeadings.has(text)) { seenHeadings.add(text); note('heading "' + text + '" shown'); }
    }
  }).observe(document, { subtree: true, childList: true });
  const NativeSocket = WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      note('WebSocket created');
      this.addEventListener('open', () => note('WebSocket open'));
      this.addEventListener('message', (e) => {
        count('signaling messages in', 0, typeof e.data === 'string' ? e.data.length : 0);
        noteFrame('in', e.data);
      });
    }
    send(data) {
      noteFrame('out', data);
      super.send(data);
    }
  };
  // The signaling frames' types (their content is sealed): when the lobby subscribed and
  // announced, and when the peers' offers came. The first 40 each way.
  const framesNoted = { in: 0, out: 0 };
  function noteFrame(way, data) {
    if (typeof data !== 'string' || framesNoted[way] >= 40) return;
    let type = '?';
    try { type = JSON.parse(data).type; } catch {}
    if (type === 'ping' || type === 'pong') return;
    framesNoted[way] += 1;
    note('signaling ' + way + ': ' + type + ' (' + data.length + ' chars)');
  }
  const NativePc = RTCPeerConnection;
  let pcs = 0;
  window.RTCPeerConnection = class extends NativePc {
    constructor(...args) {
      super(...args);
      const id = ++pcs;
      note('RTCPeerConnection ' + id + ' created');
      // A page that is going should make no new connections (y-webrtc patch: \`Room.joined\`).
      if (ending.length > 0) { ending.push([epoch(), 'RTCPeerConnection ' + id + ' created']); keep(); }
      this.addEventListener('connectionstatechange', () => note('RTCPeerConnection ' + id + ' ' + this.connectionState));
      this.addEventListener('datachannel', (e) => watchChannel(e.channel, id));
    }
    createDataChannel(...args) {
      const channel = super.createDataChannel(...args);
      watchChannel(channel, pcs);
      return channel;
    }
  };
  const watchChannel = (channel, id) => {
    channel.addEventListener('message', (e) => {
      const bytes = e.data?.byteLength ?? e.data?.length ?? 0;
      count('data-channel messages in', 0, bytes);
      if (bytes > 4096) note('data-channel message of ' + bytes + ' bytes on connection ' + id);
    });
  };
})();`;

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

async function printTimeline(page: Page, from: number, title: string): Promise<void> {
  const seen = await noted(page);
  const log = (await page.evaluate('window.__ljLog')) as Array<[number, string]>;
  const stats = (await page.evaluate('window.__ljStats')) as Record<
    string,
    { n: number; ms: number; bytes: number }
  >;
  const resources = (await page.evaluate(
    `performance.getEntriesByType('resource').map((r) => [r.startTime, r.responseEnd, r.name])`,
  )) as Array<[number, number, string]>;
  const marks = (await page.evaluate(
    `performance.getEntriesByType('mark').filter((m) => m.name.startsWith('kring:')).map((m) => [m.startTime, m.name])`,
  )) as Array<[number, string]>;
  const origin = (await page.evaluate('performance.timeOrigin')) as number;
  // The navigation's own steps: the page before it unloading, the document, its scripts run.
  const navigation = (await page.evaluate(
    `(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? [['the page before: unload event', n.unloadEventStart], ['document fetch start', n.fetchStart], ['document in', n.responseEnd], ['DOM interactive', n.domInteractive], ['DOMContentLoaded', n.domContentLoadedEventStart]] : []; })()`,
  )) as Array<[string, number]>;
  // The Node members' marks (KRING_TRACE=1, lib/util/trace.ts: on the wall clock) from the
  // file this run's stderr goes to, on the page's clock.
  const traceFile = process.env.KRING_TRACE_FILE;
  if (traceFile) {
    for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
      const m = /^\[trace ([0-9.]+)\] (\d+) (.*)$/.exec(line);
      if (m) marks.push([Number(m[1]) - origin, `  node ${m[2]}: ${m[3]!}`]);
    }
  }
  const rel = (t: number) => `${(t - from).toFixed(0).padStart(6)} ms`;
  console.log(`\n${title} (ms from ${from === 0 ? 'navigation start' : 'the click'})`);
  const rows: Array<[number, string]> = [
    ...log,
    ...marks,
    ...resources
      .filter(([start]) => start >= from)
      .map(([start, end, name]): [number, string] => [
        start,
        `fetch ${name.replace(/^.*\//, '')} (${(end - start).toFixed(0)} ms)`,
      ]),
  ];
  for (const [what, at] of navigation) if (at > 0) rows.push([at, what]);
  if (from > 0) rows.push([from, 'click']);
  if (seen.clickedAt !== null && from === 0) rows.push([seen.clickedAt, 'click on Open']);
  if (seen.waitingAt !== null) rows.push([seen.waitingAt, '"Waiting to be let in" shown']);
  if (seen.renderedAt !== null) rows.push([seen.renderedAt, 'board rendered (16 advice rows)']);
  for (const [at, what] of rows.sort((a, b) => a[0] - b[0])) {
    if (at >= from) console.log(`${rel(at)}  ${what}`);
  }
  console.log('totals over the page life:');
  for (const [key, s] of Object.entries(stats).sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(
      `  ${key}: ${s.n} calls${s.ms > 0 ? `, ${s.ms.toFixed(1)} ms` : ''}${s.bytes > 0 ? `, ${Math.round(s.bytes / 1024)} KiB` : ''}`,
    );
  }
}

function printProfile(profile: Profile, build: string, span = 'from the click to the board'): void {
  const sourceOf = profileSources(build);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** Each node's caller, for PROFILE_INCLUSIVE and PROFILE_CALLERS. */
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  // Self time per file in slices of 250 ms from the start of the profile (just before the
  // invite is typed: some tens of ms before the click), to see what runs when.
  const slices = new Map<number, Map<string, number>>();
  const sliceMs = Number(process.env.PROFILE_SLICE_MS) || 250;
  let at = 0;
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    const { file: source, name } = sourceOf(frame);
    // Unmapped frames by the file's name alone (the chunk's address is long).
    const file = source.startsWith('chrome-extension://') ? source.replace(/^.*\//, '') : source;
    total += ms;
    at += ms;
    const slice = slices.get(Math.floor(at / sliceMs)) ?? new Map<string, number>();
    slices.set(Math.floor(at / sliceMs), slice);
    const key = process.env.PROFILE_SLICE_MS ? `${name} (${file})` : file;
    slice.set(key, (slice.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) =>
    largest(m, n, { digits: 1, width: 9 }).join('\n');
  console.log(`\nCPU profile ${span}: ${total.toFixed(0)} ms sampled`);
  console.log(`self time by source file:\n${top(byFile, 18)}`);
  console.log(`self time by function:\n${top(byFunction, 25)}`);
  // PROFILE_INCLUSIVE=<n>: the n functions with the most time on the stack (each sample counts
  // once for every function it is inside), idle and the profiler's own frames left out.
  const inclusiveCount = Number(process.env.PROFILE_INCLUSIVE ?? 0);
  if (inclusiveCount > 0) {
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      if (byId.get(id)!.callFrame.functionName === '(idle)') return;
      const names = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
        const { file, name } = sourceOf(byId.get(at)!.callFrame);
        names.add(name.includes('(') ? name : `${name} (${file.replace(/^.*\//, '')})`);
      }
      for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    });
    console.log(`time on the stack by function:\n${top(inclusive, inclusiveCount)}`);
  }
  // PROFILE_CALLERS=<name>: who calls the functions of that name (PROFILE_DEPTH frames up, 3
  // unless told), by self time.
  const callersOf = process.env.PROFILE_CALLERS;
  const depth = Number(process.env.PROFILE_DEPTH ?? 3);
  if (callersOf) {
    const chains = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (sourceOf(byId.get(id)!.callFrame).name !== callersOf) return;
      const chain: string[] = [];
      for (
        let up = parents.get(id);
        up !== undefined && chain.length < depth;
        up = parents.get(up)
      ) {
        chain.push(sourceOf(byId.get(up)!.callFrame).name);
      }
      const key = chain.join(' < ');
      chains.set(key, (chains.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log(`callers of ${callersOf}:\n${top(chains, 8)}`);
  }
  console.log(
    `what ran when (self time per ${sliceMs} ms slice, the four largest, idle left out; PROFILE_SLICE_MS=25 for finer slices by function):`,
  );
  for (const [index, slice] of [...slices].sort((a, b) => a[0] - b[0])) {
    slice.delete('(idle)');
    const largest = [...slice]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([file, ms]) => `${file} ${ms.toFixed(0)}`)
      .join(', ');
    console.log(`  ${String(index * sliceMs).padStart(5)} ms: ${largest}`);
  }
}

async function main(from: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-late-join-profile-'));
  const build = join(dir, 'chrome-mv3');
  cpSync(resolve(from), build, { recursive: true });
  const group = await NodeGroup.start();
  const browsers: MemberBrowser[] = [];
  try {
    const { secret } = createInvite();
    const chair = await holdHeavyMeeting(group, secret);
    console.log(`heavy meeting: ${((await meetingBytes(chair)).length / 1024).toFixed(1)} KiB`);
    const browser = await launchExtensionMember(build);
    browsers.push(browser);
    const panel = await openCallPanel(browser, { callUrl: CALL_URL, signalingUrl: group.url });
    await panel.addInitScript(INSTRUMENT);
    await panel.addInitScript(PEERS_WATCH);
    await panel.reload();
    await panel.getByRole('form', { name: 'Join with an invite' }).waitFor();
    await panel.evaluate(watcher(KRING_WANT));
    const cdp = await panel.context().newCDPSession(panel);
    // PROFILE_CPU=0: the timeline alone, without the sampling profiler's own cost.
    const cpu = process.env.PROFILE_CPU !== '0';
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    if (cpu) await cdp.send('Profiler.start');
    await joinGroup(panel, formatCode(secret), 'Laat');
    const seen = await noted(panel);
    const profile = cpu
      ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile
      : null;
    await printTimeline(panel, seen.clickedAt ?? 0, 'new member joins');
    if (profile) printProfile(profile, build);
    await panel.addInitScript(watcher({ ...KRING_WANT, autoOpen: 'Open ' }));
    await new Promise((r) => setTimeout(r, 1000));
    for (let i = 1; i < Number(process.env.PROFILE_RELOADS ?? 1); i += 1) {
      await panel.reload();
      await noted(panel);
      await printTimeline(panel, 0, 'the same member reloads');
      await new Promise((r) => setTimeout(r, 1000));
    }
    // PROFILE_SETTLED=1: the last reload once the panel is connected to every Node member (as
    // the bench's returning member), not a second after its board.
    if (process.env.PROFILE_SETTLED === '1') {
      console.log(`\nconnected to every Node member: ${await connectedToAll(panel)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    // The profiler goes on across the reload (same renderer); its samples start before it.
    if (cpu) await cdp.send('Profiler.start');
    // PROFILE_RELOAD_TRACE=<file>: Chromium's own trace of the last reload, written to <file>
    // (open it in chrome://tracing or Perfetto): what the renderer does between the click and
    // the new page's scripts.
    const traceFile = process.env.PROFILE_RELOAD_TRACE;
    const traced: unknown[] = [];
    const traceDone = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    if (traceFile) {
      cdp.on('Tracing.dataCollected', (data) => traced.push(...(data.value as unknown[])));
      await cdp.send('Tracing.start', {
        categories:
          'devtools.timeline,disabled-by-default-devtools.timeline,loading,navigation,blink,toplevel,v8,webrtc,blink.user_timing',
        transferMode: 'ReportEvents',
      });
    }
    await panel.reload();
    await noted(panel);
    if (traceFile) {
      // A moment more, for the paint that shows the board (bench/trace-frames.ts).
      await new Promise((r) => setTimeout(r, 500));
      await cdp.send('Tracing.end');
      await traceDone;
      writeFileSync(traceFile, JSON.stringify({ traceEvents: traced }));
    }
    const reloaded = cpu
      ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile
      : null;
    await printTimeline(panel, 0, 'the same member reloads');
    if (reloaded) printProfile(reloaded, build, 'from just before the reload to the board');
  } finally {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await group.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main(process.argv[2] ?? resolve(import.meta.dirname, '..', '.output', 'chrome-mv3'));
process.exit(0);
