/** Password policy (item 34): Coinspect's trivial list and friends are refused; long passphrases pass. */
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, checkPasswordStrength } from '../../src/core/password';

describe('checkPasswordStrength', () => {
  it.each(['', '1234', 'abc', 'Passw0!', 'short1!', '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9'])('too short: %j', (pw) => {
    expect(checkPasswordStrength(pw)).toEqual({ ok: false, score: 0, reason: 'too_short' });
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(checkPasswordStrength('🔑🔑🔑🦊🦊🦊🌙').reason).toBe('too_short'); // 7 code points, 14 units
    expect(checkPasswordStrength('🔑🌙🦊🐳🍀🎲🚀⚡').ok).toBe(true);
  });

  const TRIVIAL = [
    // Coinspect PHYS-002 / checklist item 34
    '12345678', 'password', 'qwertyui', '11111111', 'abcdefgh', 'iloveyou',
    '123456789', '1234567890', 'qwertyuiop', 'password1', 'Password123', 'P@ssw0rd', 'p@ssword!',
    'PASSWORD', 'iloveyou1', 'letmein!!', 'welcome1', 'sunshine', 'princess', 'football',
    'trustno1', 'superman', 'starwars', 'whatever', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx',
    'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'abcd1234', 'test1234', 'testtest', 'changeme',
    '00000000', '87654321', '123123123', 'metamask', 'bitcoin2024', 'Ethereum!', 'mywallet1',
    'administrator', 'computer', 'baseball', 'dragon123', 'monkey12', 'hunter22', 'passpass',
  ];
  it.each(TRIVIAL)('refuses trivial password %j', (pw) => {
    const r = checkPasswordStrength(pw);
    expect(r.ok).toBe(false);
    expect(r.score).toBe(0);
    expect(['too_common', 'repeated', 'sequential']).toContain(r.reason);
  });

  it.each(['bbbbbbbb', 'zzzzzzzzzzzz', 'abababab', 'abcabcabc', '12121212', '11112222', '!!!!!!!!!'])('repeated: %j', (pw) => {
    expect(checkPasswordStrength(pw).reason).toBe('repeated');
  });

  it.each(['bcdefghij', 'ghijklmn', '98765432', '23456789', 'poiuytrewq', 'lkjhgfdsa', 'qwertzuiop', 'hgfedcba'])(
    'sequential or keyboard run: %j',
    (pw) => {
      expect(checkPasswordStrength(pw)).toEqual({ ok: false, score: 0, reason: 'sequential' });
    },
  );

  it.each([
    'correct horse battery staple',
    'Tr0ub4dor&3-extra',
    'my cat eats 3 lemons on sundays',
    'vY7#qL9!mZ2@',
    'élan vital sous la pluie',
  ])('accepts %j', (pw) => {
    const r = checkPasswordStrength(pw);
    expect(r.ok).toBe(true);
    expect(r.reason).toBeUndefined();
    expect(r.score).toBeGreaterThanOrEqual(2);
  });

  it('scores length over composition', () => {
    const passphrase = checkPasswordStrength('correct horse battery staple');
    const shortMixed = checkPasswordStrength('kQ7#mzpw');
    const shortLower = checkPasswordStrength('kqzmfbwx');
    expect(passphrase.score).toBe(4);
    expect(shortLower.ok).toBe(true);
    expect(shortLower.score).toBe(1);
    expect(shortMixed.score).toBeGreaterThanOrEqual(shortLower.score);
    expect(shortMixed.score).toBeLessThan(passphrase.score);
  });

  it('a common word inside a longer password lowers the score', () => {
    const withWord = checkPasswordStrength('password-zqxvbn-2024');
    expect(withWord.ok).toBe(true);
    expect(withWord.score).toBeLessThan(checkPasswordStrength('glimmer-zqxvbn-2024').score);
  });

  it('checks the confirmation, after the password itself', () => {
    expect(checkPasswordStrength('correct horse battery staple', 'correct horse battery stapel')).toEqual({ ok: false, score: 0, reason: 'mismatch' });
    expect(checkPasswordStrength('correct horse battery staple', 'correct horse battery staple').ok).toBe(true);
    expect(checkPasswordStrength('caf\u00e9 au lait tous les jours', 'cafe\u0301 au lait tous les jours').ok).toBe(true);
    expect(checkPasswordStrength('short', 'other').reason).toBe('too_short');
  });

  it('returns only codes, never the password', () => {
    const r = checkPasswordStrength('password123');
    expect(JSON.stringify(r)).not.toContain('password123');
  });
});
