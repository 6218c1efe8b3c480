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

  /** A chunk of a build as Rollup describes it. */
  const chunk = (
    fileName: string,
    facade: string | null,
    { dynamicImports = [] as string[], imports = [] as string[], isEntry = false } = {},
  ) => ({
    type: 'chunk' as const,
    fileName,
    facadeModuleId: facade === null ? null : resolve(ROOT, facade),
    isEntry,
    imports,
    dynamicImports,
  });
  const nlChunk = chunk('chunks/messages-nl-1.js', 'lib/i18n/messages-nl.ts');
  const enChunk = chunk('chunks/messages-en-2.js', 'lib/i18n/messages-en.ts');
  // The group's code: its view and the connection code share a chunk, and import the entry's.
  const lazy = chunk('chunks/GroupView-3.js', 'components/shell/GroupView.tsx', {
    imports: ['chunks/sidepanel-4.js', 'chunks/signed-6.js', 'chunks/react-8.js'],
  });
  const rooms = chunk('chunks/room-connection-7.js', 'lib/connection/room-connection.ts', {
    imports: ['chunks/signed-6.js', 'chunks/react-8.js'],
  });
  const signed = chunk('chunks/signed-6.js', null, { imports: ['chunks/react-8.js'] });
  const react = chunk('chunks/react-8.js', null);
  const panel = chunk('chunks/sidepanel-4.js', 'entrypoints/sidepanel/index.html', {
    isEntry: true,
    imports: [react.fileName],
    dynamicImports: [nlChunk.fileName, enChunk.fileName, lazy.fileName, rooms.fileName],
  });
  const other = chunk('chunks/options-5.js', 'entrypoints/options/index.html', { isEntry: true });
  const bundle = {
    panel,
    nlChunk,
    enChunk,
    lazy,
    rooms,
    signed,
    react,
    other,
    css: { type: 'asset' as const },
  };

  /** The first script of `bundle`, emitted by the plugin. */
  const firstScript = async () => {
    plugin.configResolved({ base: '/' });
    const emitted: { fileName: string; source: string }[] = [];
    await plugin.generateBundle.call(
      { emitFile: (f) => (emitted.push(f), f.fileName) },
      {},
      bundle,
    );
    expect(emitted).toHaveLength(1);
    return emitted[0]!;
  };

  /**
   * Runs the first script as a page would: with these browser languages, and a page's session
   * storage that may remember the group the panel showed. Returns what it imported and which
   * modules it preloaded.
   */
  const runFirstScript = async (
    source: string,
    languages: readonly string[],
    openGroup: string | null,
  ) => {
    const asked: string[] = [];
    const preloaded: Array<{ rel: string; href: string; crossOrigin: string | null }> = [];
    const document = {
      createElement: () => ({ rel: '', as: '', href: '', crossOrigin: null }),
      head: { append: (link: (typeof preloaded)[number]) => preloaded.push(link) },
    };
    const sessionStorage = {
      getItem: (key: string) => (key === 'kring:open-group' ? openGroup : null),
    };
    const code = source.replace(/\bimport\(/g, '__import(');
    new Function('navigator', '__import', 'location', 'document', 'sessionStorage', code)(
      { languages },
      (url: string) => {
        asked.push(url);
        return Promise.resolve();
      },
      { search: '' },
      document,
      sessionStorage,
    );
    // The memory is read asynchronously.
    await new Promise((done) => setTimeout(done, 0));
    return { asked, preloaded };
  };

  it('puts a first script that fetches the browser language into a page whose chunk loads the texts', async () => {
    const script = await firstScript();
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
      const { asked, preloaded } = await runFirstScript(script.source, languages, null);
      expect(asked).toEqual([wanted]);
      // A panel starting at home fetches no group code ahead.
      expect(preloaded).toEqual([]);
    }
  });

  it("has a panel that comes back to a group fetch the group's code ahead, not what the page has", async () => {
    const script = await firstScript();
    const { asked, preloaded } = await runFirstScript(script.source, ['en'], 'group-abc-123');
    expect(asked).toEqual(['/chunks/messages-en-2.js']);
    expect(preloaded.map((link) => link.href).sort()).toEqual([
      '/chunks/GroupView-3.js',
      '/chunks/room-connection-7.js',
      '/chunks/signed-6.js',
    ]);
    // As Vite's own preloads: the module fetched as main.tsx's import() will ask for it.
    for (const link of preloaded)
      expect(link).toMatchObject({ rel: 'modulepreload', crossOrigin: '' });
    // What the memory holds is read as an id, as the panel reads it: anything else, nothing.
    const odd = await runFirstScript(script.source, ['en'], '<not an id>');
    expect(odd.preloaded).toEqual([]);
  });

  it('adds nothing to a build without both languages', async () => {
    const emitted: unknown[] = [];
    await plugin.generateBundle.call({ emitFile: (f) => (emitted.push(f), '') }, {}, {});
    expect(emitted).toEqual([]);
    expect(plugin.transformIndexHtml.handler('', { bundle: {} })).toEqual([]);
  });
});
