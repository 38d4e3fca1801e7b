/**
 * The eager, tiny part of the Aptos family the shared code needs without loading it: its networks
 * as the popup's chain selector lists them, and the node URL check for Settings.
 */
import type { FamilyDescriptor, NetworkInfo } from '../../types';
import { APT_DECIMALS, APT_SYMBOL, APTOS_NETWORKS, explorerTxUrl, normalizeNodeUrl } from './networks.ts';

export const APTOS_NETWORK_INFOS: readonly NetworkInfo[] = APTOS_NETWORKS.map((n) => ({
  ref: `aptos:${n.id}`,
  name: n.name,
  testnet: n.testnet,
  native: { symbol: APT_SYMBOL, decimals: APT_DECIMALS },
  defaultEndpoint: n.url ?? '',
  ...(n.id !== 'custom' ? { explorerTx: (hash: string): string => explorerTxUrl(n, hash)! } : {}),
}));

export const aptosDescriptor: FamilyDescriptor = {
  id: 'aptos',
  networks: APTOS_NETWORK_INFOS,
  cleanEndpoint: normalizeNodeUrl,
};
