/** The approval window's fee in fiat reads the EVM display's chain and fee (as describeTx writes them). */
import { describe, expect, it } from 'vitest';
import { approvalFeeAsset } from '../../src/ui/approval/feeFiat';
import { assetFiat, formatFiat, totalFiat } from '../../src/ui/prices/fiat';
import type { PricesView } from '../../src/protocol/ui';

const prices: PricesView = { enabled: true, currency: 'USD', prices: { ethereum: '3456.78', 'usd-coin': '0.9999', tether: '1.0001' }, updatedAt: 1 };

describe('fee and asset fiat values', () => {
  it('reads an EVM approval fee with its chain', () => {
    expect(approvalFeeAsset({ network: 'Base (chain 8453)' }, '0.000042 ETH')).toEqual({ chain: 'evm:8453', asset: { token: null, symbol: 'ETH', formatted: '0.000042' } });
    // Other families' displays name the network without a chain id: no price is guessed.
    expect(approvalFeeAsset({ network: 'Base' }, '0.000042 ETH')).toBeNull();
    expect(approvalFeeAsset({ network: 'Solana Mainnet' }, '0.000005 SOL')).toBeNull();
    expect(approvalFeeAsset({ network: 'Base (chain 8453)' }, { amount: 1 })).toBeNull();
  });

  it('values assets with a price only, exactly', () => {
    expect(assetFiat(prices, 'evm:1', { token: null, symbol: 'ETH', formatted: '0.1' })).toBe('345.678');
    expect(assetFiat(prices, 'evm:31337', { token: null, symbol: 'ETH', formatted: '1' })).toBeNull();
    expect(assetFiat({ ...prices, enabled: false }, 'evm:1', { token: null, symbol: 'ETH', formatted: '1' })).toBeNull();
    expect(assetFiat(prices, 'evm:1', { token: null, symbol: 'ETH', formatted: null })).toBeNull();
    const assets = [
      { token: null, symbol: 'ETH', formatted: '0.1' },
      { token: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', formatted: '12.5' },
      { token: '0x0000000000000000000000000000000000000bad', symbol: 'USDT', formatted: '1000000' },
    ];
    // 345.678 + 12.49875; the unlisted "USDT" adds nothing.
    expect(totalFiat(prices, 'evm:1', assets)).toBe('358.17675');
    expect(totalFiat(prices, 'evm:5', assets)).toBeNull();
  });

  it('formats in the UI locale and currency, from the exact decimal', () => {
    expect(formatFiat('358.17675', 'USD', 'en')).toBe('$358.18');
    expect(formatFiat('1234567.125', 'USD', 'en')).toBe('$1,234,567.13'); // half-expand on the exact text
    expect(formatFiat('0.004', 'USD', 'en')).toBe('< $0.01');
    expect(formatFiat('0.005', 'USD', 'en')).toBe('$0.01');
    expect(formatFiat('0', 'USD', 'en')).toBe('$0.00');
    expect(formatFiat('8901.2', 'CNY', 'zh-CN')).toBe('¥8,901.20');
    expect(formatFiat('1234.5', 'TWD', 'zh-TW')).toMatch(/^\$1,234\.50$/);
    expect(formatFiat('0.4', 'JPY', 'en')).toBe('< ¥1');
    // As a double this would be 123456789012345680: the exact text rounds correctly.
    expect(formatFiat('123456789012345678.995', 'USD', 'en')).toBe('$123,456,789,012,345,679.00');
  });
});
