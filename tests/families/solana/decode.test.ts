/**
 * The approval-window preview: instruction decoding (System, SPL Token, ATA, Compute Budget, Memo,
 * unknown programs, address lookup tables), risk warnings, and balance changes computed from a
 * real LiteSVM simulation; degraded previews when the blockhash is unknown or the node is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddressLookupTableAccount,
  ComputeBudgetProgram,
  Keypair,
  NONCE_ACCOUNT_LENGTH,
  PublicKey,
  SystemProgram,
  TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import { address, lamports } from '@solana/kit';
import { startLiteSvmRpc, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { createSolanaRpc, type SolanaRpc } from '../../../src/families/solana/core/rpc.ts';
import { previewSolanaTransaction } from '../../../src/families/solana/core/preview.ts';
import { decodeSolanaMessage, U64_MAX } from '../../../src/families/solana/core/decode.ts';
import { signSolanaTransaction } from '../../../src/families/solana/core/sign.ts';
import { sendSolanaTransaction } from '../../../src/families/solana/core/send.ts';
import { SolanaWalletError } from '../../../src/families/solana/core/errors.ts';
import { ATA_PROGRAM, ataOf, createAta, createMint, mintTo, SOL, TOKEN_PROGRAM, walletAccount } from './helpers.ts';

let node: LiteSvmRpc;
let rpc: SolanaRpc;
const alice = walletAccount(0);
const bob = walletAccount(1);
const dave = Keypair.generate();
let mint: string;
let aliceAta: string;

const u64 = (v: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
};
const key = (s: string): PublicKey => new PublicKey(s);

function tokenIx(data: Buffer, keys: [string, boolean, boolean][]): TransactionInstruction {
  return new TransactionInstruction({ programId: key(TOKEN_PROGRAM), keys: keys.map(([k, s, w]) => ({ pubkey: key(k), isSigner: s, isWritable: w })), data });
}

function build(instructions: TransactionInstruction[], payer = alice.keypair.publicKey, blockhash: string = node.svm.latestBlockhash(), tables: AddressLookupTableAccount[] = []): Uint8Array {
  const msg = new TransactionMessage({ payerKey: payer, recentBlockhash: blockhash, instructions }).compileToV0Message(tables);
  return new VersionedTransaction(msg).serialize();
}

beforeAll(async () => {
  node = await startLiteSvmRpc();
  rpc = createSolanaRpc({ url: node.url });
  node.airdrop(alice.address, 10n * SOL);
  node.airdrop(dave.publicKey.toBase58(), 10n * SOL);
  mint = createMint(node, dave, 6);
  aliceAta = createAta(node, dave, alice.address, mint);
  mintTo(node, dave, mint, aliceAta, 100_000_000n);
});
afterAll(async () => {
  await node.stop();
});

describe('previewSolanaTransaction', () => {
  it('SOL transfer: decoded, fee from the node, balance changes from the simulation', async () => {
    const tx = build([SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: bob.keypair.publicKey, lamports: 3 * 1_000_000_000 })]);
    const p = await previewSolanaTransaction(rpc, tx, { wallet: alice.address });
    expect(p.instructions).toEqual([{ index: 0, programId: '11111111111111111111111111111111', programName: 'System Program', type: 'systemTransfer', from: alice.address, to: bob.address, lamports: 3n * SOL }]);
    expect(p.networkFeeLamports).toBe(5000n);
    expect(p.warnings).toEqual([]);
    expect(p.simulation.status).toBe('ok');
    if (p.simulation.status !== 'ok') return;
    const byOwner = Object.fromEntries(p.simulation.balanceChanges.map((c) => [c.owner, c.delta]));
    expect(byOwner).toEqual({ [alice.address]: -(3n * SOL + 5000n), [bob.address]: 3n * SOL });
    // Preview is read-only.
    expect(node.balance(bob.address)).toBe(0n);
  });

  it('SPL bundle: ATA create, transferChecked, unlimited approve, compute budget, memo — decoded with warnings and token balance changes', async () => {
    const bobAta = ataOf(bob.address, mint, TOKEN_PROGRAM);
    const tx = build([
      ComputeBudgetProgram.setComputeUnitLimit({ units: 300_000 }),
      ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 2_000 }),
      new TransactionInstruction({
        programId: key(ATA_PROGRAM),
        keys: [
          { pubkey: alice.keypair.publicKey, isSigner: true, isWritable: true },
          { pubkey: key(bobAta), isSigner: false, isWritable: true },
          { pubkey: bob.keypair.publicKey, isSigner: false, isWritable: false },
          { pubkey: key(mint), isSigner: false, isWritable: false },
          { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
          { pubkey: key(TOKEN_PROGRAM), isSigner: false, isWritable: false },
        ],
        data: Buffer.from([1]),
      }),
      tokenIx(Buffer.concat([Buffer.from([12]), u64(10_000_000n), Buffer.from([6])]), [[aliceAta, false, true], [mint, false, false], [bobAta, false, true], [alice.address, true, false]]),
      tokenIx(Buffer.concat([Buffer.from([4]), u64(U64_MAX)]), [[aliceAta, false, true], [dave.publicKey.toBase58(), false, false], [alice.address, true, false]]),
      new TransactionInstruction({ programId: key('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'), keys: [], data: Buffer.from('order #42') }),
    ]);
    const p = await previewSolanaTransaction(rpc, tx, { wallet: alice.address });
    expect(p.instructions.map((i) => i.type)).toEqual(['computeUnitLimit', 'computeUnitPrice', 'ataCreate', 'splTransfer', 'splApprove', 'memo']);
    expect(p.instructions[3]).toMatchObject({ type: 'splTransfer', checked: true, amount: 10_000_000n, decimals: 6, mint, source: aliceAta, destination: bobAta, authority: alice.address, program: 'token' });
    expect(p.instructions[4]).toMatchObject({ type: 'splApprove', unlimited: true, delegate: dave.publicKey.toBase58() });
    expect(p.instructions[2]).toMatchObject({ type: 'ataCreate', idempotent: true, owner: bob.address, mint, account: bobAta });
    expect(p.instructions[5]).toMatchObject({ type: 'memo', text: 'order #42' });
    expect(p.warnings).toEqual([{ code: 'UNLIMITED_APPROVAL', severity: 'danger', params: { index: 4, delegate: dave.publicKey.toBase58(), source: aliceAta } }]);
    expect(p.priorityFeeLamports).toBe(600n);
    expect(p.networkFeeLamports).toBe(5600n);
    expect(p.simulation.status).toBe('ok');
    if (p.simulation.status !== 'ok') return;
    const tokens = p.simulation.balanceChanges.filter((c) => c.asset === 'token');
    expect(tokens).toHaveLength(2);
    expect(tokens).toEqual(expect.arrayContaining([
      { owner: alice.address, asset: 'token', mint, tokenAccount: aliceAta, decimals: 6, before: 100_000_000n, after: 90_000_000n, delta: -10_000_000n },
      { owner: bob.address, asset: 'token', mint, tokenAccount: bobAta, decimals: 6, before: 0n, after: 10_000_000n, delta: 10_000_000n },
    ]));
    const rent = node.svm.minimumBalanceForRentExemption(165n);
    expect(p.simulation.balanceChanges.find((c) => c.asset === 'SOL' && c.owner === alice.address)?.delta).toBe(-(5600n + rent));
  });

  it('unknown program: listed by id, the failed simulation is a danger warning', async () => {
    const unknown = Keypair.generate().publicKey;
    const tx = build([new TransactionInstruction({ programId: unknown, keys: [{ pubkey: alice.keypair.publicKey, isSigner: true, isWritable: true }], data: Buffer.from([1, 2, 3]) })]);
    const p = await previewSolanaTransaction(rpc, tx, { wallet: alice.address });
    expect(p.instructions[0]).toMatchObject({ type: 'unknown', programId: unknown.toBase58(), accounts: [alice.address], dataLength: 3 });
    expect(p.instructions[0]?.programName).toBeUndefined();
    expect(p.warnings.map((w) => w.code)).toEqual(['UNKNOWN_PROGRAM', 'SIMULATION_FAILED']);
    expect(p.simulation.status).toBe('failed');
  });

  it('a blockhash this node never produced (another cluster, or expired) is flagged and unpriced', async () => {
    const tx = build([SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: bob.keypair.publicKey, lamports: 1 })], alice.keypair.publicKey, Keypair.generate().publicKey.toBase58());
    const p = await previewSolanaTransaction(rpc, tx, { wallet: alice.address });
    expect(p.networkFeeLamports).toBeNull();
    expect(p.warnings.map((w) => w.code)).toEqual(['BLOCKHASH_NOT_FOUND']);
    expect(p.simulation).toMatchObject({ status: 'failed', errorText: 'BlockhashNotFound' });
  });

  it('still decodes when the node is unreachable, and refuses non-signers before any RPC', async () => {
    const down = createSolanaRpc({ url: 'http://127.0.0.1:1', timeoutMs: 2000 });
    const tx = build([SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: bob.keypair.publicKey, lamports: 1 })]);
    const p = await previewSolanaTransaction(down, tx, { wallet: alice.address });
    expect(p.instructions[0]?.type).toBe('systemTransfer');
    expect(p.simulation.status).toBe('unavailable');
    expect(p.warnings.map((w) => w.code)).toEqual(['SIMULATION_UNAVAILABLE']);
    await expect(previewSolanaTransaction(down, tx, { wallet: bob.address })).rejects.toMatchObject({ code: 'NOT_A_SIGNER' });
    await expect(previewSolanaTransaction(down, new Uint8Array([1, 2, 3]), { wallet: bob.address })).rejects.toBeInstanceOf(SolanaWalletError);
  });

  it('resolves address lookup tables of a v0 transaction, and the signed transaction executes', async () => {
    const table = Keypair.generate().publicKey;
    const carol = Keypair.generate().publicKey;
    const addresses = [carol, bob.keypair.publicKey];
    // An address lookup table account written directly (LookupTableMeta + addresses).
    const meta = Buffer.alloc(56);
    meta.writeUInt32LE(1, 0);
    meta.writeBigUInt64LE(U64_MAX, 4);
    meta.writeBigUInt64LE(0n, 12);
    const data = Buffer.concat([meta, ...addresses.map((a) => a.toBuffer())]);
    node.svm.setAccount({ address: address(table.toBase58()), data, executable: false, lamports: lamports(10_000_000n), programAddress: address('AddressLookupTab1e1111111111111111111111111'), space: BigInt(data.length) });
    node.svm.warpToSlot(node.svm.getClock().slot + 5n);
    const lut = new AddressLookupTableAccount({ key: table, state: AddressLookupTableAccount.deserialize(data) });
    const tx = build([SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: carol, lamports: Number(SOL) })], alice.keypair.publicKey, node.svm.latestBlockhash(), [lut]);
    const p = await previewSolanaTransaction(rpc, tx, { wallet: alice.address });
    expect(p.instructions[0]).toMatchObject({ type: 'systemTransfer', to: carol.toBase58(), lamports: SOL });
    expect(p.warnings).toEqual([]);
    expect(p.simulation.status).toBe('ok');
    if (p.simulation.status === 'ok') expect(p.simulation.balanceChanges.find((c) => c.owner === carol.toBase58())?.delta).toBe(SOL);
    await sendSolanaTransaction(rpc, signSolanaTransaction(tx, alice.secretKey).signedTransaction);
    expect(node.balance(carol.toBase58())).toBe(SOL);
    // Offline, the lookup entries stay placeholders and the preview says so.
    const offline = await previewSolanaTransaction(null, tx, { wallet: alice.address });
    expect(offline.warnings.map((w) => w.code)).toEqual(['UNRESOLVED_LOOKUP_TABLES']);
    expect(offline.instructions[0]).toMatchObject({ type: 'systemTransfer', to: `${table.toBase58()}#0` });
  });
});

describe('decodeSolanaMessage warnings', () => {
  const walletKey = alice.keypair.publicKey;
  const decode = (ixs: TransactionInstruction[]): ReturnType<typeof decodeSolanaMessage> =>
    decodeSolanaMessage(new TransactionMessage({ payerKey: walletKey, recentBlockhash: PublicKey.default.toBase58(), instructions: ixs }).compileToLegacyMessage(), { wallet: alice.address });

  it('owner change of a token account (SetAuthority AccountOwner) and System Assign of the wallet are dangers', () => {
    const setOwner = tokenIx(Buffer.concat([Buffer.from([6, 2, 1]), dave.publicKey.toBuffer()]), [[aliceAta, false, true], [alice.address, true, false]]);
    const assign = SystemProgram.assign({ accountPubkey: walletKey, programId: dave.publicKey });
    const d = decode([setOwner, assign]);
    expect(d.instructions[0]).toMatchObject({ type: 'splSetAuthority', authorityType: 'accountOwner', newAuthority: dave.publicKey.toBase58() });
    expect(d.warnings.map((w) => [w.code, w.severity])).toEqual([['AUTHORITY_CHANGE', 'danger'], ['ACCOUNT_ASSIGN', 'danger']]);
  });

  it('durable nonce, close to another destination, limited approval, revoke, high priority fee', () => {
    const nonce = Keypair.generate().publicKey;
    const d = decode([
      SystemProgram.nonceAdvance({ noncePubkey: nonce, authorizedPubkey: walletKey }),
      tokenIx(Buffer.from([9]), [[aliceAta, false, true], [dave.publicKey.toBase58(), false, true], [alice.address, true, false]]),
      tokenIx(Buffer.concat([Buffer.from([4]), u64(5n)]), [[aliceAta, false, true], [dave.publicKey.toBase58(), false, false], [alice.address, true, false]]),
      tokenIx(Buffer.from([5]), [[aliceAta, false, true], [alice.address, true, false]]),
      ComputeBudgetProgram.setComputeUnitLimit({ units: 1_000_000 }),
      ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 50_000_000 }),
    ]);
    expect(d.instructions.map((i) => i.type)).toEqual(['advanceNonce', 'splCloseAccount', 'splApprove', 'splRevoke', 'computeUnitLimit', 'computeUnitPrice']);
    expect(d.warnings.map((w) => w.code)).toEqual(['DURABLE_NONCE', 'CLOSE_ACCOUNT_OTHER_DESTINATION', 'TOKEN_APPROVAL', 'HIGH_PRIORITY_FEE']);
    expect(d.priorityFeeLamports).toBe(50_000_000n);
    expect(NONCE_ACCOUNT_LENGTH).toBe(80);
  });

  it('truncated instruction data is flagged instead of throwing', () => {
    const d = decode([tokenIx(Buffer.from([12, 1, 2]), [[aliceAta, false, true], [mint, false, false], [aliceAta, false, true], [alice.address, true, false]])]);
    expect(d.instructions[0]?.type).toBe('unknown');
    expect(d.warnings.map((w) => w.code)).toEqual(['MALFORMED_INSTRUCTION']);
  });
});
