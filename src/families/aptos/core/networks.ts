/**
 * Aptos networks: mainnet (chain id 1), testnet (2), devnet (its chain id changes at every reset,
 * so it is read from the node) and a custom node: https anywhere, plain http only on loopback. The
 * node's GET /v1 ledger info must report the chain id the network expects before the wallet uses it.
 */
import { AptosError } from './errors.ts';

export type AptosNetworkId = 'mainnet' | 'testnet' | 'devnet' | 'custom';

export interface AptosNetwork {
  id: AptosNetworkId;
  name: string;
  /** Fixed chain id, or null when it is read from the node (devnet, custom). */
  chainId: number | null;
  /** Default REST base URL (…/v1); custom has none. */
  url: string | null;
  testnet: boolean;
}

export const APTOS_NETWORKS: readonly AptosNetwork[] = [
  { id: 'mainnet', name: 'Aptos Mainnet', chainId: 1, url: 'https://api.mainnet.aptoslabs.com/v1', testnet: false },
  { id: 'testnet', name: 'Aptos Testnet', chainId: 2, url: 'https://api.testnet.aptoslabs.com/v1', testnet: true },
  { id: 'devnet', name: 'Aptos Devnet', chainId: null, url: 'https://api.devnet.aptoslabs.com/v1', testnet: true },
  { id: 'custom', name: 'Aptos (custom node)', chainId: null, url: null, testnet: true },
];

export const APT_DECIMALS = 8;
export const APT_SYMBOL = 'APT';

export function aptosNetwork(id: string): AptosNetwork | undefined {
  return APTOS_NETWORKS.find((n) => n.id === id);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isLoopbackUrl = (url: string): boolean => {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * A node URL as the wallet stores it: https (or http on loopback), no credentials, query or
 * fragment, and ending in /v1 (added when the user gives the bare host).
 */
export function normalizeNodeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(String(input).trim());
  } catch {
    throw new AptosError('BAD_NODE_URL', 'The node URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new AptosError('BAD_NODE_URL', 'An Aptos node URL must use https (plain http only on 127.0.0.1 or localhost)');
  }
  if (url.username || url.password) throw new AptosError('BAD_NODE_URL', 'The node URL must not contain a user name or password');
  if (url.search || url.hash) throw new AptosError('BAD_NODE_URL', 'The node URL must not contain a query or fragment');
  let path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/v1')) path = `${path}/v1`;
  return `${url.origin}${path}`;
}

/** Refuses a node whose ledger reports another chain than the network's. */
export function checkChainId(network: AptosNetwork, reported: unknown): number {
  if (typeof reported !== 'number' || !Number.isInteger(reported) || reported < 0 || reported > 255) {
    throw new AptosError('NODE', 'The node did not report a valid chain id');
  }
  if (network.chainId !== null && reported !== network.chainId) {
    throw new AptosError('CHAIN_MISMATCH', `The node reports chain id ${reported}, but ${network.name} is chain id ${network.chainId}`);
  }
  return reported;
}

/** Aptos Explorer link; a custom node has no public explorer. */
export function explorerTxUrl(network: AptosNetwork, hash: string): string | undefined {
  if (network.id === 'custom') return undefined;
  return `https://explorer.aptoslabs.com/txn/${hash}?network=${network.id}`;
}

/**
 * The network name the Wallet Standard reports (@aptos-labs/ts-sdk's Network): a custom node on
 * loopback is "local" (the adapter then talks to it like a local testnet), any other is "custom".
 */
export function standardNetworkName(network: AptosNetwork, url: string): string {
  if (network.id !== 'custom') return network.id;
  return isLoopbackUrl(url) ? 'local' : 'custom';
}
