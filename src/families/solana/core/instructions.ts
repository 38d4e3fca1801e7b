/**
 * Instructions the wallet builds itself, encoded by hand (no @solana/spl-token): SPL
 * TransferChecked for Token and Token-2022, the associated token account program's
 * CreateIdempotent, and Compute Budget limit/price (via web3.js's ComputeBudgetProgram).
 */
// web3.js wants Buffer instruction data; 'buffer' is Node's own in tests and web3.js's polyfill when bundled.
import { Buffer } from 'buffer';
import { ComputeBudgetProgram, PublicKey, SystemProgram, TransactionInstruction } from '@solana/web3.js';
import { ASSOCIATED_TOKEN_PROGRAM_ID, SYSTEM_PROGRAM_ID } from './programs.ts';

/** SPL Token instruction indexes (shared by Token-2022). */
export const TOKEN_IX = {
  InitializeMint: 0,
  InitializeAccount: 1,
  InitializeMultisig: 2,
  Transfer: 3,
  Approve: 4,
  Revoke: 5,
  SetAuthority: 6,
  MintTo: 7,
  Burn: 8,
  CloseAccount: 9,
  FreezeAccount: 10,
  ThawAccount: 11,
  TransferChecked: 12,
  ApproveChecked: 13,
  MintToChecked: 14,
  BurnChecked: 15,
  InitializeAccount2: 16,
  SyncNative: 17,
  InitializeAccount3: 18,
  InitializeMultisig2: 19,
  InitializeMint2: 20,
} as const;

const U64_MAX = (1n << 64n) - 1n;

function u64le(value: bigint): Uint8Array {
  if (value < 0n || value > U64_MAX) throw new RangeError('amount out of u64 range');
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, true);
  return out;
}

/** TransferChecked: source, mint, destination (token accounts) and the source's owner signing. */
export function transferCheckedInstruction(p: {
  source: string;
  mint: string;
  destination: string;
  owner: string;
  amount: bigint;
  decimals: number;
  tokenProgram: string;
}): TransactionInstruction {
  const data = new Uint8Array(10);
  data[0] = TOKEN_IX.TransferChecked;
  data.set(u64le(p.amount), 1);
  data[9] = p.decimals;
  return new TransactionInstruction({
    programId: new PublicKey(p.tokenProgram),
    keys: [
      { pubkey: new PublicKey(p.source), isSigner: false, isWritable: true },
      { pubkey: new PublicKey(p.mint), isSigner: false, isWritable: false },
      { pubkey: new PublicKey(p.destination), isSigner: false, isWritable: true },
      { pubkey: new PublicKey(p.owner), isSigner: true, isWritable: false },
    ],
    data: Buffer.from(data),
  });
}

/** Associated token account CreateIdempotent (instruction 1): succeeds when the account already exists. */
export function createAssociatedTokenAccountIdempotentInstruction(p: {
  payer: string;
  associatedAccount: string;
  owner: string;
  mint: string;
  tokenProgram: string;
}): TransactionInstruction {
  return new TransactionInstruction({
    programId: new PublicKey(ASSOCIATED_TOKEN_PROGRAM_ID),
    keys: [
      { pubkey: new PublicKey(p.payer), isSigner: true, isWritable: true },
      { pubkey: new PublicKey(p.associatedAccount), isSigner: false, isWritable: true },
      { pubkey: new PublicKey(p.owner), isSigner: false, isWritable: false },
      { pubkey: new PublicKey(p.mint), isSigner: false, isWritable: false },
      { pubkey: new PublicKey(SYSTEM_PROGRAM_ID), isSigner: false, isWritable: false },
      { pubkey: new PublicKey(p.tokenProgram), isSigner: false, isWritable: false },
    ],
    data: Buffer.from([1]),
  });
}

export function systemTransferInstruction(from: string, to: string, lamports: bigint): TransactionInstruction {
  return SystemProgram.transfer({ fromPubkey: new PublicKey(from), toPubkey: new PublicKey(to), lamports });
}

/** Priority-fee instructions; empty when neither is requested. */
export function computeBudgetInstructions(p: { unitLimit?: number; unitPriceMicroLamports?: bigint }): TransactionInstruction[] {
  const out: TransactionInstruction[] = [];
  if (p.unitLimit !== undefined) out.push(ComputeBudgetProgram.setComputeUnitLimit({ units: p.unitLimit }));
  if (p.unitPriceMicroLamports !== undefined && p.unitPriceMicroLamports > 0n) {
    out.push(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: p.unitPriceMicroLamports }));
  }
  return out;
}
