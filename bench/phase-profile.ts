/**
 * `KRING_SOURCEMAP=1 npx wxt build && npx tsx bench/phase-profile.ts [changes]`: where a panel's
 * main thread spends a phase change (issue 15, point 3). Not part of `npm run bench`: a tool
 * for looking, whose figures go into docs/benchmarks.md's hand-written part.
 *
 * Four members as in the bench's phase section (a Node chair and a Node member on the companion
 * on loopback, 2 built extension panels joined by invite); the chair goes Inventory <->
 * Analysis while Chromium's sampling profiler (CDP `Profiler`, 100 µs) runs in the first
 * panel. Self time is summed per source file and per function through the build's source maps
 * (hidden maps beside the chunks; without them the minified names are printed).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Page } from 'playwright-core';
import { createInvite, formatCode } from '../lib/invite/invite';
import { NodeGroup } from '../tests/helpers/node-group';
import type { MemberBrowser } from '../tests/e2e/helpers/member-browser';
import { currentPhase, joinGroup, openCallPanel } from '../tests/e2e/helpers/panel';
import { launchExtensionMember } from './extension-member';

const CALL_URL = 'https://meet.google.com/kri-ngte-stx';
const PHASES = ['Inventory', 'Analysis'] as const;

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

async function main(changes: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-phase-profile-'));
  const build = join(dir, 'chrome-mv3');
  cpSync(resolve('.output/chrome-mv3'), build, { recursive: true });
  const group = await NodeGroup.start();
  const browsers: MemberBrowser[] = [];
  try {
    const { secret } = createInvite();
    const chair = await group.join(secret, 'profile-chair', 'Lid 1');
    await group.join(secret, 'profile-member', 'Lid 2');
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
    const change = async (): Promise<void> => {
      at = 1 - at;
      const result = await chair.command({ type: at === 1 ? 'next' : 'previous' });
      if (!result.ok) throw new Error(`phase change refused: ${JSON.stringify(result)}`);
      for (const panel of pages) {
        await currentPhase(panel).filter({ hasText: PHASES[at] }).waitFor({ timeout: 20_000 });
      }
      await new Promise((r) => setTimeout(r, 50));
    };
    for (let i = 0; i < 4; i += 1) await change();
    await cdp.send('Profiler.start');
    const began = Date.now();
    for (let i = 0; i < changes; i += 1) await change();
    const wall = Date.now() - began;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    report(profile, build, changes, wall);
  } finally {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await group.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(profile: Profile, build: string, changes: number, wall: number): void {
  const maps = new Map<string, TraceMap | null>();
  const mapFor = (url: string): TraceMap | null => {
    if (maps.has(url)) return maps.get(url)!;
    let map: TraceMap | null = null;
    const path = url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    const file = join(build, path + '.map');
    if (url.startsWith('chrome-extension://') && existsSync(file)) {
      map = new TraceMap(readFileSync(file, 'utf8'));
    }
    maps.set(url, map);
    return map;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)!.callFrame;
    let file = frame.url === '' ? frame.functionName : frame.url;
    let name = frame.functionName || '(anonymous)';
    const map = frame.url ? mapFor(frame.url) : null;
    if (map) {
      const pos = originalPositionFor(map, {
        line: frame.lineNumber + 1,
        column: frame.columnNumber,
      });
      if (pos.source) {
        file = pos.source.replace(/^.*node_modules\//, 'node_modules/').replace(/^(\.\.\/)+/, '');
        if (file.startsWith('node_modules/')) {
          const parts = file.split('/');
          file = parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/');
        }
        name = `${pos.name ?? name} (${file}:${pos.line})`;
      }
    }
    if (frame.functionName !== '(idle)') busy += ms;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${(v / changes).toFixed(2).padStart(7)} ms  ${k}`);
  console.log(
    `${changes} phase changes in ${wall} ms; main thread busy ${(busy / changes).toFixed(2)} ms per change (idle excluded)`,
  );
  console.log('\nself time per change, by source:');
  console.log(top(byFile, 25).join('\n'));
  console.log('\nself time per change, by function:');
  console.log(top(byFunction, 30).join('\n'));
}

await main(Number(process.argv[2] ?? 20));
process.exit(0);
