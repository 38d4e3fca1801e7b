/**
 * Solana signing: dApp-built legacy and v0 transactions signed by the wallet and executed by
 * LiteSVM (which verifies every signature), partial signing with another signer, refusal when the
 * wallet is not a signer, malformed bytes; signMessage and Sign-In With Solana verified with
 * Node's own ed25519 (crypto.verify, independent of @noble/curves) and SIWS domain binding.
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keypair, PublicKey, SystemProgram, Transaction, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { base58 } from '@scure/base';
import { startLiteSvmRpc, type LiteSvmRpc } from '../../support/litesvmRpc.ts';
import { createSolanaRpc, type SolanaRpc } from '../../../src/families/solana/core/rpc.ts';
import { prepareSignMessage, signInWithSolana, signSolanaMessage, signSolanaTransaction, verifyTransactionSignatures, MAX_SIGN_MESSAGE_BYTES } from '../../../src/families/solana/core/sign.ts';
import { createSiwsMessageText, parseSiwsMessageText, prepareSignIn } from '../../../src/families/solana/core/siws.ts';
import { sendSolanaTransaction } from '../../../src/families/solana/core/send.ts';
import { SolanaWalletError } from '../../../src/families/solana/core/errors.ts';
import { SOL, walletAccount } from './helpers.ts';
import { syncCodeOf } from '../../support/errors.ts';

let node: LiteSvmRpc;
let rpc: SolanaRpc;
const alice = walletAccount(0);
const bob = walletAccount(1);
const dave = Keypair.generate();

/** Node's ed25519 verification from the raw 32-byte public key (JWK), independent of noble. */
function nodeEd25519Verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
  return nodeVerify(null, message, key, signature);
}

const codeOf = syncCodeOf(SolanaWalletError);

function v0Transfer(payer: PublicKey, from: PublicKey, to: PublicKey, lamports: number, signers: Keypair[] = []): Uint8Array {
  const msg = new TransactionMessage({ payerKey: payer, recentBlockhash: node.svm.latestBlockhash(), instructions: [SystemProgram.transfer({ fromPubkey: from, toPubkey: to, lamports })] }).compileToV0Message();
  const tx = new VersionedTransaction(msg);
  if (signers.length > 0) tx.sign(signers);
  return tx.serialize();
}

beforeAll(async () => {
  node = await startLiteSvmRpc();
  rpc = createSolanaRpc({ url: node.url });
  node.airdrop(alice.address, 10n * SOL);
  node.airdrop(dave.publicKey.toBase58(), 10n * SOL);
});
afterAll(async () => {
  await node.stop();
});

describe('signSolanaTransaction', () => {
  it('signs a dApp-built v0 transaction that the SVM then executes', async () => {
    const unsigned = v0Transfer(alice.keypair.publicKey, alice.keypair.publicKey, bob.keypair.publicKey, 1_000_000_000);
    const signed = signSolanaTransaction(unsigned, alice.secretKey);
    expect(signed.signerIndex).toBe(0);
    expect(signed.fullySigned).toBe(true);
    // Byte-exact message: only the signature slot changed.
    expect(Buffer.from(signed.signedTransaction.subarray(65)).equals(Buffer.from(unsigned.subarray(65)))).toBe(true);
    const messageBytes = signed.signedTransaction.subarray(65);
    expect(nodeEd25519Verify(messageBytes, signed.signature, base58.decode(alice.address))).toBe(true);
    await sendSolanaTransaction(rpc, signed.signedTransaction);
    expect(node.balance(bob.address)).toBe(1_000_000_000n);
  });

  it('signs a legacy transaction (web3.js Transaction, unsigned serialization)', async () => {
    node.nextBlock();
    const tx = new Transaction({ feePayer: alice.keypair.publicKey, recentBlockhash: node.svm.latestBlockhash() }).add(
      SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: bob.keypair.publicKey, lamports: 5000 }),
    );
    const unsigned = tx.serialize({ requireAllSignatures: false, verifySignatures: false });
    const signed = signSolanaTransaction(unsigned, alice.secretKey);
    expect(Transaction.from(signed.signedTransaction).verifySignatures()).toBe(true);
    await sendSolanaTransaction(rpc, signed.signedTransaction);
    expect(node.balance(bob.address)).toBe(1_000_005_000n);
  });

  it('adds its signature as second signer and keeps the fee payer signature untouched', async () => {
    node.nextBlock();
    const msg = new TransactionMessage({ payerKey: dave.publicKey, recentBlockhash: node.svm.latestBlockhash(), instructions: [SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: bob.keypair.publicKey, lamports: 7 })] }).compileToV0Message();
    const tx = new VersionedTransaction(msg);
    tx.sign([dave]);
    const daveSig = Uint8Array.from(tx.signatures[0]!);
    const signed = signSolanaTransaction(tx.serialize(), alice.secretKey);
    expect(signed.signerIndex).toBe(1);
    expect(signed.fullySigned).toBe(true);
    expect(signed.transactionId).toBe(base58.encode(daveSig));
    expect(verifyTransactionSignatures(signed.signedTransaction).map((s) => s.status)).toEqual(['valid', 'valid']);
    await sendSolanaTransaction(rpc, signed.signedTransaction);
    expect(node.balance(bob.address)).toBe(1_000_005_007n);
  });

  it('reports a partially signed transaction and a tampered signature', () => {
    const msg = new TransactionMessage({ payerKey: dave.publicKey, recentBlockhash: node.svm.latestBlockhash(), instructions: [SystemProgram.transfer({ fromPubkey: alice.keypair.publicKey, toPubkey: bob.keypair.publicKey, lamports: 1 })] }).compileToV0Message();
    const unsigned = new VersionedTransaction(msg).serialize();
    const signed = signSolanaTransaction(unsigned, alice.secretKey);
    expect(signed.fullySigned).toBe(false);
    const tampered = signed.signedTransaction.slice();
    tampered[70] = tampered[70]! ^ 1;
    expect(verifyTransactionSignatures(tampered).map((s) => s.status)).toEqual(['missing', 'invalid']);
  });

  it('refuses a transaction the wallet is not a required signer of (even when it is an account in it)', () => {
    const unsigned = v0Transfer(dave.publicKey, dave.publicKey, alice.keypair.publicKey, 1);
    const err = (() => {
      try {
        signSolanaTransaction(unsigned, alice.secretKey);
      } catch (e) {
        return e as SolanaWalletError;
      }
      throw new Error('signed');
    })();
    expect(err.code).toBe('NOT_A_SIGNER');
    expect(err.message).toContain(alice.address);
  });

  it('refuses malformed, oversized and unsupported-version bytes with clear errors', () => {
    const good = v0Transfer(alice.keypair.publicKey, alice.keypair.publicKey, bob.keypair.publicKey, 1);
    const sign = (b: Uint8Array): string => codeOf(() => signSolanaTransaction(b, alice.secretKey));
    expect(sign(new Uint8Array(0))).toBe('MALFORMED_TRANSACTION');
    expect(sign(Uint8Array.from(Buffer.from('hello world, not a transaction')))).toBe('MALFORMED_TRANSACTION');
    expect(sign(good.subarray(0, good.length - 1))).toBe('MALFORMED_TRANSACTION');
    expect(sign(Uint8Array.from([...good, 0]))).toBe('MALFORMED_TRANSACTION');
    // Two signature slots for a one-signer message.
    expect(sign(Uint8Array.from([2, ...new Uint8Array(64), ...good.subarray(1)]))).toBe('MALFORMED_TRANSACTION');
    const v1 = good.slice();
    v1[65] = 0x81;
    expect(sign(v1)).toBe('UNSUPPORTED_TRANSACTION_VERSION');
    expect(sign(new Uint8Array(1300))).toBe('TRANSACTION_TOO_LARGE');
    expect(codeOf(() => signSolanaTransaction(good, new Uint8Array(31)))).toBe('INVALID_SECRET_KEY');
    try {
      signSolanaTransaction(good.subarray(0, 40), alice.secretKey);
    } catch (e) {
      expect((e as Error).message).toMatch(/^Malformed Solana transaction: /);
    }
  });
});

describe('signMessage', () => {
  const ctx = { origin: 'https://dapp.example', address: alice.address };

  it('signs raw bytes; Node crypto verifies the ed25519 signature', () => {
    const message = new TextEncoder().encode('Hello from dapp.example ✓');
    const req = prepareSignMessage(message, ctx);
    expect(req.display).toEqual({ kind: 'text', text: 'Hello from dapp.example ✓' });
    const out = signSolanaMessage(req.message, alice.secretKey);
    expect(out.signedMessage).toEqual(message);
    expect(out.signature).toHaveLength(64);
    expect(nodeEd25519Verify(message, out.signature, base58.decode(alice.address))).toBe(true);
    expect(nodeEd25519Verify(new TextEncoder().encode('Hello from dapp.example!'), out.signature, base58.decode(alice.address))).toBe(false);
  });

  it('shows binary messages as hex with a warning', () => {
    const req = prepareSignMessage(Uint8Array.from([0xff, 0x00, 0x10]), ctx);
    expect(req.display).toEqual({ kind: 'hex', hex: 'ff0010', byteLength: 3 });
    expect(req.warnings.map((w) => w.code)).toEqual(['NON_TEXT_MESSAGE']);
  });

  it('refuses transactions or transaction messages disguised as messages, empty and oversized messages', () => {
    const tx = v0Transfer(alice.keypair.publicKey, alice.keypair.publicKey, dave.publicKey, 5 * 1_000_000_000);
    expect(codeOf(() => prepareSignMessage(tx, ctx))).toBe('MESSAGE_IS_TRANSACTION');
    expect(codeOf(() => prepareSignMessage(tx.subarray(65), ctx))).toBe('MESSAGE_IS_TRANSACTION');
    expect(codeOf(() => prepareSignMessage(new Uint8Array(0), ctx))).toBe('INVALID_MESSAGE');
    expect(codeOf(() => prepareSignMessage('text' as unknown as Uint8Array, ctx))).toBe('INVALID_MESSAGE');
    expect(codeOf(() => prepareSignMessage(new Uint8Array(MAX_SIGN_MESSAGE_BYTES + 1).fill(65), ctx))).toBe('MESSAGE_TOO_LONG');
  });

  it('applies SIWS domain binding to sign-in text arriving through signMessage', () => {
    const forOther = createSiwsMessageText({ domain: 'evil.example', address: alice.address, nonce: 'abc12345' });
    expect(codeOf(() => prepareSignMessage(new TextEncoder().encode(forOther), ctx))).toBe('SIWS_DOMAIN_MISMATCH');
    const forUs = createSiwsMessageText({ domain: 'dapp.example', address: alice.address, nonce: 'abc12345', expirationTime: '2020-01-01T00:00:00Z' });
    const req = prepareSignMessage(new TextEncoder().encode(forUs), ctx);
    expect(req.siws?.nonce).toBe('abc12345');
    expect(req.warnings.map((w) => w.code)).toContain('SIWS_EXPIRED');
  });
});

describe('Sign-In With Solana', () => {
  const ctx = { origin: 'https://dapp.example', address: alice.address, chain: 'solana:devnet' as const, now: Date.parse('2025-01-01T00:00:00Z') };

  it('builds the exact wallet-standard text, keeps provided fields verbatim and round-trips through the parser', () => {
    const input = {
      domain: 'dapp.example',
      address: alice.address,
      statement: 'Sign in to Example',
      uri: 'https://dapp.example/login',
      version: '1',
      chainId: 'devnet',
      nonce: 'n0nce123',
      issuedAt: '2025-01-01T00:00:00Z',
      resources: ['https://dapp.example/terms', 'ipfs://bafy'],
    };
    const p = prepareSignIn(input, ctx);
    expect(p.text).toBe(
      `dapp.example wants you to sign in with your Solana account:\n${alice.address}\n\nSign in to Example\n\n` +
        'URI: https://dapp.example/login\nVersion: 1\nChain ID: devnet\nNonce: n0nce123\nIssued At: 2025-01-01T00:00:00Z\n' +
        'Resources:\n- https://dapp.example/terms\n- ipfs://bafy',
    );
    expect(parseSiwsMessageText(p.text)).toEqual(input);
    expect(p.warnings).toEqual([]);
  });

  it('fills in domain and address when absent and omits absent optional fields', () => {
    const p = prepareSignIn({ nonce: 'abcdefgh' }, { ...ctx, origin: 'http://localhost:5173' });
    expect(p.text).toBe(`localhost:5173 wants you to sign in with your Solana account:\n${alice.address}\n\nNonce: abcdefgh`);
    expect(prepareSignIn(undefined, ctx).text).toBe(`dapp.example wants you to sign in with your Solana account:\n${alice.address}`);
  });

  it('refuses a domain or URI of another site (-32000), another account, and line-break injection', () => {
    const e = (() => {
      try {
        prepareSignIn({ domain: 'phantom-airdrop.example' }, ctx);
      } catch (err) {
        return err as SolanaWalletError;
      }
      throw new Error('accepted');
    })();
    expect(e.code).toBe('SIWS_DOMAIN_MISMATCH');
    expect(e.providerCode).toBe(-32000);
    expect(codeOf(() => prepareSignIn({ domain: 'dapp.example', uri: 'https://evil.example/' }, ctx))).toBe('SIWS_DOMAIN_MISMATCH');
    expect(codeOf(() => prepareSignIn({ domain: 'sub.dapp.example' }, ctx))).toBe('SIWS_DOMAIN_MISMATCH');
    expect(codeOf(() => prepareSignIn({ address: bob.address }, ctx))).toBe('SIWS_ADDRESS_MISMATCH');
    expect(codeOf(() => prepareSignIn({ statement: 'hi\nURI: https://evil.example' }, ctx))).toBe('SIWS_INVALID');
    expect(codeOf(() => prepareSignIn({ nonce: 5 }, ctx))).toBe('SIWS_INVALID');
    expect(codeOf(() => prepareSignIn('x', ctx))).toBe('SIWS_INVALID');
  });

  it('warns about chain mismatch, expiry and not-before', () => {
    const p = prepareSignIn({ chainId: 'mainnet', expirationTime: '2024-01-01T00:00:00Z', notBefore: '2026-01-01T00:00:00Z' }, ctx);
    expect(p.warnings.map((w) => w.code).sort()).toEqual(['SIWS_CHAIN_MISMATCH', 'SIWS_EXPIRED', 'SIWS_NOT_YET_VALID']);
    expect(prepareSignIn({ chainId: 'solana:devnet' }, ctx).warnings).toEqual([]);
  });

  it('signs: the output verifies as @solana/wallet-standard-util verifySignIn would (re-derived text + Node ed25519)', () => {
    const input = { domain: 'dapp.example', statement: 'Welcome', nonce: 'xyz98765', issuedAt: '2025-01-01T00:00:00Z' };
    const out = signInWithSolana(input, ctx, alice.secretKey);
    const text = new TextDecoder().decode(out.signedMessage);
    const parsed = parseSiwsMessageText(text);
    expect(parsed).not.toBeNull();
    for (const [k, v] of Object.entries(input)) expect(parsed?.[k as keyof typeof input]).toBe(v);
    expect(parsed?.address).toBe(alice.address);
    expect(createSiwsMessageText(parsed!)).toBe(text);
    expect(nodeEd25519Verify(out.signedMessage, out.signature, base58.decode(alice.address))).toBe(true);
    expect(codeOf(() => signInWithSolana(input, { ...ctx, address: bob.address }, alice.secretKey))).toBe('SIWS_ADDRESS_MISMATCH');
  });
});
