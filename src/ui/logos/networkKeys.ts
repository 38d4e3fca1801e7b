/** Which bundled network logo a chain selector id draws (testnets draw their mainnet's logo). */
const EVM: Readonly<Record<number, string>> = {
  1: 'ethereum', 11155111: 'ethereum', 31337: 'ethereum',
  56: 'bsc', 97: 'bsc',
  137: 'polygon', 80002: 'polygon',
  42161: 'arbitrum', 421614: 'arbitrum',
  10: 'optimism', 11155420: 'optimism',
  8453: 'base', 84532: 'base',
  324: 'zksync', 300: 'zksync',
  59144: 'linea', 59141: 'linea',
  43114: 'avalanche', 43113: 'avalanche',
  66: 'oktc', 65: 'oktc',
};

/** Families whose every network draws the family's own mark (its key in logoSvgs.ts is the family id). */
const FAMILY_MARKS: Readonly<Record<string, true>> = { bitcoin: true, solana: true, tron: true, aptos: true, polkadot: true, eos: true };

export function networkLogoKey(chain: string): string | null {
  const i = chain.indexOf(':');
  const family = chain.slice(0, i);
  if (chain.startsWith('evm:')) return EVM[Number(chain.slice(i + 1))] ?? null;
  // Kusama is not Polkadot: it draws its coin (networkTokenLogo).
  if (chain === 'polkadot:kusama') return null;
  return FAMILY_MARKS[family] ? family : null;
}

/** Kusama has no network mark in the set: its coin's logo stands in. */
export function networkTokenLogo(chain: string): string | null {
  return chain === 'polkadot:kusama' ? 'KSM' : null;
}
