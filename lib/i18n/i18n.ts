/** The two languages the panel speaks. */
export type Locale = 'nl' | 'en';

/** All locales, Dutch first: most groups are Dutch or Flemish. */
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** A text in both languages. */
export interface Localized {
  readonly nl: string;
  readonly en: string;
}

/**
 * The wordings of a text about a number, by plural category. Dutch and English know only 'one'
 * and 'other'; a language with more categories would add them here.
 */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

/** A text about a number, in both languages: the number picks the wording. */
export interface LocalizedPlural {
  readonly nl: PluralForms;
  readonly en: PluralForms;
}

/** One entry of a message table: a plain text, or a text about a number. */
export type Message = Localized | LocalizedPlural;

const PLURAL_RULES: Readonly<Record<Locale, Intl.PluralRules>> = {
  nl: new Intl.PluralRules('nl'),
  en: new Intl.PluralRules('en'),
};

/** The wording for `count` by the language's plural rules ('1 vraag', '0 vragen', '2 vragen'). */
export function pluralForm(locale: Locale, forms: PluralForms, count: number): string {
  return PLURAL_RULES[locale].select(count) === 'one' ? forms.one : forms.other;
}

/** Picks the panel's language from the browser's preferences: Dutch for nl-*, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'nl' || lower.startsWith('nl-')) return 'nl';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** Checks that a value is one of the locales. */
export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}
