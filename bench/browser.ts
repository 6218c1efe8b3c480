/**
 * What the browser sections share: Debian's Chromium through playwright-core (headless, no
 * sandbox, loopback WebRTC without mDNS), a static file server on loopback, and esbuild bundles
 * of bench pages (bench/pages/) built into a temporary folder.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.KRING_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A persistent profile (real IndexedDB on disk, as a member's browser has it). */
export function launchProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    args: CHROMIUM_ARGS,
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * A line a page under measurement writes with `console.debug(tag + ' ' + JSON.stringify(value))`,
 * parsed. Listen before `goto`. The page reports this way rather than being polled: Playwright's
 * `waitForFunction` and `evaluate` evaluate Playwright's own script in the page the first time
 * (20 to 25 ms on this machine, in one task), and where that task fell between the page's
 * first control and the frame after it, the bench timed Playwright instead of the page
 * (docs/benchmarks.md, "Twelfth round").
 */
export async function pageNote<T>(page: Page, tag: string, timeout = 30_000): Promise<T> {
  const message = await page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith(`${tag} `),
    timeout,
  });
  return noteIn<T>(message.text(), tag)!;
}

/** The tag of the panel-ready figures' note: the frame after the page's first control came. */
export const READY_NOTE = 'kring-bench-ready';

/** The value of a console line written as `pageNote` describes, or null for any other line. */
export function noteIn<T>(text: string, tag: string): T | null {
  return text.startsWith(`${tag} `) ? (JSON.parse(text.slice(tag.length + 1)) as T) : null;
}

/** Serves `dir` on 127.0.0.1 (a free port); GET only, nothing outside the folder. */
export async function serveFolder(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (req.method !== 'GET' || !(file === root || file.startsWith(root + sep))) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Bundles a bench page's entry into `outDir/<name>.js` beside a bare HTML page that loads it. */
export async function bundlePage(entry: string, outDir: string, name: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    outfile: join(outDir, `${name}.js`),
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(
    join(outDir, `${name}.html`),
    `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head>` +
      `<body><div id="root"></div><script type="module" src="./${name}.js"></script></body></html>`,
  );
}
