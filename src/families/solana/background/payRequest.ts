/**
 * A Solana Pay transaction request the user opened from Send (`solana:<https URL>`): the worker
 * fetches the merchant's label and icon, POSTs the selected account, checks the returned
 * transaction (core/payTransactionRequest.ts), and hands it to the SAME path a dApp's
 * signAndSendTransaction takes: decoding, simulation, risk checks, the approval window with the
 * link's origin as "who asks", then signature, broadcast and activity. Nothing is signed before the
 * user approves in that window.
 */
import { SolanaPayRequestError, checkLink, checkRequestTransaction, fetchTransactionRequestInfo, fetchTransactionRequestTransaction, withRecentBlockhash } from '../core/payTransactionRequest';
import { getSolanaNetwork, solanaExplorerUrl } from '../core/networks';
import { activeFamily } from '../../../background/families/popupChains';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { familyContext } from '../../../background/families/modules';
import { showApproval } from '../../../background/dapp/pipeline';
import { signAndSendPrepared } from './dappTransactions';
import { clusterOf } from './dappParams';
import { createSolanaRpc } from '../core/rpc';

export interface SolanaPayRequestResult {
  signature: string;
  explorer: string | null;
  label: string;
  /** The merchant's message from its POST answer, when it gave one. */
  message?: string;
}

function asWalletError(err: unknown): unknown {
  return err instanceof SolanaPayRequestError ? new WalletError(err.code, err.message, undefined, err.params) : err;
}

export async function runSolanaPayRequest(link: unknown): Promise<SolanaPayRequestResult> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  if (typeof link !== 'string' || link.length > 2048) throw new WalletError('PAY_LINK_INVALID', 'The transaction request link is missing or too long');
  if ((await activeFamily()) !== 'solana') throw new WalletError('WRONG_FAMILY', 'Choose a Solana network first: a Solana Pay request is paid from the Solana account');
  try {
    const url = checkLink(link);
    const ctx = await familyContext('solana');
    const account = ctx.address;
    const info = await fetchTransactionRequestInfo(url.href);
    const answer = await fetchTransactionRequestTransaction(url.href, account);
    const checked = checkRequestTransaction(answer.transaction, account);
    // As @solana/pay does: a transaction only this wallet signs gets a fresh blockhash.
    const bytes = checked.soleSigner ? withRecentBlockhash(checked.transaction, (await createSolanaRpc({ url: ctx.endpoint }).getLatestBlockhash()).blockhash) : checked.transaction;
    const requestId = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    const extra = { type: 'Solana Pay', merchant: info.label, ...(info.icon ? { icon: info.icon } : {}), ...(answer.message ? { message: answer.message } : {}) };
    // The link's origin is who asks: the same approval, risk checks and signing a site's request gets.
    const asker = { ...ctx, origin: url.origin };
    const send = await signAndSendPrepared(asker, bytes, {}, extra);
    await showApproval('solana', url.origin, requestId, send.approval, account);
    const signature = await send.run();
    const network = getSolanaNetwork(clusterOf(ctx));
    return { signature, explorer: network ? solanaExplorerUrl(network, 'tx', signature) : null, label: info.label, ...(answer.message ? { message: answer.message } : {}) };
  } catch (err) {
    throw asWalletError(err);
  }
}
