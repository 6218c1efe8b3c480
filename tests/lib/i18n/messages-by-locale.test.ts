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

  it("has the first script ask for the group's code when the panel goes back to a group", async () => {
    plugin.configResolved({ base: '/' });
    const chunk = (
      fileName: string,
      facade: string,
      name: string,
      dynamicImports: string[] = [],
    ) => ({
      type: 'chunk' as const,
      name,
      fileName,
      facadeModuleId: resolve(ROOT, facade),
      dynamicImports,
    });
    const nlChunk = chunk('chunks/messages-nl-1.js', 'lib/i18n/messages-nl.ts', 'messages-nl');
    const enChunk = chunk('chunks/messages-en-2.js', 'lib/i18n/messages-en.ts', 'messages-en');
    const group = chunk('chunks/group-3.js', 'components/shell/GroupView.tsx', 'group');
    const panel = chunk('chunks/sidepanel-4.js', 'entrypoints/sidepanel/index.html', 'sidepanel', [
      nlChunk.fileName,
      enChunk.fileName,
      group.fileName,
    ]);
    const emitted: { fileName: string; source: string }[] = [];
    await plugin.generateBundle.call(
      { emitFile: (f) => (emitted.push(f), f.fileName) },
      {},
      { panel, nlChunk, enChunk, group },
    );
    const code = emitted[0]!.source.replace(/\bimport\(/g, '__import(');
    // The web panel's page: the group it showed is in its sessionStorage (open-group-memory.ts).
    for (const [remembered, preloads] of [
      ['group-0001', ['modulepreload /chunks/group-3.js']],
      [null, []],
      ['<not an id>', []],
    ] as const) {
      const added: string[] = [];
      const document = {
        createElement: () => ({
          rel: '',
          href: '',
          crossOrigin: null as string | null,
          dataset: {} as Record<string, string>,
        }),
        head: {
          append: (link: { rel: string; href: string; crossOrigin: string | null }) => {
            expect(link.crossOrigin).toBe('');
            added.push(`${link.rel} ${link.href}`);
          },
        },
      };
      const sessionStorage = { getItem: () => remembered };
      new Function('navigator', '__import', 'location', 'document', 'sessionStorage', code)(
        { languages: ['nl'] },
        () => Promise.resolve(),
        { search: '' },
        document,
        sessionStorage,
      );
      await new Promise((r) => setTimeout(r, 10));
      expect(added).toEqual(preloads);
    }
  });

  it('adds nothing to a build without both languages', async () => {
    const emitted: unknown[] = [];
    await plugin.generateBundle.call({ emitFile: (f) => (emitted.push(f), '') }, {}, {});
    expect(emitted).toEqual([]);
    expect(plugin.transformIndexHtml.handler('', { bundle: {} })).toEqual([]);
  });
});
