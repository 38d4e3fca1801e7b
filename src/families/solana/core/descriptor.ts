/**
 * The Solana family's eager descriptor: its four clusters as the popup lists them ('solana:<cluster>'
 * refs, the ids the chain selector has always used), with the public RPC as each one's default
 * endpoint, the RPC URL check for Settings, and how an install from before the family module kept its
 * state (storage key 'solana': `{ cluster, rpcUrl: { <cluster>: url } }`), moved once to the shared
 * keys. Pure and tiny: no web3.js.
 */
import type { FamilyDescriptor, NetworkInfo } from '../../types.ts';
import { BUILTIN_SOLANA_NETWORKS, solanaExplorerUrl, type SolanaCluster } from './networks.ts';
import { cleanHttpEndpoint } from '../../../core/net/endpoint';

export const SOLANA_CLUSTERS: readonly SolanaCluster[] = ['mainnet-beta', 'devnet', 'testnet', 'localnet'];

export function isSolanaClusterId(v: unknown): v is SolanaCluster {
  return typeof v === 'string' && (SOLANA_CLUSTERS as readonly string[]).includes(v);
}

export const SOLANA_NETWORK_INFOS: readonly NetworkInfo[] = BUILTIN_SOLANA_NETWORKS.map((n) => ({
  ref: `solana:${n.id}`,
  name: n.name,
  testnet: n.testnet,
  native: { symbol: 'SOL', decimals: 9 },
  defaultEndpoint: n.rpcUrl,
  explorerTx: (hash: string): string => solanaExplorerUrl(n, 'tx', hash),
}));

/** A JSON-RPC URL typed in Settings: http(s), no credentials; plain http only to this machine (a local validator). */
export const cleanSolanaRpcUrl = (raw: string): string => cleanHttpEndpoint(raw);

/** The URL as the old code kept it: any http(s) URL without credentials (it checked nothing more when reading). */
function keptUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v.trim());
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password ? v.trim() : null;
  } catch {
    return null;
  }
}

/** The pre-module state: its cluster, and the RPC URLs that differ from the defaults. */
export function readLegacySolanaStorage(old: unknown): { network?: string; endpoints: Record<string, string> } {
  const endpoints: Record<string, string> = {};
  if (!old || typeof old !== 'object') return { endpoints };
  const { cluster, rpcUrl } = old as { cluster?: unknown; rpcUrl?: unknown };
  const urls = rpcUrl && typeof rpcUrl === 'object' ? (rpcUrl as Record<string, unknown>) : {};
  for (const n of SOLANA_NETWORK_INFOS) {
    const id = n.ref.slice('solana:'.length);
    const url = keptUrl(urls[id]);
    // The old code stored the URL as `URL.href` (a bare origin gains a '/'): the same node as the default.
    if (url !== null && url.replace(/\/$/, '') !== n.defaultEndpoint) endpoints[id] = url;
  }
  return { ...(isSolanaClusterId(cluster) ? { network: `solana:${cluster}` } : {}), endpoints };
}

export const solanaDescriptor: FamilyDescriptor = {
  id: 'solana',
  networks: SOLANA_NETWORK_INFOS,
  cleanEndpoint: cleanSolanaRpcUrl,
  // 'solana' held only the cluster and the RPC URLs: moved into the shared records once.
  legacyStorage: { key: 'solana', read: readLegacySolanaStorage, move: true },
};
