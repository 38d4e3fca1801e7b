/**
 * The eager, tiny part of the Bitcoin family the shared code needs without loading it: the networks
 * the popup lists (mainnet, testnet, regtest: the ones the dApp providers speak), the Esplora URL
 * check for Settings, and how an install from before the family module kept its state (storage key
 * 'bitcoin': `{ network, esploraUrl: { mainnet, testnet, regtest } }`), moved once to the shared keys.
 */
import type { FamilyDescriptor, NetworkInfo } from '../../types';
import { cleanHttpEndpoint } from '../../../core/net/endpoint';

export const BITCOIN_NETWORK_IDS = ['mainnet', 'testnet', 'regtest'] as const;
export type BitcoinNetworkId = (typeof BITCOIN_NETWORK_IDS)[number];

export const BITCOIN_DEFAULT_ESPLORA: Readonly<Record<BitcoinNetworkId, string>> = {
  mainnet: 'https://mempool.space/api',
  testnet: 'https://mempool.space/testnet/api',
  regtest: 'http://127.0.0.1:3002',
};

const NAMES: Readonly<Record<BitcoinNetworkId, string>> = { mainnet: 'Bitcoin', testnet: 'Bitcoin Testnet', regtest: 'Bitcoin Regtest' };
const EXPLORER: Partial<Record<BitcoinNetworkId, string>> = { mainnet: 'https://mempool.space/tx/', testnet: 'https://mempool.space/testnet/tx/' };

export function isBitcoinNetworkId(v: unknown): v is BitcoinNetworkId {
  return typeof v === 'string' && (BITCOIN_NETWORK_IDS as readonly string[]).includes(v);
}

/** mempool.space for mainnet and testnet; a regtest node has no public explorer. */
export function bitcoinExplorerTx(network: string, hash: string): string | null {
  const base = isBitcoinNetworkId(network) ? EXPLORER[network] : undefined;
  return base ? base + hash : null;
}

export const BITCOIN_NETWORK_INFOS: readonly NetworkInfo[] = BITCOIN_NETWORK_IDS.map((id) => ({
  ref: `bitcoin:${id}`,
  name: NAMES[id],
  testnet: id !== 'mainnet',
  native: { symbol: 'BTC', decimals: 8 },
  defaultEndpoint: BITCOIN_DEFAULT_ESPLORA[id],
  // The address depends on the network (bc1 / tb1 / bcrt1, coin type 1 off mainnet).
  keyNetwork: id,
  ...(EXPLORER[id] ? { explorerTx: (hash: string): string => EXPLORER[id]! + hash } : {}),
}));

/** An Esplora base URL: http(s), no credentials; plain http only to this machine (a local node). */
export const cleanEsploraUrl = (raw: string): string => cleanHttpEndpoint(raw);

/** The pre-module state: its network, and the Esplora URLs that differ from the defaults (the old code stored all three). */
function readLegacy(old: unknown): { network?: string; endpoints?: Record<string, string> } {
  if (!old || typeof old !== 'object') return {};
  const { network, esploraUrl } = old as { network?: unknown; esploraUrl?: unknown };
  const endpoints: Record<string, string> = {};
  if (esploraUrl && typeof esploraUrl === 'object') {
    for (const id of BITCOIN_NETWORK_IDS) {
      const url = (esploraUrl as Record<string, unknown>)[id];
      if (typeof url === 'string' && url !== BITCOIN_DEFAULT_ESPLORA[id]) endpoints[id] = url;
    }
  }
  return { ...(isBitcoinNetworkId(network) ? { network: `bitcoin:${network}` } : {}), endpoints };
}

export const bitcoinDescriptor: FamilyDescriptor = {
  id: 'bitcoin',
  networks: BITCOIN_NETWORK_INFOS,
  cleanEndpoint: cleanEsploraUrl,
  legacyStorage: { key: 'bitcoin', read: readLegacy, move: true },
};
