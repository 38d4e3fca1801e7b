/**
 * TRON networks: mainnet, the Nile and Shasta testnets and user-defined full nodes, with the chain
 * ids dApps and @tronweb3/tronwallet-adapters use (0x + last 8 hex digits of the genesis block id),
 * explorer links, and the TRC-20 token presets (USDT on mainnet).
 */
import { TronWalletError } from './errors.ts';

export type TronNetworkKind = 'mainnet' | 'nile' | 'shasta';

export interface TronNetwork {
  id: string;
  kind: TronNetworkKind | 'custom';
  name: string;
  /** Full-node HTTP API base URL (also used as solidity node and event server by default). */
  fullNode: string;
  /** '0x2b6653dc' style id; undefined for a custom node until checked against its genesis block. */
  chainId?: string;
  explorer?: string;
  testnet: boolean;
  custom: boolean;
}

export const TRON_CHAIN_IDS: Readonly<Record<TronNetworkKind, string>> = {
  mainnet: '0x2b6653dc',
  shasta: '0x94a9059e',
  nile: '0xcd8690dc',
};

export const BUILTIN_TRON_NETWORKS: readonly TronNetwork[] = Object.freeze(
  ([
    { id: 'mainnet', kind: 'mainnet', name: 'TRON Mainnet', fullNode: 'https://api.trongrid.io', chainId: TRON_CHAIN_IDS.mainnet, explorer: 'https://tronscan.org', testnet: false, custom: false },
    { id: 'nile', kind: 'nile', name: 'Nile Testnet', fullNode: 'https://nile.trongrid.io', chainId: TRON_CHAIN_IDS.nile, explorer: 'https://nile.tronscan.org', testnet: true, custom: false },
    { id: 'shasta', kind: 'shasta', name: 'Shasta Testnet', fullNode: 'https://api.shasta.trongrid.io', chainId: TRON_CHAIN_IDS.shasta, explorer: 'https://shasta.tronscan.org', testnet: true, custom: false },
  ] satisfies TronNetwork[]).map((n) => Object.freeze(n)),
);

export interface Trc20Token {
  network: TronNetworkKind;
  contract: string;
  symbol: string;
  name: string;
  decimals: number;
}

export const TRC20_PRESETS: readonly Trc20Token[] = Object.freeze([
  Object.freeze({ network: 'mainnet', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', symbol: 'USDT', name: 'Tether USD', decimals: 6 } as const),
]);

export const USDT_MAINNET = TRC20_PRESETS[0] as Trc20Token;

export function getTronNetwork(idOrChainId: string): TronNetwork | undefined {
  return BUILTIN_TRON_NETWORKS.find((n) => n.id === idOrChainId || n.chainId === idOrChainId);
}

export function trc20Presets(network: TronNetworkKind | 'custom'): Trc20Token[] {
  return TRC20_PRESETS.filter((t) => t.network === network);
}

/** The adapter's chain id from a genesis block id: "0x" + its last 8 hex digits. */
export function chainIdFromGenesisBlockId(blockId: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(blockId)) throw new TronWalletError('INVALID_NETWORK', 'Not a block id (expected 64 hex characters)');
  return `0x${blockId.slice(-8).toLowerCase()}`;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** A user-entered full node: https (plain http only on loopback), no credentials in the URL. */
export function customTronNetwork(input: { id: string; fullNode: string; name?: string; chainId?: string }): TronNetwork {
  let url: URL;
  try {
    url = new URL(input.fullNode.trim());
  } catch {
    throw new TronWalletError('INVALID_NETWORK', 'The full-node URL is not a valid URL');
  }
  if (url.username !== '' || url.password !== '') throw new TronWalletError('INVALID_NETWORK', 'Node URLs with credentials are not accepted');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new TronWalletError('INVALID_NETWORK', 'The full-node URL must use https (plain http only for localhost)');
  }
  const chainId = input.chainId?.toLowerCase();
  if (chainId !== undefined && !/^0x[0-9a-f]{8}$/.test(chainId)) throw new TronWalletError('INVALID_NETWORK', 'A TRON chain id is 0x followed by 8 hex digits');
  const known = chainId !== undefined ? getTronNetwork(chainId) : undefined;
  return Object.freeze({
    id: input.id,
    kind: 'custom' as const,
    name: input.name?.trim() || `Custom node (${url.host})`,
    fullNode: url.href.replace(/\/+$/, ''),
    ...(chainId !== undefined ? { chainId } : {}),
    ...(known?.explorer !== undefined ? { explorer: known.explorer } : {}),
    testnet: known ? known.testnet : true,
    custom: true,
  });
}

/** Tronscan link for a transaction id or an address; undefined when the network has no explorer. */
export function tronExplorerUrl(network: TronNetwork, kind: 'tx' | 'address', value: string): string | undefined {
  if (network.explorer === undefined) return undefined;
  return `${network.explorer}/#/${kind === 'tx' ? 'transaction' : 'address'}/${encodeURIComponent(value)}`;
}
