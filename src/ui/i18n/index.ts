/**
 * Locale choice and message lookup for the extension pages. A locale's dictionary is the shared one
 * (./en, ./zh-CN, ./zh-TW) merged with every family's part (src/families/messages.ts, from each family's popup entry). English is bundled;
 * the Chinese dictionaries and the families' Chinese parts are separate chunks loaded before a page first
 * renders in that locale (they are a tenth of the popup's initial JavaScript otherwise).
 */
import { en as sharedEn, type SharedMessageKey } from './en';
import { FAMILY_MESSAGES, type FamilyMessageKey } from '../../families/messages';
import type { FamilyMessages } from '../../families/types';

export type Locale = 'en' | 'zh-CN' | 'zh-TW';
export type MessageKey = SharedMessageKey | FamilyMessageKey;
/** One locale's strings, shared and families' together. */
export type Messages = Readonly<Record<MessageKey, string>>;

const familyParts: readonly FamilyMessages[] = Object.values(FAMILY_MESSAGES);
const en: Messages = Object.assign({}, sharedEn, ...familyParts.map((m) => m.en)) as Messages;

const loaded: Partial<Record<Locale, Messages>> = { en };
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Readonly<Record<SharedMessageKey, string>>>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  'zh-TW': () => import('./zh-TW').then((m) => m.zhTW),
};

export function isLocaleLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads a locale's dictionary and the families' parts of it (once); English is always there. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' || loaded[locale]) return;
  const [shared, ...parts] = await Promise.all([loaders[locale](), ...familyParts.map((m) => m[locale]())]);
  loaded[locale] = Object.assign({}, shared, ...parts) as Messages;
}

/** A locale's whole dictionary (loading it first): what the completeness test compares. */
export async function messagesOf(locale: Locale): Promise<Messages> {
  await loadLocale(locale);
  return loaded[locale] ?? en;
}

/** Maps a browser language tag to one of ours: zh-TW/zh-HK/zh-Hant → 繁體, other zh → 简体. */
export function pickLocale(tag: string | undefined): Locale {
  const t = (tag ?? 'en').toLowerCase();
  if (t.startsWith('zh')) return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  return 'en';
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  // An unknown key (a new risk code) shows the key itself rather than breaking the screen.
  const text: string = (loaded[locale] ?? en)[key] ?? en[key] ?? String(key);
  return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? '')) : text;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
