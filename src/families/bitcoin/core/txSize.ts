/**
 * Transaction weight and vsize estimation per input and output type, fee arithmetic, and Bitcoin
 * Core's dust thresholds.
 *
 * Input sizes assume what our signer produces: compressed keys, low-S and low-R ECDSA (the signer
 * grinds R), so a DER signature plus sighash byte is at most 71 bytes; taproot key-path signatures
 * are 64 bytes (SIGHASH_DEFAULT). The estimate is therefore never below the real size, and over by
 * one byte per ECDSA signature only in the rare case (≈1/128 per signature) that R or S happens to
 * encode one byte shorter.
 */
import type { BitcoinScheme } from './networks.ts';

export type InputType = BitcoinScheme;

interface InputSize {
  /** Non-witness bytes: outpoint 36 + scriptSig length varint + scriptSig + sequence 4. */
  base: number;
  /** Witness bytes: item count + items (0 for legacy inputs; they cost 1 byte only in a segwit tx). */
  witness: number;
}

/** Worst-case (low-R) sizes of the inputs our wallet signs. */
export const INPUT_SIZE: Readonly<Record<InputType, InputSize>> = {
  // witness: count 1 + (1 + 71 sig) + (1 + 33 pubkey)
  p2wpkh: { base: 41, witness: 107 },
  // witness: count 1 + (1 + 64 schnorr sig)
  p2tr: { base: 41, witness: 66 },
  // scriptSig: push of the 22-byte redeem script 0014{20}
  'p2sh-p2wpkh': { base: 36 + 1 + 23 + 4, witness: 107 },
  // scriptSig: (1 + 71 sig) + (1 + 33 pubkey) = 106
  p2pkh: { base: 36 + 1 + 106 + 4, witness: 0 },
};

/** Bytes a CompactSize (varint) takes. */
export function varIntSize(n: number): number {
  return n < 0xfd ? 1 : n <= 0xffff ? 3 : n <= 0xffffffff ? 5 : 9;
}

/** Serialized size of an output with a script of `scriptLength` bytes: value 8 + varint + script. */
export function outputSize(scriptLength: number): number {
  return 8 + varIntSize(scriptLength) + scriptLength;
}

export function isSegwitInput(type: InputType): boolean {
  return type !== 'p2pkh';
}

/** Weight units of a transaction with these inputs and output script lengths (signed, our signer). */
export function estimateWeight(inputs: readonly InputType[], outputScriptLengths: readonly number[]): number {
  let base = 4 + varIntSize(inputs.length) + varIntSize(outputScriptLengths.length) + 4;
  let witness = 0;
  const segwit = inputs.some(isSegwitInput);
  for (const t of inputs) {
    base += INPUT_SIZE[t].base;
    // A legacy input inside a segwit transaction still has an (empty) witness stack: one 0x00 byte.
    witness += segwit ? Math.max(INPUT_SIZE[t].witness, 1) : 0;
  }
  for (const len of outputScriptLengths) base += outputSize(len);
  if (segwit) witness += 2; // marker + flag
  return base * 4 + witness;
}

export function weightToVsize(weight: number): number {
  return Math.ceil(weight / 4);
}

export function estimateVsize(inputs: readonly InputType[], outputScriptLengths: readonly number[]): number {
  return weightToVsize(estimateWeight(inputs, outputScriptLengths));
}

/** Fee rates are handled in milli-sat/vB integers so 1.1 × 100 vB is 110 sat, not 111. */
export function feeRateToMilli(feeRate: number): number {
  return Math.round(feeRate * 1000);
}

/** ceil(vsize × feeRate) computed exactly. */
export function feeForVsize(vsize: number, feeRate: number): number {
  const milli = feeRateToMilli(feeRate);
  return Math.ceil((vsize * milli) / 1000);
}

/**
 * Bitcoin Core's GetDustThreshold at the default dust relay fee (3 sat/vB): the output's size plus
 * the size of spending it (67 vbytes for witness programs, 148 otherwise), times 3. p2pkh 546,
 * p2sh 540, p2wpkh 294, p2wsh/p2tr 330. OP_RETURN outputs are unspendable and have no dust limit.
 */
export function dustThreshold(script: Uint8Array): number {
  if (script.length > 0 && script[0] === 0x6a) return 0;
  const isWitnessProgram =
    script.length >= 4 &&
    script.length <= 42 &&
    (script[0] === 0x00 || (script[0]! >= 0x51 && script[0]! <= 0x60)) &&
    script[1] === script.length - 2;
  const spend = isWitnessProgram ? 32 + 4 + 1 + Math.floor(107 / 4) + 4 : 32 + 4 + 1 + 107 + 4;
  return (outputSize(script.length) + spend) * 3;
}
