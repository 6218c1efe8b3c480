/**
 * The JavaScript the side panel loads before its first screen, gzipped (issue 15's budget:
 * <= 140 KB). Builds nothing: it reads `.output/chrome-mv3` as `npx wxt build` left it.
 *
 * What counts: the page's `<script type="module">`, its `modulepreload` links, and the static
 * `import … from` / `export … from` of those chunks, transitively. Targets of `import()` load
 * later (a lazy view) and do not count. Each file is gzipped at level 9 with node:zlib.
 *
 * With source maps (`KRING_SOURCEMAP=1 npx wxt build`, see wxt.config.ts) the bytes of each
 * chunk are attributed to the package or folder they come from; the gzipped share is the chunk's
 * gzipped size split in proportion to raw bytes, an estimate (text compresses unevenly).
 *
 * `npx tsx bench/first-screen.ts [outDir]` prints the figures; `measureFirstScreen()` returns them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIRST_SCREEN_BUDGET_KB = 140;

/**
 * Lazy chunks that part of the first screen waits for (by chunk name): the notebook, asked for
 * after the first paint (entrypoints/sidepanel/main.tsx). The header, the welcome and the forms
 * show without it, and so does a plain list of remembered groups; a list a passphrase sealed
 * waits for its keys (lib/device/panel-store.ts). Counted apart, and in `withAwaitedGzipBytes`.
 */
const AWAITED_AT_START = ['open-notebook'];

/**
 * One language's texts, each a lazy chunk (scripts/messages-by-locale.ts): the entrypoint loads
 * the panel's language before its first render, so the larger of the two counts as first screen.
 */
const LANGUAGE_CHUNKS = ['messages-nl', 'messages-en'];
const chunkName = (file: string) => file.split('/').pop() ?? '';

export interface FirstScreenFile {
  /** Path inside the output folder, e.g. `chunks/sidepanel-abc.js`. */
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

export interface FirstScreenPart {
  /** `node_modules/react-dom`, `lib/notebook`, … or `(unmapped)` for code no map names. */
  readonly part: string;
  readonly rawBytes: number;
  /** The part's share of its chunks' gzipped size, in proportion to raw bytes. */
  readonly gzipBytes: number;
}

export interface FirstScreenFigures {
  readonly files: readonly FirstScreenFile[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
  /** Files only `import()` reaches, but for the awaited ones: loaded when a part is first shown. */
  readonly lazyFiles: readonly FirstScreenFile[];
  /** Lazy files the first screen waits for all the same (AWAITED_AT_START and their imports). */
  readonly awaitedFiles: readonly FirstScreenFile[];
  /** gzipBytes plus the awaited files: what must arrive before a returning member's sealed groups show. */
  readonly withAwaitedGzipBytes: number;
  /** Empty when the build has no source maps. */
  readonly parts: readonly FirstScreenPart[];
  /** First-screen files without a source map (texts-first.ts is built on its own, without one). */
  readonly unmappedFiles: readonly string[];
  readonly budgetKB: number;
}

/** Static imports and re-exports of minified ES module code; `import(` is left out. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;
const HTML_SCRIPT = /<script\b[^>]*\btype=["']?module["']?[^>]*\bsrc=["']([^"']+)["']/g;
const HTML_PRELOAD = /<link\b[^>]*\brel=["']?modulepreload["']?[^>]*\bhref=["']([^"']+)["']/g;
/** Vite lists a lazy chunk's own imports as strings for its preload helper. */
const VITE_DEPS = /["'](?:\.\.?\/|\/)?((?:chunks|assets)\/[\w.-]+\.js)["']/g;

function matches(re: RegExp, text: string): string[] {
  return [...text.matchAll(re)].map((m) => m[1] ?? '').filter(Boolean);
}

/** A specifier as seen from `from` (a file inside outDir), as a path inside outDir. */
function resolveIn(outDir: string, from: string, specifier: string): string {
  const clean = specifier.split(/[?#]/)[0] ?? specifier;
  const abs = clean.startsWith('/') ? join(outDir, clean) : resolve(outDir, dirname(from), clean);
  return relative(outDir, abs).split(sep).join('/');
}

function sizeOf(outDir: string, file: string): FirstScreenFile {
  const bytes = readFileSync(join(outDir, file));
  return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Walks the static import graph from the page's entry scripts. */
function staticGraph(
  outDir: string,
  page: string,
): { eager: string[]; lazy: string[]; awaited: string[] } {
  const html = readFileSync(join(outDir, page), 'utf8');
  const queue = [...matches(HTML_SCRIPT, html), ...matches(HTML_PRELOAD, html)].map((s) =>
    resolveIn(outDir, page, s),
  );
  const eager = new Set<string>();
  const lazyCandidates = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (eager.has(file)) continue;
    eager.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const s of matches(STATIC_IMPORT, code)) queue.push(resolveIn(outDir, file, s));
    for (const s of matches(DYNAMIC_IMPORT, code)) lazyCandidates.add(resolveIn(outDir, file, s));
    // The preload helper's list is relative to the output root.
    for (const s of matches(VITE_DEPS, code)) lazyCandidates.add(resolveIn(outDir, page, s));
  }
  // Everything reachable from a lazy entry that is not already eager.
  const lazy = new Set<string>();
  const lazyQueue = [...lazyCandidates];
  while (lazyQueue.length > 0) {
    const file = lazyQueue.shift() ?? '';
    if (eager.has(file) || lazy.has(file) || !existsSync(join(outDir, file))) continue;
    lazy.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const s of [...matches(STATIC_IMPORT, code), ...matches(DYNAMIC_IMPORT, code)]) {
      lazyQueue.push(resolveIn(outDir, file, s));
    }
  }
  // What a chunk awaited at start brings along statically.
  const awaited = new Set<string>();
  const awaitedQueue = [...lazy].filter((f) =>
    AWAITED_AT_START.some((name) => (f.split('/').pop() ?? '').startsWith(`${name}-`)),
  );
  while (awaitedQueue.length > 0) {
    const file = awaitedQueue.shift() ?? '';
    if (eager.has(file) || awaited.has(file) || !existsSync(join(outDir, file))) continue;
    awaited.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const s of matches(STATIC_IMPORT, code)) awaitedQueue.push(resolveIn(outDir, file, s));
  }
  return { eager: [...eager], lazy: [...lazy].sort(), awaited: [...awaited].sort() };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line's segments of a version 3 source map: [column, source index] pairs. */
function* segments(mappings: string): Generator<{ line: number; column: number; source: number }> {
  let source = 0;
  let line = 0;
  for (const lineText of mappings.split(';')) {
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        yield { line, column, source };
      } else {
        yield { line, column, source: -1 };
      }
    }
    line++;
  }
}

/** `node_modules/@scope/name`, `node_modules/name`, or the first two folders of own code. */
function partOf(path: string): string {
  const parts = path.split('/');
  const nm = parts.lastIndexOf('node_modules');
  if (nm >= 0) {
    const name = parts[nm + 1] ?? '';
    return `node_modules/${name.startsWith('@') ? `${name}/${parts[nm + 2] ?? ''}` : name}`;
  }
  if (parts[0] === '..' || path.startsWith('\0')) return '(generated)';
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/');
}

/** Raw bytes of one chunk per part, from its `.map` next to it; null without a map. */
function attribute(outDir: string, file: string): Map<string, number> | null {
  const mapPath = join(outDir, `${file}.map`);
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as {
    sources?: string[];
    sourceRoot?: string;
    mappings?: string;
  };
  const sources = (map.sources ?? []).map((s) => {
    const abs = resolve(dirname(mapPath), map.sourceRoot ?? '', s);
    return partOf(relative(ROOT, abs).split(sep).join('/'));
  });
  const lines = readFileSync(join(outDir, file), 'utf8').split('\n');
  const byPart = new Map<string, number>();
  const add = (part: string, chars: string) => {
    if (chars.length === 0) return;
    byPart.set(part, (byPart.get(part) ?? 0) + Buffer.byteLength(chars));
  };
  // Each segment owns the text from its column up to the next segment of the same line.
  let current: { line: number; column: number; source: number } | null = null;
  const close = (next: { line: number; column: number } | null) => {
    if (!current) return;
    const text = lines[current.line] ?? '';
    const end = next && next.line === current.line ? next.column : text.length;
    add(
      current.source >= 0 ? (sources[current.source] ?? '(unmapped)') : '(unmapped)',
      text.slice(current.column, end),
    );
  };
  const firstColumn = new Map<number, number>();
  for (const seg of segments(map.mappings ?? '')) {
    if (!firstColumn.has(seg.line)) firstColumn.set(seg.line, seg.column);
    close(seg);
    current = seg;
  }
  close(null);
  // Text before a line's first segment, and lines without any, belong to no source.
  lines.forEach((text, i) => {
    add('(unmapped)', text.slice(0, firstColumn.get(i) ?? text.length));
    if (i < lines.length - 1) add('(unmapped)', '\n');
  });
  return byPart;
}

export function measureFirstScreen(
  outDir = join(ROOT, '.output', 'chrome-mv3'),
  page = 'sidepanel.html',
): FirstScreenFigures {
  if (!existsSync(join(outDir, page))) {
    throw new Error(`No ${page} in ${outDir}: run \`npx wxt build\` first.`);
  }
  const graph = staticGraph(outDir, page);
  const languages = graph.lazy
    .filter((f) => LANGUAGE_CHUNKS.some((name) => chunkName(f).startsWith(`${name}-`)))
    .map((f) => sizeOf(outDir, f))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const language = languages[0];
  const files = [...graph.eager.map((f) => sizeOf(outDir, f)), ...(language ? [language] : [])];
  const lazyFiles = graph.lazy
    .filter((f) => !graph.awaited.includes(f) && f !== language?.file)
    .map((f) => sizeOf(outDir, f));
  const awaitedFiles = graph.awaited.map((f) => sizeOf(outDir, f));
  const parts = new Map<string, { raw: number; gzip: number }>();
  const unmappedFiles: string[] = [];
  for (const f of files) {
    const byPart = attribute(outDir, f.file);
    if (!byPart) {
      unmappedFiles.push(f.file);
      continue;
    }
    const total = [...byPart.values()].reduce((a, b) => a + b, 0) || 1;
    for (const [part, raw] of byPart) {
      const entry = parts.get(part) ?? { raw: 0, gzip: 0 };
      entry.raw += raw;
      entry.gzip += (f.gzipBytes * raw) / total;
      parts.set(part, entry);
    }
  }
  const gzipBytes = files.reduce((a, f) => a + f.gzipBytes, 0);
  return {
    files,
    rawBytes: files.reduce((a, f) => a + f.rawBytes, 0),
    gzipBytes,
    lazyFiles,
    awaitedFiles,
    withAwaitedGzipBytes: gzipBytes + awaitedFiles.reduce((a, f) => a + f.gzipBytes, 0),
    parts: [...parts]
      .map(([part, v]) => ({ part, rawBytes: v.raw, gzipBytes: Math.round(v.gzip) }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes),
    unmappedFiles,
    budgetKB: FIRST_SCREEN_BUDGET_KB,
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);

function print(figures: FirstScreenFigures): void {
  console.log(
    "Before the first screen (static imports of sidepanel.html, and the larger language's texts):",
  );
  for (const f of figures.files) {
    console.log(`  ${kb(f.gzipBytes)} KB gz ${kb(f.rawBytes)} KB raw  ${f.file}`);
  }
  const verdict = (bytes: number) =>
    `budget ${figures.budgetKB} KB gz: ${bytes / 1024 <= figures.budgetKB ? 'met' : 'MISSED'}`;
  console.log(
    `  ${kb(figures.gzipBytes)} KB gz ${kb(figures.rawBytes)} KB raw  total (${verdict(figures.gzipBytes)})`,
  );
  if (figures.awaitedFiles.length > 0) {
    console.log("Asked for after the first paint; a returning member's groups wait for it:");
    for (const f of figures.awaitedFiles) {
      console.log(`  ${kb(f.gzipBytes)} KB gz ${kb(f.rawBytes)} KB raw  ${f.file}`);
    }
  }
  console.log(
    `  ${kb(figures.withAwaitedGzipBytes)} KB gz in all before a returning member's sealed groups show` +
      ` (${verdict(figures.withAwaitedGzipBytes)})`,
  );
  const lazyGz = figures.lazyFiles.reduce((a, f) => a + f.gzipBytes, 0);
  console.log(`\nLoaded later, on demand: ${figures.lazyFiles.length} files, ${kb(lazyGz)} KB gz`);
  for (const f of figures.lazyFiles) {
    console.log(`  ${kb(f.gzipBytes)} KB gz ${kb(f.rawBytes)} KB raw  ${f.file}`);
  }
  if (figures.parts.length === 0) {
    console.log(
      '\nNo source maps: build with `KRING_SOURCEMAP=1 npx wxt build` to see what is in it.',
    );
    return;
  }
  console.log('\nTop 15 parts of the first screen (gz is a share of the chunk, an estimate):');
  for (const p of figures.parts.slice(0, 15)) {
    console.log(`  ${kb(p.gzipBytes)} KB gz ${kb(p.rawBytes)} KB raw  ${p.part}`);
  }
  if (figures.unmappedFiles.length > 0) {
    console.log(`  not in the table (no source map): ${figures.unmappedFiles.join(', ')}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  print(measureFirstScreen(dir));
}
