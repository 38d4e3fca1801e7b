/** Locale choice and message lookup for the extension pages. */
import { en, type Dictionary, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export type Locale = 'en' | 'zh-CN' | 'zh-TW';
export const LOCALES: Record<Locale, Dictionary> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
export type { MessageKey };

/** Maps a browser language tag to one of ours: zh-TW/zh-HK/zh-Hant → 繁體, other zh → 简体. */
export function pickLocale(tag: string | undefined): Locale {
  const t = (tag ?? 'en').toLowerCase();
  if (t.startsWith('zh')) return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  return 'en';
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  // An unknown key (a new risk code) shows the key itself rather than breaking the screen.
  const text: string = LOCALES[locale][key] ?? en[key] ?? String(key);
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : text;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
