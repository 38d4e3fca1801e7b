/**
 * Sending bitcoin: plan (validate recipients, select coins, compute the exact fee and vsize
 * estimate shown to the user, build the unsigned PSBT with RBF signalled), sign the plan with the
 * wallet's keys (p2wpkh, p2tr BIP86 key path, p2sh-p2wpkh, p2pkh) and extract the raw transaction,
 * broadcast it and track its status. "Speed up" (BIP125 replace-by-fee) rebuilds a pending
 * transaction from its hex and our coin data, spending the same inputs at a higher fee taken from
 * our change output.
 *
 * Amounts are integer satoshis as JS numbers (all of them fit exactly; numbers survive extension
 * messaging, bigints do not); conversion to bigint happens only at the @scure/btc-signer boundary.
 */
import { base64 } from '@scure/base';
import { Transaction } from '@scure/btc-signer';
import { bytesToHex, equalBytes, hexToBytes } from '../../../core/derive/bytes.ts';
import { selectCoins, type SelectionAlgorithm } from './coinSelection.ts';
import { BitcoinError } from './errors.ts';
import { EsploraError, type EsploraClient, type EsploraTxStatus } from './esplora.ts';
import { checkFeeRate } from './fees.ts';
import type { SecretKeyProvider, WalletAddress } from './hdAccount.ts';
import type { WalletUtxo } from './scan.ts';
import { checkRecipientAddress, scriptToAddress, type BitcoinNetworkName } from './script.ts';
import { RBF_SEQUENCE, signWalletInput, walletInput, type SpendableCoin } from './signer.ts';
import { dustThreshold, estimateWeight, feeForVsize, weightToVsize, type InputType } from './txSize.ts';

export interface Recipient {
  address: string;
  /** Satoshis (ignored for send-max). */
  amount: number;
}

export interface SendParams {
  network: BitcoinNetworkName;
  recipients: readonly Recipient[];
  /** Spend every coin in `utxos` to the single recipient, no change. */
  sendMax?: boolean;
  utxos: readonly WalletUtxo[];
  changeAddress: WalletAddress;
  /** sat/vB (see fees.ts for slow/normal/fast). */
  feeRate: number;
  minFeeRate?: number;
  longTermFeeRate?: number;
  lockTime?: number;
  /** Signal BIP125 replaceability (default true). */
  rbf?: boolean;
  /** Put the change output at a random position, as Bitcoin Core does (default true). */
  randomizeChangePosition?: boolean;
}

export interface PlannedInput {
  txid: string;
  vout: number;
  value: number;
  address: string;
  /** Which wallet key spends it. */
  owner: WalletAddress;
}

export interface PlannedOutput {
  /** Undefined only for non-address outputs (never produced by planSend). */
  address: string | undefined;
  value: number;
  /** scriptPubKey hex. */
  script: string;
  isChange: boolean;
}

export interface ReplacementInfo {
  /** The transaction this one replaces. */
  txid: string;
  fee: number;
  vsize: number;
  /** BIP125 floor: original fee + new vsize × incremental relay fee rate (and above the original fee rate). */
  minFee: number;
  /** False when the original did not signal BIP125 (replaceable only under full-RBF relay policy). */
  signaledRbf: boolean;
}

/** Everything the confirmation screen shows, plus the unsigned PSBT the signer signs. */
export interface SendPlan {
  kind: 'send' | 'speed-up';
  network: BitcoinNetworkName;
  inputs: PlannedInput[];
  outputs: PlannedOutput[];
  /** Sum sent to recipients. */
  amount: number;
  /** Change value (0 when no change output). */
  change: number;
  fee: number;
  /** Requested sat/vB. */
  feeRate: number;
  /** fee / estimated vsize. */
  effectiveFeeRate: number;
  /** Estimated size of the signed transaction (never below the real one). */
  vsize: number;
  weight: number;
  algorithm: SelectionAlgorithm | 'rbf';
  /** Sats added to the fee instead of creating dust change. */
  excessToFee: number;
  rbf: boolean;
  /** Unsigned PSBT (v0), base64. */
  psbt: string;
  replaces?: ReplacementInfo;
}

export interface SignedTransaction {
  txid: string;
  hex: string;
  fee: number;
  /** Real size of the signed transaction. */
  vsize: number;
  weight: number;
}

const TX_OPTS = { version: 2, lowR: true } as const;

function coinKey(txid: string, vout: number): string {
  return `${txid.toLowerCase()}:${vout}`;
}

const rate2 = (fee: number, vsize: number): number => Math.round((fee / vsize) * 100) / 100;

function randomIndex(n: number): number {
  if (n <= 1) return 0;
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0]! % n;
}

function buildPsbt(inputs: readonly SpendableCoin[], outputs: readonly { script: Uint8Array; value: number }[], sequence: number, lockTime: number): string {
  const tx = new Transaction({ ...TX_OPTS, lockTime });
  for (const c of inputs) tx.addInput(walletInput(c, sequence));
  for (const o of outputs) tx.addOutput({ script: o.script, amount: BigInt(o.value) });
  return base64.encode(tx.toPSBT(0));
}

function plannedInputs(coins: readonly SpendableCoin[]): PlannedInput[] {
  return coins.map((c) => ({ txid: c.txid, vout: c.vout, value: c.value, address: c.address.address, owner: c.address }));
}

function checkCoins(coins: readonly WalletUtxo[], network: string): void {
  const seen = new Set<string>();
  for (const c of coins) {
    if (!/^[0-9a-f]{64}$/i.test(c.txid) || !Number.isInteger(c.vout) || c.vout < 0) throw new BitcoinError('INVALID_PLAN', 'Malformed coin outpoint');
    if (!Number.isSafeInteger(c.value) || c.value <= 0) throw new BitcoinError('INVALID_AMOUNT', 'Coin values must be positive integer satoshis');
    if (c.address.network !== network) throw new BitcoinError('WRONG_NETWORK', `Coin ${c.txid}:${c.vout} belongs to ${c.address.network}, not ${network}`);
    const k = coinKey(c.txid, c.vout);
    if (seen.has(k)) throw new BitcoinError('INVALID_PLAN', `Coin ${k} is listed twice`);
    seen.add(k);
  }
}

/** Validates, selects coins and builds the unsigned transaction. Throws BitcoinError codes. */
export function planSend(p: SendParams): SendPlan {
  const feeRate = checkFeeRate(p.feeRate, p.minFeeRate !== undefined ? { minFeeRate: p.minFeeRate } : {});
  if (p.recipients.length === 0) throw new BitcoinError('INVALID_AMOUNT', 'Add a recipient');
  if (p.changeAddress.network !== p.network) throw new BitcoinError('WRONG_NETWORK', 'Change address is for another network');
  checkCoins(p.utxos, p.network);
  const recipients = p.recipients.map((r, i) => {
    const c = checkRecipientAddress(r.address, p.network);
    if (!c.ok) throw new BitcoinError(c.code, c.message, { address: r.address, recipient: i });
    if (!p.sendMax) {
      if (!Number.isSafeInteger(r.amount) || r.amount <= 0) throw new BitcoinError('INVALID_AMOUNT', 'Amount must be a positive whole number of satoshis', { recipient: i });
      const dust = dustThreshold(c.script);
      if (r.amount < dust) throw new BitcoinError('AMOUNT_BELOW_DUST', `Amount must be at least ${dust} sat for this address type`, { recipient: i, amount: r.amount, dustLimit: dust });
    }
    return { address: r.address.trim(), script: c.script, value: p.sendMax ? 0 : r.amount };
  });
  const changeScript = hexToBytes(p.changeAddress.script);
  const sel = selectCoins({
    utxos: p.utxos.map((u) => ({ ...u, type: u.address.scheme as InputType })),
    outputs: recipients.map((r) => ({ script: r.script, value: r.value })),
    feeRate,
    change: { script: changeScript, inputType: p.changeAddress.scheme },
    ...(p.longTermFeeRate !== undefined ? { longTermFeeRate: p.longTermFeeRate } : {}),
    ...(p.sendMax ? { sendMax: true } : {}),
  });
  const outputs: PlannedOutput[] = recipients.map((r, i) => ({ address: r.address, value: sel.outputValues[i]!, script: bytesToHex(r.script), isChange: false }));
  if (sel.change > 0) {
    const change: PlannedOutput = { address: p.changeAddress.address, value: sel.change, script: p.changeAddress.script, isChange: true };
    const pos = p.randomizeChangePosition === false ? outputs.length : randomIndex(outputs.length + 1);
    outputs.splice(pos, 0, change);
  }
  const rbf = p.rbf ?? true;
  const coins: SpendableCoin[] = sel.inputs.map(({ txid, vout, value, address, prevTxHex }) => ({ txid, vout, value, address, ...(prevTxHex ? { prevTxHex } : {}) }));
  const psbt = buildPsbt(
    coins,
    outputs.map((o) => ({ script: hexToBytes(o.script), value: o.value })),
    rbf ? RBF_SEQUENCE : 0xfffffffe,
    p.lockTime ?? 0,
  );
  return {
    kind: 'send',
    network: p.network,
    inputs: plannedInputs(coins),
    outputs,
    amount: sel.outputValues.reduce((s, v) => s + v, 0),
    change: sel.change,
    fee: sel.fee,
    feeRate,
    effectiveFeeRate: rate2(sel.fee, sel.vsize),
    vsize: sel.vsize,
    weight: sel.weight,
    algorithm: sel.algorithm,
    excessToFee: sel.excessToFee,
    rbf,
    psbt,
  };
}

/** Re-checks that the plan's PSBT is exactly what the plan says (inputs, outputs, fee). */
function parsePlanPsbt(plan: SendPlan): Transaction {
  let tx: Transaction;
  try {
    tx = Transaction.fromPSBT(base64.decode(plan.psbt), { lowR: true });
  } catch {
    throw new BitcoinError('INVALID_PLAN', 'The plan carries no valid PSBT');
  }
  const mismatch = (what: string): BitcoinError => new BitcoinError('INVALID_PLAN', `The PSBT does not match the plan (${what})`);
  if (tx.inputsLength !== plan.inputs.length || tx.outputsLength !== plan.outputs.length) throw mismatch('counts');
  plan.inputs.forEach((pi, i) => {
    const inp = tx.getInput(i);
    if (!inp.txid || bytesToHex(inp.txid) !== pi.txid.toLowerCase() || inp.index !== pi.vout) throw mismatch(`input ${i}`);
    if (inp.witnessUtxo && inp.witnessUtxo.amount !== BigInt(pi.value)) throw mismatch(`input ${i} value`);
    if (inp.witnessUtxo && bytesToHex(inp.witnessUtxo.script) !== pi.owner.script) throw mismatch(`input ${i} script`);
  });
  plan.outputs.forEach((po, i) => {
    const out = tx.getOutput(i);
    if (out.amount !== BigInt(po.value) || !out.script || !equalBytes(out.script, hexToBytes(po.script))) throw mismatch(`output ${i}`);
  });
  if (tx.fee !== BigInt(plan.fee)) throw mismatch('fee');
  return tx;
}

/** Signs every input of a plan with the wallet's keys and extracts the raw transaction. */
export function signPlan(plan: SendPlan, keys: SecretKeyProvider): SignedTransaction {
  const tx = parsePlanPsbt(plan);
  plan.inputs.forEach((pi, i) => signWalletInput(tx, i, pi.owner, keys));
  tx.finalize();
  const raw = tx.extract();
  const signed = Transaction.fromRaw(raw, { allowUnknownOutputs: true });
  return { txid: signed.id, hex: bytesToHex(raw), fee: Number(tx.fee), vsize: signed.vsize, weight: signed.weight };
}

/** Broadcasts and checks the server echoes the expected txid. */
export async function broadcastTransaction(client: EsploraClient, signed: Pick<SignedTransaction, 'hex' | 'txid'>): Promise<string> {
  const txid = await client.broadcast(signed.hex);
  if (txid.toLowerCase() !== signed.txid.toLowerCase()) {
    throw new BitcoinError('INVALID_TRANSACTION', `Server acknowledged ${txid}, expected ${signed.txid}`);
  }
  return txid;
}

export type TransactionState =
  | { state: 'pending' }
  | { state: 'confirmed'; blockHeight: number; confirmations: number }
  | { state: 'not_found' };

/** Status for the activity list: pending (mempool), confirmed with depth, or gone (dropped/replaced). */
export async function getTransactionState(client: EsploraClient, txid: string): Promise<TransactionState> {
  let status: EsploraTxStatus;
  try {
    status = await client.getTxStatus(txid);
  } catch (err) {
    if (err instanceof EsploraError && err.kind === 'not_found') return { state: 'not_found' };
    throw err;
  }
  if (!status.confirmed || status.blockHeight === undefined) return { state: 'pending' };
  const tip = await client.getTipHeight();
  return { state: 'confirmed', blockHeight: status.blockHeight, confirmations: Math.max(1, tip - status.blockHeight + 1) };
}

// ---------------------------------------------------------------------------------------------
// Replace-by-fee "speed up"

export interface SpeedUpParams {
  network: BitcoinNetworkName;
  /** The pending transaction (signed raw hex). */
  txHex: string;
  /** Our coins it spends (each input must be one; see resolveSpentCoins). */
  spentCoins: readonly WalletUtxo[];
  /** Wallet addresses; an output to one of our change (chain 1) addresses is the change to reduce. */
  walletAddresses: readonly WalletAddress[];
  /** New fee rate, sat/vB. */
  feeRate: number;
  /** Confirmed coins to add if the change cannot absorb the higher fee (BIP125: no new unconfirmed inputs). */
  extraUtxos?: readonly WalletUtxo[];
  /** Where new change goes when the original had none and coins had to be added. */
  changeAddress?: WalletAddress;
  /** Bitcoin Core's incremental relay fee, default 1 sat/vB. */
  incrementalRelayFeeRate?: number;
  minFeeRate?: number;
}

function parseRawTx(txHex: string): Transaction {
  try {
    return Transaction.fromRaw(hexToBytes(txHex.trim()), { allowUnknownOutputs: true, allowUnknownInputs: true, disableScriptCheck: true });
  } catch {
    throw new BitcoinError('INVALID_TRANSACTION', 'Not a valid raw Bitcoin transaction');
  }
}

/**
 * Rebuilds the coins a pending transaction of ours spends from the parents' raw transactions,
 * matching each spent output's script against the wallet's addresses. Inputs that are not ours
 * are left out (planSpeedUp then refuses with RBF_FOREIGN_INPUT).
 */
export async function resolveSpentCoins(client: EsploraClient, txHex: string, walletAddresses: readonly WalletAddress[]): Promise<WalletUtxo[]> {
  const tx = parseRawTx(txHex);
  const byScript = new Map(walletAddresses.map((w) => [w.script, w]));
  const coins: WalletUtxo[] = [];
  for (let i = 0; i < tx.inputsLength; i++) {
    const inp = tx.getInput(i);
    if (!inp.txid || inp.index === undefined) continue;
    const txid = bytesToHex(inp.txid);
    const parentHex = await client.getTxHex(txid);
    const parent = parseRawTx(parentHex);
    if (parent.id !== txid || inp.index >= parent.outputsLength) continue;
    const out = parent.getOutput(inp.index);
    if (!out.script || out.amount === undefined) continue;
    const wa = byScript.get(bytesToHex(out.script));
    if (!wa) continue;
    const status = await client.getTxStatus(txid);
    coins.push({ txid, vout: inp.index, value: Number(out.amount), confirmed: status.confirmed, address: wa, prevTxHex: parentHex });
  }
  return coins;
}

/** Plans a BIP125 replacement of a pending transaction at a higher fee rate. */
export function planSpeedUp(p: SpeedUpParams): SendPlan {
  const feeRate = checkFeeRate(p.feeRate, p.minFeeRate !== undefined ? { minFeeRate: p.minFeeRate } : {});
  const incremental = p.incrementalRelayFeeRate ?? 1;
  const orig = parseRawTx(p.txHex);
  const coinsByKey = new Map(p.spentCoins.map((c) => [coinKey(c.txid, c.vout), c]));
  const inputs: WalletUtxo[] = [];
  let signaledRbf = false;
  for (let i = 0; i < orig.inputsLength; i++) {
    const inp = orig.getInput(i);
    if (!inp.txid || inp.index === undefined) throw new BitcoinError('INVALID_TRANSACTION', `Input ${i} has no outpoint`);
    if ((inp.sequence ?? 0xffffffff) < 0xfffffffe) signaledRbf = true;
    const coin = coinsByKey.get(coinKey(bytesToHex(inp.txid), inp.index));
    if (!coin) throw new BitcoinError('RBF_FOREIGN_INPUT', `Input ${i} of the transaction is not a coin of this wallet; it cannot be replaced here`, { index: i });
    if (coin.address.network !== p.network) throw new BitcoinError('WRONG_NETWORK', 'Coin network does not match');
    inputs.push(coin);
  }
  const origIn = inputs.reduce((s, c) => s + c.value, 0);
  const origOuts: { script: Uint8Array; value: number }[] = [];
  for (let i = 0; i < orig.outputsLength; i++) {
    const o = orig.getOutput(i);
    if (!o.script || o.amount === undefined) throw new BitcoinError('INVALID_TRANSACTION', `Output ${i} is malformed`);
    origOuts.push({ script: o.script, value: Number(o.amount) });
  }
  const origFee = origIn - origOuts.reduce((s, o) => s + o.value, 0);
  if (origFee < 0) throw new BitcoinError('INVALID_TRANSACTION', 'Coin values do not match the transaction (outputs exceed inputs)');
  const origVsize = orig.vsize;

  const changeScripts = new Map(p.walletAddresses.filter((w) => w.chain === 1).map((w) => [w.script, w]));
  let changeIdx = -1;
  origOuts.forEach((o, i) => {
    if (changeScripts.has(bytesToHex(o.script))) changeIdx = i;
  });
  const changeOwner = changeIdx >= 0 ? changeScripts.get(bytesToHex(origOuts[changeIdx]!.script)) : p.changeAddress;

  // BIP125 rules 3+4 and Core's feerate check: pay more than the original in total, by at least
  // the new size × incremental relay rate, and at a higher fee rate. The fee is that floor or the
  // asked rate, whichever is more.
  const bip125Floor = (vsize: number): number => Math.max(origFee + feeForVsize(vsize, incremental), Math.floor((origFee * vsize) / origVsize) + 1);
  const feeFor = (vsize: number): number => Math.max(feeForVsize(vsize, feeRate), bip125Floor(vsize));
  const replaces = (vsize: number): ReplacementInfo => ({ txid: orig.id, fee: origFee, vsize: origVsize, minFee: bip125Floor(vsize), signaledRbf });

  const fixedOuts = origOuts.filter((_, i) => i !== changeIdx);
  const fixedSum = fixedOuts.reduce((s, o) => s + o.value, 0);
  const extra = [...(p.extraUtxos ?? [])].filter((c) => !coinsByKey.has(coinKey(c.txid, c.vout))).sort((a, b) => b.value - a.value);
  if (extra.some((c) => !c.confirmed)) {
    throw new BitcoinError('RBF_UNCONFIRMED_INPUT', 'A replacement may only add confirmed coins (BIP125 rule 2)');
  }
  checkCoins([...inputs, ...extra], p.network);
  const base: SpeedUpBase = { params: p, fixedOuts, feeRate, lockTime: orig.lockTime };

  const chosen = [...inputs];
  for (let added = 0; added <= extra.length; added++) {
    if (added > 0) chosen.push(extra[added - 1]!);
    const types = chosen.map((c) => c.address.scheme);
    const total = chosen.reduce((s, c) => s + c.value, 0);
    const outLens = fixedOuts.map((o) => o.script.length);
    if (changeOwner) {
      const script = hexToBytes(changeOwner.script);
      const wCh = estimateWeight(types, [...outLens, script.length]);
      const feeCh = feeFor(weightToVsize(wCh));
      const value = total - fixedSum - feeCh;
      if (value >= dustThreshold(script)) {
        return speedUpPlan(base, chosen, { index: changeIdx, script, value }, feeCh, wCh, 0, replaces(weightToVsize(wCh)));
      }
    }
    // Change would be dust (or there is none): whatever is left over is fee.
    const wNo = estimateWeight(types, outLens);
    const feeNo = feeFor(weightToVsize(wNo));
    if (total - fixedSum >= feeNo) {
      return speedUpPlan(base, chosen, undefined, total - fixedSum, wNo, total - fixedSum - feeNo, replaces(weightToVsize(wNo)));
    }
  }
  if (changeIdx < 0 && extra.length === 0) {
    throw new BitcoinError('RBF_NO_CHANGE', 'The transaction has no change output to pay a higher fee from; add coins to speed it up', { originalFee: origFee });
  }
  const total = chosen.reduce((s, c) => s + c.value, 0);
  const need = fixedSum + feeFor(weightToVsize(estimateWeight(chosen.map((c) => c.address.scheme), fixedOuts.map((o) => o.script.length))));
  throw new BitcoinError('RBF_INSUFFICIENT_FUNDS', 'Not enough funds to pay the higher fee', { shortfall: need - total, originalFee: origFee });
}

interface SpeedUpBase {
  params: SpeedUpParams;
  /** Outputs kept as they are (everything but the change). */
  fixedOuts: readonly { script: Uint8Array; value: number }[];
  feeRate: number;
  lockTime: number;
}

function speedUpPlan(
  base: SpeedUpBase,
  coins: readonly WalletUtxo[],
  change: { index: number; script: Uint8Array; value: number } | undefined,
  fee: number,
  weight: number,
  excessToFee: number,
  replaces: ReplacementInfo,
): SendPlan {
  const { params: p, fixedOuts, feeRate } = base;
  const outs = fixedOuts.map((o) => ({ ...o, isChange: false }));
  // The change keeps its position (new change, after adding coins, goes last).
  if (change) outs.splice(change.index >= 0 ? change.index : outs.length, 0, { script: change.script, value: change.value, isChange: true });
  const spend: SpendableCoin[] = coins.map(({ txid, vout, value, address, prevTxHex }) => ({ txid, vout, value, address, ...(prevTxHex ? { prevTxHex } : {}) }));
  const psbt = buildPsbt(spend, outs, RBF_SEQUENCE, base.lockTime);
  const vsize = weightToVsize(weight);
  return {
    kind: 'speed-up',
    network: p.network,
    inputs: plannedInputs(spend),
    outputs: outs.map((o) => ({ address: scriptToAddress(o.script, p.network), value: o.value, script: bytesToHex(o.script), isChange: o.isChange })),
    amount: fixedOuts.reduce((s, o) => s + o.value, 0),
    change: change?.value ?? 0,
    fee,
    feeRate,
    effectiveFeeRate: rate2(fee, vsize),
    vsize,
    weight,
    algorithm: 'rbf',
    excessToFee,
    rbf: true,
    psbt,
    replaces,
  };
}
