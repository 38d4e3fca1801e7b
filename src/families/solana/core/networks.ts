/**
 * Solana clusters: the built-in mainnet-beta, devnet, testnet and localnet with their Wallet
 * Standard chain ids, user-defined RPC endpoints for a cluster, the mapping wallet-adapter applies
 * from an RPC URL to a chain, and the genesis hashes that tell which cluster an RPC really serves.
 */
import { SolanaWalletError } from './errors.ts';

export type SolanaCluster = 'mainnet-beta' | 'devnet' | 'testnet' | 'localnet';
export type SolanaChain = 'solana:mainnet' | 'solana:devnet' | 'solana:testnet' | 'solana:localnet';

export const SOLANA_CHAINS: readonly SolanaChain[] = ['solana:mainnet', 'solana:devnet', 'solana:testnet', 'solana:localnet'];

export interface SolanaNetwork {
  /** Stable id: the cluster name for built-ins, `custom:<n>` style ids chosen by the caller otherwise. */
  id: string;
  cluster: SolanaCluster;
  chain: SolanaChain;
  name: string;
  rpcUrl: string;
  /** Base58 genesis hash when fixed (not for localnet: every local validator has its own). */
  genesisHash?: string;
  /** Explorer `?cluster=` parameter; undefined for mainnet. */
  explorerCluster?: string;
  testnet: boolean;
  custom: boolean;
}

export const LOCALNET_RPC_URL = 'http://127.0.0.1:8899';

export const SOLANA_GENESIS_HASHES: Readonly<Record<Exclude<SolanaCluster, 'localnet'>, string>> = {
  'mainnet-beta': '5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d',
  devnet: 'EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG',
  testnet: '4uhcVJyU9pJkvQyS88uRDiswHXSCkY3zQawwpjk2NsNY',
};

const CHAIN_OF: Readonly<Record<SolanaCluster, SolanaChain>> = {
  'mainnet-beta': 'solana:mainnet',
  devnet: 'solana:devnet',
  testnet: 'solana:testnet',
  localnet: 'solana:localnet',
};

export const BUILTIN_SOLANA_NETWORKS: readonly SolanaNetwork[] = Object.freeze([
  { id: 'mainnet-beta', cluster: 'mainnet-beta', chain: 'solana:mainnet', name: 'Solana Mainnet', rpcUrl: 'https://api.mainnet-beta.solana.com', genesisHash: SOLANA_GENESIS_HASHES['mainnet-beta'], testnet: false, custom: false },
  { id: 'devnet', cluster: 'devnet', chain: 'solana:devnet', name: 'Solana Devnet', rpcUrl: 'https://api.devnet.solana.com', genesisHash: SOLANA_GENESIS_HASHES.devnet, explorerCluster: 'devnet', testnet: true, custom: false },
  { id: 'testnet', cluster: 'testnet', chain: 'solana:testnet', name: 'Solana Testnet', rpcUrl: 'https://api.testnet.solana.com', genesisHash: SOLANA_GENESIS_HASHES.testnet, explorerCluster: 'testnet', testnet: true, custom: false },
  { id: 'localnet', cluster: 'localnet', chain: 'solana:localnet', name: 'Solana Localnet', rpcUrl: LOCALNET_RPC_URL, explorerCluster: 'custom', testnet: true, custom: false },
] satisfies SolanaNetwork[]).map((n) => Object.freeze(n));

export function isSolanaChain(value: unknown): value is SolanaChain {
  return typeof value === 'string' && (SOLANA_CHAINS as readonly string[]).includes(value);
}

export function chainOfCluster(cluster: SolanaCluster): SolanaChain {
  return CHAIN_OF[cluster];
}

/** The built-in network of a chain id (`solana:devnet`) or cluster name (`devnet`). */
export function getSolanaNetwork(chainOrCluster: string): SolanaNetwork | undefined {
  return BUILTIN_SOLANA_NETWORKS.find((n) => n.chain === chainOrCluster || n.cluster === chainOrCluster);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * A user-entered RPC endpoint for `cluster`. https only, except plain http on loopback (local
 * validators); no credentials in the URL. Call checkRpcGenesis before trusting the cluster claim.
 */
export function customSolanaNetwork(input: { id: string; rpcUrl: string; cluster: SolanaCluster; name?: string }): SolanaNetwork {
  let url: URL;
  try {
    url = new URL(input.rpcUrl.trim());
  } catch {
    throw new SolanaWalletError('INVALID_NETWORK', 'The RPC URL is not a valid URL');
  }
  if (url.username !== '' || url.password !== '') throw new SolanaWalletError('INVALID_NETWORK', 'RPC URLs with credentials are not accepted');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new SolanaWalletError('INVALID_NETWORK', 'The RPC URL must use https (plain http only for localhost)');
  }
  const builtin = getSolanaNetwork(input.cluster);
  return Object.freeze({
    id: input.id,
    cluster: input.cluster,
    chain: CHAIN_OF[input.cluster],
    name: input.name?.trim() || `${builtin?.name ?? 'Solana'} (custom RPC)`,
    rpcUrl: url.href,
    ...(input.cluster !== 'localnet' ? { genesisHash: SOLANA_GENESIS_HASHES[input.cluster] } : {}),
    ...(builtin?.explorerCluster !== undefined ? { explorerCluster: builtin.explorerCluster } : {}),
    testnet: input.cluster !== 'mainnet-beta',
    custom: true,
  });
}

/**
 * The chain @solana/wallet-adapter's StandardWalletAdapter infers from a dApp's RPC endpoint:
 * devnet/testnet/localhost by substring, anything else mainnet.
 */
export function chainForRpcEndpoint(endpoint: string): SolanaChain {
  if (endpoint.includes('https://api.mainnet-beta.solana.com')) return 'solana:mainnet';
  if (/\bdevnet\b/i.test(endpoint)) return 'solana:devnet';
  if (/\btestnet\b/i.test(endpoint)) return 'solana:testnet';
  if (/\blocalhost\b/i.test(endpoint) || /\b127\.0\.0\.1\b/.test(endpoint)) return 'solana:localnet';
  return 'solana:mainnet';
}

export type GenesisCheck = { ok: true } | { ok: false; expected: string; actual: string };

/** Compares an RPC's getGenesisHash answer with the cluster it claims (localnet always passes). */
export function checkGenesisHash(network: SolanaNetwork, genesisHash: string): GenesisCheck {
  if (network.genesisHash === undefined || network.genesisHash === genesisHash) return { ok: true };
  return { ok: false, expected: network.genesisHash, actual: genesisHash };
}

/** Solana Explorer link for a transaction signature or an address. */
export function solanaExplorerUrl(network: SolanaNetwork, kind: 'tx' | 'address', value: string): string {
  const base = `https://explorer.solana.com/${kind}/${encodeURIComponent(value)}`;
  if (network.explorerCluster === undefined) return base;
  if (network.explorerCluster === 'custom') return `${base}?cluster=custom&customUrl=${encodeURIComponent(network.rpcUrl)}`;
  return `${base}?cluster=${network.explorerCluster}`;
}
