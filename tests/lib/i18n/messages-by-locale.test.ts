import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesByLocale } from '../../../scripts/messages-by-locale';
import { MESSAGES, translate } from '../../../lib/i18n/messages';
import { fillText, tableOf } from '../../../lib/i18n/locale-table';
import { loadMessages, messagesFor } from '../../../lib/i18n/load-messages';
import nl from '../../../lib/i18n/messages-nl';
import en from '../../../lib/i18n/messages-en';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Evaluates a module's code as the build would ship it. */
async function evaluate(code: string): Promise<Record<string, unknown>> {
  return (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as Record<string, unknown>;
}

describe('the texts of one language', () => {
  it('hold every key, in that language only', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(MESSAGES).sort());
    expect(nl['settings']).toBe('Instellingen');
    expect(en['settings']).toBe('Settings');
  });

  it('translate as MESSAGES does, with placeholders and plural forms', () => {
    for (const locale of ['nl', 'en'] as const) {
      const table = tableOf(MESSAGES, locale);
      expect(fillText(locale, table['openGroup'], 'openGroup', { group: 'Oost' })).toBe(
        translate(locale, 'openGroup', { group: 'Oost' }),
      );
    }
    expect(fillText('en', undefined, 'noSuchKey', {})).toBe('noSuchKey');
  });

  it('are at hand in tests and Node without loading', async () => {
    expect(messagesFor('nl')).toBe(nl);
    expect(await loadMessages('en')).toBe(en);
  });
});

describe('the build splits the texts by language', () => {
  const plugin = messagesByLocale(ROOT);

  it('replaces each language module by its table alone', async () => {
    for (const [locale, table] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      const code = await plugin.load(resolve(ROOT, 'lib', 'i18n', `messages-${locale}.ts`));
      expect(code).not.toBeNull();
      expect(code).not.toContain(locale === 'nl' ? 'Settings' : 'Instellingen');
      expect((await evaluate(code ?? '')).default).toEqual(table);
    }
  });

  it('leaves no bundled table in the build, and other modules alone', async () => {
    const code = await plugin.load(resolve(ROOT, 'lib', 'i18n', 'bundled-messages.ts'));
    expect((await evaluate(code ?? '')).BUNDLED).toEqual({});
    expect(await plugin.load(resolve(ROOT, 'lib', 'i18n', 'messages.ts'))).toBeNull();
  });

  it('puts a first script that fetches the browser language into a page whose chunk loads the texts', async () => {
    plugin.configResolved({ base: '/' });
    const chunk = (fileName: string, facade: string, dynamicImports: string[] = []) => ({
      type: 'chunk' as const,
      fileName,
      facadeModuleId: resolve(ROOT, facade),
      dynamicImports,
    });
    const nlChunk = chunk('chunks/messages-nl-1.js', 'lib/i18n/messages-nl.ts');
    const enChunk = chunk('chunks/messages-en-2.js', 'lib/i18n/messages-en.ts');
    const lazy = chunk('chunks/GroupView-3.js', 'components/shell/GroupView.tsx');
    const panel = chunk('chunks/sidepanel-4.js', 'entrypoints/sidepanel/index.html', [
      nlChunk.fileName,
      enChunk.fileName,
      lazy.fileName,
    ]);
    const other = chunk('chunks/options-5.js', 'entrypoints/options/index.html');
    const bundle = { panel, nlChunk, enChunk, lazy, other, css: { type: 'asset' as const } };
    const emitted: { fileName: string; source: string }[] = [];
    await plugin.generateBundle.call(
      { emitFile: (f) => (emitted.push(f), f.fileName) },
      {},
      bundle,
    );
    expect(emitted).toHaveLength(1);
    const script = emitted[0]!;
    const tags = plugin.transformIndexHtml.handler('', { bundle, chunk: panel });
    expect(tags.map((t) => t.attrs)).toEqual([
      { type: 'module', async: true, crossorigin: true, src: `/${script.fileName}` },
    ]);
    expect(plugin.transformIndexHtml.handler('', { bundle, chunk: other })).toEqual([]);

    // Run in a page whose browser speaks Dutch, then English: it asks for that language's chunk.
    for (const [languages, wanted] of [
      [['nl-BE', 'en'], '/chunks/messages-nl-1.js'],
      [['de-DE', 'en-GB'], '/chunks/messages-en-2.js'],
    ] as const) {
      const asked: string[] = [];
      const code = script.source.replace(/\bimport\(/g, '__import(');
      new Function('navigator', '__import', code)({ languages }, (url: string) => {
        asked.push(url);
        return Promise.resolve();
      });
      expect(asked).toEqual([wanted]);
    }
  });

  it('adds nothing to a build without both languages', async () => {
    const emitted: unknown[] = [];
    await plugin.generateBundle.call({ emitFile: (f) => (emitted.push(f), '') }, {}, {});
    expect(emitted).toEqual([]);
    expect(plugin.transformIndexHtml.handler('', { bundle: {} })).toEqual([]);
  });
});
