/**
 * Exact amount conversion for payment links, cross-checked with ethers' parseUnits/formatUnits
 * over many random values, and EIP-681 numbers in scientific notation.
 */
import { describe, expect, it } from 'vitest';
import { formatUnits, parseUnits } from 'ethers';
import { decimalToBase, formatBaseUnits, parseDecimalAmount, parseEip681Number, resolvePaymentAmount, UINT256_MAX } from '../../../src/core/payments/amount.ts';
import { codeOf } from './helpers.ts';

/** Deterministic random bigints of up to 80 digits. */
function* randomAmounts(count: number): Generator<[bigint, number]> {
  let s = 0x9e3779b9;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  for (let i = 0; i < count; i++) {
    const digits = 1 + (next() % 60);
    let text = '';
    for (let d = 0; d < digits; d++) text += String(next() % 10);
    yield [BigInt(text), next() % 31];
  }
}

describe('decimal ⇄ base units', () => {
  it('agrees with ethers on 2,000 random amounts and decimals 0–30', () => {
    for (const [base, decimals] of randomAmounts(2000)) {
      const theirs = formatUnits(base, decimals).replace(/\.0$/, '');
      expect(formatBaseUnits(base, decimals)).toBe(theirs);
      expect(decimalToBase(theirs, decimals)).toBe(parseUnits(theirs, decimals));
    }
  });

  it('canonical form: leading and trailing zeros dropped, value unchanged', () => {
    expect(parseDecimalAmount('007.50000', 8, { field: 'amount', allowBareDot: false, max: UINT256_MAX })).toEqual({ decimal: '7.5', base: 750_000_000n });
    expect(parseDecimalAmount('0.10', undefined, { field: 'amount', allowBareDot: false, max: UINT256_MAX })).toEqual({ decimal: '0.1' });
  });

  it.each([
    ['1,5', 'INVALID_AMOUNT'],
    ['1 5', 'INVALID_AMOUNT'],
    ['+1', 'INVALID_AMOUNT'],
    ['1e5', 'INVALID_AMOUNT'],
    ['0x10', 'INVALID_AMOUNT'],
    ['Infinity', 'INVALID_AMOUNT'],
    ['NaN', 'INVALID_AMOUNT'],
    ['', 'INVALID_AMOUNT'],
    ['-0.1', 'NEGATIVE_AMOUNT'],
    ['0.123', 'TOO_MANY_DECIMALS'],
    ['1000', 'AMOUNT_OVERFLOW'],
  ])('"%s" → %s (2 decimals, max 99999)', (text, code) => {
    expect(codeOf(() => parseDecimalAmount(text, 2, { field: 'amount', allowBareDot: false, max: 99_999n }))).toBe(code);
  });

  it('an unknown token decimals still bounds the size', () => {
    expect(codeOf(() => parseDecimalAmount('1'.repeat(80), undefined, { field: 'amount', allowBareDot: false, max: UINT256_MAX }))).toBe('AMOUNT_OVERFLOW');
  });

  it('resolvePaymentAmount fills the missing half and checks decimals', () => {
    expect(resolvePaymentAmount({ known: 'base', base: 1_234_500n }, 6)).toEqual({ base: 1_234_500n, decimal: '1.2345', decimals: 6 });
    expect(resolvePaymentAmount({ known: 'decimal', decimal: '1.2345' }, 4)).toEqual({ base: 12_345n, decimal: '1.2345', decimals: 4 });
    expect(resolvePaymentAmount({ known: 'both', base: 5n, decimal: '0.5', decimals: 1 }, 3)).toEqual({ base: 500n, decimal: '0.5', decimals: 3 });
    expect(codeOf(() => resolvePaymentAmount({ known: 'decimal', decimal: '1.2345' }, 3))).toBe('TOO_MANY_DECIMALS');
    expect(codeOf(() => resolvePaymentAmount({ known: 'decimal', decimal: '1' }, -1))).toBe('INVALID_PARAMETER');
    expect(codeOf(() => resolvePaymentAmount({ known: 'decimal', decimal: '1' }, 1.5))).toBe('INVALID_PARAMETER');
  });
});

describe('EIP-681 numbers', () => {
  it.each([
    ['2.014e18', 2_014_000_000_000_000_000n],
    ['2.014E18', 2_014_000_000_000_000_000n],
    ['1e18', 10n ** 18n],
    ['+1e3', 1000n],
    ['1.50e1', 15n],
    ['.5e1', 5n],
    ['00012', 12n],
    ['12e', 12n],
    ['1.000', 1n],
    ['-0', 0n],
    ['0e99999999999', 0n],
    ['3.5e20', 350_000_000_000_000_000_000n],
  ])('%s = %s', (text, value) => {
    expect(parseEip681Number(text, 'value')).toBe(value);
    // The same number written out in full by ethers (an independent parser of decimal strings).
    if (!/^[+-]/.test(text) && !/e9{5,}/.test(text)) {
      const [mant = '', exp = '0'] = text.toLowerCase().split('e');
      expect(parseUnits(mant.startsWith('.') ? `0${mant}` : mant, Number(exp || '0'))).toBe(value);
    }
  });

  it.each([
    ['1.5', 'TOO_MANY_DECIMALS'],
    ['1.23e1', 'TOO_MANY_DECIMALS'],
    ['-1', 'NEGATIVE_AMOUNT'],
    ['-1e18', 'NEGATIVE_AMOUNT'],
    ['1e-18', 'INVALID_AMOUNT'],
    ['e18', 'INVALID_AMOUNT'],
    ['.', 'INVALID_AMOUNT'],
    ['1e78', 'AMOUNT_OVERFLOW'],
    ['1e100000000000000000000', 'AMOUNT_OVERFLOW'],
    [(UINT256_MAX + 1n).toString(), 'AMOUNT_OVERFLOW'],
    ['0x1', 'INVALID_AMOUNT'],
    ['1_000', 'INVALID_AMOUNT'],
  ])('%s → %s', (text, code) => {
    expect(codeOf(() => parseEip681Number(text, 'value'))).toBe(code);
  });
});
