/**
 * Which price belongs to which asset: the native coin of a mainnet and the bundled well-known
 * tokens have a price id; testnets, local and custom networks and unlisted tokens have none
 * (a testnet coin has no fiat value, and an unknown token must not borrow a known one's price).
 */
import { findWellKnown, WELL_KNOWN_TOKENS } from '../tokens/wellKnown';

/** Native coins by price id (CoinGecko ids): their symbol and the mainnets whose native coin they are. */
const NATIVE_COINS: Readonly<Record<string, { symbol: string; chains: readonly string[] }>> = {
  ethereum: { symbol: 'ETH', chains: ['evm:1', 'evm:42161', 'evm:10', 'evm:8453', 'evm:324', 'evm:59144'] },
  binancecoin: { symbol: 'BNB', chains: ['evm:56'] },
  'polygon-ecosystem-token': { symbol: 'POL', chains: ['evm:137'] },
  'avalanche-2': { symbol: 'AVAX', chains: ['evm:43114'] },
  'oec-token': { symbol: 'OKT', chains: ['evm:66'] },
  bitcoin: { symbol: 'BTC', chains: ['bitcoin:mainnet'] },
  solana: { symbol: 'SOL', chains: ['solana:mainnet-beta'] },
  tron: { symbol: 'TRX', chains: ['tron:mainnet'] },
  aptos: { symbol: 'APT', chains: ['aptos:mainnet'] },
  polkadot: { symbol: 'DOT', chains: ['polkadot:polkadot'] },
  kusama: { symbol: 'KSM', chains: ['polkadot:kusama'] },
  eos: { symbol: 'EOS', chains: ['eos:mainnet'] },
};

/** Native coin price ids per chain selector id ('evm:1' → ETH / ethereum). */
export const NATIVE_PRICE_IDS: Readonly<Record<string, { symbol: string; priceId: string }>> = Object.fromEntries(
  Object.entries(NATIVE_COINS).flatMap(([priceId, c]) => c.chains.map((chain) => [chain, { symbol: c.symbol, priceId }])),
);

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
