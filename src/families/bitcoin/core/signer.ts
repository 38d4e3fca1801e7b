/**
 * Signing one of our inputs in an @scure/btc-signer Transaction: fills in what the input type
 * needs (redeemScript for p2sh-p2wpkh, the BIP86 internal key for p2tr, the previous transaction
 * for p2pkh), fetches the key from the provider, signs (low-R ECDSA; p2tr key path with the BIP86
 * tweak, which scure applies when tapInternalKey is our key) and wipes the key copy.
 */
import { p2wpkh, SigHash, Transaction } from '@scure/btc-signer';
import { equalBytes, hexToBytes } from '../../../core/derive/bytes.ts';
import { BitcoinError } from './errors.ts';
import type { SecretKeyProvider, WalletAddress } from './hdAccount.ts';
import { btcNetwork } from './networks.ts';

/** Sequence that signals BIP125 replaceability (and enables nLockTime). */
export const RBF_SEQUENCE = 0xfffffffd;
export const FINAL_SEQUENCE = 0xffffffff;

export interface SpendableCoin {
  txid: string;
  vout: number;
  value: number;
  address: WalletAddress;
  prevTxHex?: string;
}

/** The PSBT input record for spending one of our coins. */
export function walletInput(coin: SpendableCoin, sequence: number): Parameters<Transaction['addInput']>[0] {
  const wa = coin.address;
  const script = hexToBytes(wa.script);
  const pub = hexToBytes(wa.publicKey);
  const base = { txid: coin.txid, index: coin.vout, sequence };
  switch (wa.scheme) {
    case 'p2wpkh':
      return { ...base, witnessUtxo: { script, amount: BigInt(coin.value) } };
    case 'p2tr':
      return { ...base, witnessUtxo: { script, amount: BigInt(coin.value) }, tapInternalKey: pub.subarray(1) };
    case 'p2sh-p2wpkh':
      return { ...base, witnessUtxo: { script, amount: BigInt(coin.value) }, redeemScript: p2wpkh(pub, btcNetwork(wa.network)).script };
    case 'p2pkh': {
      if (!coin.prevTxHex) {
        throw new BitcoinError('MISSING_PREV_TX', `Spending the legacy coin ${coin.txid}:${coin.vout} needs its previous transaction`, { txid: coin.txid, vout: coin.vout });
      }
      const prev = Transaction.fromRaw(hexToBytes(coin.prevTxHex), { allowUnknownOutputs: true, allowUnknownInputs: true, disableScriptCheck: true });
      // The previous tx must be the one the outpoint names, and pay what the wallet thinks it pays.
      const out = coin.vout < prev.outputsLength ? prev.getOutput(coin.vout) : undefined;
      if (prev.id !== coin.txid || !out?.script || out.amount !== BigInt(coin.value) || !equalBytes(out.script, script)) {
        throw new BitcoinError('MISSING_PREV_TX', `The previous transaction given for ${coin.txid}:${coin.vout} does not match the coin`, { txid: coin.txid, vout: coin.vout });
      }
      return { ...base, nonWitnessUtxo: coin.prevTxHex };
    }
  }
}

/**
 * Signs input `idx` with the key of `wa`. `allowedSighash` defaults to the input type's default
 * (ALL, or DEFAULT for taproot); scure refuses any other sighash the PSBT asks for.
 */
export function signWalletInput(tx: Transaction, idx: number, wa: WalletAddress, keys: SecretKeyProvider, allowedSighash?: number[], auxRand?: Uint8Array): void {
  const key = keys(wa);
  try {
    if (wa.scheme === 'p2tr') {
      const internal = hexToBytes(wa.publicKey).subarray(1);
      const current = tx.getInput(idx).tapInternalKey;
      if (current && !equalBytes(current, internal)) {
        throw new BitcoinError('PSBT_INPUT_NOT_OURS', `Input ${idx} names a taproot internal key that is not ours`, { index: idx });
      }
      if (!current) tx.updateInput(idx, { tapInternalKey: internal }, true);
    }
    if (wa.scheme === 'p2sh-p2wpkh' && !tx.getInput(idx).redeemScript) {
      tx.updateInput(idx, { redeemScript: p2wpkh(hexToBytes(wa.publicKey), btcNetwork(wa.network)).script }, true);
    }
    const allowed = allowedSighash ?? [wa.scheme === 'p2tr' ? SigHash.DEFAULT : SigHash.ALL];
    try {
      tx.signIdx(key, idx, allowed as SigHash[], auxRand);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/sigHash/i.test(msg)) throw new BitcoinError('PSBT_SIGHASH_NOT_ALLOWED', `Input ${idx} asks for a sighash type that was not allowed (${msg})`, { index: idx });
      throw new BitcoinError('INVALID_PSBT', `Could not sign input ${idx}: ${msg}`, { index: idx });
    }
  } finally {
    key.fill(0);
  }
}
