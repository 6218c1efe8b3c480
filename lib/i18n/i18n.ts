/** The two languages the panel speaks. */
export type Locale = 'nl' | 'en';

/** All locales, Dutch first: most groups are Dutch or Flemish. */
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** A text in both languages. */
export interface Localized {
  readonly nl: string;
  readonly en: string;
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
