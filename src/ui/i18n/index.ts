/**
 * Locale choice and message lookup for the extension pages. English is bundled; the Chinese
 * dictionaries are separate chunks loaded before a page first renders in that locale (they are
 * a tenth of the popup's initial JavaScript otherwise).
 */
import { en, type Dictionary, type MessageKey } from './en';
import { FAMILY_MESSAGES } from '../../families/messages';

export type Locale = 'en' | 'zh-CN' | 'zh-TW';
export type { MessageKey };

const loaded: Partial<Record<Locale, Dictionary>> = { en };
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Dictionary>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  'zh-TW': () => import('./zh-TW').then((m) => m.zhTW),
};

export function isLocaleLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads a locale's dictionary (once); English is always there. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || loaded[locale]) return;
  loaded[locale] = await loaders[locale]();
}

/** Maps a browser language tag to one of ours: zh-TW/zh-HK/zh-Hant → 繁體, other zh → 简体. */
export function pickLocale(tag: string | undefined): Locale {
  const t = (tag ?? 'en').toLowerCase();
  if (t.startsWith('zh')) return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  return 'en';
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  // An unknown key (a new risk code) shows the key itself rather than breaking the screen.
  const text: string = (loaded[locale] ?? en)[key] ?? familyText(locale, key) ?? en[key] ?? familyText('en', key) ?? String(key);
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : text;
}

/** A family module's own string (src/families/messages.ts), looked up after the shared dictionaries. */
function familyText(locale: Locale, key: string): string | undefined {
  for (const m of Object.values(FAMILY_MESSAGES)) {
    const dict: Readonly<Record<string, string>> | undefined = m?.[locale];
    if (dict && Object.prototype.hasOwnProperty.call(dict, key)) return dict[key];
  }
  return undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key) || familyText('en', key) !== undefined;
}
