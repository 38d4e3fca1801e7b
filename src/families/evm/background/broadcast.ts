/**
 * The last step of every EVM send, shared by the popup's Send screen and dApp requests: sign with
 * the account's key (wiped afterwards), broadcast, record the activity, then follow the receipt
 * in the background and update the activity's status.
 */
import type { Address, Hex } from 'viem';
import { explorerUrl, type EvmNetwork } from '../core/networks';
import type { PreparedTransaction } from '../core/transaction';
import { sendTransaction, waitForReceipt } from '../core/txSubmit';
import { recordActivity, updateActivity } from '../../../background/activity';
import { findEvmAccount, nonceTracker, rpcFor, withEvmKey } from './state';

export interface ActivityDisplay {
  /** Recipient shown in the history (for a token transfer: the token recipient, not the contract). */
  to: string | null;
  value: bigint;
  symbol: string;
  decimals: number;
}

export async function signAndBroadcast(network: EvmNetwork, prepared: PreparedTransaction, origin: string | null, display?: ActivityDisplay): Promise<{ hash: Hex; explorer: string | null }> {
  const rpc = rpcFor(network);
  const account = await findEvmAccount(prepared.from as Address);
  const sent = await withEvmKey(account, (key) => sendTransaction(rpc, prepared, key, nonceTracker));
  const explorer = explorerUrl(network, 'tx', sent.hash) ?? null;
  const d = display ?? { to: prepared.to ?? null, value: prepared.value, symbol: network.nativeCurrency.symbol, decimals: network.nativeCurrency.decimals };
  await recordActivity({ hash: sent.hash, family: 'evm', chainId: network.chainId, from: prepared.from, to: d.to, value: d.value.toString(), symbol: d.symbol, decimals: d.decimals, origin, explorer });
  followReceipt(network, sent.hash);
  return { hash: sent.hash, explorer };
}

const following = new Set<string>();

/** Polls for the receipt (once per hash per worker) and records confirmed/failed. */
export function followReceipt(network: EvmNetwork, hash: Hex): void {
  if (following.has(hash)) return;
  following.add(hash);
  void waitForReceipt(rpcFor(network), hash, { timeoutMs: 10 * 60_000 })
    .then(
      (r) => updateActivity(hash, r.status === 'success' ? 'confirmed' : 'failed'),
      () => undefined,
    )
    .finally(() => following.delete(hash));
}
