/**
 * The popup's Bitcoin send: the recipient checked for the active network, coins chosen from the
 * gap-limit scan, the fee rate from the Send fields (slow / normal / fast from the API's estimates,
 * or a custom sat/vB), change to the first unused change address. The plan stays in the returned
 * closure: what the review screen showed is what gets signed (with the HD account's keys, or the
 * imported key), broadcast to Esplora and followed until it confirms.
 */
import { formatUnits } from 'viem';
import type { FamilyContext, PreparedSend, SendRequestGeneric, SentTransfer } from '../../types';
import { WalletError } from '../../../background/errors';
import { keyring } from '../../../background/keyring';
import { selectedAccount } from '../../../background/selectedAccount';
import { parseTokenAmount } from '../../evm/core/erc20';
import { validateBitcoinAddress } from '../core/address';
import { bitcoinExplorerTx } from '../core/descriptor';
import type { EsploraClient } from '../core/esplora';
import { fetchFeeRates, resolveFeeRate, type FeeLevel } from '../core/fees';
import { secretKeyProvider, bitcoinAccountFromMnemonic } from '../core/hdAccount';
import { broadcastTransaction, getTransactionState, planSend, signPlan, type SendPlan } from '../core/send';
import { withBitcoinSigner, type DappBitcoinNetwork } from './state';
import { bitcoinWallet, chainOf, esploraGuard, scanBitcoin } from './wallet';

export const btc = (sats: number): string => formatUnits(BigInt(sats), 8);

/**
 * The approval preview of a plan, the same for a send and its speed-up: amounts in BTC and the
 * plan's fee rate, size, inputs and change, between the caller's own rows (`lead` first, `tail` last).
 */
export function planPreview(from: string, to: string, plan: SendPlan, lead: Record<string, string>, tail: Record<string, string>): PreparedSend['preview'] {
  return {
    from,
    to,
    amount: btc(plan.amount),
    symbol: 'BTC',
    fee: btc(plan.fee),
    feeSymbol: 'BTC',
    details: { ...lead, feeRate: `${plan.feeRate} sat/vB`, vsize: `${plan.vsize} vB`, inputs: String(plan.inputs.length), change: btc(plan.change), ...tail },
  };
}

function parseSats(text: string): number {
  if (text.trim() === '') throw new WalletError('INVALID_AMOUNT', 'An amount is required');
  let v: bigint;
  try {
    v = parseTokenAmount(text, 8);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('Too many decimal')) throw new WalletError('TOO_MANY_DECIMALS', err.message, undefined, { decimals: 8 });
    throw new WalletError('INVALID_AMOUNT', 'Not a valid amount');
  }
  if (v <= 0n) throw new WalletError('INVALID_AMOUNT', 'The amount must be greater than zero');
  const sats = Number(v);
  if (!Number.isSafeInteger(sats)) throw new WalletError('INVALID_AMOUNT', 'Not a valid amount');
  return sats;
}

/** The Send fields' fee choice (FeeFields.tsx): a level, or 'custom' with a positive sat/vB. */
function feeChoiceOf(extra: SendRequestGeneric['extra']): { level: FeeLevel } | { custom: number } {
  const fee = extra?.fee;
  if (fee === 'custom') {
    const rate = Number(typeof extra?.feeRate === 'string' ? extra.feeRate.trim() : NaN);
    if (!(rate > 0)) throw new WalletError('INVALID_FEE', 'Enter a fee rate in sat/vB');
    return { custom: rate };
  }
  return { level: fee === 'slow' || fee === 'fast' ? fee : 'normal' };
}

/** Signs the plan with the selected account's keys (wiped afterwards) and broadcasts it. */
export async function signAndBroadcast(ctx: FamilyContext, network: DappBitcoinNetwork, client: EsploraClient, plan: SendPlan): Promise<string> {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
  const now = await selectedAccount();
  if (now.walletId !== ctx.sel.walletId || now.index !== ctx.sel.index) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed after the request was shown; nothing was signed');
  return esploraGuard(async () => {
    const w = await bitcoinWallet(network);
    let signed;
    if (w.kind === 'single') signed = await withBitcoinSigner(network, (s) => signPlan(plan, s.keys));
    else {
      const wallet = keyring.wallet(ctx.sel.walletId);
      if (wallet.kind !== 'mnemonic') throw new WalletError('WRONG_FAMILY', 'No Bitcoin key');
      const acc = bitcoinAccountFromMnemonic(wallet.mnemonic, wallet.passphrase, { network, scheme: w.account.scheme, account: 0 });
      try {
        signed = signPlan(plan, secretKeyProvider([acc]));
      } finally {
        acc.wipe();
      }
    }
    return broadcastTransaction(client, signed);
  });
}

/** Settles true once Esplora sees the transaction confirmed; rejects (status left pending) after ~10 minutes. */
async function confirmation(client: EsploraClient, hash: string): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    const st = await getTransactionState(client, hash).catch(() => ({ state: 'pending' as const }));
    if (st.state === 'confirmed') return true;
    await new Promise((r) => setTimeout(r, 10_000));
  }
  throw new Error('not confirmed yet');
}

/** What a confirmed Bitcoin plan returns to the shared send service. */
export async function sendPlan(ctx: FamilyContext, plan: SendPlan): Promise<SentTransfer> {
  const { network, client } = chainOf(ctx);
  const hash = await signAndBroadcast(ctx, network, client, plan);
  return { hash, explorer: bitcoinExplorerTx(network, hash), settled: confirmation(client, hash) };
}

export async function bitcoinPrepareSend(ctx: FamilyContext, req: SendRequestGeneric): Promise<PreparedSend> {
  const { network, client } = chainOf(ctx);
  const to = req.to;
  if (!to) throw new WalletError('INVALID_ADDRESS', 'A recipient is required');
  const check = validateBitcoinAddress(to, network);
  if (!check.ok) throw new WalletError(check.reason === 'network' ? 'ADDRESS_NETWORK' : check.reason === 'checksum' ? 'ADDRESS_CHECKSUM' : 'INVALID_ADDRESS', check.message);
  if (req.token) throw new WalletError('UNKNOWN_TOKEN', 'Bitcoin has no tokens here');
  const isMax = req.amount === 'max';
  const sats = isMax ? 0 : parseSats(req.amount);
  const choice = feeChoiceOf(req.extra);
  const { plan, view, rates } = await esploraGuard(async () => {
    const [view, rates] = await Promise.all([scanBitcoin(network, client), fetchFeeRates(client).catch(() => undefined)]);
    const feeRate = resolveFeeRate(choice, rates);
    const plan = planSend({ network, recipients: [{ address: to, amount: sats }], sendMax: isMax, utxos: view.utxos, changeAddress: view.change, feeRate });
    return { plan, view, rates };
  });
  return {
    preview: planPreview(view.receive.address, to, plan, {}, {
      rbf: plan.rbf ? 'yes' : 'no',
      ...(rates ? { rates: `${rates.slow} / ${rates.normal} / ${rates.fast} sat/vB` } : {}),
    }),
    facts: { kind: 'transfer', recipient: to, amount: { value: btc(plan.amount), symbol: 'BTC' } },
    record: { value: String(plan.amount), decimals: 8 },
    confirm: () => sendPlan(ctx, plan),
  };
}
