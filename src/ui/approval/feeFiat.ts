/**
 * What an approval's fee is worth: the EVM transaction display names its chain as
 * "Ethereum (chain 1)" and its fee as "0.00042 ETH" (src/background/evm/describeTx.ts), which is
 * all a price needs; only the EVM display names a chain so. Other families' approvals show their
 * fee without a fiat value for now.
 */
import type { PricedAsset } from '../prices/fiat';

export function approvalFeeAsset(display: Record<string, unknown>, fee: unknown): { chain: string; asset: PricedAsset } | null {
  if (typeof fee !== 'string' || typeof display.network !== 'string') return null;
  const chain = /\(chain (\d{1,12})\)$/.exec(display.network);
  const amount = /^(\d+(?:\.\d+)?) ([A-Za-z0-9.$_-]{1,11})$/.exec(fee);
  if (!chain || !amount) return null;
  return { chain: `evm:${chain[1]}`, asset: { token: null, symbol: amount[2]!, formatted: amount[1]! } };
}
