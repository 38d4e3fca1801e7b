/**
 * Every UI string exists in all three locales, is non-empty and keeps the same placeholders. A locale is
 * the shared dictionary merged with every family's part (src/families/<f>/ui/messages*.ts), as the pages see it.
 */
import { describe, expect, it, vi } from 'vitest';
import { messagesOf, pickLocale, translate } from '../../src/ui/i18n';
import { en as sharedEn } from '../../src/ui/i18n/en';
import { zhCN as sharedZhCN } from '../../src/ui/i18n/zh-CN';
import { zhTW as sharedZhTW } from '../../src/ui/i18n/zh-TW';
import { FAMILY_MESSAGES } from '../../src/families/messages';
import { FAMILIES, type Family } from '../../src/families/ids';
import type { FamilyMessages } from '../../src/families/types';

const en = await messagesOf('en');
const LOCALES = { en, 'zh-CN': await messagesOf('zh-CN'), 'zh-TW': await messagesOf('zh-TW') };
/**
 * Strings that are the same in English and Chinese on purpose: proper names, and the families' on-chain
 * identifiers shown as the chain names them (EOS resources and its `owner` permission, Polkadot's nonce).
 */
const SAME_IN_CHINESE = ['family_solana', 'family_aptos', 'family_kusama', 'family_eos', 'polkadot_nonce', 'eos_permissionOwner', 'detail_eosCpu', 'detail_eosNet', 'detail_eosRam'];

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
  it('each string is defined once: in the shared dictionary or in one family, with the same keys in every locale', async () => {
    const owners = new Map<string, string>(Object.keys(sharedEn).map((k) => [k, 'shared']));
    expect(Object.keys(sharedZhCN).sort()).toEqual(Object.keys(sharedEn).sort());
    expect(Object.keys(sharedZhTW).sort()).toEqual(Object.keys(sharedEn).sort());
    let familyKeys = 0;
    for (const family of FAMILIES) {
      const part = (FAMILY_MESSAGES as Partial<Record<Family, FamilyMessages>>)[family];
      if (!part) continue;
      const keys = Object.keys(part.en).sort();
      familyKeys += keys.length;
      for (const k of keys) {
        expect(owners.get(k), `${family}: ${k} is also defined by`).toBeUndefined();
        owners.set(k, family);
      }
      expect(Object.keys(await part['zh-CN']()).sort(), `${family} zh-CN`).toEqual(keys);
      expect(Object.keys(await part['zh-TW']()).sort(), `${family} zh-TW`).toEqual(keys);
    }
    // Every family but a new one without strings has its own part, and the merged dictionary holds them all.
    expect(familyKeys).toBeGreaterThan(200);
    expect(Object.keys(en).length).toBe(Object.keys(sharedEn).length + familyKeys);
  });
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
    // Before its chunk is loaded a locale falls back to English, never to a key or a blank (a fresh copy
    // of the module: this file's own copy has loaded every locale above).
    vi.resetModules();
    const fresh = await import('../../src/ui/i18n');
    expect(fresh.isLocaleLoaded('zh-TW')).toBe(false);
    expect(fresh.translate('zh-TW', 'err_THROTTLED', { s: 4 })).toBe(translate('en', 'err_THROTTLED', { s: 4 }));
    expect(fresh.translate('zh-TW', 'err_INSUFFICIENT_TRX', { need: 1 })).toBe(translate('en', 'err_INSUFFICIENT_TRX', { need: 1 }));
    await fresh.loadLocale('zh-CN');
    expect(fresh.translate('zh-CN', 'err_THROTTLED', { s: 4 })).toBe('尝试次数过多，请在 4 秒后重试。');
    // A family's Chinese part comes with the shared dictionary.
    expect(fresh.translate('zh-CN', 'err_INSUFFICIENT_TRX', { need: 1 })).toBe('TRX 余额不足以完成此转账。');
  });
});

describe('risk warnings are translated', () => {
  it('every warning code the core can emit has a message', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const codes = new Set<string>();
    // The shared core and every family's core (its warnings are in its own strings or the shared ones).
    for (const f of ['src/core', ...FAMILIES.map((f) => `src/families/${f}/core`)].flatMap(walk).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/code: '([A-Z_]+)',\s*severity/g)) codes.add(m[1]!);
      for (const block of src.matchAll(/export type (?:RiskCode|SiweCode)\s*=([^;]+);/g)) for (const m of block[1]!.matchAll(/'([A-Z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(15);
    for (const c of codes) expect(Object.keys(en), c).toContain(`risk_${c}`);
  });
});
