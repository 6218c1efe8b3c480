/**
 * Where the web panel's time to its first control goes: `npx tsx bench/panel-ready-profile.ts
 * [loads] [outDir]` loads the built panel (`.output/chrome-mv3/index.html`, as
 * panel-ready-section.ts does) cold `loads` times (default 8) and prints medians of what the
 * page itself notes (Performance API, no tracing overhead): each chunk's fetch, the first
 * element React puts in #root, each IndexedDB open (asked, answered), the first control and
 * the frame after it. One more load runs under Chromium tracing and prints, per script, the
 * main thread's compile and evaluate time, and the main thread's busy time before the first
 * control. A diagnostic for docs/benchmarks.md ("What the profile showed: panel ready"), not
 * a figure with a budget: `npm run bench -- --only=panel-ready` is that.
 */
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { READY_NOTE, launchChromium, pageNote, serveFolder } from './browser';
import { percentile, round } from './report';

const ROOT = resolve(import.meta.dirname, '..');

interface Noted {
  resources: { name: string; start: number; end: number }[];
  idb: { name: string; asked: number; answered: number | null }[];
  firstRender: number | null;
  inDom: number | null;
  frame: number | null;
  fcp: number | null;
  domContentLoaded: number;
}

declare global {
  interface Window {
    __profile?: {
      idb: { name: string; asked: number; answered: number | null }[];
      firstRender: number | null;
      inDom: number | null;
      frame: number | null;
    };
  }
}

/** A string, not a function: tsx wraps functions with a helper the page does not have. */
const INSTRUMENT = `(() => {
  const p = (window.__profile = { idb: [], firstRender: null, inDom: null, frame: null });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, version) {
    const entry = { name: String(name), asked: performance.now(), answered: null };
    p.idb.push(entry);
    const request = open.apply(this, arguments);
    const done = () => { if (entry.answered === null) entry.answered = performance.now(); };
    request.addEventListener('success', done);
    request.addEventListener('error', done);
    return request;
  };
  const selector = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]';
  new MutationObserver(() => {
    const root = document.getElementById('root');
    if (p.firstRender === null && root && root.firstChild) p.firstRender = performance.now();
    if (p.inDom !== null || document.querySelector(selector) === null) return;
    p.inDom = performance.now();
    requestAnimationFrame(() => { p.frame = performance.now(); console.debug('${READY_NOTE} {}'); });
  }).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function profiledLoad(browser: Browser, url: string): Promise<Noted> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 360, height: 585 },
  });
  try {
    await context.addInitScript({ content: INSTRUMENT });
    const page = await context.newPage();
    // Nothing of Playwright's runs in the page before it reported its frame (bench/browser.ts).
    const reported = pageNote(page, READY_NOTE);
    reported.catch(() => undefined);
    await page.goto(url);
    await reported;
    // Let late work (a prefetch, an IndexedDB open after the first screen) be noted too.
    await page.waitForTimeout(600);
    return await page.evaluate(() => {
      const p = window.__profile!;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        resources: performance.getEntriesByType('resource').map((r) => ({
          name: new URL(r.name).pathname,
          start: r.startTime,
          end: (r as PerformanceResourceTiming).responseEnd,
        })),
        idb: p.idb,
        firstRender: p.firstRender,
        inDom: p.inDom,
        frame: p.frame,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        domContentLoaded: nav.domContentLoadedEventEnd,
      };
    });
  } finally {
    await context.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: {
    data?: { url?: string; fileName?: string; frame?: string };
    fileName?: string;
    name?: string;
  };
}

/** One load under tracing: per script URL, the compile and evaluate time on the main thread. */
async function tracedLoad(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 360, height: 585 },
  });
  try {
    await context.addInitScript({ content: INSTRUMENT });
    const page = await context.newPage();
    await browser.startTracing(page, {
      categories: [
        'toplevel',
        'devtools.timeline',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'loading',
      ],
    });
    // Nothing of Playwright's runs in the page before it reported its frame (bench/browser.ts).
    const reported = pageNote(page, READY_NOTE);
    reported.catch(() => undefined);
    await page.goto(url);
    await reported;
    const buffer = await browser.stopTracing();
    const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] })
      .traceEvents;
    // The panel's renderer main thread: the one that evaluates a script of our server.
    const host = new URL(url).host;
    const ours = events.find((e) =>
      e.name === 'EvaluateScript' || e.name === 'v8.compileModule' || e.name === 'v8.compile'
        ? (e.args?.data?.url ?? e.args?.fileName ?? '').includes(host)
        : false,
    );
    const main = ours;
    const onMain = events.filter(
      (e) => e.ph === 'X' && main !== undefined && e.pid === main.pid && e.tid === main.tid,
    );
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === main?.pid);
    const start = nav?.ts ?? Math.min(...onMain.map((e) => e.ts));
    const byScript = new Map<string, { compile: number; evaluate: number }>();
    const fileOf = (e: TraceEvent) => {
      const u = e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.fileName ?? '';
      try {
        return u ? new URL(u).pathname : '(no url)';
      } catch {
        return u;
      }
    };
    let busy = 0;
    const kinds = new Map<string, number>();
    for (const e of onMain) {
      const ms = (e.dur ?? 0) / 1000;
      if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') busy += ms;
      if (
        /compile/i.test(e.name) ||
        e.name === 'EvaluateScript' ||
        e.name === 'v8.evaluateModule'
      ) {
        const file = fileOf(e);
        const entry = byScript.get(file) ?? { compile: 0, evaluate: 0 };
        if (/compile/i.test(e.name)) entry.compile += ms;
        else entry.evaluate += ms;
        byScript.set(file, entry);
      }
      kinds.set(e.name, (kinds.get(e.name) ?? 0) + ms);
    }
    console.log(`\nOne traced load (tracing slows it): main thread per script (ms)`);
    for (const [file, v] of byScript) {
      console.log(
        `  compile ${round(v.compile).toString().padStart(6)}  evaluate ${round(v.evaluate).toString().padStart(6)}  ${file}`,
      );
    }
    const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 14);
    console.log(
      `  main-thread tasks in all: ${round(busy)} ms; top events (ms, nested events overlap):`,
    );
    for (const [name, ms] of top) console.log(`    ${round(ms).toString().padStart(7)}  ${name}`);
    // The main thread's tasks of 2 ms or more, in order, each with its longest inner event.
    console.log('  main-thread tasks >= 2 ms (from navigation start; inner event, url):');
    const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
    for (const task of tasks) {
      const ms = (task.dur ?? 0) / 1000;
      if (ms < 2) continue;
      const end = task.ts + (task.dur ?? 0);
      const inner = onMain
        .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
        .filter((e) => !/RunTask|mojo|Watcher/i.test(e.name))
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 3)
        .map(
          (e) =>
            `${e.name} ${round((e.dur ?? 0) / 1000)}${fileOf(e) !== '(no url)' ? ` ${fileOf(e)}` : ''}`,
        );
      console.log(
        `    at ${round((task.ts - start) / 1000)
          .toString()
          .padStart(6)}  ${round(ms).toString().padStart(5)} ms  ${inner.join('; ')}`,
      );
    }
    const marks = await page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => `${Math.round(m.startTime)} ${m.name}`),
    );
    console.log(`  marks: ${marks.join(' | ')}`);
    const ready = await page.evaluate(() => window.__profile!.frame);
    console.log(`  first control + frame at ${round(ready ?? 0)} ms (trace start ${start})`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const loads = Number(process.argv[2] ?? 8);
  const outDir = process.argv[3] ? resolve(process.argv[3]) : join(ROOT, '.output', 'chrome-mv3');
  const server = await serveFolder(outDir);
  const browser = await launchChromium();
  try {
    const url = `${server.url}/index.html`;
    await profiledLoad(browser, url); // Chromium's first-use work, not counted.
    const runs: Noted[] = [];
    for (let i = 0; i < loads; i += 1) runs.push(await profiledLoad(browser, url));
    const med = (values: (number | null)[]) => {
      const known = values.filter((v): v is number => v !== null);
      return known.length === 0 ? '—' : `${round(percentile(known, 50))}`;
    };
    console.log(`${loads} cold loads of ${url}, medians in ms from navigation start:`);
    const names = [...new Set(runs.flatMap((r) => r.resources.map((x) => x.name)))];
    for (const name of names) {
      const of = runs.map((r) => r.resources.find((x) => x.name === name) ?? null);
      console.log(
        `  fetch ${med(of.map((x) => x?.start ?? null)).padStart(6)} -> ${med(of.map((x) => x?.end ?? null)).padStart(6)}  ${name}`,
      );
    }
    console.log(`  DOMContentLoaded end ${med(runs.map((r) => r.domContentLoaded))}`);
    const dbs = [...new Set(runs.flatMap((r) => r.idb.map((x) => x.name)))];
    for (const name of dbs) {
      const of = runs.map((r) => r.idb.find((x) => x.name === name) ?? null);
      console.log(
        `  IndexedDB open ${name}: asked ${med(of.map((x) => x?.asked ?? null))}, answered ${med(of.map((x) => x?.answered ?? null))} (in ${of.filter(Boolean).length} of ${loads} loads before the end)`,
      );
    }
    console.log(`  first element in #root ${med(runs.map((r) => r.firstRender))}`);
    console.log(`  first contentful paint ${med(runs.map((r) => r.fcp))}`);
    console.log(`  first control in the DOM ${med(runs.map((r) => r.inDom))}`);
    console.log(`  the frame after it (the bench's figure) ${med(runs.map((r) => r.frame))}`);
    await tracedLoad(browser, url);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
