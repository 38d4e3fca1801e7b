/**
 * The Bitcoin dApp methods' PSBTs and sends: the approval shows the decoded PSBT (only the wallet's
 * own inputs are ever signed; a foreign input is refused before any window opens), broadcast to
 * Esplora, and sendBitcoin planned, approved, signed and recorded in the activity.
 */
import { fetchFeeRates } from '../core/fees';
import type { WalletAddress } from '../core/hdAccount';
import { analyzePsbt, extractPsbtTransaction, signPsbt, type PsbtAnalysis, type PsbtWallet, type SignPsbtOptions } from '../core/psbt';
import { fetchWalletUtxos } from '../core/scan';
import { broadcastTransaction, planSend, signPlan } from '../core/send';
import type { RiskWarning } from '../../../protocol/approvals';
import type { DappApproval, DappCall, DappPrepared } from '../../types';
import { recordActivity } from '../../../background/activity';
import { esploraFor, type BitcoinState } from './state';
import { invalidParams } from '../../../background/dapp/providerError';
import { CHAIN_INFO, guard, signAs, siteAccount } from './dappCommon';

// ---------------------------------------------------------------------------------------------
// PSBTs

export const sats = (n: number | undefined): string => (n === undefined ? 'unknown' : `${n} sats (${(n / 1e8).toFixed(8)} BTC)`);

function psbtDisplay(a: PsbtAnalysis, address: WalletAddress, state: BitcoinState, toSign: readonly number[]): Record<string, unknown> {
  return {
    account: address.address,
    network: CHAIN_INFO[state.network].name,
    'you spend': sats(a.spend),
    'you receive': sats(a.receive),
    'net change': `${a.net} sats`,
    fee: a.fee === undefined ? 'unknown' : `${sats(a.fee)}${a.feeRate !== undefined ? `, ~${a.feeRate} sat/vB` : ''}`,
    'inputs to sign': toSign.join(', '),
    inputs: a.inputs.map((i) => ({
      index: i.index,
      outpoint: `${i.txid}:${i.vout}`,
      address: i.address ?? 'unknown script',
      value: i.value ?? 'unknown',
      yours: i.ours,
      sighash: i.sighashFlagged ? `${i.sighashName} (flagged)` : i.sighashName,
    })),
    outputs: a.outputs.map((o) => ({ index: o.index, address: o.address ?? `script ${o.script.slice(0, 40)}`, value: o.value, yours: o.ours })),
  };
}

function psbtWarnings(a: PsbtAnalysis): RiskWarning[] {
  return a.warnings.map((w) => ({ code: `BTC_${w.code}`, severity: w.code === 'SIGHASH_NOT_ALL' || w.code === 'UTXO_MISMATCH' ? 'danger' : 'warning', params: { input: w.input ?? '' } }));
}

class DryRun extends Error {}

/**
 * Validates a signing request without keys: toSignInputs must name only our inputs, in range, with
 * matching address/publicKey. Returns the input indexes that will be signed. Refusals happen here,
 * before any approval window opens.
 */
function checkSignable(psbt: string, wallet: PsbtWallet, opts: SignPsbtOptions, analysis: PsbtAnalysis): number[] {
  try {
    signPsbt(psbt, wallet, () => {
      throw new DryRun();
    }, opts);
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  if (opts.toSignInputs?.length) return [...new Set(opts.toSignInputs.map((t) => t.index))];
  return analysis.inputs.filter((i) => i.ours && !i.finalized).map((i) => i.index);
}

export interface PsbtPrepared {
  approval: DappApproval;
  sign(): Promise<{ hex: string; base64: string; complete: boolean }>;
}

/** Decodes and checks a PSBT (refusals here, before any window) and its approval; `sign` after it. */
export async function psbtPrepared(call: DappCall, psbt: string, opts: SignPsbtOptions): Promise<PsbtPrepared> {
  const { state, address } = await siteAccount();
  const wallet: PsbtWallet = { network: state.network, addresses: [address] };
  const analysis = await guard(() => analyzePsbt(psbt, wallet));
  const toSign = await guard(() => checkSignable(psbt, wallet, opts, analysis));
  return {
    approval: { kind: 'signPsbt', display: psbtDisplay(analysis, address, state, toSign), warnings: psbtWarnings(analysis) },
    sign: () => signAs(call, state.network, (s) => signPsbt(psbt, { network: state.network, addresses: [s.address] }, s.keys, opts)),
  };
}

export async function pushRaw(state: BitcoinState, hex: string, txid?: string): Promise<string> {
  return guard(async () => {
    const client = esploraFor(state);
    if (txid) return broadcastTransaction(client, { hex, txid });
    return client.broadcast(hex);
  });
}

export async function pushPsbt(psbt: string): Promise<string> {
  const { state } = await siteAccount();
  const tx = await guard(() => extractPsbtTransaction(psbt));
  return pushRaw(state, tx.hex, tx.txid);
}

// ---------------------------------------------------------------------------------------------
// Sending

/** Plans a send (refusals here, before any window); `run` signs, broadcasts and records it after the approval. */
export async function sendPrepared(call: DappCall, recipients: { address: string; amount: number }[], feeRateOpt: number | undefined, answer: (txid: string) => unknown = (txid) => txid): Promise<DappPrepared> {
  const { state, address } = await siteAccount();
  const client = esploraFor(state);
  const plan = await guard(async () => {
    const utxos = await fetchWalletUtxos(client, [address]);
    const feeRate = feeRateOpt ?? (await fetchFeeRates(client)).normal;
    return planSend({ network: state.network, recipients, utxos, changeAddress: address, feeRate });
  });
  const to = recipients.map((r) => r.address).join(', ');
  const approval: DappApproval = {
    kind: 'sendBitcoin',
    display: {
      account: address.address,
      network: CHAIN_INFO[state.network].name,
      to,
      amount: sats(plan.amount),
      fee: sats(plan.fee),
      feeRate: `${plan.feeRate} sat/vB (effective ${plan.effectiveFeeRate})`,
      vsize: `${plan.vsize} vB`,
      change: sats(plan.change),
      inputs: plan.inputs.length,
      rbf: plan.rbf ? 'yes' : 'no',
    },
  };
  const run = async (): Promise<unknown> => {
    const signed = await signAs(call, state.network, (s) => signPlan(plan, s.keys));
    const txid = await guard(() => broadcastTransaction(client, signed));
    await recordActivity({
      hash: txid,
      family: 'bitcoin',
      chainId: state.network,
      from: address.address,
      to: recipients[0]!.address,
      value: String(plan.amount),
      symbol: 'BTC',
      decimals: 8,
      origin: call.origin,
      explorer: null,
    });
    return answer(txid);
  };
  return { approval, run };
}

export function amountOf(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) throw invalidParams(`${what} must be a positive integer number of satoshis`);
  return v;
}

export function feeRateOf(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw invalidParams('feeRate must be a positive number (sat/vB)');
  return v;
}
