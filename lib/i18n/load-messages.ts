import { BUNDLED } from './bundled-messages';
import type { Locale } from './i18n';
import type { LocaleTable } from './locale-table';

const loaded: Partial<Record<Locale, LocaleTable>> = { ...BUNDLED };

/** The language's texts when they are here; undefined while they still have to be loaded. */
export function messagesFor(locale: Locale): LocaleTable | undefined {
  return loaded[locale];
}

/** Loads one language's texts (a chunk of its own in the build); once per language. */
export function loadMessages(locale: Locale): Promise<LocaleTable> {
  const have = loaded[locale];
  if (have) return Promise.resolve(have);
  const chunk = locale === 'nl' ? import('./messages-nl') : import('./messages-en');
  return chunk.then((m) => (loaded[locale] = m.default));
}
