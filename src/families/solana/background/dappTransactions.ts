/**
 * Transactions someone asks this wallet to sign or send: decode and simulate them for the approval
 * window (instructions in words, simulated balance changes, token labels), state the risk facts of
 * each outgoing transfer (the shared engine judges them), then sign with the lent key of the account
 * the user saw — and for a send, broadcast, record the activity and follow it to its final status.
 * Used by the dApp methods (dapp.ts, behind the shared pipeline) and by Solana Pay transaction
 * requests (payRequest.ts), so both take the same path from bytes to the network.
 */
import { base58, base64 } from '@scure/base';
import { formatLamports, formatUnits } from '../core/errors';
import { previewSolanaTransaction, type SolanaTransactionPreview } from '../core/preview';
import { createSolanaRpc, type SendOptions } from '../core/rpc';
import { confirmSolanaTransaction, sendSolanaTransaction } from '../core/send';
import { signSolanaTransaction } from '../core/sign';
import { parseWireTransaction } from '../core/wire';
import type { DappApproval, DappPrepared, FamilyContext, RiskFacts } from '../../types';
import { recordActivity, updateActivity } from '../../../background/activity';
import { invalidParams } from '../../../background/dapp/providerError';
import { mintsOf, outgoingTransfers, solOutflow, toApprovalWarnings, transactionDisplay } from './display';
import { tokenLabels } from './tokenLabels';
import { bytesOf, chainOf, checkAccount, checkChain, clusterOf, guard, MAX_TRANSACTIONS, MAX_TX_BASE64, networkLabel, obj, sendOptionsOf } from './dappParams';

/** The preview waits this long for the RPC before showing the request without a simulation. */
const PREVIEW_RPC_TIMEOUT_MS = 8_000;

/** Who asks (a site, or the merchant of a payment link) and the account and network it is asked of. */
export type SolanaAsker = FamilyContext & { origin: string; validating?: true };

/** One transaction of a request: its bytes, the account and chain it names checked (the account only once unlocked). */
function txBytes(v: unknown, i: number, site: SolanaAsker): Uint8Array {
  const o = obj(v, `transactions[${i}]`);
  if (!site.validating) checkAccount(o.account, site.address);
  checkChain(o.chain, chainOf(site));
  return bytesOf(o.transaction, `transactions[${i}].transaction`, MAX_TX_BASE64);
}

/** Refuses bad bytes / foreign transactions without touching the network, then previews with it. */
async function previewAll(site: SolanaAsker, list: readonly Uint8Array[]): Promise<SolanaTransactionPreview[]> {
  for (const bytes of list) await guard(() => previewSolanaTransaction(null, bytes, { wallet: site.address }));
  const rpc = createSolanaRpc({ url: site.endpoint, timeoutMs: PREVIEW_RPC_TIMEOUT_MS });
  const out: SolanaTransactionPreview[] = [];
  for (const bytes of list) out.push(await guard(() => previewSolanaTransaction(rpc, bytes, { wallet: site.address })));
  return out;
}

/** The risk facts of a preview: each outgoing transfer (SOL summed), or a contract call when nothing leaves. */
function transactionFacts(address: string, p: SolanaTransactionPreview): RiskFacts[] {
  const transfers = outgoingTransfers(p.instructions, address);
  const facts: RiskFacts[] = [];
  const sol = solOutflow(transfers);
  if (sol.lamports > 0n) facts.push({ kind: 'transfer', amount: { value: formatLamports(sol.lamports), symbol: 'SOL' }, ...(sol.to ? { recipient: sol.to } : {}) });
  for (const t of transfers.filter((x) => x.asset === 'token')) {
    facts.push({
      kind: 'transfer',
      recipient: t.to,
      ...(t.mint ? { tokenContract: t.mint } : {}),
      ...(t.decimals !== undefined ? { amount: { value: formatUnits(t.amount, t.decimals), symbol: t.mint ?? 'token' } } : {}),
    });
  }
  if (facts.length === 0) facts.push({ kind: 'contract' });
  return facts;
}

/** The approval window of one or several transactions: their decoded view, warnings and risk facts. */
async function transactionApproval(site: SolanaAsker, previews: SolanaTransactionPreview[], send: boolean, extra: Record<string, unknown> = {}): Promise<DappApproval> {
  const { address } = site;
  const head = { account: address, network: networkLabel(site), ...extra };
  const labels = await tokenLabels(clusterOf(site), site.endpoint, previews.flatMap(mintsOf));
  const display: Record<string, unknown> =
    previews.length === 1 ? { ...head, ...transactionDisplay(previews[0]!, address, labels) } : { ...head, transactions: previews.map((p, i) => ({ '#': i + 1, ...transactionDisplay(p, address, labels) })) };
  return {
    kind: send ? 'sendSolanaTransaction' : 'signSolanaTransaction',
    display,
    warnings: previews.flatMap((p) => toApprovalWarnings(p.warnings)),
    factsList: previews.flatMap((p) => transactionFacts(address, p)),
  };
}

/** signTransaction: one approval for all of a request's transactions (Wallet Standard signs several at once). */
export async function signTransactionsPrepared(site: SolanaAsker, params: unknown): Promise<DappPrepared> {
  const list = obj(params, 'params').transactions;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_TRANSACTIONS) throw invalidParams(`transactions must be an array of 1 … ${MAX_TRANSACTIONS} transactions`);
  const inputs = list.map((v, i) => txBytes(v, i, site));
  // Locked: the bytes must at least be a transaction; whether this account signs it is checked once unlocked.
  if (site.validating) {
    for (const bytes of inputs) await guard(() => parseWireTransaction(bytes));
    return { approval: null, run: async () => undefined };
  }
  const approval = await transactionApproval(site, await previewAll(site, inputs), false);
  return {
    approval,
    run: async () => {
      const signed = await site.withKey(async (k) => inputs.map((bytes) => signSolanaTransaction(bytes, k.secretKey).signedTransaction));
      return { signedTransactions: signed.map((b) => base64.encode(b)) };
    },
  };
}

/** signAndSendTransaction's params: the transaction (all other signatures present), its chain and send options. */
export async function sendParams(site: SolanaAsker, params: unknown): Promise<{ bytes: Uint8Array; options: SendOptions }> {
  const p = obj(params, 'params');
  const bytes = txBytes(p, 0, site);
  const options = sendOptionsOf(p.options);
  const parsed = await guard(() => parseWireTransaction(bytes));
  // Sending needs every other signature already present: refuse before the window, not after.
  const missing = !site.validating && parsed.signatures.some((s, i) => parsed.requiredSigners[i] !== site.address && s.every((b) => b === 0));
  if (missing) throw invalidParams('the transaction needs signatures from other accounts before it can be sent; use signTransaction instead');
  return { bytes, options };
}

/**
 * The one path from a transaction someone asks this wallet to send to the network: preview
 * (decode + simulation) and the approval (risk facts, `site.origin` is who asks; `extra`: a payment
 * link's merchant and message, shown above the transaction); `run` signs with the account the user
 * saw, broadcasts, records the activity and returns the base58 signature at once, following the
 * transaction to its final status in the background (as wallets do).
 */
export async function signAndSendPrepared(site: SolanaAsker, bytes: Uint8Array, options: SendOptions, extra: Record<string, unknown> = {}): Promise<{ approval: DappApproval; run(): Promise<string> }> {
  const [preview] = await previewAll(site, [bytes]);
  const approval = await transactionApproval(site, [preview!], true, extra);
  const run = async (): Promise<string> => {
    // Guarded here too: a payment link's caller gets the same errors a site does.
    const signed = await guard(() => site.withKey(async (k) => signSolanaTransaction(bytes, k.secretKey)));
    const rpc = createSolanaRpc({ url: site.endpoint });
    const signature = await guard(() => sendSolanaTransaction(rpc, signed.signedTransaction, options));
    const first = outgoingTransfers(preview!.instructions, site.address)[0];
    await recordActivity({
      hash: signature,
      family: 'solana',
      chainId: clusterOf(site),
      from: site.address,
      to: first?.to ?? null,
      value: String(first?.amount ?? 0n),
      symbol: first?.asset === 'token' ? (first.mint ?? 'token') : 'SOL',
      decimals: first?.asset === 'token' ? (first.decimals ?? 0) : 9,
      origin: site.origin,
      explorer: null,
    });
    void confirmSolanaTransaction(rpc, signature, { timeoutMs: 90_000 })
      .then((r) => (r.status === 'confirmed' ? updateActivity(signature, 'confirmed') : r.status === 'failed' || r.status === 'expired' ? updateActivity(signature, 'failed') : undefined))
      .catch(() => undefined);
    return signature;
  };
  return { approval, run };
}

/** base58 signature → the base64 the page's wallet decodes. */
export const signatureForPage = (signature: string): string => base64.encode(base58.decode(signature));
