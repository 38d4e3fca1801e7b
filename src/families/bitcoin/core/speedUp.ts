/**
 * "Speed up" (BIP125 replace-by-fee): rebuilds a pending transaction from its hex and our coin data,
 * spending the same inputs at a higher fee taken from our change output (or from added confirmed
 * coins). Split from send.ts, whose PSBT building and coin checks it shares; amounts are integer
 * satoshis as JS numbers, as there.
 */
import { Transaction } from '@scure/btc-signer';
import { bytesToHex, hexToBytes } from '../../../core/derive/bytes.ts';
import { BitcoinError } from './errors.ts';
import type { EsploraClient } from './esplora.ts';
import { checkFeeRate } from './fees.ts';
import type { WalletAddress } from './hdAccount.ts';
import type { WalletUtxo } from './scan.ts';
import { scriptToAddress, type BitcoinNetworkName } from './script.ts';
import { buildPsbt, checkCoins, coinKey, plannedInputs, rate2, type ReplacementInfo, type SendPlan } from './send.ts';
import { RBF_SEQUENCE, type SpendableCoin } from './signer.ts';
import { dustThreshold, estimateWeight, feeForVsize, weightToVsize } from './txSize.ts';

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
