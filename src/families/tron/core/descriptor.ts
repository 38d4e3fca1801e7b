/**
 * The eager, tiny part of the TRON family the shared code needs without loading it: its networks
 * as the popup's chain selector lists them (names as the popup always showed them), the node URL
 * check for Settings, and how to read the network choice and node URLs an install stored under
 * its own 'tron' key before TRON was a family module.
 */
import type { FamilyDescriptor, NetworkInfo } from '../../types';
import { TronWalletError } from './errors.ts';
import { getTronNetwork, tronExplorerUrl } from './networks.ts';
import { cleanHttpEndpoint } from '../../../core/net/endpoint';

export type TronNetworkId = 'mainnet' | 'nile' | 'shasta' | 'custom';

export const TRON_NETWORK_IDS: readonly TronNetworkId[] = ['mainnet', 'nile', 'shasta', 'custom'];

const NAMES: Record<TronNetworkId, string> = { mainnet: 'TRON', nile: 'TRON Nile', shasta: 'TRON Shasta', custom: 'TRON (custom node)' };

/** The node each network uses until the user sets one (custom: a java-tron node on this computer). */
export const DEFAULT_TRON_NODES: Readonly<Record<TronNetworkId, string>> = Object.freeze({
  mainnet: 'https://api.trongrid.io',
  nile: 'https://nile.trongrid.io',
  shasta: 'https://api.shasta.trongrid.io',
  custom: 'http://127.0.0.1:8090',
});

export const TRON_NETWORK_INFOS: readonly NetworkInfo[] = TRON_NETWORK_IDS.map((id): NetworkInfo => {
  const builtin = getTronNetwork(id);
  return {
    ref: `tron:${id}`,
    name: NAMES[id],
    testnet: id !== 'mainnet',
    native: { symbol: 'TRX', decimals: 6 },
    defaultEndpoint: DEFAULT_TRON_NODES[id],
    ...(builtin?.explorer ? { explorerTx: (hash: string): string => tronExplorerUrl(builtin, 'tx', hash)! } : {}),
  };
});

export function isTronNetworkId(v: unknown): v is TronNetworkId {
  return typeof v === 'string' && (TRON_NETWORK_IDS as readonly string[]).includes(v);
}

/** http(s), no credentials; plain http only to this machine (elsewhere anyone on the path could lie about balances). */
export const cleanTronNodeUrl = (raw: string): string => cleanHttpEndpoint(raw, (code, message) => new TronWalletError(code, message));

/**
 * The pre-module storage ('tron': { network, fullNode: { <id>: url }, tokens, customChainId }):
 * its network choice and the node URLs that differ from the defaults. Tokens and the custom chain
 * id stay under 'tron' (src/families/tron/background/state.ts reads them there).
 */
export function readLegacyTronStorage(stored: unknown): { network?: string; endpoints: Record<string, string> } {
  const endpoints: Record<string, string> = {};
  if (!stored || typeof stored !== 'object') return { endpoints };
  const s = stored as { network?: unknown; fullNode?: unknown };
  const nodes = s.fullNode && typeof s.fullNode === 'object' ? (s.fullNode as Record<string, unknown>) : {};
  for (const id of TRON_NETWORK_IDS) {
    const url = nodes[id];
    if (typeof url === 'string' && url !== '' && url !== DEFAULT_TRON_NODES[id]) endpoints[id] = url;
  }
  return { ...(isTronNetworkId(s.network) ? { network: `tron:${s.network}` } : {}), endpoints };
}

export const tronDescriptor: FamilyDescriptor = {
  id: 'tron',
  networks: TRON_NETWORK_INFOS,
  cleanEndpoint: cleanTronNodeUrl,
  legacyStorage: { key: 'tron', read: readLegacyTronStorage },
};
