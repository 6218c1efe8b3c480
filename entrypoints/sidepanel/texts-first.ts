/**
 * The side panel's first script (scripts/messages-by-locale.ts bundles it on its own and puts it
 * first in the page, `async`). It asks for the group's code when the panel goes back to a group
 * (below), and for the texts of the browser's language, the panel's
 * language unless the member chose another, while the main chunk is still arriving and
 * compiling. main.tsx asked for them only once its chunk had run and the settings were read, and
 * that fetch held up the first render (docs/benchmarks.md, "What the profile showed: panel
 * ready"). main.tsx still loads the language the settings name; where it is this one, the
 * browser gives it the module this script fetched.
 */
import { panelOpenGroupMemory, readOpenGroup } from '../../extension/open-group-memory';
import { tabIdFromPanelSearch } from '../../extension/side-panel-gate';
import { pickLocale } from '../../lib/i18n/i18n';

/**
 * Each language's chunk, by address: written in by the build as plain strings, so that each
 * `import()` names its file (addons-linter warns of an import of a computed name).
 */
declare const KRING_TEXTS_NL: string;
declare const KRING_TEXTS_EN: string;
/** The group's chunk (scripts/group-chunk.ts), written in the same way; '' where there is none. */
declare const KRING_GROUP_CODE: string;

const texts =
  pickLocale(navigator.languages) === 'nl'
    ? import(/* @vite-ignore */ KRING_TEXTS_NL)
    : import(/* @vite-ignore */ KRING_TEXTS_EN);
texts.catch(() => undefined);

// A panel going back to the group it showed (a reload, a panel opened again: open-group-memory.ts)
// shows that group's board first, and the board waits for the group's code, the largest chunk.
// main.tsx asks for it once its own chunk has arrived and run; asked for here, it arrives while
// that chunk compiles. A module preload fetches and compiles, and runs nothing: the group's code
// still runs when main.tsx imports it.
if (KRING_GROUP_CODE !== '') {
  void readOpenGroup(panelOpenGroupMemory(tabIdFromPanelSearch(location.search))).then(
    (groupId) => {
      if (groupId === null) return;
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = KRING_GROUP_CODE;
      link.dataset.first = 'group';
      document.head.append(link);
    },
  );
}
