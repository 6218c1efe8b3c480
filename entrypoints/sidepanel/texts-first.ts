/**
 * The side panel's first script (scripts/messages-by-locale.ts bundles it on its own and puts it
 * first in the page, `async`): it asks for the texts of the browser's language, the panel's
 * language unless the member chose another, while the main chunk is still arriving and
 * compiling. main.tsx asked for them only once its chunk had run and the settings were read, and
 * that fetch held up the first render (docs/benchmarks.md, "What the profile showed: panel
 * ready"). main.tsx still loads the language the settings name; where it is this one, the
 * browser gives it the module this script fetched.
 */
import { pickLocale } from '../../lib/i18n/i18n';

/**
 * Each language's chunk, by address: written in by the build as plain strings, so that each
 * `import()` names its file (addons-linter warns of an import of a computed name).
 */
declare const KRING_TEXTS_NL: string;
declare const KRING_TEXTS_EN: string;

const texts =
  pickLocale(navigator.languages) === 'nl'
    ? import(/* @vite-ignore */ KRING_TEXTS_NL)
    : import(/* @vite-ignore */ KRING_TEXTS_EN);
texts.catch(() => undefined);
