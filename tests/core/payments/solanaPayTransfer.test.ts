/**
 * A Solana Pay transfer request paid through the wallet's own transfer builders on LiteSVM behind
 * the loopback JSON-RPC server: the parsed link's amount, references and memo go into
 * prepareSolTransfer / prepareSplTransfer, the signed transaction executes, the recipient receives
 * exactly the requested amount, and the executed transaction carries the reference keys
 * (read-only, non-signer, on the transfer instruction) and the memo right before the transfer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, VersionedMessage } from '@solana/web3.js';
import { signature } from '@solana/kit';
import { startLiteSvmRpc, TOKEN_PROGRAM, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { createSolanaRpc, type SolanaRpc } from '../../../src/families/solana/core/rpc.ts';
import { prepareSolTransfer, prepareSplTransfer, signPreparedTransfer } from '../../../src/families/solana/core/transfer.ts';
import { confirmSolanaTransaction, sendSolanaTransaction } from '../../../src/families/solana/core/send.ts';
import { parseSolanaPay } from '../../../src/families/solana/core/paymentUri.ts';
import { MEMO_PROGRAM_ID } from '../../../src/families/solana/core/programs.ts';
import { resolvePaymentAmount } from '../../../src/core/payments/amount.ts';
import type { PaymentTransferRequest } from '../../../src/core/payments/types.ts';
import { ataOf, createAta, mintTo, newMint, SOL, tokenAmount, walletAccount } from '../../families/solana/helpers.ts';

let node: LiteSvmRpc;
let rpc: SolanaRpc;
const payer = walletAccount(5);
const merchant = walletAccount(6);
const ref = (): string => Keypair.generate().publicKey.toBase58();

function transfer(uri: string): PaymentTransferRequest {
  const r = parseSolanaPay(uri);
  if (r.kind !== 'transfer') throw new Error('expected a transfer request');
  return r;
}

/** Checks the reference keys sit on the instruction of `programId`, read-only and unsigned, after the memo. */
function expectPayShape(messageBytes: Uint8Array, references: string[], memo: string, transferProgram: string): void {
  const msg = VersionedMessage.deserialize(messageBytes);
  const keys = msg.staticAccountKeys.map((k) => k.toBase58());
  const ixs = msg.compiledInstructions;
  const t = ixs.findIndex((ix) => keys[ix.programIdIndex] === transferProgram);
  expect(t).toBeGreaterThan(0);
  expect(keys[ixs[t - 1]?.programIdIndex ?? -1]).toBe(MEMO_PROGRAM_ID);
  expect(Buffer.from(ixs[t - 1]?.data ?? []).toString('utf8')).toBe(memo);
  const accounts = (ixs[t]?.accountKeyIndexes ?? []).map((i) => keys[i]);
  expect(accounts.slice(-references.length)).toEqual(references);
  for (const r of references) {
    const i = keys.indexOf(r);
    expect(msg.isAccountSigner(i)).toBe(false);
    expect(msg.isAccountWritable(i)).toBe(false);
  }
}

beforeAll(async () => {
  node = await startLiteSvmRpc();
  rpc = createSolanaRpc({ url: node.url });
  node.airdrop(payer.address, 20n * SOL);
  node.airdrop(merchant.address, 1n * SOL);
});
afterAll(async () => {
  await node?.stop();
});

describe('paying a Solana Pay link with the wallet transfer builders', () => {
  it('SOL: exact amount, two references and the memo in the executed transaction', async () => {
    const refs = [ref(), ref()];
    const request = transfer(`solana:${merchant.address}?amount=1.000000123&reference=${refs[0]}&reference=${refs[1]}&label=Tea&memo=Order%20%2342`);
    if (request.amount?.known !== 'both') throw new Error('SOL amounts are exact');
    const before = node.balance(merchant.address);
    const prepared = await prepareSolTransfer(rpc, { from: payer.address, to: request.recipient, lamports: request.amount.base, references: request.references, ...(request.memo !== undefined ? { memo: request.memo } : {}) });
    expectPayShape(prepared.messageBytes, refs, 'Order #42', '11111111111111111111111111111111');
    const signed = signPreparedTransfer(prepared, payer.secretKey);
    const sig = await sendSolanaTransaction(rpc, signed.signedTransaction);
    expect((await confirmSolanaTransaction(rpc, sig, { lastValidBlockHeight: prepared.lastValidBlockHeight, pollMs: 10 })).status).toBe('confirmed');
    expect(node.balance(merchant.address) - before).toBe(1_000_000_123n);
    const executed = node.svm.getTransaction(signature(sig));
    expect(executed?.constructor.name).toBe('TransactionMetadata');
    expect((executed as unknown as { logs(): string[] }).logs().join('\n')).toContain('Order #42');
  });

  it('SPL: the token amount resolved with the mint decimals, reference on TransferChecked', async () => {
    node.nextBlock();
    const { authority, mint } = newMint(node, 6);
    const payerAta = createAta(node, authority, payer.address, mint);
    mintTo(node, authority, mint, payerAta, 10_000_000n);
    const r1 = ref();
    const request = transfer(`solana:${merchant.address}?amount=1.5&spl-token=${mint}&reference=${r1}&memo=inv-7`);
    if (request.asset.type !== 'token' || request.amount === undefined) throw new Error('expected a token request with an amount');
    const { base } = resolvePaymentAmount(request.amount, 6);
    const prepared = await prepareSplTransfer(rpc, { from: payer.address, to: request.recipient, mint: request.asset.address, amount: base, references: request.references, memo: 'inv-7' });
    expectPayShape(prepared.messageBytes, [r1], 'inv-7', TOKEN_PROGRAM);
    await sendSolanaTransaction(rpc, signPreparedTransfer(prepared, payer.secretKey).signedTransaction);
    expect(tokenAmount(node, ataOf(merchant.address, mint, TOKEN_PROGRAM))).toBe(1_500_000n);
    expect(tokenAmount(node, payerAta)).toBe(8_500_000n);
  });

  it('a reference that is already an account of the transfer is refused before anything is signed', async () => {
    const err = await prepareSolTransfer(rpc, { from: payer.address, to: merchant.address, lamports: SOL, references: [merchant.address] }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('INVALID_REFERENCE');
  });
});
