import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANEL_CSP, openPanelFiles } from '../../server/static-files';
import { startSignalingServer } from '../../server/signaling-server';

/** A folder shaped like WXT's Chrome build: the panel and the rest of the extension. */
const BUILD: Readonly<Record<string, string>> = {
  'index.html':
    '<!doctype html><script type="module" crossorigin src="/chunks/sidepanel-A1.js"></script>' +
    '<link rel="stylesheet" crossorigin href="/assets/sidepanel-B2.css">',
  'sidepanel.html':
    '<!doctype html><script type="module" crossorigin src="/chunks/sidepanel-A1.js"></script>' +
    '<link rel="stylesheet" crossorigin href="/assets/sidepanel-B2.css">',
  'chunks/sidepanel-A1.js':
    'import{a as s}from"./shared-C3.js";const l=()=>import("./lazy-D4.js");' +
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["chunks/lazy-D4.js","assets/lazy-E5.css"])))=>i.map(i=>d[i]);' +
    'const u="https://example.org/x.js",w="wss://kring.example";',
  'chunks/shared-C3.js': 'export const a=1;',
  'chunks/lazy-D4.js': 'export default 2;',
  'assets/lazy-E5.css': '.x{}',
  'assets/sidepanel-B2.css':
    '@font-face{src:url(/assets/font-F6.woff2)}.i{mask:url("data:image/svg+xml,%3Csvg/%3E")}',
  'assets/font-F6.woff2': 'woff2',
  // Not the panel's: never served.
  'manifest.json': '{"manifest_version":3,"background":{"service_worker":"background.js"}}',
  'background.js': 'chrome.runtime.onInstalled.addListener(()=>{});',
  'content-scripts/content.js': '(()=>{})();',
  '_locales/en/messages.json': '{"extName":{"message":"Kring"}}',
  'icon/128.png': 'png',
  'chunks/unused-G7.js': 'export {};',
};

const PANEL = [
  'assets/font-F6.woff2',
  'assets/lazy-E5.css',
  'assets/sidepanel-B2.css',
  'chunks/lazy-D4.js',
  'chunks/shared-C3.js',
  'chunks/sidepanel-A1.js',
  'index.html',
  'sidepanel.html',
];

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kring-build-'));
  for (const [path, text] of Object.entries(BUILD)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the web panel files (SP11)', () => {
  it('SP11: are the HTML entries and what they reach: scripts, dynamic imports, styles, fonts', async () => {
    const files = await openPanelFiles(root);
    expect(await files.list()).toStrictEqual(PANEL);
    expect(await files.resolve('/')).toMatchObject({ path: join(root, 'index.html') });
  });

  it.each(Object.keys(BUILD).filter((path) => !PANEL.includes(path)))(
    'SP11: leave out %s',
    async (path) => {
      const files = await openPanelFiles(root);
      expect(await files.resolve(`/${path}`)).toBeNull();
    },
  );

  it('SP11: follow a rebuild that renames the chunks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kring-rebuild-'));
    try {
      await mkdir(join(dir, 'chunks'));
      await writeFile(join(dir, 'index.html'), '<script src="/chunks/one.js"></script>');
      await writeFile(join(dir, 'chunks/one.js'), '1');
      await writeFile(join(dir, 'chunks/two.js'), '2');
      const files = await openPanelFiles(dir);
      expect(await files.resolve('/chunks/two.js')).toBeNull();
      await new Promise((done) => setTimeout(done, 20)); // a new modification time
      await writeFile(join(dir, 'index.html'), '<script src="/chunks/two.js"></script><!-- v2 -->');
      expect(await files.resolve('/chunks/two.js')).not.toBeNull();
      expect(await files.resolve('/chunks/one.js')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('SP11: refuse a folder without index.html at start', async () => {
    await expect(openPanelFiles(join(root, 'chunks'))).rejects.toThrow(/no index\.html/);
    await expect(openPanelFiles(join(root, 'missing'))).rejects.toThrow(/not a folder/);
  });

  it("SP11: are served with the panel's CSP, no framing and no sniffing, as is every other answer", async () => {
    const server = await startSignalingServer({ port: 0, staticDir: root });
    try {
      for (const path of ['/', '/chunks/lazy-D4.js', '/manifest.json', '/health']) {
        const response = await fetch(`${server.httpUrl}${path}`);
        expect(response.status, path).toBe(path === '/manifest.json' ? 404 : 200);
        expect(response.headers.get('content-security-policy'), path).toBe(PANEL_CSP);
        expect(response.headers.get('x-frame-options'), path).toBe('DENY');
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
    } finally {
      await server.close();
    }
  });

  it("SP11: the CSP keeps scripts to the companion's own files and the page out of frames", () => {
    const directives = new Map(
      PANEL_CSP.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toStrictEqual(["'none'"]);
    expect(directives.get('script-src')).toStrictEqual(["'self'"]);
    expect(directives.get('object-src')).toStrictEqual(["'none'"]);
    expect(directives.get('base-uri')).toStrictEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toStrictEqual(["'none'"]);
    // Signaling to any wss:// companion, /ice over https://; plain ws:// only on this machine.
    expect(directives.get('connect-src')).toEqual(
      expect.arrayContaining(["'self'", 'wss:', 'https:', 'ws://localhost:*', 'ws://127.0.0.1:*']),
    );
    expect(directives.get('connect-src')).not.toContain('ws:');
    expect(directives.get('connect-src')).not.toContain('*');
  });
});

const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

describe.runIf(existsSync(join(EXTENSION_DIR, 'index.html')))(
  'the real build (npx wxt build)',
  () => {
    it('SP11: serves the panel page, its script and style, and none of the rest of the extension', async () => {
      const list = await (await openPanelFiles(EXTENSION_DIR)).list();
      expect(list).toEqual(expect.arrayContaining(['index.html', 'sidepanel.html']));
      expect(list.some((path) => /^chunks\/sidepanel-[\w-]+\.js$/.test(path))).toBe(true);
      expect(list.some((path) => /^assets\/sidepanel-[\w-]+\.css$/.test(path))).toBe(true);
      for (const path of list) {
        expect(path).not.toMatch(/^(manifest\.json|background\.js|content-scripts\/|_locales\/)/);
      }
    });
  },
);
