/**
 * EOS networks: mainnet, the Jungle 4 testnet and one custom chain-API URL. A network's chain id
 * is what signatures commit to, so the wallet reads `/v1/chain/get_info` and refuses a node whose
 * chain id is not the network's (a custom URL's id is learned from the node and then pinned).
 */
import type { FamilyDescriptor, NetworkInfo } from '../../types.ts';
import { EosError } from './errors.ts';

export type EosNetworkId = 'mainnet' | 'jungle4' | 'custom';

export interface EosNetwork extends NetworkInfo {
  id: EosNetworkId;
  /** Null for the custom network: its chain id is the node's (read from get_info on every use). */
  chainId: string | null;
  explorerTx(hash: string): string;
}

export const EOS_MAINNET_CHAIN_ID = 'aca376f206b8fc25a6ed44dbdc66547c36c6c33e3a119ffbeaef943642f0e906';
export const EOS_JUNGLE4_CHAIN_ID = '73e4385a2708e6d7048834fbc1079f2fabb17b3c125b146af438971e90716c4d';

const native = { symbol: 'EOS', decimals: 4 } as const;

export const EOS_NETWORKS: readonly EosNetwork[] = [
  { id: 'mainnet', ref: 'eos:mainnet', name: 'EOS', testnet: false, native, chainId: EOS_MAINNET_CHAIN_ID, defaultEndpoint: 'https://eos.greymass.com', explorerTx: (h) => `https://bloks.io/transaction/${h}` },
  { id: 'jungle4', ref: 'eos:jungle4', name: 'EOS Jungle 4 testnet', testnet: true, native, chainId: EOS_JUNGLE4_CHAIN_ID, defaultEndpoint: 'https://jungle4.greymass.com', explorerTx: (h) => `https://jungle4.eosq.eosnation.io/tx/${h}` },
  { id: 'custom', ref: 'eos:custom', name: 'EOS custom node', testnet: true, native, chainId: null, defaultEndpoint: '', explorerTx: (h) => `https://bloks.io/transaction/${h}` },
];

/** The registry's eager descriptor: the networks and the node-URL check (no SDK, a few hundred bytes). */
export const eosDescriptor: FamilyDescriptor = { id: 'eos', networks: EOS_NETWORKS, cleanEndpoint: (url) => checkEosApiUrl(url) };

export function eosNetwork(id: string): EosNetwork {
  const n = EOS_NETWORKS.find((x) => x.id === id || x.ref === id);
  if (!n) throw new EosError('unknown-chain', `Unknown EOS network: ${id}`);
  return n;
}

/** The known network with this chain id, if any (dApps name networks by chain id). */
export function networkByChainId(chainId: string): EosNetwork | undefined {
  const id = chainId.toLowerCase();
  return EOS_NETWORKS.find((n) => n.chainId === id);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A chain-API base URL: https anywhere, http only on this machine; no path, query or credentials. */
export function checkEosApiUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new EosError('invalid-params', `Not a URL: ${url}`);
  }
  if (u.username || u.password) throw new EosError('invalid-params', 'A node URL must not contain a user name or password');
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) {
    throw new EosError('invalid-params', 'An EOS node URL must use https (http is allowed only for 127.0.0.1 / localhost)');
  }
  if (u.search || u.hash) throw new EosError('invalid-params', 'An EOS node URL must not have a query or fragment');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * The node's chain id must be the network's; a custom network takes the node's id (a 64-hex
 * string) unless it already pinned another one.
 */
export function checkChainId(network: EosNetwork, reported: unknown, pinned: string | null = network.chainId): string {
  if (typeof reported !== 'string' || !/^[0-9a-f]{64}$/i.test(reported)) throw new EosError('node', 'The node did not report a chain id (get_info.chain_id)');
  const id = reported.toLowerCase();
  if (pinned && pinned !== id) {
    throw new EosError('chain-mismatch', `The node at this URL serves chain ${id.slice(0, 12)}…, not ${network.name} (${pinned.slice(0, 12)}…)`);
  }
  return id;
}
