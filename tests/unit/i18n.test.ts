/** Every UI string exists in all three locales, is non-empty and keeps the same placeholders. */
import { describe, expect, it } from 'vitest';
import { loadLocale, pickLocale, translate } from '../../src/ui/i18n';
import { en } from '../../src/ui/i18n/en';
import { zhCN } from '../../src/ui/i18n/zh-CN';
import { zhTW } from '../../src/ui/i18n/zh-TW';

const LOCALES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
/** Strings that are the same in English and Chinese on purpose: proper names only. */
const SAME_IN_CHINESE = ['family_solana', 'family_aptos', 'family_kusama', 'family_eos'];

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('i18n', () => {
  for (const [locale, dict] of Object.entries(LOCALES)) {
    it(`${locale} has every key, translated, with the same placeholders`, () => {
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(dict)) {
        expect(v.trim().length, `${locale}.${k}`).toBeGreaterThan(0);
        expect(placeholders(v), `${locale}.${k}`).toEqual(placeholders(en[k as keyof typeof en]));
      }
    });
  }
  it('Chinese locales are really translated (not copies of English), except the allow-listed names', () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      const same = Object.keys(en).filter((k) => LOCALES[locale][k as keyof typeof en] === en[k as keyof typeof en]);
      expect(same, locale).toEqual(SAME_IN_CHINESE.filter((k) => same.includes(k)));
      expect(same.filter((k) => !SAME_IN_CHINESE.includes(k)), `${locale}: identical to English and not allow-listed`).toEqual([]);
    }
  });
  it('picks the locale from the browser language; a Chinese dictionary is used once loaded', async () => {
    const picks: Array<[browserLanguage: string, locale: string]> = [
      ['zh-CN', 'zh-CN'],
      ['zh', 'zh-CN'],
      ['zh-TW', 'zh-TW'],
      ['zh-HK', 'zh-TW'],
      ['zh-Hant-TW', 'zh-TW'],
      ['fr-FR', 'en'],
    ];
    for (const [language, locale] of picks) expect(pickLocale(language), language).toBe(locale);
    // Before its chunk is loaded a locale falls back to English, never to a key or a blank.
    expect(translate('zh-TW', 'err_THROTTLED', { s: 4 })).toBe(translate('en', 'err_THROTTLED', { s: 4 }));
    await loadLocale('zh-CN');
    expect(translate('zh-CN', 'err_THROTTLED', { s: 4 })).toBe('尝试次数过多，请在 4 秒后重试。');
  });
});

describe('risk warnings are translated', () => {
  it('every warning code the core can emit has a message', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const codes = new Set<string>();
    // The shared core and Solana's (moved to its family folder; its warnings are in the shared dictionaries).
    for (const f of ['src/core', 'src/families/solana/core'].flatMap(walk).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/code: '([A-Z_]+)',\s*severity/g)) codes.add(m[1]!);
      for (const block of src.matchAll(/export type (?:RiskCode|SiweCode)\s*=([^;]+);/g)) for (const m of block[1]!.matchAll(/'([A-Z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(15);
    for (const c of codes) expect(Object.keys(en), c).toContain(`risk_${c}`);
  });
});
