/**
 * The web panel's files as the companion serves them: only the panel itself (its HTML entry and
 * the scripts, styles and images that entry reaches), never the rest of the extension build
 * (manifest.json, background.js, content scripts, _locales), and with headers that keep the page
 * out of frames and its scripts to its own files.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

/** The panel's HTML entries in a build: index.html is a copy of sidepanel.html (wxt.config.ts). */
export const PANEL_ENTRIES = ['index.html', 'sidepanel.html'] as const;

/**
 * The panel's Content-Security-Policy. Scripts, styles and fonts from the companion only; images
 * also from `data:` (the icons are data-URL SVGs in the CSS). connect-src: the panel opens
 * signaling sockets to its group's companion, which need not be this one (a group can meet
 * through another server, and fetches that server's ICE settings), so any `wss:`/`https:` host,
 * and plain `ws:`/`http:` only on this machine (local tests and `npm start`). WebRTC itself is
 * not governed by CSP.
 */
export const PANEL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' wss: https: ws://localhost:* ws://127.0.0.1:* http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every HTTP answer of the companion. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': PANEL_CSP,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/** The panel's files in one folder. */
export interface PanelFiles {
  /** The file a request path names, if it is one of the panel's; null otherwise. */
  resolve(pathname: string): Promise<{ path: string; size: number } | null>;
  /** The panel's files, relative to the folder with `/` separators (tests, docs). */
  list(): Promise<readonly string[]>;
}

/**
 * Opens a built panel folder. It must hold index.html. The list of files is derived from the
 * entries by following their references, and derived again when index.html changes (a rebuild
 * under a running companion gives the chunks new names).
 */
export async function openPanelFiles(dir: string): Promise<PanelFiles> {
  const root = await realpath(dir).catch(() => null);
  if (root === null || !(await stat(root)).isDirectory()) {
    throw new Error(`the static folder ${dir} is not a folder`);
  }
  const entryInfo = await stat(join(root, 'index.html')).catch(() => null);
  if (entryInfo === null || !entryInfo.isFile()) {
    throw new Error(`the static folder ${dir} has no index.html (build the extension first)`);
  }

  let cached: { stamp: string; files: Promise<Set<string>> } | null = null;
  const files = async (): Promise<Set<string>> => {
    const info = await stat(join(root, 'index.html')).catch(() => null);
    const stamp = info === null ? 'missing' : `${info.mtimeMs}:${info.size}`;
    if (cached === null || cached.stamp !== stamp) {
      cached = { stamp, files: reachableFiles(root) };
    }
    return cached.files;
  };

  return {
    async resolve(pathname) {
      const relativePath = safeRelativePath(pathname);
      if (relativePath === null) return null;
      const wanted = relativePath === '' ? 'index.html' : relativePath;
      if (!(await files()).has(wanted)) return null;
      return regularFileInside(root, resolve(root, ...wanted.split('/')));
    },
    async list() {
      return [...(await files())].sort();
    },
  };
}

/**
 * Maps a request path to a relative path with `/` separators, '' for the root, or null when it
 * holds `..` or dot segments (also percent-encoded), NUL bytes or backslashes.
 */
function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  return segments.join('/');
}

/** The entries and every file they reach through src/href, imports and CSS url()s. */
async function reachableFiles(root: string): Promise<Set<string>> {
  const found = new Set<string>();
  const queue: string[] = [];
  const add = (relativePath: string): void => {
    if (found.has(relativePath)) return;
    found.add(relativePath);
    queue.push(relativePath);
  };
  for (const entry of PANEL_ENTRIES) {
    if ((await regularFileInside(root, join(root, entry))) !== null) add(entry);
  }
  while (queue.length > 0) {
    const current = queue.shift() ?? '';
    const type = extname(current).toLowerCase();
    if (type !== '.html' && type !== '.js' && type !== '.css') continue;
    const text = await readFile(join(root, current), 'utf8').catch(() => '');
    for (const reference of references(text, type)) {
      for (const candidate of candidates(root, current, reference)) {
        const file = await regularFileInside(root, candidate);
        if (file === null) continue;
        const relativePath = relative(root, file.path).split(sep).join('/');
        if (CONTENT_TYPES[extname(relativePath).toLowerCase()] !== undefined) add(relativePath);
        break;
      }
    }
  }
  return found;
}

/** Local paths a file refers to (absolute URLs and data: URLs are left out by candidates()). */
function references(text: string, type: string): string[] {
  const patterns =
    type === '.html'
      ? [/\b(?:src|href)\s*=\s*["']([^"']+)["']/g]
      : type === '.css'
        ? [/url\(\s*["']?([^"')\s]+)["']?\s*\)/g]
        : // Vite's output: `import "./x.js"`, `from "./x.js"`, `import("./x.js")` and the
          // preload list of dynamic imports ("chunks/x.js", relative to the site root).
          [
            /["'`]((?:\.{0,2}\/)?[\w@~.-]+(?:\/[\w@~.-]+)*\.(?:js|mjs|css|png|svg|webp|ico|woff2))["'`]/g,
          ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** Where a reference can point: from the root when it starts with `/`, else beside the file, then from the root. */
function candidates(root: string, from: string, reference: string): string[] {
  const bare = reference.split(/[?#]/, 1)[0] ?? '';
  if (bare === '' || bare.includes(':') || bare.includes('\\')) return [];
  const segments = bare.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment.startsWith('.') && segment !== '..')) return [];
  if (bare.startsWith('/')) return [resolve(root, ...segments)];
  return [resolve(root, dirname(from), ...segments), resolve(root, ...segments)];
}

/** The real path and size of a regular file inside root (symbolic links out of it refused). */
async function regularFileInside(
  root: string,
  path: string,
): Promise<{ path: string; size: number } | null> {
  if (!isInside(root, path)) return null;
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    const real = await realpath(path);
    if (!isInside(root, real)) return null;
    return { path: real, size: info.size };
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}
