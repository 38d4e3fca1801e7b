/** The popup's amount helpers (no viem in the popup): exact base-unit conversion, gwei, shortening. */
import { describe, expect, it } from 'vitest';
import { parseUnits, formatUnits } from 'viem';
import { fromBaseUnits, gweiToWei, shortAddress, shortAmount, toBaseUnits, weiToGwei } from '../../src/ui/format';

describe('popup amount helpers', () => {
  it('converts whole units to base units exactly, like viem, and refuses what viem would round', () => {
    for (const [text, d] of [['1.5', 18], ['0.000001', 6], ['123', 0], ['0', 9], ['.5', 2]] as const) {
      expect(toBaseUnits(text, d)).toBe(text.startsWith('.') ? undefined : parseUnits(text, d));
    }
    expect(toBaseUnits('0.0000001', 6)).toBeUndefined();
    expect(toBaseUnits('-1', 18)).toBeUndefined();
    expect(toBaseUnits('1e18', 18)).toBeUndefined();
    expect(toBaseUnits('abc', 18)).toBeUndefined();
  });
  it('formats base units like viem formatUnits', () => {
    for (const [v, d] of [[1500000000000000000n, 18], [1n, 18], [0n, 6], [123456789n, 3], [-5n, 1], [10n ** 24n, 18]] as const) {
      expect(fromBaseUnits(v, d)).toBe(formatUnits(v, d));
    }
  });
  it('round-trips gwei', () => {
    expect(gweiToWei('1.5')).toBe('1500000000');
    expect(weiToGwei('1500000000')).toBe('1.5');
    expect(weiToGwei(undefined)).toBe('');
    expect(gweiToWei('0.0000000001')).toBeUndefined();
  });
  it('shortens long amounts and addresses for list rows, marking the cut', () => {
    expect(shortAmount('9999.999560123456789')).toBe('9999.999560…');
    expect(shortAmount('1.5')).toBe('1.5');
    expect(shortAmount(null)).toBe('—');
    expect(shortAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC')).toBe('0x3C44Cd…4293BC');
  });
});
