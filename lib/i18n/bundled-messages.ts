import type { Locale } from './i18n';
import type { LocaleTable } from './locale-table';
import nl from './messages-nl';
import en from './messages-en';

/**
 * Both languages at hand without loading: for tests and Node. The extension's build replaces
 * this module by an empty set (scripts/messages-by-locale.ts), so that the panel's first chunk
 * holds no texts and the panel loads only its own language (load-messages.ts).
 */
export const BUNDLED: Partial<Record<Locale, LocaleTable>> = { nl, en };
