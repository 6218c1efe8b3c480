import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Message } from '../lib/i18n/i18n';
import { tableOf } from '../lib/i18n/locale-table';
import type { LocaleTable } from '../lib/i18n/locale-table';

/**
 * Splits the panel's texts by language at build time (issue 15: the first screen's JavaScript).
 * `lib/i18n/messages-nl.ts` and `messages-en.ts` become their language's table alone (JSON,
 * which parses faster than an object literal), each a chunk the panel loads when it speaks that
 * language; `lib/i18n/bundled-messages.ts`, which holds both for tests and Node, becomes empty.
 * MESSAGES stays the one source: its module is bundled with esbuild and read here.
 *
 * A page whose chunk loads a language chunk also gets `entrypoints/sidepanel/texts-first.ts`,
 * bundled here with both chunks' addresses written in, as its first script (`async`): it asks
 * for the browser's language while the main chunk is still arriving and compiling. main.tsx
 * asks for the panel's language only once its chunk has run and the settings are read, and that
 * fetch held up the first render (docs/benchmarks.md, "What the profile showed: panel ready").
 * A `modulepreload` of both languages did as well, but fetched the other one (10 KiB gzipped)
 * on every load for nothing.
 */
/** The part of Vite's output chunk read here. */
interface BuiltChunk {
  type: 'chunk';
  /** Rollup's name of the chunk (`group`: scripts/group-chunk.ts). */
  name?: string;
  fileName: string;
  facadeModuleId: string | null;
  dynamicImports: string[];
}

/** A `<script>` for Vite to put first into the page's head. */
interface ScriptTag {
  tag: 'script';
  attrs: { type: 'module'; async: true; crossorigin: true; src: string };
  injectTo: 'head-prepend';
}

/** What generateBundle uses of Rollup's plugin context. */
interface EmitContext {
  emitFile(file: { type: 'asset'; fileName: string; source: string }): string;
}

type Bundle = Record<string, BuiltChunk | { type: 'asset' }>;

/** The Vite plugin hooks used (typed here: WXT brings its own Vite, the bench another). */
interface MessagesPlugin {
  name: string;
  enforce: 'pre';
  configResolved(config: { base: string }): void;
  watchChange(id: string): void;
  load(id: string): Promise<string | null>;
  generateBundle(this: EmitContext, options: unknown, bundle: Bundle): Promise<void>;
  transformIndexHtml: {
    order: 'post';
    handler(html: string, ctx: { bundle?: Bundle; chunk?: BuiltChunk }): ScriptTag[];
  };
}

const LANGUAGE_MODULE = /lib[\\/]i18n[\\/]messages-(nl|en)\.ts$/;

/** Each language's chunk in a bundle; null when the bundle has not both. */
function languageChunks(bundle: Bundle): { nl: string; en: string } | null {
  const found: Partial<Record<'nl' | 'en', string>> = {};
  for (const c of Object.values(bundle)) {
    if (c.type !== 'chunk') continue;
    const locale = LANGUAGE_MODULE.exec(c.facadeModuleId ?? '')?.[1];
    if (locale === 'nl' || locale === 'en') found[locale] = c.fileName;
  }
  return found.nl && found.en ? { nl: found.nl, en: found.en } : null;
}

/** One module bundled by esbuild into a string of ESM, nothing written. */
async function bundleText(
  entry: string,
  options: Omit<BuildOptions, 'entryPoints'>,
): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'error',
    ...options,
  });
  return out.outputFiles?.[0]?.text ?? '';
}

/**
 * texts-first.ts as one small module with the chunks' addresses in it: the languages', and the
 * group's (scripts/group-chunk.ts; '' in a build without it), which it asks for at once when the
 * panel is going back to the group it showed.
 */
function firstScript(
  root: string,
  chunks: { nl: string; en: string; group: string },
): Promise<string> {
  return bundleText(join(root, 'entrypoints', 'sidepanel', 'texts-first.ts'), {
    platform: 'browser',
    minify: true,
    define: {
      KRING_TEXTS_NL: JSON.stringify(chunks.nl),
      KRING_TEXTS_EN: JSON.stringify(chunks.en),
      KRING_GROUP_CODE: JSON.stringify(chunks.group),
    },
    // The chunks are the page's own files, imported by address.
    external: [chunks.nl, chunks.en],
  });
}

export function messagesByLocale(root: string): MessagesPlugin {
  let tables: Promise<{ nl: LocaleTable; en: LocaleTable }> | null = null;
  const read = async () => {
    const code = await bundleText(join(root, 'lib', 'i18n', 'messages.ts'), {
      platform: 'neutral',
    });
    const mod = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    )) as { MESSAGES: Record<string, Message> };
    return { nl: tableOf(mod.MESSAGES, 'nl'), en: tableOf(mod.MESSAGES, 'en') };
  };
  let base = '/';
  /** The first script's file in this build's bundle, when it has language chunks. */
  let textsFirst: string | null = null;
  return {
    name: 'kring-messages-by-locale',
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
    },
    watchChange(id) {
      if (id.includes(join('lib', 'i18n'))) tables = null;
    },
    async load(id) {
      const path = id.split('?')[0] ?? id;
      const locale = LANGUAGE_MODULE.exec(path)?.[1];
      if (locale === 'nl' || locale === 'en') {
        tables ??= read();
        const table = (await tables)[locale];
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});`;
      }
      if (/lib[\\/]i18n[\\/]bundled-messages\.ts$/.test(path)) return 'export const BUNDLED = {};';
      return null;
    },
    async generateBundle(_options, bundle) {
      textsFirst = null;
      const chunks = languageChunks(bundle);
      if (!chunks) return;
      const group = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === 'group');
      const code = await firstScript(root, {
        nl: base + chunks.nl,
        en: base + chunks.en,
        group: group?.type === 'chunk' ? base + group.fileName : '',
      });
      const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
      textsFirst = `chunks/texts-first-${hash}.js`;
      this.emitFile({ type: 'asset', fileName: textsFirst, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const page = ctx.chunk;
        const chunks = ctx.bundle && languageChunks(ctx.bundle);
        if (!page || !chunks || !textsFirst) return [];
        if (!page.dynamicImports.some((f) => f === chunks.nl || f === chunks.en)) return [];
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: base + textsFirst },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
