/**
 * The strength meter's estimator (zxcvbn-ts, lazy chunk) and its translated explanations: every
 * warning and suggestion id the library can return has our own message in en / zh-CN / zh-TW, and
 * the estimates for well-known passwords are the library's (zxcvbn's own documented examples).
 */
import { describe, expect, it } from 'vitest';
import { translations } from '@zxcvbn-ts/language-en';
import { estimate } from '../../src/ui/password/estimate';
import { en } from '../../src/ui/i18n/en';
import { zhCN } from '../../src/ui/i18n/zh-CN';
import { zhTW } from '../../src/ui/i18n/zh-TW';
import { checkPasswordStrength } from '../../src/core/password';

describe('password strength estimate', () => {
  it('grades the classic examples as zxcvbn does, with the message ids, not English', () => {
    expect(estimate('password')).toEqual({ score: 0, warning: 'topTen', suggestions: ['anotherWord'] });
    expect(estimate('abcabcabc')).toMatchObject({ score: 0, warning: 'extendedRepeat' });
    expect(estimate('Michael1990')).toMatchObject({ warning: 'similarToCommon' });
    expect(estimate('correct horse battery staple')).toEqual({ score: 4, warning: null, suggestions: [] });
  });

  it('counts the wallet and account names as guessable', () => {
    const alone = estimate('Satoshiwallet77');
    const named = estimate('Satoshiwallet77', ['Satoshiwallet']);
    expect(named.score).toBeLessThanOrEqual(alone.score);
    expect(named.warning).toBe('userInputs');
  });

  it('has a translated message for every warning and suggestion id, in all three locales', () => {
    const ids = [...Object.keys(translations.warnings).map((k) => `pwWarn_${k}`), ...Object.keys(translations.suggestions).map((k) => `pwTip_${k}`)];
    expect(ids.length).toBe(30);
    for (const dict of [en, zhCN, zhTW] as Record<string, string>[]) {
      for (const id of ids) expect(dict[id], id).toBeTruthy();
    }
    for (const id of ids) {
      expect(zhCN[id as keyof typeof zhCN]).not.toBe(en[id as keyof typeof en]);
      expect(zhTW[id as keyof typeof zhTW]).not.toBe(en[id as keyof typeof en]);
    }
  });

  it("has a message for every reason the wallet's own policy refuses a password", () => {
    const reasons = ['short1', 'password123', 'aaaaaaaaaa', 'abcdefghij'].map((p) => checkPasswordStrength(p).reason);
    expect(reasons).toEqual(['too_short', 'too_common', 'repeated', 'sequential']);
    for (const r of reasons) for (const dict of [en, zhCN, zhTW] as Record<string, string>[]) expect(dict[`pwPolicy_${r}`]).toBeTruthy();
  });
});
