/**
 * TRON incoming history for the popup's account on the active network, from the TronGrid v1
 * account-history API served at the same base URL as the full node (api.trongrid.io,
 * nile.trongrid.io, api.shasta.trongrid.io): TRX transfers and TRC-20 transfers to the account.
 * A plain java-tron node has no such API: the error then says so instead of showing nothing.
 */
import type { ActivityItem } from '../../../background/activity';
import { WalletError } from '../../../background/errors';
import { currentTronAddress, resolvedTronState, tronApiFor } from './state';
import { incomingTrc20FromTronGrid, incomingTrxFromTronGrid, tronGridPaths } from '../core/incoming';
import { getTronNetwork, tronExplorerUrl } from '../core/networks';
import { getJson } from '../../../core/net/jsonHttp';
import type { Selection } from '../../types';

const LIMIT = 20;

async function history(base: string, path: string): Promise<unknown> {
  const { status, json } = await getJson(`${base}${path}`, { timeoutMs: 15_000, maxResponseBytes: 4 * 1024 * 1024 });
  if (status === 404 || status === 405) throw new WalletError('NO_HISTORY_API', 'This TRON node has no account history API (TronGrid /v1): incoming transfers cannot be listed');
  if (status >= 400) throw new WalletError('RPC_ERROR', `The TRON node answered HTTP ${status} for the account history`);
  return json;
}

export async function incoming(_sel: Selection): Promise<ActivityItem[]> {
  const s = await resolvedTronState();
  const base = tronApiFor(s).url;
  const me = await currentTronAddress();
  const paths = tronGridPaths(me, LIMIT);
  const [trx, trc20] = await Promise.all([history(base, paths.trx), history(base, paths.trc20)]);
  const network = s.network === 'custom' ? undefined : getTronNetwork(s.network);
  const watched = s.tokens[s.network];
  return [...incomingTrxFromTronGrid(trx, me), ...incomingTrc20FromTronGrid(trc20, me)].map((t): ActivityItem => {
    const known = t.token ? watched.find((w) => w.address === t.token) : undefined;
    return {
      hash: t.hash,
      family: 'tron',
      chainId: s.network,
      from: t.from ?? '',
      to: t.to,
      value: t.value.toString(),
      // A watched token's symbol wins over the one the API reports (anyone can name a token "USDT").
      symbol: t.token ? (known?.symbol ?? t.symbol ?? `${t.token.slice(0, 4)}…${t.token.slice(-4)}`) : 'TRX',
      decimals: t.token ? (known?.decimals ?? t.decimals ?? 0) : 6,
      origin: null,
      explorer: network ? (tronExplorerUrl(network, 'tx', t.hash) ?? null) : null,
      status: t.status,
      time: t.time ?? Date.now(),
      direction: 'in',
      token: t.token,
      // A TRC-20 the user does not watch is listed but never announced (scam-token airdrops).
      ...(t.token && !known ? { quiet: true } : {}),
    };
  });
}
