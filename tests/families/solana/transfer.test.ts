/**
 * SOL and SPL transfers end to end on LiteSVM behind the loopback JSON-RPC server: the wallet
 * prepares (reading the node), signs and sends; the SVM executes with signature verification on;
 * balances are read back from the SVM itself. Quoted fees must equal what the SVM charged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, PublicKey, SystemProgram, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { startLiteSvmRpc, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { createSolanaRpc, type SolanaRpc } from '../../../src/families/solana/core/rpc.ts';
import { prepareSolTransfer, prepareSplTransfer, signPreparedTransfer } from '../../../src/families/solana/core/transfer.ts';
import { confirmSolanaTransaction, sendSolanaTransaction } from '../../../src/families/solana/core/send.ts';
import { getSolanaTokenBalances } from '../../../src/families/solana/core/balances.ts';
import { SolanaRpcError, SolanaWalletError } from '../../../src/families/solana/core/errors.ts';
import { ataOf, createAta, createMint, createTokenAccount, mintTo, newMint, SOL, TOKEN_2022_PROGRAM, TOKEN_PROGRAM, tokenAmount, walletAccount } from './helpers.ts';
import { asyncCodeOf } from '../../support/errors.ts';

let node: LiteSvmRpc;
let rpc: SolanaRpc;
const alice = walletAccount(0);
const bob = walletAccount(1);

const codeOf = asyncCodeOf(SolanaWalletError, 'no SolanaWalletError: the call succeeded');

beforeAll(async () => {
  node = await startLiteSvmRpc();
  rpc = createSolanaRpc({ url: node.url });
  node.airdrop(alice.address, 10n * SOL);
});
afterAll(async () => {
  await node.stop();
});

describe('SOL transfer', () => {
  it('builds, signs, sends and really moves lamports; the quoted fee is what the SVM charged', async () => {
    const before = node.balance(alice.address);
    const prepared = await prepareSolTransfer(rpc, { from: alice.address, to: bob.address, lamports: 2n * SOL });
    expect(prepared.fee.networkFeeLamports).toBe(5000n);
    expect(prepared.fee.feeIsEstimate).toBe(false);
    expect(prepared.warnings.map((w) => w.code)).toContain('RECIPIENT_NEW_ACCOUNT');
    const signed = signPreparedTransfer(prepared, alice.secretKey);
    expect(signed.fullySigned).toBe(true);
    const sig = await sendSolanaTransaction(rpc, signed.signedTransaction);
    expect(sig).toBe(signed.transactionId);
    const conf = await confirmSolanaTransaction(rpc, sig, { lastValidBlockHeight: prepared.lastValidBlockHeight, pollMs: 10 });
    expect(conf.status).toBe('confirmed');
    expect(node.balance(bob.address)).toBe(2n * SOL);
    expect(node.balance(alice.address)).toBe(before - 2n * SOL - prepared.fee.totalLamports);
  });

  it('prices a priority fee (compute budget) exactly as the runtime charges it', async () => {
    node.nextBlock();
    const before = node.balance(alice.address);
    const prepared = await prepareSolTransfer(rpc, { from: alice.address, to: bob.address, lamports: 12345n, computeUnitLimit: 10_000, computeUnitPriceMicroLamports: 1000n, version: 'legacy' });
    expect(prepared.fee.networkFeeLamports).toBe(5010n);
    await sendSolanaTransaction(rpc, signPreparedTransfer(prepared, alice.secretKey).signedTransaction);
    expect(node.balance(alice.address)).toBe(before - 12345n - 5010n);
  });

  it('refuses more than the balance (INSUFFICIENT_SOL) with the shortfall', async () => {
    const err = await prepareSolTransfer(rpc, { from: alice.address, to: bob.address, lamports: 100n * SOL }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SolanaWalletError);
    expect((err as SolanaWalletError).code).toBe('INSUFFICIENT_SOL');
    expect((err as SolanaWalletError).details.shortfall).toMatch(/^\d+$/);
  });

  it('refuses leaving the sender between 0 and the rent-exempt minimum', async () => {
    const balance = node.balance(alice.address);
    expect(await codeOf(prepareSolTransfer(rpc, { from: alice.address, to: bob.address, lamports: balance - 5000n - 1000n }))).toBe('SENDER_BELOW_RENT_EXEMPT');
  });

  it('refuses funding a new account below the rent-exempt minimum, and the runtime agrees', async () => {
    const fresh = Keypair.generate().publicKey.toBase58();
    expect(await codeOf(prepareSolTransfer(rpc, { from: alice.address, to: fresh, lamports: 1000n }))).toBe('RECIPIENT_BELOW_RENT_EXEMPT');
    // The same transfer built and signed by web3.js alone is rejected by the SVM's preflight.
    const msg = new TransactionMessage({ payerKey: alice.keypair.publicKey, recentBlockhash: node.svm.latestBlockhash(), instructions: [SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: new PublicKey(fresh), lamports: 1000 })] }).compileToV0Message();
    const tx = new VersionedTransaction(msg);
    tx.sign([alice.keypair]);
    const err = await rpc.sendTransaction(tx.serialize()).then(
      () => {
        throw new Error('sent');
      },
      (e: unknown) => e as SolanaRpcError,
    );
    expect(err).toBeInstanceOf(SolanaRpcError);
    expect(err.code).toBe(-32002);
    expect(JSON.stringify(err.data)).toContain('InsufficientFundsForRent');
  });

  it('rejects bad addresses and amounts with specific reasons', async () => {
    const bad = async (to: string): Promise<string> => {
      try {
        await prepareSolTransfer(rpc, { from: alice.address, to, lamports: 1n });
      } catch (e) {
        return String((e as SolanaWalletError).details.reason);
      }
      return 'accepted';
    };
    expect(await bad('0x52908400098527886E0F7030069857D2E4169EE7')).toBe('evm_address');
    expect(await bad('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe('tron_address');
    expect(await bad(bob.address.slice(0, -3))).toBe('wrong_length');
    expect(await bad(`${bob.address.slice(0, -1)}0`)).toBe('invalid_characters');
    expect(await bad('')).toBe('empty');
    expect(await codeOf(prepareSolTransfer(rpc, { from: alice.address, to: bob.address, lamports: 0n }))).toBe('INVALID_AMOUNT');
    // A program-derived (off-curve) address is a valid recipient, with a warning.
    const pda = ataOf(bob.address, Keypair.generate().publicKey.toBase58(), TOKEN_PROGRAM);
    const p = await prepareSolTransfer(rpc, { from: alice.address, to: pda, lamports: SOL });
    expect(p.warnings.map((w) => w.code)).toContain('RECIPIENT_OFF_CURVE');
    // …but never as the sender.
    expect(await codeOf(prepareSolTransfer(rpc, { from: pda, to: bob.address, lamports: 1n }))).toBe('INVALID_ADDRESS');
  });
});

describe('SPL token transfer', () => {
  for (const [label, program] of [['Token', TOKEN_PROGRAM], ['Token-2022', TOKEN_2022_PROGRAM]] as const) {
    it(`${label}: sends to a fresh recipient, creating its ATA; fee includes the rent; balances move`, async () => {
      node.nextBlock();
      const { authority, mint } = newMint(node, 6, program);
      const aliceAta = createAta(node, authority, alice.address, mint, program);
      mintTo(node, authority, mint, aliceAta, 1_000_000_000n, program);
      const carol = Keypair.generate().publicKey.toBase58();

      const solBefore = node.balance(alice.address);
      const prepared = await prepareSplTransfer(rpc, { from: alice.address, to: carol, mint, amount: 250_000_000n });
      expect(prepared.tokenProgram).toBe(label === 'Token' ? 'token' : 'token-2022');
      expect(prepared.decimals).toBe(6);
      expect(prepared.createsRecipientTokenAccount).toBe(true);
      expect(prepared.destinationTokenAccount).toBe(ataOf(carol, mint, program));
      expect(prepared.fee.rentLamports).toBeGreaterThan(0n);
      expect(prepared.fee.totalLamports).toBe(prepared.fee.networkFeeLamports + prepared.fee.rentLamports);

      const sig = await sendSolanaTransaction(rpc, signPreparedTransfer(prepared, alice.secretKey).signedTransaction);
      expect((await confirmSolanaTransaction(rpc, sig, { pollMs: 10 })).status).toBe('confirmed');
      expect(tokenAmount(node, aliceAta)).toBe(750_000_000n);
      const carolAta = ataOf(carol, mint, program);
      expect(tokenAmount(node, carolAta)).toBe(250_000_000n);
      // Exactly fee + rent left Alice's SOL, and the rent is what the new account holds.
      expect(node.balance(alice.address)).toBe(solBefore - prepared.fee.totalLamports);
      expect(node.balance(carolAta)).toBe(prepared.fee.rentLamports);

      // Second transfer: the account exists now, so nothing is created and no rent is charged.
      node.nextBlock();
      const again = await prepareSplTransfer(rpc, { from: alice.address, to: carol, mint, amount: 1n });
      expect(again.createsRecipientTokenAccount).toBe(false);
      expect(again.fee.rentLamports).toBe(0n);
      await sendSolanaTransaction(rpc, signPreparedTransfer(again, alice.secretKey).signedTransaction);
      expect(tokenAmount(node, carolAta)).toBe(250_000_001n);

      const balances = await getSolanaTokenBalances(rpc, alice.address);
      const entry = balances.find((b) => b.mint === mint);
      expect(entry?.amount).toBe(749_999_999n);
      expect(entry?.uiAmount).toBe('749.999999');
      expect(entry?.program).toBe(label === 'Token' ? 'token' : 'token-2022');
    });
  }

  it('uses a non-associated source account when that is where the tokens are, and a token account recipient directly', async () => {
    node.nextBlock();
    const { authority, mint } = newMint(node, 0);
    const aliceAcc = createTokenAccount(node, authority, alice.address, mint);
    mintTo(node, authority, mint, aliceAcc, 10n);
    const bobAcc = createTokenAccount(node, authority, bob.address, mint);
    const prepared = await prepareSplTransfer(rpc, { from: alice.address, to: bobAcc, mint, amount: 4n });
    expect(prepared.sourceTokenAccount).toBe(aliceAcc);
    expect(prepared.destinationTokenAccount).toBe(bobAcc);
    expect(prepared.createsRecipientTokenAccount).toBe(false);
    expect(prepared.warnings.map((w) => w.code)).toContain('RECIPIENT_IS_TOKEN_ACCOUNT');
    await sendSolanaTransaction(rpc, signPreparedTransfer(prepared, alice.secretKey).signedTransaction);
    expect(tokenAmount(node, bobAcc)).toBe(4n);
    expect(tokenAmount(node, aliceAcc)).toBe(6n);
  });

  it('refuses: more tokens than held, a non-mint, a token account of another mint, no SOL for fee + rent', async () => {
    const { authority, mint } = newMint(node, 2);
    const otherMint = createMint(node, authority, 2);
    const aliceAta = createAta(node, authority, alice.address, mint);
    mintTo(node, authority, mint, aliceAta, 100n);
    expect(await codeOf(prepareSplTransfer(rpc, { from: alice.address, to: bob.address, mint, amount: 101n }))).toBe('INSUFFICIENT_TOKEN');
    expect(await codeOf(prepareSplTransfer(rpc, { from: alice.address, to: bob.address, mint: bob.address, amount: 1n }))).toBe('NOT_A_TOKEN_MINT');
    const bobOther = createAta(node, authority, bob.address, otherMint);
    expect(await codeOf(prepareSplTransfer(rpc, { from: alice.address, to: bobOther, mint, amount: 1n }))).toBe('RECIPIENT_TOKEN_ACCOUNT_MISMATCH');

    // A holder with tokens but no SOL cannot pay the fee (nor the new account's rent).
    const poor = walletAccount(5);
    const poorAta = createAta(node, authority, poor.address, mint);
    mintTo(node, authority, mint, poorAta, 50n);
    const err = await prepareSplTransfer(rpc, { from: poor.address, to: Keypair.generate().publicKey.toBase58(), mint, amount: 1n }).then(
      () => {
        throw new Error('prepared');
      },
      (e: unknown) => e as SolanaWalletError,
    );
    expect(err.code).toBe('INSUFFICIENT_SOL_FOR_FEE');
    expect(BigInt(String(err.details.required))).toBeGreaterThan(2_000_000n); // fee + rent of the new account
  });
});
