/**
 * Panel ready: navigation to the first interactive control of the real web panel (the extension
 * build's index.html, as the companion serves it to members without the extension), next to the
 * smallest React page of the same build setup (bench/pages/minimal-react, built here with vite
 * and @vitejs/plugin-react). Both are served by one plain loopback server (no caching) and each
 * load is cold: a fresh browser context (no HTTP cache, no storage) in one running Chromium.
 *
 * "Ready" is measured in the page: an init script watches the DOM from the start and notes
 * performance.now() (0 = navigation start) when the first enabled button, input, select,
 * textarea or link is in the document, then the next animation frame after it (the figure),
 * and beside it, without a budget, the page's first contentful paint: what the member sees.
 * The two pages' loads alternate, so load from elsewhere falls on both alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { READY_NOTE, launchChromium, pageNote, serveFolder } from './browser';
import type { Add } from './node-sections';
import { percentile, round } from './report';
import { MINIFY } from '../scripts/minify';

const MINIMAL = resolve(import.meta.dirname, 'pages', 'minimal-react');

/**
 * How long a loaded page is left before its context closes: the panel's work after its first
 * screen (about 400 KB of the group's code fetched and compiled, then the notebook's) ran into
 * the next load's figures otherwise, which differ by who loads next.
 */
const AFTER_LOAD_MS = 750;

/**
 * Runs before any script of the page. A string, not a function: tsx wraps functions with a
 * naming helper that does not exist in the page.
 */
const WATCH_FIRST_CONTROL = `(() => {
  const selector = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]';
  let seen = false;
  const paint = new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(null), 5000);
  });
  const check = () => {
    if (seen || document.querySelector(selector) === null) return;
    seen = true;
    const inDom = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      paint.then((fcp) => console.debug('${READY_NOTE} ' + JSON.stringify({ inDom, frame, fcp })));
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function buildMinimal(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await build({
    root: MINIMAL,
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    // Minified as the panel is (the same build setup).
    build: { outDir, emptyOutDir: true, ...MINIFY },
  });
}

/** One cold load's figures: the frame after the first control, and the first contentful paint. */
interface Load {
  readonly frame: number;
  readonly fcp: number | null;
}

async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 360, height: 585 },
  });
  try {
    await context.addInitScript({ content: WATCH_FIRST_CONTROL });
    const page = await context.newPage();
    // Nothing of Playwright's runs in the page until it has reported (pageNote).
    const ready = pageNote<{ inDom: number; frame: number; fcp: number | null }>(page, READY_NOTE);
    ready.catch(() => undefined); // awaited below; a failed goto throws first
    await page.goto(url);
    const { frame, fcp } = await ready;
    // The page's work after its first screen (the panel fetches and compiles the group's code
    // then) runs to its end here, not into the next page's load (the two pages alternate).
    await new Promise((done) => setTimeout(done, AFTER_LOAD_MS));
    return { frame, fcp };
  } finally {
    await context.close();
  }
}

export async function panelReadySection(
  add: Add,
  options: { quick: boolean; signal: AbortSignal; build: string },
): Promise<void> {
  const loads = options.quick ? 10 : 15;
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-ready-'));
  await buildMinimal(join(dir, 'minimal'));
  // Each at the root of its own server: both builds load their scripts by absolute paths.
  const panelServer = await serveFolder(options.build);
  const minimalServer = await serveFolder(join(dir, 'minimal'));
  const panelUrl = `${panelServer.url}/index.html`;
  const minimalUrl = `${minimalServer.url}/index.html`;
  const browser = await launchChromium();
  const onAbort = () => void browser.close();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    // One load of each first, not counted: Chromium's own first-use work.
    await coldLoad(browser, panelUrl);
    await coldLoad(browser, minimalUrl);
    const panel: Load[] = [];
    const minimal: Load[] = [];
    for (let i = 0; i < loads; i += 1) {
      panel.push(await coldLoad(browser, panelUrl));
      minimal.push(await coldLoad(browser, minimalUrl));
    }
    const frames = (all: readonly Load[]) => all.map((l) => l.frame);
    const paints = (all: readonly Load[]) =>
      all.map((l) => l.fcp).filter((fcp): fcp is number => fcp !== null);
    const method =
      `${loads} cold loads each, alternating, in headless Chromium (a fresh context per load, 360 x 585 px) each from its own loopback static server (the same code): ` +
      `the web panel of the extension build (index.html, a copy of sidepanel.html) against bench/pages/minimal-react (vite + @vitejs/plugin-react, one button). ` +
      `Time from navigation start to the animation frame after the first enabled control is in the DOM, noted in the page.`;
    add({
      id: 'panel-ready-p50',
      name: 'panel ready: navigation to the first control, median',
      value: round(percentile(frames(panel), 50)),
      unit: 'ms',
      baseline: round(percentile(frames(minimal), 50)),
      baselineName: 'minimal React page, same build setup',
      method,
      budget: { kind: 'ratio-at-most', value: 1.1 },
      note: "The panel's first screen on a fresh profile is the welcome screen; it is served here by a plain static server, not the companion (no CSP headers).",
    });
    // What the member sees: the frame above is taken where that frame's work begins, so work
    // moved into or out of the task before it (a forced style and layout, say) moves the figure
    // without moving the paint (docs/benchmarks.md, fifteenth round). No budget of its own.
    const panelPaints = paints(panel);
    const minimalPaints = paints(minimal);
    add({
      id: 'panel-first-paint-p50',
      name: 'panel ready: navigation to the first contentful paint, median',
      value: panelPaints.length > 0 ? round(percentile(panelPaints, 50)) : null,
      unit: 'ms',
      baseline: minimalPaints.length > 0 ? round(percentile(minimalPaints, 50)) : null,
      baselineName: 'minimal React page, same build setup',
      method:
        `The same loads: the page's own first-contentful-paint entry (PerformanceObserver, buffered), in ${panelPaints.length} of ${loads} panel loads and ${minimalPaints.length} of ${loads} minimal ones. ` +
        `Headless Chromium without a GPU: the first paint includes the first frame's style, layout and raster.`,
      note: 'Beside the budgeted figure above, not instead of it: no budget.',
    });
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await browser.close().catch(() => undefined);
    await panelServer.close();
    await minimalServer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
