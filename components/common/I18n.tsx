import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '../../lib/i18n/i18n';
import { translate } from '../../lib/i18n/messages';
import type { MessageKey, ValuesFor } from '../../lib/i18n/messages';

/**
 * Translates a message key in the panel's current language; a message about a number takes its
 * `count` and picks the wording by the language's plural rules.
 */
export type Translate = <K extends MessageKey>(key: K, ...values: ValuesFor<K>) => string;

interface I18nValue {
  readonly locale: Locale;
  readonly t: Translate;
}

const I18nContext = createContext<I18nValue>({
  locale: 'en',
  t: (key, ...values) => translate('en', key, ...values),
});

/** Provides the panel's language to every component below it. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18nValue>(
    () => ({ locale, t: (key, ...values) => translate(locale, key, ...values) }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translate function. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
