/**
 * The node of the family context's network, with its chain id checked against the network before
 * use (mainnet 1, testnet 2; devnet and a custom node report theirs) and remembered for a minute.
 */
import type { FamilyContext, NetworkInfo } from '../../types';
import { createAptosClient, type AptosClient } from '../core/client.ts';
import { AptosError } from '../core/errors.ts';
import { aptosNetwork, checkChainId, standardNetworkName, type AptosNetwork } from '../core/networks.ts';

const CHAIN_TTL_MS = 60_000;
const chainIds = new Map<string, { chainId: number; at: number }>();

export interface AptosNode {
  client: AptosClient;
  network: AptosNetwork;
  chainId: number;
  /** What the Wallet Standard reports: { name, chainId, url }. */
  standard: { name: string; chainId: number; url: string };
}

export function networkOf(info: NetworkInfo): AptosNetwork {
  const n = aptosNetwork(info.ref.slice(info.ref.indexOf(':') + 1));
  if (!n) throw new AptosError('UNSUPPORTED', `Unknown Aptos network ${info.ref}`);
  return n;
}

/** Checks a node URL answers as the network (Settings, before it is saved). */
export async function checkNode(info: NetworkInfo, url: string): Promise<number> {
  const network = networkOf(info);
  const ledger = await createAptosClient(url).ledgerInfo();
  const chainId = checkChainId(network, ledger.chain_id);
  chainIds.set(url, { chainId, at: Date.now() });
  return chainId;
}

export async function nodeFor(ctx: Pick<FamilyContext, 'network' | 'endpoint'>): Promise<AptosNode> {
  const network = networkOf(ctx.network);
  if (!ctx.endpoint) throw new AptosError('BAD_NODE_URL', `Set a node URL for ${network.name} in Settings → network endpoints`);
  const hit = chainIds.get(ctx.endpoint);
  const chainId = hit && Date.now() - hit.at < CHAIN_TTL_MS ? hit.chainId : await checkNode(ctx.network, ctx.endpoint);
  return { client: createAptosClient(ctx.endpoint), network, chainId, standard: { name: standardNetworkName(network, ctx.endpoint), chainId, url: ctx.endpoint } };
}
