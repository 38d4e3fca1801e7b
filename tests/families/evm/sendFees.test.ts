/**
 * The EVM send's fee edits arrive from the review screen as the send's `extra` (gas units and wei
 * per gas, decimal strings): whole numbers are taken as they are, blanks keep the estimate, and
 * anything else is refused with a clear error naming the field before anything is prepared.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing')).fakeBrowser }));

const { feeOverrides } = await import('../../../src/families/evm/background/send');

describe('EVM send: fee edits from the review screen', () => {
  it('takes gas and fees per gas as whole numbers; blanks and absent keys keep the estimate', () => {
    expect(feeOverrides({ gas: '42000', maxFeePerGas: '3000000000', maxPriorityFeePerGas: '1000000000', gasPrice: '' })).toEqual({ gas: 42000n, maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n });
    expect(feeOverrides({ gasPrice: '2000000000' })).toEqual({ gasPrice: 2_000_000_000n });
    expect(feeOverrides(undefined)).toEqual({});
    expect(feeOverrides({ memo: 'ignored' })).toEqual({});
  });

  it.each([
    [{ gas: '21000.5' }, /Gas limit must be a whole number/],
    [{ gas: '-1' }, /Gas limit must be a whole number/],
    [{ maxFeePerGas: '1e9' }, /Max fee must be a whole number/],
    [{ maxPriorityFeePerGas: true }, /Priority fee must be a whole number/],
    [{ gasPrice: '1'.repeat(41) }, /Gas price must be a whole number/],
  ])('refuses %j', (extra, message) => {
    expect(() => feeOverrides(extra)).toThrow(message);
    try {
      feeOverrides(extra);
    } catch (err) {
      expect((err as { code?: string }).code).toBe('INVALID_FEE');
    }
  });
});
