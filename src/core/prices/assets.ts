/**
 * Which price belongs to which asset: the native coin of a mainnet and the bundled well-known
 * tokens have a price id; testnets, local and custom networks and unlisted tokens have none
 * (a testnet coin has no fiat value, and an unknown token must not borrow a known one's price).
 */
import { findWellKnown, WELL_KNOWN_TOKENS } from '../tokens/wellKnown';

/** Native coin price ids per chain selector id (CoinGecko ids). */
export const NATIVE_PRICE_IDS: Readonly<Record<string, { symbol: string; priceId: string }>> = {
  'evm:1': { symbol: 'ETH', priceId: 'ethereum' },
  'evm:56': { symbol: 'BNB', priceId: 'binancecoin' },
  'evm:137': { symbol: 'POL', priceId: 'polygon-ecosystem-token' },
  'evm:42161': { symbol: 'ETH', priceId: 'ethereum' },
  'evm:10': { symbol: 'ETH', priceId: 'ethereum' },
  'evm:8453': { symbol: 'ETH', priceId: 'ethereum' },
  'evm:324': { symbol: 'ETH', priceId: 'ethereum' },
  'evm:59144': { symbol: 'ETH', priceId: 'ethereum' },
  'evm:43114': { symbol: 'AVAX', priceId: 'avalanche-2' },
  'evm:66': { symbol: 'OKT', priceId: 'oec-token' },
  'bitcoin:mainnet': { symbol: 'BTC', priceId: 'bitcoin' },
  'solana:mainnet-beta': { symbol: 'SOL', priceId: 'solana' },
  'tron:mainnet': { symbol: 'TRX', priceId: 'tron' },
  'aptos:mainnet': { symbol: 'APT', priceId: 'aptos' },
  'polkadot:polkadot': { symbol: 'DOT', priceId: 'polkadot' },
  'polkadot:kusama': { symbol: 'KSM', priceId: 'kusama' },
  'eos:mainnet': { symbol: 'EOS', priceId: 'eos' },
};

/**
 * The price id of an asset on a chain: `token` null is the native coin, whose symbol must be the
 * chain's own (a user's custom network that reuses chain id 1 with another symbol gets no price).
 */
export function priceIdOf(chain: string, token: string | null, symbol: string): string | null {
  if (token === null) {
    const n = NATIVE_PRICE_IDS[chain];
    return n && n.symbol === symbol ? n.priceId : null;
  }
  return findWellKnown(chain, token)?.priceId ?? null;
}

/** Every price id the wallet can show: the one request asks for all of them (it reveals no holdings). */
export const ALL_PRICE_IDS: readonly string[] = [
  ...new Set([...Object.values(NATIVE_PRICE_IDS).map((n) => n.priceId), ...Object.values(WELL_KNOWN_TOKENS).flatMap((l) => l.map((t) => t.priceId))]),
].sort();
