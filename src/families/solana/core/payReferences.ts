/**
 * Solana Pay's `reference` keys and `memo`, applied to a transfer: each reference is appended to
 * the SOL or SPL transfer instruction as a read-only, non-signer account (so the merchant finds the
 * payment with getSignaturesForAddress(reference)), and the memo becomes an SPL Memo instruction
 * placed before the transfer, as the Solana Pay specification asks.
 */
import { PublicKey, TransactionInstruction } from '@solana/web3.js';
// web3.js wants Buffer instruction data; 'buffer' is Node's own in tests and web3.js's polyfill when bundled.
import { Buffer } from 'buffer';
import { PaymentUriError } from '../../../core/payments/errors.ts';
import { validateSolanaAddress } from './address.ts';
import { MEMO_PROGRAM_ID } from './programs.ts';

/** A copy of `instruction` with the reference keys appended, in order, read-only and non-signer. */
export function withReferenceKeys(instruction: TransactionInstruction, references: readonly string[]): TransactionInstruction {
  const existing = new Set(instruction.keys.map((k) => k.pubkey.toBase58()));
  for (const r of references) {
    if (!validateSolanaAddress(r).ok) throw new PaymentUriError('INVALID_REFERENCE', `The reference "${r.slice(0, 64)}" is not a Solana address`);
    // A reference already among the accounts could not identify this payment on its own.
    if (existing.has(r)) throw new PaymentUriError('INVALID_REFERENCE', `The reference ${r} is already an account of the transfer`);
    existing.add(r);
  }
  return new TransactionInstruction({
    programId: instruction.programId,
    keys: [...instruction.keys.map((k) => ({ ...k })), ...references.map((r) => ({ pubkey: new PublicKey(r), isSigner: false, isWritable: false }))],
    data: instruction.data,
  });
}

/** The SPL Memo instruction carrying `memo` as UTF-8 (no signer accounts needed). */
export function memoInstruction(memo: string): TransactionInstruction {
  const data = new TextEncoder().encode(memo);
  if (data.length > 566) throw new PaymentUriError('INVALID_PARAMETER', 'The memo is too long for one transaction (566 bytes)', { field: 'memo' });
  return new TransactionInstruction({ programId: new PublicKey(MEMO_PROGRAM_ID), keys: [], data: Buffer.from(data) });
}
