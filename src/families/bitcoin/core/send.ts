/**
 * Sending bitcoin: plan (validate recipients, select coins, compute the exact fee and vsize
 * estimate shown to the user, build the unsigned PSBT with RBF signalled), sign the plan with the
 * wallet's keys (p2wpkh, p2tr BIP86 key path, p2sh-p2wpkh, p2pkh) and extract the raw transaction,
 * broadcast it and track its status. "Speed up" (BIP125 replace-by-fee) is in speedUp.ts and
 * shares this file's PSBT building and coin checks.
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
import { checkRecipientAddress, type BitcoinNetworkName } from './script.ts';
import { RBF_SEQUENCE, signWalletInput, walletInput, type SpendableCoin } from './signer.ts';
import { dustThreshold, type InputType } from './txSize.ts';

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

export function coinKey(txid: string, vout: number): string {
  return `${txid.toLowerCase()}:${vout}`;
}

export const rate2 = (fee: number, vsize: number): number => Math.round((fee / vsize) * 100) / 100;

function randomIndex(n: number): number {
  if (n <= 1) return 0;
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0]! % n;
}

export function buildPsbt(inputs: readonly SpendableCoin[], outputs: readonly { script: Uint8Array; value: number }[], sequence: number, lockTime: number): string {
  const tx = new Transaction({ ...TX_OPTS, lockTime });
  for (const c of inputs) tx.addInput(walletInput(c, sequence));
  for (const o of outputs) tx.addOutput({ script: o.script, amount: BigInt(o.value) });
  return base64.encode(tx.toPSBT(0));
}

export function plannedInputs(coins: readonly SpendableCoin[]): PlannedInput[] {
  return coins.map((c) => ({ txid: c.txid, vout: c.vout, value: c.value, address: c.address.address, owner: c.address }));
}

export function checkCoins(coins: readonly WalletUtxo[], network: string): void {
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
