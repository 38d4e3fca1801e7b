/**
 * Shared setup for the Solana core tests: wallet accounts derived by the project's deriver, and
 * SPL token fixtures (mint, token accounts, minting) built here by hand and signed with web3.js
 * Keypairs (independent of the wallet code under test), executed on the LiteSVM RPC.
 */
import { Keypair, PublicKey, SystemProgram, TransactionInstruction, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { address, getTransactionDecoder } from '@solana/kit';
import { testKeypair } from '../../support/testAccounts.ts';
import { TOKEN_2022_PROGRAM, TOKEN_PROGRAM, type LiteSvmRpc } from '../../support/litesvmRpc.ts';

export const ATA_PROGRAM = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL';
/** Lamports in one SOL. */
export const SOL = 1_000_000_000n;

export interface WalletAccount {
  address: string;
  secretKey: Uint8Array;
  keypair: Keypair;
}

export function walletAccount(index: number): WalletAccount {
  const a = testKeypair('solana', index);
  return { address: a.address, secretKey: a.secretKey, keypair: Keypair.fromSeed(a.secretKey) };
}

const u64 = (v: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
};

export function ataOf(owner: string, mint: string, program: string): string {
  return PublicKey.findProgramAddressSync([new PublicKey(owner).toBuffer(), new PublicKey(program).toBuffer(), new PublicKey(mint).toBuffer()], new PublicKey(ATA_PROGRAM))[0].toBase58();
}

/** Signs with web3.js and submits directly to the SVM (setup only). */
export function execute(node: LiteSvmRpc, payer: Keypair, instructions: TransactionInstruction[], extraSigners: Keypair[] = []): void {
  const msg = new TransactionMessage({ payerKey: payer.publicKey, recentBlockhash: node.svm.latestBlockhash(), instructions }).compileToV0Message();
  const tx = new VersionedTransaction(msg);
  tx.sign([payer, ...extraSigners]);
  const res = node.svm.sendTransaction(getKitTx(tx.serialize()));
  if (res.constructor.name === 'FailedTransactionMetadata') throw new Error(`setup transaction failed: ${res.toString()}`);
}

function getKitTx(bytes: Uint8Array): ReturnType<ReturnType<typeof getTransactionDecoder>['decode']> {
  return getTransactionDecoder().decode(bytes);
}

/** Creates a mint (InitializeMint2) owned by `program`, authority = payer. Returns the mint address. */
export function createMint(node: LiteSvmRpc, payer: Keypair, decimals: number, program = TOKEN_PROGRAM): string {
  const mint = Keypair.generate();
  const rent = node.svm.minimumBalanceForRentExemption(82n);
  const init = new TransactionInstruction({
    programId: new PublicKey(program),
    keys: [{ pubkey: mint.publicKey, isSigner: false, isWritable: true }],
    data: Buffer.concat([Buffer.from([20, decimals]), payer.publicKey.toBuffer(), Buffer.from([0])]),
  });
  execute(node, payer, [SystemProgram.createAccount({ fromPubkey: payer.publicKey, newAccountPubkey: mint.publicKey, lamports: Number(rent), space: 82, programId: new PublicKey(program) }), init], [mint]);
  return mint.publicKey.toBase58();
}

/** A new mint (`decimals`, under `program`) whose authority is a new keypair funded with 5 SOL for fees and rent. */
export function newMint(node: LiteSvmRpc, decimals: number, program = TOKEN_PROGRAM): { authority: Keypair; mint: string } {
  const authority = Keypair.generate();
  node.airdrop(authority.publicKey.toBase58(), 5n * SOL);
  return { authority, mint: createMint(node, authority, decimals, program) };
}

/** Creates the owner's associated token account (ATA program Create, data [0]). */
export function createAta(node: LiteSvmRpc, payer: Keypair, owner: string, mint: string, program = TOKEN_PROGRAM): string {
  const ata = ataOf(owner, mint, program);
  execute(node, payer, [
    new TransactionInstruction({
      programId: new PublicKey(ATA_PROGRAM),
      keys: [
        { pubkey: payer.publicKey, isSigner: true, isWritable: true },
        { pubkey: new PublicKey(ata), isSigner: false, isWritable: true },
        { pubkey: new PublicKey(owner), isSigner: false, isWritable: false },
        { pubkey: new PublicKey(mint), isSigner: false, isWritable: false },
        { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
        { pubkey: new PublicKey(program), isSigner: false, isWritable: false },
      ],
      data: Buffer.from([0]),
    }),
  ]);
  return ata;
}

/** A plain (non-associated) token account via CreateAccount + InitializeAccount3. */
export function createTokenAccount(node: LiteSvmRpc, payer: Keypair, owner: string, mint: string, program = TOKEN_PROGRAM): string {
  const acc = Keypair.generate();
  const rent = node.svm.minimumBalanceForRentExemption(165n);
  execute(
    node,
    payer,
    [
      SystemProgram.createAccount({ fromPubkey: payer.publicKey, newAccountPubkey: acc.publicKey, lamports: Number(rent), space: 165, programId: new PublicKey(program) }),
      new TransactionInstruction({
        programId: new PublicKey(program),
        keys: [
          { pubkey: acc.publicKey, isSigner: false, isWritable: true },
          { pubkey: new PublicKey(mint), isSigner: false, isWritable: false },
        ],
        data: Buffer.concat([Buffer.from([18]), new PublicKey(owner).toBuffer()]),
      }),
    ],
    [acc],
  );
  return acc.publicKey.toBase58();
}

/** MintTo (7) by the payer as mint authority. */
export function mintTo(node: LiteSvmRpc, authority: Keypair, mint: string, destination: string, amount: bigint, program = TOKEN_PROGRAM): void {
  execute(node, authority, [
    new TransactionInstruction({
      programId: new PublicKey(program),
      keys: [
        { pubkey: new PublicKey(mint), isSigner: false, isWritable: true },
        { pubkey: new PublicKey(destination), isSigner: false, isWritable: true },
        { pubkey: authority.publicKey, isSigner: true, isWritable: false },
      ],
      data: Buffer.concat([Buffer.from([7]), u64(amount)]),
    }),
  ]);
}

/** Token amount of a token account straight from the SVM's raw bytes (offset 64). */
export function tokenAmount(node: LiteSvmRpc, account: string): bigint {
  const a = node.svm.getAccount(address(account));
  if (!a.exists) return 0n;
  return Buffer.from(a.data as Uint8Array).readBigUInt64LE(64);
}

export { TOKEN_2022_PROGRAM, TOKEN_PROGRAM };
