/**
 * Coin selection: which UTXOs pay for a set of outputs at a fee rate, and whether there is change.
 *
 * Strategy (in this order):
 * 1. Branch-and-bound (Bitcoin Core's SelectCoinsBnB): a depth-first search over UTXOs sorted by
 *    effective value (value − fee to spend it at the current rate) for a changeless selection whose
 *    effective value lands in [target, target + cost of change], minimising waste
 *    (Σ input fee at current rate − at the long-term rate, plus the excess that goes to fee).
 *    A changeless spend is cheaper now and later and leaks no change output. Capped at 100 000 tries.
 * 2. Otherwise largest-first accumulation: add UTXOs by descending effective value until the
 *    outputs, the fee and a change output are covered. If the change would be below the dust limit
 *    of the change script type, it is dropped and added to the fee (never dust change); the amount
 *    dropped is reported as excessToFee.
 * Send-max spends every UTXO with no change: amount = total − fee.
 * UTXOs whose value does not cover their own input fee are skipped except for send-max.
 *
 * Fees are ceil(estimated vsize × rate) with estimates from txSize.ts, which never undershoot what
 * our signer produces, so the fee rate actually paid is at least the one requested.
 */
import { BitcoinError } from './errors.ts';
import { INPUT_SIZE, dustThreshold, estimateWeight, feeForVsize, feeRateToMilli, weightToVsize, type InputType } from './txSize.ts';

export interface SelectionUtxo {
  /** Satoshis. */
  value: number;
  type: InputType;
}

export interface SelectionOutput {
  script: Uint8Array;
  /** Satoshis; ignored for send-max. */
  value: number;
}

export interface CoinSelectionParams<T extends SelectionUtxo> {
  utxos: readonly T[];
  /** Recipient outputs (exactly one for send-max). */
  outputs: readonly SelectionOutput[];
  /** sat/vB. */
  feeRate: number;
  /** The change output's script and the input type it will be spent as. */
  change: { script: Uint8Array; inputType: InputType };
  /** Rate the wallet expects to pay later to spend change (waste metric), default 10 sat/vB. */
  longTermFeeRate?: number;
  sendMax?: boolean;
  bnbMaxTries?: number;
}

export type SelectionAlgorithm = 'bnb' | 'largest-first' | 'send-max';

export interface CoinSelectionResult<T extends SelectionUtxo> {
  algorithm: SelectionAlgorithm;
  inputs: T[];
  /** Recipient output values in the order given (for send-max: the computed amount). */
  outputValues: number[];
  /** Change value, 0 when there is no change output. */
  change: number;
  fee: number;
  /** Estimated weight and vsize of the signed transaction. */
  weight: number;
  vsize: number;
  /** Satoshis paid as fee beyond ceil(vsize × rate) because a change output would have been dust or cost more than it saves. */
  excessToFee: number;
}

const DEFAULT_LONG_TERM_FEE_RATE = 10;
const DEFAULT_BNB_TRIES = 100_000;

const inputWeight = (t: InputType): number => INPUT_SIZE[t].base * 4 + Math.max(INPUT_SIZE[t].witness, 1);

/** Fee (sat, rounded up) for `weight` weight units at a milli-sat/vB rate. */
const feeForWeight = (weight: number, milli: number): number => Math.ceil((weight * milli) / 4000);

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

interface Assembled {
  change: number;
  fee: number;
  weight: number;
  vsize: number;
  excessToFee: number;
}

/** Exact fee/change for a concrete selection; null when the inputs do not cover outputs + fee. */
function assemble(types: readonly InputType[], total: number, outputs: readonly SelectionOutput[], p: { feeRate: number; change: { script: Uint8Array } }, allowChange: boolean): Assembled | null {
  const outLens = outputs.map((o) => o.script.length);
  const outSum = sum(outputs.map((o) => o.value));
  const excess = total - outSum;
  const wNo = estimateWeight(types, outLens);
  const feeNo = feeForVsize(weightToVsize(wNo), p.feeRate);
  if (allowChange) {
    const wCh = estimateWeight(types, [...outLens, p.change.script.length]);
    const feeCh = feeForVsize(weightToVsize(wCh), p.feeRate);
    const change = excess - feeCh;
    if (change >= dustThreshold(p.change.script)) return { change, fee: feeCh, weight: wCh, vsize: weightToVsize(wCh), excessToFee: 0 };
  }
  if (excess < feeNo) return null;
  return { change: 0, fee: excess, weight: wNo, vsize: weightToVsize(wNo), excessToFee: excess - feeNo };
}

function checkParams<T extends SelectionUtxo>(p: CoinSelectionParams<T>): void {
  if (!Number.isFinite(p.feeRate) || p.feeRate <= 0) throw new BitcoinError('INVALID_FEE_RATE', 'Fee rate must be a positive number of sat/vB');
  for (const u of p.utxos) {
    if (!Number.isSafeInteger(u.value) || u.value <= 0) throw new BitcoinError('INVALID_AMOUNT', 'UTXO values must be positive integer satoshis');
    if (!(u.type in INPUT_SIZE)) throw new BitcoinError('UNSUPPORTED_SCHEME', `Cannot spend ${String(u.type)} inputs`);
  }
  if (p.outputs.length === 0) throw new BitcoinError('INVALID_AMOUNT', 'At least one output is required');
  if (p.sendMax) {
    if (p.outputs.length !== 1) throw new BitcoinError('INVALID_AMOUNT', 'Send-max takes exactly one recipient');
    return;
  }
  for (const o of p.outputs) {
    if (!Number.isSafeInteger(o.value) || o.value <= 0) throw new BitcoinError('INVALID_AMOUNT', 'Amounts must be positive integer satoshis');
    if (o.value < dustThreshold(o.script)) {
      throw new BitcoinError('AMOUNT_BELOW_DUST', `Amount ${o.value} sat is below the dust limit of ${dustThreshold(o.script)} sat for this address type`, {
        amount: o.value,
        dustLimit: dustThreshold(o.script),
      });
    }
  }
}

/**
 * Branch-and-bound for a changeless selection (Core's algorithm). `eff` are integer effective
 * values sorted descending; returns the chosen indices or null.
 */
function branchAndBound(eff: readonly number[], wasteOf: readonly number[], target: number, costOfChange: number, feeRateHigh: boolean, maxTries: number): number[] | null {
  let available = sum(eff);
  if (available < target) return null;
  let value = 0;
  let waste = 0;
  let best: number[] | null = null;
  let bestWaste = Number.POSITIVE_INFINITY;
  const selected: number[] = [];
  for (let tries = 0, idx = 0; tries < maxTries; tries++, idx++) {
    let backtrack = false;
    if (value + available < target || value > target + costOfChange || (waste > bestWaste && feeRateHigh)) {
      backtrack = true;
    } else if (value >= target) {
      const total = waste + (value - target);
      if (total <= bestWaste) {
        best = [...selected];
        bestWaste = total;
      }
      backtrack = true;
    }
    if (backtrack) {
      const last = selected[selected.length - 1];
      if (last === undefined) break;
      // Put skipped UTXOs back into the look-ahead, then explore the branch without `last`.
      for (idx--; idx > last; idx--) available += eff[idx]!;
      value -= eff[last]!;
      waste -= wasteOf[last]!;
      selected.pop();
    } else {
      const e = eff[idx]!;
      available -= e;
      const prevLast = selected[selected.length - 1];
      // Skip an inclusion branch equal to the one just excluded (same value and same waste).
      if (selected.length === 0 || prevLast === idx - 1 || e !== eff[idx - 1] || wasteOf[idx] !== wasteOf[idx - 1]) {
        selected.push(idx);
        value += e;
        waste += wasteOf[idx]!;
      }
    }
  }
  return best;
}

/** Chooses inputs (and change) for the outputs; throws INSUFFICIENT_FUNDS with the shortfall. */
export function selectCoins<T extends SelectionUtxo>(params: CoinSelectionParams<T>): CoinSelectionResult<T> {
  checkParams(params);
  const { utxos, outputs, feeRate } = params;
  if (utxos.length === 0) throw new BitcoinError('NO_UTXOS', 'This wallet has no spendable coins');
  const milli = feeRateToMilli(feeRate);
  const ltMilli = feeRateToMilli(params.longTermFeeRate ?? DEFAULT_LONG_TERM_FEE_RATE);
  const total = sum(utxos.map((u) => u.value));

  if (params.sendMax) {
    const recipient = outputs[0]!;
    const types = utxos.map((u) => u.type);
    const weight = estimateWeight(types, [recipient.script.length]);
    const vsize = weightToVsize(weight);
    const fee = feeForVsize(vsize, feeRate);
    const amount = total - fee;
    const dust = dustThreshold(recipient.script);
    if (amount < dust) {
      throw new BitcoinError('INSUFFICIENT_FUNDS', `Balance ${total} sat does not cover the fee of ${fee} sat plus the dust limit of ${dust} sat`, {
        available: total,
        required: fee + dust,
        shortfall: fee + dust - total,
        fee,
      });
    }
    return { algorithm: 'send-max', inputs: [...utxos], outputValues: [amount], change: 0, fee, weight, vsize, excessToFee: 0 };
  }

  const outSum = sum(outputs.map((o) => o.value));
  const outLens = outputs.map((o) => o.script.length);
  // Effective values with per-input fees rounded up; the fixed part gets +3 WU to cover vsize rounding.
  const pool = utxos
    .map((u) => ({ u, eff: u.value - feeForWeight(inputWeight(u.type), milli), waste: feeForWeight(inputWeight(u.type), milli) - feeForWeight(inputWeight(u.type), ltMilli) }))
    .filter((x) => x.eff > 0)
    .sort((a, b) => b.eff - a.eff || a.waste - b.waste);
  const anySegwit = pool.some((x) => x.u.type !== 'p2pkh');
  const fixedWeight = estimateWeight([], outLens) + (anySegwit ? 2 : 0) + 3;
  const target = outSum + feeForWeight(fixedWeight, milli);

  const shortfallError = (): BitcoinError => {
    const types = pool.map((x) => x.u.type);
    const spendable = sum(pool.map((x) => x.u.value));
    const required = outSum + feeForVsize(weightToVsize(estimateWeight(types.length ? types : ['p2wpkh'], outLens)), feeRate);
    return new BitcoinError('INSUFFICIENT_FUNDS', `Not enough funds: ${required} sat needed (amount + fee), ${spendable} sat spendable`, {
      available: total,
      spendable,
      required,
      shortfall: Math.max(1, required - spendable),
    });
  };

  // 1. Branch and bound, changeless.
  const changeOutputFee = feeForWeight(4 * (8 + 1 + params.change.script.length), milli);
  const costOfChange = changeOutputFee + feeForWeight(inputWeight(params.change.inputType), ltMilli);
  const chosen = branchAndBound(
    pool.map((x) => x.eff),
    pool.map((x) => x.waste),
    target,
    costOfChange,
    milli > ltMilli,
    params.bnbMaxTries ?? DEFAULT_BNB_TRIES,
  );
  if (chosen) {
    const picked = chosen.map((i) => pool[i]!.u);
    const a = assemble(
      picked.map((u) => u.type),
      sum(picked.map((u) => u.value)),
      outputs,
      params,
      false,
    );
    if (a) return { algorithm: 'bnb', inputs: picked, outputValues: outputs.map((o) => o.value), ...a };
  }

  // 2. Largest-first accumulation with change (dust change dropped into the fee).
  const picked: T[] = [];
  let pickedTotal = 0;
  for (const x of pool) {
    picked.push(x.u);
    pickedTotal += x.u.value;
    if (pickedTotal < outSum) continue;
    const a = assemble(
      picked.map((u) => u.type),
      pickedTotal,
      outputs,
      params,
      true,
    );
    if (a) return { algorithm: 'largest-first', inputs: picked, outputValues: outputs.map((o) => o.value), ...a };
  }
  throw shortfallError();
}
