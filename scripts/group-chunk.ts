import { join } from 'node:path';

/**
 * One chunk for the group's code (issue 15, late join). Rollup gives every set of lazy parts
 * that share a module a chunk of its own; the group view (GroupView, its session and the
 * connection code, each an `import()` in components/shell/lazy-views.ts) came in 13 files. The
 * browser serves an extension's files one by one: on this loaded 2-core machine they arrived
 * 10 to 20 ms apart, and a returning member's board waited some 280 ms for the last one
 * (docs/benchmarks.md, "Twentieth round").
 *
 * Three chunks are named, in this order, each taking the modules it reaches through static
 * imports that no chunk before it took:
 * - `sidepanel`: the page's first screen, what its entry reaches (as Rollup made it anyway);
 * - `open-notebook`: the notebook, asked for after every first paint, also where no group is
 *   opened (main.tsx), so it must not take the group's code along;
 * - `group`: the rest of what the group view reaches.
 * The first two are named only because Rollup moves a manual chunk's static imports into it
 * unless they have a chunk of their own. Other lazy parts (the attendance record, the notes
 * overview, the notebook's export) keep their own chunk and import `group` for what they share
 * with it: code every panel loads anyway once its first screen shows (PanelApp's
 * `prepareGroupView`).
 */

/** The part of Rollup's module info read here. */
interface ModuleInfo {
  readonly importedIds: readonly string[];
  readonly isEntry: boolean;
}

/** Rollup's `output.manualChunks` as a function (typed here: WXT brings its own Vite). */
type ManualChunks = (
  id: string,
  meta: { getModuleInfo(id: string): ModuleInfo | null; getModuleIds(): IterableIterator<string> },
) => string | undefined;

/** The modules a lazy group view starts from (components/shell/lazy-views.ts). */
const GROUP_ROOTS = [
  'components/shell/GroupView.tsx',
  'components/meeting/useGroupSession.ts',
  'lib/connection/room-connection.ts',
];
/** What every page loads without the group: the notebook's code (entrypoints/sidepanel/main.tsx). */
const NOTEBOOK_ROOTS = ['components/notes/open-notebook.ts'];

/** The Vite plugin hook used (typed here, as above). */
interface GroupChunkPlugin {
  name: string;
  outputOptions(options: { inlineDynamicImports?: boolean }): {
    inlineDynamicImports?: boolean;
    manualChunks?: ManualChunks;
  };
}

/**
 * Gives the build of the panel's page its `group` chunk. WXT builds the background and each
 * content script as one file (`inlineDynamicImports`), which takes no manual chunks.
 */
export function groupChunkPlugin(root: string): GroupChunkPlugin {
  return {
    name: 'kring-group-chunk',
    outputOptions: (options) =>
      options.inlineDynamicImports ? options : { ...options, manualChunks: groupChunk(root) },
  };
}

/** Rollup's `manualChunks` for the panel's page: see above. */
export function groupChunk(root: string): ManualChunks {
  const absolute = (path: string) => join(root, path);
  let chunkOf: Map<string, string> | null = null;
  return (id, { getModuleInfo, getModuleIds }) => {
    chunkOf ??= (() => {
      const chunks = new Map<string, string>();
      const entries = [...getModuleIds()].filter((m) => getModuleInfo(m)?.isEntry);
      const roots = [...GROUP_ROOTS, ...NOTEBOOK_ROOTS].map(absolute);
      // Not the panel's page alone (another build, or a second page beside it): Rollup's own.
      if (entries.length !== 1 || !roots.every((m) => getModuleInfo(m))) return chunks;
      /** Puts every module reached from `starts` by static imports, and not placed yet, in `name`. */
      const place = (name: string, starts: readonly string[]) => {
        const stack = [...starts];
        for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
          if (chunks.has(next)) continue;
          const info = getModuleInfo(next);
          if (!info) continue;
          chunks.set(next, name);
          stack.push(...info.importedIds);
        }
      };
      // Rollup puts a manual chunk's static imports into it unless they have a chunk of their
      // own: the page's first screen and the notebook are named too, in this order.
      place('sidepanel', entries);
      place('open-notebook', NOTEBOOK_ROOTS.map(absolute));
      place('group', GROUP_ROOTS.map(absolute));
      return chunks;
    })();
    return chunkOf.get(id);
  };
}
