import { createContext, useContext, useEffect, useMemo, useReducer, useState } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '../../lib/i18n/i18n';
import { fillText } from '../../lib/i18n/locale-table';
import type { LocaleTable } from '../../lib/i18n/locale-table';
import { loadMessages, messagesFor } from '../../lib/i18n/load-messages';
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

function valueFor(locale: Locale, table: LocaleTable): I18nValue {
  return { locale, t: (key, ...[values]) => fillText(locale, table[key], key, values ?? {}) };
}

const I18nContext = createContext<I18nValue>(valueFor('en', messagesFor('en') ?? {}));

/**
 * Provides the panel's language to every component below it. The texts of one language are a
 * chunk of their own in the build (lib/i18n/load-messages.ts; the entrypoint loads the first one
 * before it renders): after a switch, the former language stays until the new one is here.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const table = messagesFor(locale);
  const [shown, setShown] = useState(table ? { locale, table } : null);
  // Adjusted while rendering (React's pattern for state that follows a prop): no extra commit.
  if (table && (shown?.locale !== locale || shown.table !== table)) setShown({ locale, table });
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (table) return undefined;
    let live = true;
    loadMessages(locale).then(
      () => live && loaded(),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [locale, table]);
  const value = useMemo(() => shown && valueFor(shown.locale, shown.table), [shown]);
  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}

/** The current language and its translate function. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
