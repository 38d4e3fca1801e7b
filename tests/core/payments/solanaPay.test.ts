/**
 * Solana Pay: the specification's transfer-request and transaction-request examples, references
 * and memo, adversarial inputs, builders (read back by our parser and checked against the form
 * encoding the reference implementation uses: URLSearchParams), and the reference keys carried by
 * a real transfer executed on LiteSVM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, PublicKey, SystemProgram, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { getTransactionDecoder } from '@solana/kit';
import { buildSolanaPay, buildSolanaTransactionRequest, parseSolanaPay } from '../../../src/families/solana/core/paymentUri.ts';
import { memoInstruction, withReferenceKeys } from '../../../src/families/solana/core/payReferences.ts';
import { MEMO_PROGRAM_ID } from '../../../src/families/solana/core/programs.ts';
import { resolvePaymentAmount } from '../../../src/core/payments/amount.ts';
import type { PaymentTransferRequest } from '../../../src/core/payments/types.ts';
import { startLiteSvmRpc, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { codeOf, errorOf, nativeTransfer } from './helpers.ts';

const MV = 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN';
const USDC = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const REF = '82ZJ7nbGpixjeDCmEhUcmwXYfvurzAgGdtSMuHnUgyny';
const key = (seed: number): string => Keypair.fromSeed(new Uint8Array(32).fill(seed)).publicKey.toBase58();

function transfer(uri: string): PaymentTransferRequest {
  const r = parseSolanaPay(uri);
  if (r.kind !== 'transfer') throw new Error('expected a transfer request');
  return r;
}

describe('Solana Pay transfer requests: examples from the specification', () => {
  it('1 SOL with label, message and memo', () => {
    expect(parseSolanaPay(`solana:${MV}?amount=1&label=Michael&message=Thanks%20for%20all%20the%20fish&memo=OrderId12345`)).toEqual(
      nativeTransfer('solana', MV, { base: 1_000_000_000n, decimal: '1', decimals: 9 }, { label: 'Michael', message: 'Thanks for all the fish', memo: 'OrderId12345' }),
    );
  });

  it('0.01 USDC: the amount is in token units until the mint decimals are known', () => {
    const r = transfer(`solana:${MV}?amount=0.01&spl-token=${USDC}`);
    expect(r.asset).toEqual({ type: 'token', address: USDC });
    expect(r.amount).toEqual({ known: 'decimal', decimal: '0.01' });
    expect(resolvePaymentAmount(r.amount ?? { known: 'decimal', decimal: 'x' }, 6)).toEqual({ base: 10_000n, decimal: '0.01', decimals: 6 });
  });

  it('no amount: the payer is asked; the example written with "&" instead of "?" is refused like the reference parser does', () => {
    expect(transfer(`solana:${MV}?label=Michael`).amount).toBeUndefined();
    const e = errorOf(() => parseSolanaPay(`solana:${MV}&label=Michael`));
    expect(e.code).toBe('MALFORMED_URI');
    expect(e.message).toMatch(/"\?"/);
  });

  it('the reference example of @solana/pay, and several references kept in order', () => {
    const r = transfer(`solana:${MV}?amount=0.01&reference=${REF}&label=Michael&message=Thanks%20for%20all%20the%20fish&memo=OrderId5678`);
    expect(r.references).toEqual([REF]);
    expect(r.memo).toBe('OrderId5678');
    const many = transfer(`solana:${MV}?reference=${key(3)}&amount=2.5&reference=${key(1)}&reference=${key(2)}`);
    expect(many.references).toEqual([key(3), key(1), key(2)]);
    expect(many.amount).toEqual({ known: 'both', base: 2_500_000_000n, decimal: '2.5', decimals: 9 });
  });

  it('form-encoded spaces ("+", as URLSearchParams and the reference encoder write) and UTF-8', () => {
    const q = new URLSearchParams({ amount: '0.5', label: '咖啡店 Café', message: 'Order 42 + tip', memo: 'a b' });
    const r = transfer(`solana:${MV}?${q.toString()}`);
    expect(r).toMatchObject({ label: '咖啡店 Café', message: 'Order 42 + tip', memo: 'a b' });
  });
});

describe('Solana Pay transaction requests', () => {
  it('the specification examples: a plain https link, and a link with a query percent-encoded', () => {
    expect(parseSolanaPay('solana:https://example.com/solana-pay')).toEqual({ kind: 'transactionRequest', family: 'solana', scheme: 'solana', link: 'https://example.com/solana-pay', ignoredParams: [] });
    expect(parseSolanaPay('solana:https%3A%2F%2Fexample.com%2Fsolana-pay%3Forder%3D12345')).toMatchObject({ kind: 'transactionRequest', link: 'https://example.com/solana-pay?order=12345' });
  });

  it('label and message may follow the link', () => {
    expect(parseSolanaPay('solana:https%3A%2F%2Fexample.com%2Fpay%3Fid%3D1?label=Shop&message=Thanks%21')).toMatchObject({ link: 'https://example.com/pay?id=1', label: 'Shop', message: 'Thanks!' });
  });

  it('plain http only on this computer', () => {
    expect(parseSolanaPay('solana:http://localhost:5173/pay')).toMatchObject({ link: 'http://localhost:5173/pay' });
    expect(parseSolanaPay('solana:http%3A%2F%2F127.0.0.1%3A8080%2Fpay%3Fo%3D1')).toMatchObject({ link: 'http://127.0.0.1:8080/pay?o=1' });
    expect(codeOf(() => parseSolanaPay('solana:http://example.com/pay'))).toBe('INVALID_LINK');
    expect(codeOf(() => parseSolanaPay('solana:http://localhost.evil.com/pay'))).toBe('INVALID_LINK');
  });

  it.each([
    ['solana:ftp://example.com/pay', 'INVALID_LINK'],
    ['solana:javascript:alert(1)', 'INVALID_LINK'],
    ['solana:https://user:pw@example.com/pay', 'INVALID_LINK'],
    ['solana:https://example.com/pay?order=1', 'INVALID_LINK'],
    ['solana:https%3A%2F%2Fexample.com%2Fpay%23frag', 'INVALID_LINK'],
    ['solana:https://', 'INVALID_LINK'],
    ['solana:https%3A%2F%2Fexample.com%2Fpay?label=a&label=b', 'DUPLICATE_PARAMETER'],
  ])('%s → %s', (uri, code) => {
    expect(codeOf(() => parseSolanaPay(uri))).toBe(code);
  });
});

describe('Solana Pay adversarial inputs', () => {
  it.each([
    [`solana:${MV}?amount=1e3`, 'INVALID_AMOUNT'],
    [`solana:${MV}?amount=.5`, 'INVALID_AMOUNT'],
    [`solana:${MV}?amount=1.`, 'INVALID_AMOUNT'],
    [`solana:${MV}?amount=-1`, 'NEGATIVE_AMOUNT'],
    [`solana:${MV}?amount=0`, 'ZERO_AMOUNT'],
    [`solana:${MV}?amount=0.0000000001`, 'TOO_MANY_DECIMALS'],
    [`solana:${MV}?amount=18446744074`, 'AMOUNT_OVERFLOW'],
    [`solana:${MV}?amount=1&amount=2`, 'DUPLICATE_PARAMETER'],
    [`solana:${MV}?amount=1?label=x`, 'MULTIPLE_QUERY_MARKERS'],
    [`solana:${MV}?spl-token=notamint`, 'INVALID_TOKEN'],
    [`solana:${MV}?reference=${'1'.repeat(31)}`, 'INVALID_REFERENCE'],
    [`solana:${MV}?reference=${REF}&reference=${REF}`, 'INVALID_REFERENCE'],
    [`solana:${MV}?reference=${MV}`, 'INVALID_REFERENCE'],
    [`solana:${MV}?memo=%E2%80%AE`, 'INVALID_PARAMETER'],
    [`solana:${MV}?label=${'x'.repeat(600)}`, 'INVALID_PARAMETER'],
    [`solana:${MV}0`, 'INVALID_ADDRESS'],
    ['solana:0x8e23Ee67d1332aD560396262C48ffbB01F93D052', 'INVALID_ADDRESS'],
    ['solana:', 'MISSING_RECIPIENT'],
    [`solana:${MV}?amount=1 `.replace(' ', '%20&x= y'), 'MALFORMED_URI'],
  ])('%s → %s', (uri, code) => {
    expect(codeOf(() => parseSolanaPay(uri))).toBe(code);
  });

  it('token amounts are checked against the mint decimals once known', () => {
    const r = transfer(`solana:${MV}?amount=0.0000001&spl-token=${USDC}`);
    expect(codeOf(() => resolvePaymentAmount(r.amount ?? { known: 'decimal', decimal: 'x' }, 6))).toBe('TOO_MANY_DECIMALS');
    expect(resolvePaymentAmount(r.amount ?? { known: 'decimal', decimal: 'x' }, 9).base).toBe(100n);
  });

  it('accepted keys are 32-byte public keys for web3.js too', () => {
    const r = transfer(`solana:${MV}?reference=${REF}&spl-token=${USDC}`);
    for (const k of [r.recipient, ...r.references, r.asset.type === 'token' ? r.asset.address : '']) expect(new PublicKey(k).toBytes().length).toBe(32);
  });
});

describe('Solana Pay builders', () => {
  it('SOL with references, label, message and memo round-trips; URLSearchParams reads the same values', () => {
    const uri = buildSolanaPay({ family: 'solana', recipient: MV, amount: { known: 'base', base: 1_500_000_001n }, references: [key(1), key(2)], label: '咖啡店', message: 'Thanks for all the fish!', memo: 'Order #7' });
    const r = transfer(uri);
    expect(r).toMatchObject({ recipient: MV, amount: { base: 1_500_000_001n, decimal: '1.500000001' }, references: [key(1), key(2)], label: '咖啡店', message: 'Thanks for all the fish!', memo: 'Order #7' });
    const q = new URLSearchParams(uri.slice(uri.indexOf('?') + 1));
    expect(q.get('amount')).toBe('1.500000001');
    expect(q.getAll('reference')).toEqual([key(1), key(2)]);
    expect(q.get('memo')).toBe('Order #7');
  });

  it('SPL token amounts are written in token units', () => {
    const uri = buildSolanaPay({ family: 'solana', recipient: MV, asset: { type: 'token', address: USDC }, amount: { known: 'both', base: 10_000n, decimal: '0.01', decimals: 6 } });
    expect(uri).toBe(`solana:${MV}?amount=0.01&spl-token=${USDC}`);
    expect(transfer(uri)).toMatchObject({ asset: { type: 'token', address: USDC }, amount: { known: 'decimal', decimal: '0.01' } });
  });

  it('a transaction request link with a query is percent-encoded and reads back', () => {
    const uri = buildSolanaTransactionRequest('https://shop.example/pay?order=12&x=a b', { label: 'Shop' });
    expect(uri.startsWith('solana:https%3A%2F%2Fshop.example%2Fpay%3Forder%3D12%26x%3Da%2520b?label=Shop')).toBe(true);
    expect(parseSolanaPay(uri)).toMatchObject({ kind: 'transactionRequest', link: 'https://shop.example/pay?order=12&x=a%20b', label: 'Shop' });
    expect(buildSolanaTransactionRequest('https://example.com/solana-pay')).toBe('solana:https://example.com/solana-pay');
    expect(codeOf(() => buildSolanaTransactionRequest('http://example.com/pay'))).toBe('INVALID_LINK');
  });

  it('refuses bad fields', () => {
    expect(codeOf(() => buildSolanaPay({ family: 'solana', recipient: MV, references: ['nope'] }))).toBe('INVALID_REFERENCE');
    expect(codeOf(() => buildSolanaPay({ family: 'solana', recipient: MV, amount: { known: 'base', base: 0n } }))).toBe('ZERO_AMOUNT');
    expect(codeOf(() => buildSolanaPay({ family: 'solana', recipient: MV, asset: { type: 'token', address: USDC }, amount: { known: 'base', base: 5n } }))).toBe('FIELD_NOT_SUPPORTED');
    expect(codeOf(() => buildSolanaPay({ family: 'solana', recipient: MV, amount: { known: 'decimal', decimal: '1.0000000001' } }))).toBe('TOO_MANY_DECIMALS');
  });
});

describe('reference keys on the transfer instruction', () => {
  it('are appended in order, read-only and non-signer; the original instruction is untouched', () => {
    const from = key(10);
    const ix = SystemProgram.transfer({ fromPubkey: new PublicKey(from), toPubkey: new PublicKey(MV), lamports: 5n });
    const withRefs = withReferenceKeys(ix, [key(1), key(2)]);
    expect(ix.keys).toHaveLength(2);
    expect(withRefs.keys.map((k) => [k.pubkey.toBase58(), k.isSigner, k.isWritable])).toEqual([
      [from, true, true],
      [MV, false, true],
      [key(1), false, false],
      [key(2), false, false],
    ]);
    expect(Buffer.from(withRefs.data).equals(Buffer.from(ix.data))).toBe(true);
    expect(codeOf(() => withReferenceKeys(ix, [MV]))).toBe('INVALID_REFERENCE');
    expect(codeOf(() => withReferenceKeys(ix, ['bad']))).toBe('INVALID_REFERENCE');
  });

  describe('on LiteSVM', () => {
    let node: LiteSvmRpc;
    beforeAll(async () => {
      node = await startLiteSvmRpc();
    });
    afterAll(async () => {
      await node?.stop();
    });

    it('a transfer built from a parsed Solana Pay link executes, pays exactly, and carries memo and references', () => {
      const payer = Keypair.fromSeed(new Uint8Array(32).fill(42));
      node.airdrop(payer.publicKey.toBase58(), 10_000_000_000n);
      const merchant = key(43);
      node.airdrop(merchant, 1_000_000_000n);
      const refs = [key(44), key(45)];
      const request = transfer(`solana:${merchant}?amount=0.123456789&reference=${refs[0]}&reference=${refs[1]}&memo=Order%2042`);
      if (request.amount?.known !== 'both') throw new Error('SOL amounts are exact');
      const instructions = [
        memoInstruction(request.memo ?? ''),
        withReferenceKeys(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: new PublicKey(request.recipient), lamports: request.amount.base }), request.references),
      ];
      const msg = new TransactionMessage({ payerKey: payer.publicKey, recentBlockhash: node.svm.latestBlockhash(), instructions }).compileToV0Message();
      const tx = new VersionedTransaction(msg);
      tx.sign([payer]);
      const before = node.balance(merchant);
      const res = node.svm.sendTransaction(getTransactionDecoder().decode(tx.serialize()));
      expect(res.constructor.name).toBe('TransactionMetadata');
      expect(node.balance(merchant) - before).toBe(123_456_789n);
      const keys = msg.staticAccountKeys.map((k) => k.toBase58());
      for (const r of refs) {
        const i = keys.indexOf(r);
        expect(i).toBeGreaterThan(0);
        expect(msg.isAccountSigner(i)).toBe(false);
        expect(msg.isAccountWritable(i)).toBe(false);
      }
      // The memo instruction comes immediately before the transfer, as the spec requires.
      expect(msg.compiledInstructions.map((c) => keys[c.programIdIndex])).toEqual([MEMO_PROGRAM_ID, SystemProgram.programId.toBase58()]);
      const logs = (res as unknown as { logs(): string[] }).logs().join('\n');
      expect(logs).toMatch(/Memo/);
      expect(logs).toContain('Order 42');
    });
  });
});
