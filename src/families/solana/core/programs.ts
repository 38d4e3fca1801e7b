/**
 * Program ids the Solana core builds for or decodes, and display names of well-known programs so
 * the approval window can name what it cannot decode.
 */
import { PublicKey } from '@solana/web3.js';

export const SYSTEM_PROGRAM_ID = '11111111111111111111111111111111';
export const TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM_ID = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
export const ASSOCIATED_TOKEN_PROGRAM_ID = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL';
export const COMPUTE_BUDGET_PROGRAM_ID = 'ComputeBudget111111111111111111111111111111';
export const MEMO_PROGRAM_ID = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';
export const MEMO_V1_PROGRAM_ID = 'Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo';

export type TokenProgramKind = 'token' | 'token-2022';

export function tokenProgramKind(programId: string): TokenProgramKind | undefined {
  if (programId === TOKEN_PROGRAM_ID) return 'token';
  if (programId === TOKEN_2022_PROGRAM_ID) return 'token-2022';
  return undefined;
}

export function tokenProgramId(kind: TokenProgramKind): string {
  return kind === 'token' ? TOKEN_PROGRAM_ID : TOKEN_2022_PROGRAM_ID;
}

const KNOWN_PROGRAMS: Readonly<Record<string, string>> = {
  [SYSTEM_PROGRAM_ID]: 'System Program',
  [TOKEN_PROGRAM_ID]: 'Token Program',
  [TOKEN_2022_PROGRAM_ID]: 'Token-2022 Program',
  [ASSOCIATED_TOKEN_PROGRAM_ID]: 'Associated Token Account Program',
  [COMPUTE_BUDGET_PROGRAM_ID]: 'Compute Budget Program',
  [MEMO_PROGRAM_ID]: 'Memo Program',
  [MEMO_V1_PROGRAM_ID]: 'Memo Program (v1)',
  Stake11111111111111111111111111111111111111: 'Stake Program',
  Vote111111111111111111111111111111111111111: 'Vote Program',
  AddressLookupTab1e1111111111111111111111111: 'Address Lookup Table Program',
  BPFLoaderUpgradeab1e11111111111111111111111: 'BPF Upgradeable Loader',
  Ed25519SigVerify111111111111111111111111111: 'Ed25519 Signature Verify',
  KeccakSecp256k11111111111111111111111111111: 'Secp256k1 Signature Verify',
  metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s: 'Metaplex Token Metadata',
  JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4: 'Jupiter Aggregator v6',
  whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc: 'Orca Whirlpools',
  '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8': 'Raydium AMM v4',
  CAMMCzo5YL8w4VFF8KVHrK22GGUsp5VTaW7grrKgrWqK: 'Raydium CLMM',
  LBUZKhRxPF3XUpBCjp4YzTKgLccjZhTSDM9YuVaPwxo: 'Meteora DLMM',
  SPoo1Ku8WFXoNDMHPsrGSTSG1Y47rzgn41SLUNakuHy: 'Stake Pool Program',
};

/** A display name for a program id, or undefined when it is not a well-known program. */
export function programName(programId: string): string | undefined {
  return KNOWN_PROGRAMS[programId];
}

/** The associated token account of `owner` for `mint` under the given token program. */
export function findAssociatedTokenAddress(owner: string, mint: string, tokenProgram: string): string {
  const [ata] = PublicKey.findProgramAddressSync(
    [new PublicKey(owner).toBytes(), new PublicKey(tokenProgram).toBytes(), new PublicKey(mint).toBytes()],
    new PublicKey(ASSOCIATED_TOKEN_PROGRAM_ID),
  );
  return ata.toBase58();
}
