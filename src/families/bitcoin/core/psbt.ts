/**
 * PSBT (BIP174 v0, BIP370 v2 via @scure/btc-signer) analysis and signing for dApps.
 *
 * analyzePsbt lists what the approval window shows: every input (outpoint, value from
 * witnessUtxo/nonWitnessUtxo, address, whether it is the wallet's, sighash type with anything other
 * than DEFAULT/ALL flagged), every output (address, value, ours/change), the fee and the net effect
 * on the wallet. signPsbt signs only the wallet's own inputs: the ones the dApp lists in UniSat's
 * `toSignInputs` (each checked: in range, ours, address/publicKey match) or, without a list, every
 * input whose script is one of the wallet's. Asking for any other input is refused, never skipped.
 * Taproot inputs are signed on the BIP86 key path; script-path signing (disableTweakSigner) is
 * refused as unsupported.
 */
import { base64, hex } from '@scure/base';
import { RawTx, RawWitness, Transaction } from '@scure/btc-signer';
import { bytesToHex, equalBytes } from '../../../core/derive/bytes.ts';
import { BitcoinError } from './errors.ts';
import type { SecretKeyProvider, WalletAddress } from './hdAccount.ts';
import { outputTypeOfScript, scriptToAddress, type BitcoinNetworkName, type OutputType } from './script.ts';
import { signWalletInput } from './signer.ts';
import { INPUT_SIZE, outputSize, varIntSize, weightToVsize } from './txSize.ts';

export interface PsbtWallet {
  network: BitcoinNetworkName;
  /** Addresses the wallet controls (e.g. ScanResult.scanned), matched against input/output scripts. */
  addresses: readonly WalletAddress[];
}

/** UniSat `toSignInputs` entry. */
export interface ToSignInput {
  index: number;
  address?: string;
  publicKey?: string;
  sighashTypes?: number[];
  /** UniSat: sign a taproot input with the untweaked key (script path). Not supported: refused. */
  disableTweakSigner?: boolean;
  /** Newer UniSat spelling; `false` means the same as disableTweakSigner. */
  useTweakedSigner?: boolean;
}

export interface SignPsbtOptions {
  toSignInputs?: readonly ToSignInput[];
  /** Finalize the inputs we signed (UniSat default true). */
  autoFinalized?: boolean;
}

export type PsbtWarningCode = 'SIGHASH_NOT_ALL' | 'MISSING_UTXO' | 'UTXO_MISMATCH' | 'UNKNOWN_FEE';

export interface PsbtWarning {
  code: PsbtWarningCode;
  input?: number;
  message: string;
}

export interface PsbtInputInfo {
  index: number;
  txid: string;
  vout: number;
  sequence: number;
  value: number | undefined;
  script: string | undefined;
  address: string | undefined;
  type: OutputType | undefined;
  ours: boolean;
  owner: WalletAddress | undefined;
  /** Effective sighash (the PSBT's, else the type's default: DEFAULT for taproot, ALL otherwise). */
  sighashType: number;
  sighashName: string;
  /** True for anything other than DEFAULT/ALL: NONE, SINGLE, ANYONECANPAY let others change the transaction. */
  sighashFlagged: boolean;
  finalized: boolean;
}

export interface PsbtOutputInfo {
  index: number;
  address: string | undefined;
  script: string;
  value: number;
  type: OutputType;
  ours: boolean;
  isChange: boolean;
}

export interface PsbtAnalysis {
  psbtVersion: number;
  txVersion: number;
  lockTime: number;
  inputs: PsbtInputInfo[];
  outputs: PsbtOutputInfo[];
  /** Undefined when an input's value is unknown. */
  totalIn: number | undefined;
  totalOut: number;
  fee: number | undefined;
  /** Estimated size once every input is signed (undefined for inputs of unknown shape). */
  estimatedVsize: number | undefined;
  feeRate: number | undefined;
  /** What the wallet spends (its inputs) and receives (outputs to its addresses); net = receive − spend. */
  spend: number;
  receive: number;
  net: number;
  warnings: PsbtWarning[];
  /** Every input finalized: ready to extract and broadcast. */
  complete: boolean;
}

export interface SignPsbtResult {
  hex: string;
  base64: string;
  signedInputs: number[];
  /** All inputs are finalized now. */
  complete: boolean;
}

const PSBT_OPTS = {
  allowUnknownOutputs: true,
  allowUnknownInputs: true,
  unknown: 'ignore',
  lowR: true,
} as const;

const SIGHASH_BASE: Readonly<Record<number, string>> = { 0: 'DEFAULT', 1: 'ALL', 2: 'NONE', 3: 'SINGLE' };

export function sighashName(t: number): string {
  if (t === 0) return 'DEFAULT';
  const base = SIGHASH_BASE[t & 0x1f] ?? `UNKNOWN(0x${t.toString(16)})`;
  return t & 0x80 ? `${base}|ANYONECANPAY` : base;
}

/** Parses a PSBT given as hex, base64 or bytes. */
export function decodePsbt(psbt: string | Uint8Array): Transaction {
  let bytes: Uint8Array;
  try {
    if (typeof psbt !== 'string') bytes = psbt;
    else {
      const s = psbt.trim();
      bytes = /^70736274ff/i.test(s) ? hex.decode(s.toLowerCase()) : base64.decode(s);
    }
  } catch {
    throw new BitcoinError('INVALID_PSBT', 'PSBT must be hex or base64');
  }
  try {
    return Transaction.fromPSBT(bytes, PSBT_OPTS);
  } catch (err) {
    throw new BitcoinError('INVALID_PSBT', `Not a valid PSBT: ${err instanceof Error ? err.message : String(err)}`);
  }
}

interface Prevout {
  script: Uint8Array;
  amount: bigint;
}

/** The spent output from witnessUtxo / nonWitnessUtxo, with consistency checks. */
function prevoutOf(tx: Transaction, i: number, warnings: PsbtWarning[]): Prevout | undefined {
  const inp = tx.getInput(i);
  const vout = inp.index ?? 0;
  let fromFull: Prevout | undefined;
  if (inp.nonWitnessUtxo) {
    const full = inp.nonWitnessUtxo;
    const prevId = Transaction.fromRaw(RawTx.encode(full), { ...PSBT_OPTS, disableScriptCheck: true }).id;
    const out = full.outputs[vout];
    if (!inp.txid || prevId !== bytesToHex(inp.txid) || !out) {
      warnings.push({ code: 'UTXO_MISMATCH', input: i, message: `Input ${i}: the previous transaction does not match the outpoint` });
      return undefined;
    }
    fromFull = { script: out.script, amount: out.amount };
  }
  if (inp.witnessUtxo) {
    const w = { script: inp.witnessUtxo.script, amount: inp.witnessUtxo.amount };
    if (fromFull && (fromFull.amount !== w.amount || !equalBytes(fromFull.script, w.script))) {
      warnings.push({ code: 'UTXO_MISMATCH', input: i, message: `Input ${i}: witnessUtxo disagrees with the previous transaction` });
      return undefined;
    }
    return w;
  }
  if (fromFull) return fromFull;
  warnings.push({ code: 'MISSING_UTXO', input: i, message: `Input ${i}: the PSBT does not say what it spends (no UTXO data)` });
  return undefined;
}

/** Weight of an input: exact when finalized, else the size our signer would produce for its type. */
function inputWeight(tx: Transaction, i: number, type: OutputType | undefined, owner: WalletAddress | undefined): { base: number; witness: number } | undefined {
  const inp = tx.getInput(i);
  if (inp.finalScriptSig || inp.finalScriptWitness) {
    const sigLen = inp.finalScriptSig?.length ?? 0;
    return { base: 36 + varIntSize(sigLen) + sigLen + 4, witness: inp.finalScriptWitness ? RawWitness.encode(inp.finalScriptWitness).length : 0 };
  }
  if (owner) return INPUT_SIZE[owner.scheme];
  if (type === 'p2wpkh') return INPUT_SIZE.p2wpkh;
  if (type === 'p2tr' && !inp.tapLeafScript) return INPUT_SIZE.p2tr;
  if (type === 'p2pkh') return INPUT_SIZE.p2pkh;
  return undefined;
}

function walletIndex(wallet: PsbtWallet): Map<string, WalletAddress> {
  return new Map(wallet.addresses.filter((w) => w.network === wallet.network).map((w) => [w.script, w]));
}

/** Everything an approval window needs to show about a PSBT. */
export function analyzePsbt(psbt: string | Uint8Array | Transaction, wallet: PsbtWallet): PsbtAnalysis {
  const tx = psbt instanceof Transaction ? psbt : decodePsbt(psbt);
  const mine = walletIndex(wallet);
  const warnings: PsbtWarning[] = [];
  const inputs: PsbtInputInfo[] = [];
  let totalIn: number | undefined = 0;
  let spend = 0;
  let anySegwit = false;
  let weightKnown = true;
  let base = 4 + varIntSize(tx.inputsLength) + varIntSize(tx.outputsLength) + 4;
  let witness = 0;
  const witnessParts: number[] = [];

  for (let i = 0; i < tx.inputsLength; i++) {
    const inp = tx.getInput(i);
    const prev = prevoutOf(tx, i, warnings);
    const type = prev ? outputTypeOfScript(prev.script) : undefined;
    const owner = prev ? mine.get(bytesToHex(prev.script)) : undefined;
    const defaultSighash = type === 'p2tr' ? 0 : 1;
    const sighashType = inp.sighashType ?? defaultSighash;
    const flagged = sighashType !== 0 && sighashType !== 1;
    if (flagged) {
      warnings.push({ code: 'SIGHASH_NOT_ALL', input: i, message: `Input ${i} uses sighash ${sighashName(sighashType)}: others may change parts of the transaction after signing` });
    }
    const value = prev ? Number(prev.amount) : undefined;
    if (value === undefined) totalIn = undefined;
    else if (totalIn !== undefined) totalIn += value;
    if (owner && value !== undefined) spend += value;
    const finalized = !!(inp.finalScriptSig || inp.finalScriptWitness);
    inputs.push({
      index: i,
      txid: inp.txid ? bytesToHex(inp.txid) : '',
      vout: inp.index ?? 0,
      sequence: inp.sequence ?? 0xffffffff,
      value,
      script: prev ? bytesToHex(prev.script) : undefined,
      address: prev ? scriptToAddress(prev.script, wallet.network) : undefined,
      type,
      ours: !!owner,
      owner,
      sighashType,
      sighashName: sighashName(sighashType),
      sighashFlagged: flagged,
      finalized,
    });
    const w = inputWeight(tx, i, type, owner);
    if (!w) weightKnown = false;
    else {
      base += w.base;
      witnessParts.push(w.witness);
      if (w.witness > 0 || type === 'p2wpkh' || type === 'p2tr' || type === 'p2wsh' || owner?.scheme === 'p2sh-p2wpkh') anySegwit = true;
    }
  }

  const outputs: PsbtOutputInfo[] = [];
  let totalOut = 0;
  let receive = 0;
  for (let i = 0; i < tx.outputsLength; i++) {
    const o = tx.getOutput(i);
    const script = o.script ?? new Uint8Array();
    const value = Number(o.amount ?? 0n);
    const owner = mine.get(bytesToHex(script));
    totalOut += value;
    if (owner) receive += value;
    base += outputSize(script.length);
    outputs.push({
      index: i,
      address: scriptToAddress(script, wallet.network),
      script: bytesToHex(script),
      value,
      type: outputTypeOfScript(script),
      ours: !!owner,
      isChange: owner?.chain === 1,
    });
  }

  const fee = totalIn === undefined ? undefined : totalIn - totalOut;
  if (fee === undefined) warnings.push({ code: 'UNKNOWN_FEE', message: 'The fee cannot be computed: some inputs do not state their value' });
  if (anySegwit) witness = 2 + witnessParts.reduce((s, x) => s + Math.max(x, 1), 0);
  const estimatedVsize = weightKnown ? weightToVsize(base * 4 + witness) : undefined;
  return {
    psbtVersion: tx.opts.PSBTVersion ?? 0,
    txVersion: tx.version,
    lockTime: tx.lockTime,
    inputs,
    outputs,
    totalIn,
    totalOut,
    fee,
    estimatedVsize,
    feeRate: fee !== undefined && estimatedVsize ? Math.round((fee / estimatedVsize) * 100) / 100 : undefined,
    spend,
    receive,
    net: receive - spend,
    warnings,
    complete: inputs.every((x) => x.finalized),
  };
}

function matchesKey(requested: string, owner: WalletAddress): boolean {
  const r = requested.trim().toLowerCase().replace(/^0x/, '');
  const pub = owner.publicKey.toLowerCase();
  return r === pub || (owner.scheme === 'p2tr' && r === pub.slice(2));
}

interface SignJob {
  index: number;
  owner: WalletAddress;
  sighashTypes: number[] | undefined;
}

/** Signs the wallet's inputs of a dApp PSBT; returns it hex and base64 (same PSBT version). */
export function signPsbt(psbt: string | Uint8Array, wallet: PsbtWallet, keys: SecretKeyProvider, opts: SignPsbtOptions = {}): SignPsbtResult {
  const tx = decodePsbt(psbt);
  const info = analyzePsbt(tx, wallet);
  const jobs: SignJob[] = [];

  if (opts.toSignInputs && opts.toSignInputs.length > 0) {
    const seen = new Set<number>();
    for (const req of opts.toSignInputs) {
      const idx = req.index;
      if (!Number.isInteger(idx) || idx < 0 || idx >= info.inputs.length) {
        throw new BitcoinError('PSBT_INDEX_OUT_OF_RANGE', `toSignInputs names input ${String(idx)}, but the PSBT has ${info.inputs.length} inputs`, { index: idx });
      }
      const inp = info.inputs[idx]!;
      if (inp.value === undefined && !inp.owner) {
        throw new BitcoinError('PSBT_MISSING_UTXO', `Input ${idx} does not say what it spends; refusing to sign it`, { index: idx });
      }
      const owner = inp.owner;
      if (!owner) throw new BitcoinError('PSBT_INPUT_NOT_OURS', `Input ${idx} spends ${inp.address ?? 'a script'} which is not this wallet's; refusing to sign it`, { index: idx });
      if (req.address !== undefined && req.address.trim().toLowerCase() !== owner.address.toLowerCase()) {
        throw new BitcoinError('PSBT_ADDRESS_MISMATCH', `Input ${idx} is spent by ${owner.address}, not by the requested ${req.address}`, { index: idx });
      }
      if (req.publicKey !== undefined && !matchesKey(req.publicKey, owner)) {
        throw new BitcoinError('PSBT_ADDRESS_MISMATCH', `Input ${idx} is not controlled by the requested public key`, { index: idx });
      }
      if (owner.scheme === 'p2tr' && (req.disableTweakSigner === true || req.useTweakedSigner === false)) {
        throw new BitcoinError('PSBT_UNSUPPORTED', `Input ${idx}: signing taproot inputs with the untweaked key (script path) is not supported`, { index: idx });
      }
      if (inp.finalized) throw new BitcoinError('PSBT_UNSUPPORTED', `Input ${idx} is already finalized`, { index: idx });
      if (seen.has(idx)) continue;
      seen.add(idx);
      jobs.push({ index: idx, owner, sighashTypes: req.sighashTypes ? [...req.sighashTypes] : undefined });
    }
  } else {
    for (const inp of info.inputs) if (inp.owner && !inp.finalized) jobs.push({ index: inp.index, owner: inp.owner, sighashTypes: undefined });
  }
  if (jobs.length === 0) throw new BitcoinError('PSBT_NOTHING_TO_SIGN', 'This PSBT has no inputs of this wallet to sign');

  for (const job of jobs) {
    const inp = tx.getInput(job.index);
    if (job.owner.scheme === 'p2pkh' && !inp.nonWitnessUtxo) {
      throw new BitcoinError('PSBT_MISSING_UTXO', `Input ${job.index} is a legacy input without its previous transaction; refusing to sign (its value cannot be verified)`, { index: job.index });
    }
    if (info.warnings.some((w) => w.code === 'UTXO_MISMATCH' && w.input === job.index)) {
      throw new BitcoinError('INVALID_PSBT', `Input ${job.index} carries inconsistent UTXO data`, { index: job.index });
    }
    if (job.sighashTypes) {
      for (const t of job.sighashTypes) {
        if (!Number.isInteger(t) || ![0, 1, 2, 3, 0x81, 0x82, 0x83].includes(t)) throw new BitcoinError('PSBT_SIGHASH_NOT_ALLOWED', `Unknown sighash type ${String(t)}`);
      }
    }
    signWalletInput(tx, job.index, job.owner, keys, job.sighashTypes);
  }
  if (opts.autoFinalized ?? true) {
    for (const job of jobs) {
      try {
        tx.finalizeIdx(job.index);
      } catch (err) {
        throw new BitcoinError('INVALID_PSBT', `Could not finalize input ${job.index}: ${err instanceof Error ? err.message : String(err)}`, { index: job.index });
      }
    }
  }
  const out = tx.toPSBT();
  let complete = true;
  for (let i = 0; i < tx.inputsLength; i++) {
    const inp = tx.getInput(i);
    if (!inp.finalScriptSig && !inp.finalScriptWitness) complete = false;
  }
  return { hex: bytesToHex(out), base64: base64.encode(out), signedInputs: jobs.map((j) => j.index), complete };
}

/** Raw transaction of a fully finalized PSBT (pushPsbt). */
export function extractPsbtTransaction(psbt: string | Uint8Array): { txid: string; hex: string } {
  const tx = decodePsbt(psbt);
  let raw: Uint8Array;
  try {
    raw = tx.extract();
  } catch (err) {
    throw new BitcoinError('PSBT_NOT_FINALIZED', `PSBT is not fully signed and finalized: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = Transaction.fromRaw(raw, { ...PSBT_OPTS, disableScriptCheck: true });
  return { txid: parsed.id, hex: bytesToHex(raw) };
}
