/** React context giving every screen the active locale and a translate function. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { isLocaleLoaded, loadLocale, translate, type Locale, type MessageKey } from './index';

interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const Ctx = createContext<I18n>({ locale: 'en', t: (k, v) => translate('en', k, v) });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }): ReactNode {
  // Pages load their locale before the first render; a language changed later loads here (English meanwhile).
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!isLocaleLoaded(locale)) void loadLocale(locale).then(() => setLoaded((n) => n + 1));
  }, [locale]);
  return <Ctx.Provider value={{ locale, t: (k, v) => translate(locale, k, v) }}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  return useContext(Ctx);
}
