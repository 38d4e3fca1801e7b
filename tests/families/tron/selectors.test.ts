/**
 * The TRC-20 selector table is written as literals (no hashing at import); each literal must be
 * keccak-256 of its signature, by our functionSelector and by ethers' independent implementation.
 */
import { id } from 'ethers';
import { describe, expect, it } from 'vitest';
import { TRC20, TRC20_SELECTORS, functionSelector } from '../../../src/families/tron/core/abi.ts';

describe('TRC-20 selector literals', () => {
  it('cover every TRC20 signature exactly once', () => {
    expect(Object.values(TRC20_SELECTORS).sort()).toEqual(Object.keys(TRC20).sort());
  });
  it.each(Object.entries(TRC20_SELECTORS))('%s is the selector of its signature', (selector, method) => {
    const signature = TRC20[method];
    expect(functionSelector(signature)).toBe(selector);
    expect(id(signature).slice(2, 10)).toBe(selector);
  });
});
