/**
 * tron_node: the allow-listed full-node calls the page's tronWeb needs, sent to the wallet's
 * selected node; a broadcast of a transaction this wallet signed for the site is recorded in Activity.
 */
import { recordActivity } from '../../../background/activity';
import type { DappCall } from '../../types';
import { ProviderError, unauthorized } from '../../../background/dapp/providerError';
import { resolvedTronState, tronApiFor } from './state';
import type { TxSummary } from './dappDescribe';
import { args, guard, obj } from './dappUtil';

/**
 * Full-node paths the page's tronWeb may reach through the wallet (reads, unsigned transaction
 * builders, broadcast of already signed transactions). Nothing that takes a private key
 * (easytransferbyprivate, gettransactionsign, …) or changes the node.
 */
const NODE_PATHS: ReadonlySet<string> = new Set(
  [
    'getnowblock', 'getblockbynum', 'getblockbyid', 'getblock', 'getblockbylatestnum', 'getblockbylimitnext', 'getnodeinfo',
    'getaccount', 'getaccountresource', 'getaccountnet', 'getchainparameters', 'getenergyprices', 'getbandwidthprices',
    'gettransactionbyid', 'gettransactioninfobyid', 'gettransactioninfobyblocknum', 'getcontract', 'getcontractinfo',
    'triggerconstantcontract', 'estimateenergy', 'getassetissuebyid', 'getassetissuebyaccount', 'getassetissuelist',
    'getdelegatedresourcev2', 'getdelegatedresourceaccountindexv2', 'getcandelegatedmaxsize', 'getavailableunfreezecount',
    'getcanwithdrawunfreezeamount', 'listwitnesses', 'getbrokerage', 'getreward', 'listproposals', 'getsignweight', 'getapprovedlist',
    'createtransaction', 'triggersmartcontract', 'transferasset', 'freezebalancev2', 'unfreezebalancev2', 'delegateresource',
    'undelegateresource', 'withdrawexpireunfreeze', 'votewitnessaccount', 'withdrawbalance', 'cancelallunfreezev2', 'deploycontract',
    'accountpermissionupdate', 'updatesetting', 'updateenergylimit', 'clearabi',
    'broadcasttransaction', 'broadcasthex',
  ].flatMap((p) => [`/wallet/${p}`, `/walletsolidity/${p}`]),
);

/** Signed in this worker, for the activity record when the page broadcasts it through us. */
const signedByUs = new Map<string, { origin: string; from: string; chainId: string; to: string; value: string; symbol: string; decimals: number }>();

export function remember(txID: string, origin: string, from: string, chainId: string, activity: TxSummary['activity']): void {
  if (!activity) return;
  signedByUs.set(txID.toLowerCase(), { origin, from, chainId, ...activity });
  if (signedByUs.size > 50) signedByUs.delete(signedByUs.keys().next().value as string);
}

/** Runs behind the 'safe' gate: reads for anyone; a broadcast only for a site connected when it asked. */
export async function nodeCall(call: DappCall, params: unknown): Promise<unknown> {
  const a = args(params);
  const path = typeof a[0] === 'string' ? a[0].replace(/^\/+/, '/').split('?')[0]!.toLowerCase() : '';
  if (!NODE_PATHS.has(path)) throw new ProviderError(4200, `The wallet does not forward "${String(a[0]).slice(0, 60)}" to the node`);
  const body = a[1] === undefined || a[1] === null ? {} : obj(a[1], 'body');
  const state = await resolvedTronState();
  const api = tronApiFor(state);
  if (path.endsWith('/broadcasttransaction') || path.endsWith('/broadcasthex')) {
    if (!call.wasConnected) throw unauthorized();
    const result = await guard(() => api.post(path, body));
    const txID = typeof body.txID === 'string' ? body.txID.toLowerCase() : '';
    const mine = signedByUs.get(txID);
    if (mine && (result as { result?: unknown })?.result === true) {
      signedByUs.delete(txID);
      await recordActivity({ hash: txID, family: 'tron', chainId: mine.chainId, from: mine.from, to: mine.to, value: mine.value, symbol: mine.symbol, decimals: mine.decimals, origin: mine.origin, explorer: null });
    }
    return result;
  }
  // tronweb posts visible:false unless told otherwise: keep what the page asked for.
  return guard(() => api.post(path, { visible: false, ...body }));
}
