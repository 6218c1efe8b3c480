import { build } from 'esbuild';
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
 */
/** The Vite plugin hooks used (typed here: WXT brings its own Vite, the bench another). */
interface MessagesPlugin {
  name: string;
  enforce: 'pre';
  watchChange(id: string): void;
  load(id: string): Promise<string | null>;
}

export function messagesByLocale(root: string): MessagesPlugin {
  let tables: Promise<{ nl: LocaleTable; en: LocaleTable }> | null = null;
  const read = async () => {
    const out = await build({
      entryPoints: [join(root, 'lib', 'i18n', 'messages.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'error',
    });
    const code = out.outputFiles[0]?.text ?? '';
    const mod = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    )) as { MESSAGES: Record<string, Message> };
    return { nl: tableOf(mod.MESSAGES, 'nl'), en: tableOf(mod.MESSAGES, 'en') };
  };
  return {
    name: 'kring-messages-by-locale',
    enforce: 'pre',
    watchChange(id) {
      if (id.includes(join('lib', 'i18n'))) tables = null;
    },
    async load(id) {
      const path = id.split('?')[0] ?? id;
      const locale = /lib[\\/]i18n[\\/]messages-(nl|en)\.ts$/.exec(path)?.[1];
      if (locale === 'nl' || locale === 'en') {
        tables ??= read();
        const table = (await tables)[locale];
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});`;
      }
      if (/lib[\\/]i18n[\\/]bundled-messages\.ts$/.test(path)) return 'export const BUNDLED = {};';
      return null;
    },
  };
}
