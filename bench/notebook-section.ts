/**
 * Notebook search over 10,000 notes in Chromium's real IndexedDB: lib/notebook bundled with
 * esbuild (bench/pages/notebook-page.ts), served from loopback, opened in a persistent headless
 * profile (IndexedDB on disk). The notes are filled through the notebook's own import (bulk,
 * each note sealed when a passphrase is on), then searches with different terms are timed in
 * the page with performance.now(). Measured twice: without a passphrase and with one (every
 * search then decrypts every note, as Notebook.search reads them all).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { bundlePage, launchProfile, serveFolder } from './browser';
import type { Add } from './node-sections';
import { percentile, round } from './report';

const PAGE = resolve(import.meta.dirname, 'pages', 'notebook-page.ts');

export async function notebookSection(
  add: Add,
  options: { quick: boolean; signal: AbortSignal },
): Promise<void> {
  const notes = 10_000;
  const searches = options.quick ? 20 : 40;
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-notebook-'));
  const site = join(dir, 'site');
  await bundlePage(PAGE, site, 'notebook');
  const server = await serveFolder(site);
  const context = await launchProfile(join(dir, 'profile'));
  const onAbort = () => void context.close();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/notebook.html`);
    await page.waitForFunction(() => 'bench' in window);
    for (const passphrase of [null, 'een lange wachtwoordzin voor de bench'] as const) {
      const sealed = passphrase !== null;
      const fill = await page.evaluate(([n, p]) => window.bench.fill(n, p), [
        notes,
        passphrase,
      ] as const);
      if (fill.added !== notes) throw new Error(`filled ${fill.added} notes, not ${notes}`);
      const times = await timeSearches(page, searches);
      const what = sealed ? 'with a passphrase' : 'without a passphrase';
      const method =
        `lib/notebook (Dexie) bundled with esbuild, in headless ${'Chromium'}'s real IndexedDB (persistent profile on disk); ` +
        `${notes.toLocaleString('en-US')} generated Dutch notes (1-6 sentences each, 6 groups, 400 meetings) filled through importJson; ` +
        `${searches} searches of one or two different words, each timed in the page with performance.now() around Notebook.search.`;
      add({
        id: `notebook-search-${sealed ? 'sealed' : 'plain'}-p50`,
        name: `notebook search, 10,000 notes ${what}, p50`,
        value: round(percentile(times, 50)),
        unit: 'ms',
        method,
      });
      add({
        id: `notebook-search-${sealed ? 'sealed' : 'plain'}-p95`,
        name: `notebook search, 10,000 notes ${what}, p95`,
        value: round(percentile(times, 95)),
        unit: 'ms',
        method,
        note: `Filling the 10,000 notes ${what} took ${round(fill.ms / 1000, 1)} s.`,
        budget: { kind: 'at-most', value: 30 },
      });
    }
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

async function timeSearches(page: Page, count: number): Promise<number[]> {
  const words = await page.evaluate(() => window.bench.words);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const a = words[(i * 7) % words.length]!;
    const b = words[(i * 13 + 5) % words.length]!;
    const query = i % 2 === 0 ? a : `${a} ${b}`;
    const { ms } = await page.evaluate((q) => window.bench.search(q), query);
    times.push(ms);
  }
  return times;
}
