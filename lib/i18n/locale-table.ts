import { pluralForm } from './i18n';
import type { Locale, Message, PluralForms } from './i18n';

/** Every text of one language by key: what the panel loads (only its own language). */
export type LocaleTable = Readonly<Record<string, string | PluralForms>>;

/** One language's column of a message table. */
export function tableOf(messages: Readonly<Record<string, Message>>, locale: Locale): LocaleTable {
  return Object.fromEntries(
    Object.entries(messages).map(([key, message]) => [key, message[locale]]),
  );
}

/**
 * Fills a text's `{placeholders}`; for a text about a number, `count` picks the wording by the
 * language's plural rules. A text that is missing shows its key (a visible bug, not a crash).
 */
export function fillText(
  locale: Locale,
  text: string | PluralForms | undefined,
  key: string,
  values: Readonly<Record<string, string | number>>,
): string {
  if (text === undefined) return key;
  const wording =
    typeof text === 'string' ? text : pluralForm(locale, text, Number(values['count']));
  return wording.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
