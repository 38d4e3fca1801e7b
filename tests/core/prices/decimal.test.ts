/** Exact fiat arithmetic, cross-checked with bignumber.js (an independent decimal library). */
import { describe, expect, it } from 'vitest';
import BigNumber from 'bignumber.js';
import { fiatValue, numberToDecimal, parseDecimal, sumDecimals } from '../../../src/core/prices/decimal';

describe('exact decimal arithmetic for fiat', () => {
  it('multiplies without float drift where floats drift', () => {
    expect(0.1 * 3).not.toBe(0.3); // the float result this module avoids
    expect(fiatValue('0.1', '3')).toBe('0.3');
    expect(fiatValue('1.005', '1000')).toBe('1005');
    expect(fiatValue('0.000000000000000001', '3456.78')).toBe('0.00000000000000345678');
    expect(fiatValue('123456789.123456789123456789', '0.99985')).toBe('123438270.60508827060508827048165');
  });

  it('sums exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals([])).toBe('0');
    expect(sumDecimals(['1', 'x'])).toBeNull();
  });

  it('refuses what is not a plain non-negative decimal', () => {
    for (const bad of ['', '-1', '1e5', '1.', '.5', ' 1', '1,5', 'NaN', '0x10']) expect(parseDecimal(bad), bad).toBeNull();
    expect(fiatValue('abc', '1')).toBeNull();
  });

  it('agrees with bignumber.js on products and sums of many values', () => {
    BigNumber.config({ DECIMAL_PLACES: 80, EXPONENTIAL_AT: 1e9 });
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    const dec = (): string => `${rnd() % 100000}.${String(rnd()).padStart(10, '0').slice(0, (rnd() % 18) + 1)}`;
    const values: string[] = [];
    for (let i = 0; i < 500; i++) {
      const a = dec();
      const p = dec();
      const ours = fiatValue(a, p)!;
      expect(ours).toBe(new BigNumber(a).times(p).toFixed());
      values.push(ours);
    }
    expect(sumDecimals(values)).toBe(values.reduce((s, v) => s.plus(v), new BigNumber(0)).toFixed());
  });

  it('turns the API’s JSON numbers back into the decimals it sent', () => {
    const sent = ['97123.45', '0.99985', '3456.7801234', '0.000001234', '1e-7', '2.5e+3', '0'];
    const got = sent.map((s) => numberToDecimal(JSON.parse(s)));
    expect(got).toEqual(['97123.45', '0.99985', '3456.7801234', '0.000001234', '0.0000001', '2500', '0']);
    for (const bad of [-1, Infinity, NaN, '12', null, 1e19]) expect(numberToDecimal(bad)).toBeNull();
  });
});
