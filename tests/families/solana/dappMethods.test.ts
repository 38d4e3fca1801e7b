/**
 * The Solana dApp method table (src/families/solana/background/dapp.ts) as the shared pipeline sees
 * it: which refusals come first (`check`: before the grant check, the lock and any window), which
 * calls are answered without a window (`safeWhen`: Wallet Standard's silent connect), what a locked
 * validation refuses without an account (`validating`), and how core errors read to a site
 * (`mapError`). The transactions are built with @solana/web3.js, an independent library.
 */
import { describe, expect, it, vi } from 'vitest';
import { Keypair, PublicKey, SystemProgram, Transaction } from '@solana/web3.js';

vi.mock('wxt/browser', () => ({ browser: { storage: { local: { get: async () => ({}), set: async () => undefined }, session: { get: async () => ({}), set: async () => undefined }, onChanged: { addListener() {} } } } }));

const { SOLANA_DAPP } = await import('../../../src/families/solana/background/dapp');
const { asProviderError } = await import('../../../src/families/solana/background/dappParams');
const { ProviderError } = await import('../../../src/background/dapp/providerError');
const { SolanaWalletError } = await import('../../../src/families/solana/core/errors');
const { WalletError } = await import('../../../src/background/errors');
const { SOLANA_NETWORK_INFOS } = await import('../../../src/families/solana/core/descriptor');
import type { DappCall } from '../../../src/families/types';

const ORIGIN = 'http://127.0.0.1:4000';
const wallet = Keypair.generate().publicKey.toBase58();
const other = Keypair.generate().publicKey;
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const localnet = SOLANA_NETWORK_INFOS.find((n) => n.ref === 'solana:localnet')!;

function transfer(from: PublicKey): string {
  const tx = new Transaction({ feePayer: from, recentBlockhash: '4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi' }).add(SystemProgram.transfer({ fromPubkey: from, toPubkey: other, lamports: 1 }));
  return b64(tx.serialize({ requireAllSignatures: false, verifySignatures: false }));
}

/** The call the pipeline hands a method while it only validates a locked request (no key, no node). */
const lockedCall = (): DappCall => ({
  family: 'solana',
  sel: { walletId: 'w', index: 0 },
  network: localnet,
  endpoint: 'http://127.0.0.1:9',
  address: wallet,
  origin: ORIGIN,
  validating: true,
  emit: () => undefined,
  withKey: () => Promise.reject(new Error('no key while validating')),
  storage: { get: async () => undefined, set: async () => undefined },
});

/**
 * What a call (sync or async) is refused with, as a site reads it; `raw`: as thrown, unmapped (the
 * pipeline's locked validation counts only a ProviderError -32602 thrown by `prepare` itself).
 */
async function refusal(call: () => unknown, raw = false): Promise<{ code: number; message: string }> {
  try {
    await call();
  } catch (err) {
    const e = raw ? err : asProviderError(err);
    if (e instanceof ProviderError) return { code: e.code, message: e.message };
    throw err;
  }
  throw new Error('accepted');
}

describe('Solana dApp methods on the shared pipeline', () => {
  it('declares the gates the old handler enforced', () => {
    expect(Object.fromEntries(Object.entries(SOLANA_DAPP).map(([k, m]) => [k, m.gate]))).toEqual({
      connect: 'connect',
      disconnect: 'safe',
      state: 'safe',
      signTransaction: 'approval',
      signAndSendTransaction: 'approval',
      signMessage: 'approval',
      signIn: 'approval',
    });
    expect(SOLANA_DAPP.signIn!.connects).toBe(true);
  });

  it('a silent connect is answered like a safe call; a plain one asks', () => {
    expect(SOLANA_DAPP.connect!.safeWhen!({ silent: true })).toBe(true);
    expect(SOLANA_DAPP.connect!.safeWhen!({ silent: false })).toBe(false);
    expect(SOLANA_DAPP.connect!.safeWhen!({ silent: 'true' })).toBe(false);
    expect(SOLANA_DAPP.connect!.safeWhen!(undefined)).toBe(false);
  });

  it('checks first (before grant, lock and window): params shape, message size, the sign-in binding', async () => {
    expect(await refusal(() => SOLANA_DAPP.signTransaction!.check!(ORIGIN, ['not', 'an', 'object']))).toEqual({ code: -32602, message: 'Invalid params: params must be an object' });
    expect(await refusal(() => SOLANA_DAPP.signMessage!.check!(ORIGIN, { message: 'A'.repeat(90_000) }))).toMatchObject({ code: -32602, message: expect.stringMatching(/at most 65536/) });
    expect(await refusal(() => SOLANA_DAPP.signIn!.check!(ORIGIN, { input: { domain: 'phishing.example' } }))).toMatchObject({ code: -32000, message: expect.stringMatching(/phishing\.example/) });
    expect(await refusal(() => SOLANA_DAPP.signIn!.check!(ORIGIN, { input: { uri: 'https://phishing.example/login' } }))).toMatchObject({ code: -32000 });
    // The site's own domain passes (the account is checked after the unlock).
    await expect(SOLANA_DAPP.signIn!.check!(ORIGIN, { input: { domain: '127.0.0.1:4000', nonce: 'abc12345' } })).resolves.toBeUndefined();
    expect(SOLANA_DAPP.signMessage!.check!(ORIGIN, { message: b64(new TextEncoder().encode('hi')) })).toBeUndefined();
  });

  it('while locked, refuses malformed transactions and a wrong chain with -32602, and asks nothing more', async () => {
    const call = lockedCall();
    expect(await refusal(() => SOLANA_DAPP.signTransaction!.prepare(call, { transactions: [{ transaction: b64(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])) }] }), true)).toMatchObject({ code: -32602 });
    expect(await refusal(() => SOLANA_DAPP.signTransaction!.prepare(call, { transactions: [] }), true)).toMatchObject({ code: -32602, message: expect.stringMatching(/1 … 20/) });
    expect(await refusal(() => SOLANA_DAPP.signAndSendTransaction!.prepare(call, { transaction: transfer(new PublicKey(wallet)), chain: 'solana:mainnet' }), true)).toMatchObject({
      code: -32602,
      message: expect.stringMatching(/solana:mainnet.*solana:localnet/),
    });
    expect(await refusal(() => SOLANA_DAPP.signMessage!.prepare(call, { message: '%%%' }), true)).toMatchObject({ code: -32602, message: expect.stringMatching(/base64/) });
    // Well-formed: nothing to show and nothing runs (the real prepare follows the unlock).
    const ok = await SOLANA_DAPP.signTransaction!.prepare(call, { transactions: [{ transaction: transfer(new PublicKey(wallet)), chain: 'solana:localnet' }] });
    expect(ok.approval).toBeNull();
    await expect(ok.run()).resolves.toBeUndefined();
    // A stand-in address is not the account: another signer's transaction is left to the unlocked check.
    expect((await SOLANA_DAPP.signTransaction!.prepare(call, { transactions: [{ transaction: transfer(other), account: 'someone else' }] })).approval).toBeNull();
  });

  it('maps core, RPC and wallet errors to clear provider errors; others pass unchanged', () => {
    const core = asProviderError(new SolanaWalletError('SIWS_DOMAIN_MISMATCH' as never, 'domain differs', {}, -32000));
    expect(core).toBeInstanceOf(ProviderError);
    expect((core as InstanceType<typeof ProviderError>).toShape()).toEqual({ code: -32000, message: 'domain differs', data: { reason: 'SIWS_DOMAIN_MISMATCH' } });
    expect((asProviderError(new WalletError('WRONG_FAMILY', 'This imported key belongs to evm')) as InstanceType<typeof ProviderError>).code).toBe(4100);
    expect((asProviderError(new WalletError('ACCOUNT_CHANGED', 'changed')) as InstanceType<typeof ProviderError>).toShape()).toEqual({ code: -32603, message: 'changed', data: { reason: 'ACCOUNT_CHANGED' } });
    const plain = new Error('x');
    expect(asProviderError(plain)).toBe(plain);
  });
});
