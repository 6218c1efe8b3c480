/**
 * The side panel's first script (scripts/messages-by-locale.ts bundles it on its own and puts it
 * first in the page, `async`). It starts two fetches while the main chunk is still arriving and
 * compiling:
 *
 * - The texts of the browser's language, the panel's language unless the member chose another.
 *   main.tsx asked for them only once its chunk had run and the settings were read, and that
 *   fetch held up the first render (docs/benchmarks.md, "What the profile showed: panel ready").
 *   main.tsx still loads the language the settings name; where it is this one, the browser gives
 *   it the module this script fetched.
 * - The group's code, where this panel comes back to the group it showed (open-group-memory.ts:
 *   a reload, or a side panel closed and opened again during a meeting). main.tsx asks for it
 *   once its own chunk has run, 100 to 250 ms after this script on this project's machine; the
 *   member's first screen is that group, so its code is fetched and compiled meanwhile
 *   (`modulepreload`: nothing of it runs before main.tsx imports it). A panel starting at home
 *   fetches nothing more: its first screen does not need the group's code.
 */
import { pickLocale } from '../../lib/i18n/i18n';
import { panelOpenGroupMemory, readOpenGroup } from '../../extension/open-group-memory';
import { tabIdFromPanelSearch } from '../../extension/side-panel-gate';

/**
 * Each language's chunk, by address, and the group's code's chunks: written in by the build as
 * plain strings, so that each `import()` names its file (addons-linter warns of an import of a
 * computed name).
 */
declare const KRING_TEXTS_NL: string;
declare const KRING_TEXTS_EN: string;
declare const KRING_GROUP_CODE: readonly string[];

const texts =
  pickLocale(navigator.languages) === 'nl'
    ? import(/* @vite-ignore */ KRING_TEXTS_NL)
    : import(/* @vite-ignore */ KRING_TEXTS_EN);
texts.catch(() => undefined);

void readOpenGroup(panelOpenGroupMemory(tabIdFromPanelSearch(location.search))).then((groupId) => {
  if (groupId === null) return;
  for (const href of KRING_GROUP_CODE) {
    // As Vite's own preload of a lazy chunk's imports: the same request, so that main.tsx's
    // import() finds the module already fetched (and Vite adds no second link).
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.as = 'script';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
});
