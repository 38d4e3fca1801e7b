/**
 * Solana incoming history for the popup's account on the active cluster, from the node's own
 * JSON-RPC: getSignaturesForAddress of the account and of its token accounts (an SPL transfer
 * names the token account, not its owner), then getTransaction (jsonParsed) of the signatures not
 * examined yet. What arrived is read from the node's balance changes (core/incoming.ts).
 */
import type { ActivityItem } from '../../../background/activity';
import { currentSolanaAddress, solanaRpcFor, solanaState } from './state';
import { tokenDisplays, type TokenDisplay } from './tokenMetadata';
import { getSolanaTokenBalances } from '../core/balances';
import { incomingFromSolanaTx, parseSignatureList } from '../core/incoming';
import { getSolanaNetwork, solanaExplorerUrl } from '../core/networks';
import type { IncomingTransfer } from '../../../core/incoming/types';
import type { Selection } from '../../types';

/** Signatures asked per address, token accounts looked at, and transactions fetched per refresh. */
const SIGNATURES_PER_ADDRESS = 20;
const MAX_TOKEN_ACCOUNTS = 10;
const MAX_FETCH = 25;

/** Signatures already examined in this worker's life (incoming or not): never fetched twice. */
const examined = new Set<string>();

export async function incoming(_sel: Selection): Promise<ActivityItem[]> {
  const s = await solanaState();
  const rpc = solanaRpcFor(s);
  const owner = await currentSolanaAddress();
  const tokens = await getSolanaTokenBalances(rpc, owner);
  const accounts = [owner, ...tokens.flatMap((t) => t.accounts.map((a) => a.address)).slice(0, MAX_TOKEN_ACCOUNTS)];
  const lists = await Promise.all(accounts.map(async (a) => parseSignatureList(await rpc.call('getSignaturesForAddress', [a, { limit: SIGNATURES_PER_ADDRESS, commitment: 'confirmed' }]))));
  const fresh = [...new Map(lists.flat().map((e) => [e.signature, e])).values()].filter((e) => e.err === null && !examined.has(e.signature)).slice(0, MAX_FETCH);

  const found: IncomingTransfer[] = [];
  for (const e of fresh) {
    const tx = await rpc.call('getTransaction', [e.signature, { encoding: 'jsonParsed', maxSupportedTransactionVersion: 0, commitment: 'confirmed' }]);
    if (tx === null) continue; // not visible to the node yet: looked at again next time
    examined.add(e.signature);
    found.push(...incomingFromSolanaTx(e.signature, tx, owner).map((t) => ({ ...t, time: t.time ?? (e.blockTime !== null ? e.blockTime * 1000 : null) })));
  }
  if (examined.size > 5000) examined.clear();

  const mints = [...new Set(found.flatMap((f) => (f.token ? [f.token] : [])))];
  const labels: Map<string, TokenDisplay> = mints.length ? await tokenDisplays(s.cluster, rpc, mints).catch(() => new Map<string, TokenDisplay>()) : new Map<string, TokenDisplay>();
  const network = getSolanaNetwork(s.cluster);
  return found.map((t): ActivityItem => ({
    hash: t.hash,
    family: 'solana',
    chainId: s.cluster,
    from: t.from ?? '',
    to: t.to,
    value: t.value.toString(),
    symbol: t.token ? labels.get(t.token)?.symbol || `${t.token.slice(0, 4)}…${t.token.slice(-4)}` : 'SOL',
    decimals: t.token ? (t.decimals ?? 0) : 9,
    origin: null,
    explorer: network ? solanaExplorerUrl(network, 'tx', t.hash) : null,
    status: t.status,
    time: t.time ?? Date.now(),
    direction: 'in',
    token: t.token,
    // The wallet keeps no list of watched SPL tokens, and anyone can airdrop any token to any
    // account: SPL payments are listed but never announced; SOL is.
    ...(t.token ? { quiet: true } : {}),
  }));
}
