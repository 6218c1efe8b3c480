import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupChunk, groupChunkPlugin } from '../../scripts/group-chunk';

const ROOT = '/project';
const at = (path: string) => join(ROOT, path);
const GROUP_VIEW = at('components/shell/GroupView.tsx');
const SESSION = at('components/meeting/useGroupSession.ts');
const ROOMS = at('lib/connection/room-connection.ts');
const NOTEBOOK = at('components/notes/open-notebook.ts');
const ENTRY = at('entrypoints/sidepanel/index.html');

/** A module graph as Rollup's `getModuleInfo` shows it: each module's static imports. */
function graph(imports: Record<string, string[]>, entries = [ENTRY]) {
  return {
    getModuleInfo: (id: string) =>
      id in imports ? { importedIds: imports[id]!, isEntry: entries.includes(id) } : null,
    getModuleIds: () => Object.keys(imports)[Symbol.iterator](),
  };
}

/** Every module's chunk as `groupChunk` names it (undefined: Rollup's own choice). */
function chunksOf(imports: Record<string, string[]>, entries?: string[]) {
  const manual = groupChunk(ROOT);
  const meta = graph(imports, entries);
  return Object.fromEntries(Object.keys(imports).map((id) => [id, manual(id, meta)]));
}

const PANEL: Record<string, string[]> = {
  [ENTRY]: [at('main.tsx')],
  [at('main.tsx')]: ['react', at('lib/util/trace.ts')],
  react: [],
  [at('lib/util/trace.ts')]: [],
  [GROUP_VIEW]: ['react', at('lib/method/methods.ts'), at('lib/shared-doc/board.ts')],
  [SESSION]: [at('lib/shared-doc/board.ts'), at('lib/util/trace.ts')],
  [ROOMS]: ['yjs', at('lib/util/trace.ts')],
  [at('lib/method/methods.ts')]: [],
  [at('lib/shared-doc/board.ts')]: ['yjs'],
  yjs: [],
  [NOTEBOOK]: ['dexie', at('lib/method/methods.ts')],
  dexie: [],
  [at('components/notes/NotesOverview.tsx')]: [at('lib/shared-doc/board.ts')],
};

describe('the group chunk (scripts/group-chunk.ts)', () => {
  it("puts what only the group view reaches in one chunk, beside the first screen's and the notebook's", () => {
    expect(chunksOf(PANEL)).toEqual({
      [ENTRY]: 'sidepanel',
      [at('main.tsx')]: 'sidepanel',
      react: 'sidepanel',
      [at('lib/util/trace.ts')]: 'sidepanel',
      [GROUP_VIEW]: 'group',
      [SESSION]: 'group',
      [ROOMS]: 'group',
      // Shared by the notebook and the group: the notebook's, which loads without the group.
      [at('lib/method/methods.ts')]: 'open-notebook',
      [at('lib/shared-doc/board.ts')]: 'group',
      yjs: 'group',
      [NOTEBOOK]: 'open-notebook',
      dexie: 'open-notebook',
      // Another lazy part, reached by no static import: Rollup's own chunk, importing `group`.
      [at('components/notes/NotesOverview.tsx')]: undefined,
    });
  });

  it("leaves a build without the panel's group view, or with a second page, to Rollup", () => {
    const background = { [at('entrypoints/background.ts')]: ['yjs'], yjs: [] };
    expect(Object.values(chunksOf(background, [at('entrypoints/background.ts')]))).toEqual([
      undefined,
      undefined,
    ]);
    const twoPages = { ...PANEL, [at('options.html')]: ['react'] };
    expect(new Set(Object.values(chunksOf(twoPages, [ENTRY, at('options.html')])))).toEqual(
      new Set([undefined]),
    );
  });

  it('names no chunks in a build that inlines its dynamic imports (the background, content scripts)', () => {
    const plugin = groupChunkPlugin(ROOT);
    expect(plugin.outputOptions({ inlineDynamicImports: true })).toEqual({
      inlineDynamicImports: true,
    });
    expect(typeof plugin.outputOptions({}).manualChunks).toBe('function');
  });
});
