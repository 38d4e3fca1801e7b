/**
 * Solana end to end: real Chromium with the built extension, a loopback Solana JSON-RPC backed by
 * LiteSVM (the real SVM; fronted by a CORS proxy, as public RPCs send those headers), and a test dApp
 * that finds the wallet through `@wallet-standard/app` getWallets(). The user imports a mnemonic in
 * onboarding and approves in the approval window; every signature the wallet returns is verified in
 * Node with @noble/curves ed25519, and the signed-and-sent SOL transfer really executes in LiteSVM.
 * Malformed, foreign-chain, foreign-signer, over-long and wrong-domain requests are refused with no
 * approval window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';
import { Keypair, PublicKey, SystemProgram, Transaction, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { dumpAllStorage, launchWallet, type Wallet, importWallet } from './support/chromium';
import { corsProxy } from './support/corsProxy';
import { decide as decideIn } from './support/approvals';
import { startDappServer, type DappServer } from './support/dappServer';
import { startLiteSvmRpc, type LiteSvmRpc } from '../support/litesvmRpc';
import { createDeriver } from '../../src/core';
import { createSiwsMessageText } from '../../src/families/solana/core/siws';
import { parseWireTransaction } from '../../src/families/solana/core/wire';
import { openDapp, setStorage } from './support/flows';

const PASSWORD = 'e2e solana password 123';
const MNEMONIC = 'test test test test test test test test test test test junk';
const LAMPORTS = 1_000_000_000n;

type CallResult<T = unknown> = { result?: T; error?: { code?: number; message: string } };

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const unb64 = (t: string): Uint8Array => new Uint8Array(Buffer.from(t, 'base64'));


describe('Solana Wallet Standard provider end to end', () => {
  let wallet: Wallet;
  let server: DappServer;
  let node: LiteSvmRpc;
  let proxy: { url: string; server: Server };
  let page: Page;
  const d = createDeriver(MNEMONIC);
  const expected = d.account('solana', 0);
  const ownAddress = expected.address;
  expected.secretKey.fill(0);
  d.wipe();
  const recipient = Keypair.generate().publicKey;
  const stranger = Keypair.generate();

  const dapp = <T = CallResult>(fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(({ fn, args }) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).dapp![fn]!(...args), { fn, args }) as Promise<T>;
  const queued = (): Promise<number> =>
    wallet.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown[] | undefined>> } } } }).chrome;
      return ((await c.storage.session.get('approvals')).approvals ?? []).length;
    });

  const decide = (approve: boolean, check?: (w: Page) => Promise<void>): Promise<void> => decideIn(wallet, `127.0.0.1:${server.port}`, approve, check);

  /** A refused request: the error arrives and nothing was queued for the user. */
  async function refusedWithoutWindow(pending: Promise<CallResult>, code: number, text: RegExp): Promise<void> {
    const r = await pending;
    expect(r.result).toBeUndefined();
    expect(r.error?.code).toBe(code);
    expect(r.error?.message).toMatch(text);
    expect(await queued()).toBe(0);
  }

  function legacyTransfer(from: PublicKey, lamports: bigint, feePayer = from): Uint8Array {
    const tx = new Transaction({ feePayer, recentBlockhash: node.svm.latestBlockhash() }).add(SystemProgram.transfer({ fromPubkey: from, toPubkey: recipient, lamports }));
    return tx.serialize({ requireAllSignatures: false, verifySignatures: false });
  }

  function v0Transfer(from: PublicKey, lamports: bigint): Uint8Array {
    const msg = new TransactionMessage({ payerKey: from, recentBlockhash: node.svm.latestBlockhash(), instructions: [SystemProgram.transfer({ fromPubkey: from, toPubkey: recipient, lamports })] }).compileToV0Message();
    return new VersionedTransaction(msg).serialize();
  }

  /** Our signature in its slot verifies over the exact message bytes. */
  function verifyOurSignature(signed: Uint8Array, unsigned: Uint8Array): void {
    const p = parseWireTransaction(signed);
    const before = parseWireTransaction(unsigned);
    expect(Buffer.from(p.messageBytes).equals(Buffer.from(before.messageBytes))).toBe(true);
    const i = p.requiredSigners.indexOf(ownAddress);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(ed25519.verify(p.signatures[i]!, p.messageBytes, base58.decode(ownAddress))).toBe(true);
  }

  beforeAll(async () => {
    node = await startLiteSvmRpc();
    proxy = await corsProxy(node.url);
    node.airdrop(ownAddress, 5n * LAMPORTS);
    [server, wallet] = await Promise.all([startDappServer(['sol-dapp']), launchWallet()]);
    // Network setup from the background (the popup's Solana network screen is built separately).
    await setStorage(wallet, { solana: { cluster: 'localnet', rpcUrl: { localnet: proxy.url } } });
    await importWallet(wallet, MNEMONIC, PASSWORD);
    page = await openDapp(wallet, server.url('sol-dapp'));
  });

  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
    await new Promise((r) => proxy?.server.close(() => r(undefined)));
    await node?.stop();
  });

  it('registers one Wallet Standard wallet with the Solana features; no accounts before connect', async () => {
    const info = await dapp<Record<string, unknown>>('info');
    expect(info).toMatchObject({
      count: 1,
      name: 'Multichain Wallet',
      version: '1.0.0',
      iconIsDataUri: true,
      chains: ['solana:mainnet', 'solana:devnet', 'solana:testnet', 'solana:localnet'],
      features: ['solana:signAndSendTransaction', 'solana:signIn', 'solana:signMessage', 'solana:signTransaction', 'standard:connect', 'standard:disconnect', 'standard:events'],
      txVersions: ['legacy', 0],
      adapterCompatible: true,
      accounts: [],
    });
    expect((info.versions as Record<string, string>)['standard:connect']).toBe('1.0.0');
  });

  it('silent connect before approval returns no accounts and opens no window', async () => {
    const r = await dapp<CallResult<unknown[]>>('connect', true);
    expect(r).toEqual({ result: [] });
    expect(await queued()).toBe(0);
  });

  it('a rejected connect yields 4001', async () => {
    const pending = dapp<CallResult>('connect');
    await decide(false);
    expect((await pending).error?.code).toBe(4001);
  });

  it('connect after approval gives the imported account (localnet) and emits change', async () => {
    const pending = dapp<CallResult<Array<{ address: string; publicKey: string; chains: string[] }>>>('connect');
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(ownAddress);
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual([{ address: ownAddress, publicKey: b64(base58.decode(ownAddress)), chains: ['solana:localnet'] }]);
    const info = await dapp<{ accounts: Array<{ address: string; features: string[] }> }>('info');
    expect(info.accounts[0]?.address).toBe(ownAddress);
    expect(info.accounts[0]?.features).toContain('solana:signTransaction');
    expect(await dapp('events')).toContainEqual({ accounts: [ownAddress] });
    expect(await dapp<CallResult<unknown[]>>('connect', true)).toMatchObject({ result: [{ address: ownAddress }] });
  });

  it('signMessage returns an ed25519 signature that verifies against the account', async () => {
    const text = 'Hello from the Solana e2e dApp: nonce 7';
    const pending = dapp<CallResult<{ signedMessage: string; signature: string; signatureType: string }>>('signMessage', text);
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(text);
    });
    const r = (await pending).result!;
    expect(Buffer.from(unb64(r.signedMessage)).toString()).toBe(text);
    expect(r.signatureType).toBe('ed25519');
    expect(ed25519.verify(unb64(r.signature), new TextEncoder().encode(text), base58.decode(ownAddress))).toBe(true);
    expect(ed25519.verify(unb64(r.signature), new TextEncoder().encode(`${text}!`), base58.decode(ownAddress))).toBe(false);
  });

  it('a rejected signMessage yields 4001 in the page', async () => {
    const pending = dapp<CallResult>('signMessage', 'please reject me');
    await decide(false);
    expect((await pending).error?.code).toBe(4001);
  });

  it('an over-long message and a SIWS text for another site are refused without a window', async () => {
    await refusedWithoutWindow(dapp('signMessage', null, 64 * 1024 + 1), -32602, /at most 65536/);
    const foreign = `evil.example wants you to sign in with your Solana account:\n${ownAddress}\n\nNonce: 12345678`;
    await refusedWithoutWindow(dapp('signMessage', foreign), -32000, /evil\.example/);
  });

  it('signIn fills domain and address, and the result verifies', async () => {
    const host = `127.0.0.1:${server.port}`;
    const input = { statement: 'Sign in to the e2e dApp', nonce: 'abc12345', uri: `http://${host}/login`, version: '1', chainId: 'solana:localnet', issuedAt: new Date().toISOString() };
    const pending = dapp<CallResult<{ address: string; publicKey: string; signedMessage: string; signature: string }>>('signIn', input);
    await decide(true, async (w) => {
      const details = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(details).toContain(host);
      expect(details).toContain('abc12345');
    });
    const r = (await pending).result!;
    expect(r.address).toBe(ownAddress);
    expect(Buffer.from(unb64(r.publicKey)).equals(Buffer.from(base58.decode(ownAddress)))).toBe(true);
    // As verifySignIn does: the text must be exactly the one built from the input plus the filled fields.
    const text = Buffer.from(unb64(r.signedMessage)).toString();
    expect(text).toBe(createSiwsMessageText({ domain: host, address: ownAddress, ...input }));
    expect(text.startsWith(`${host} wants you to sign in with your Solana account:\n${ownAddress}`)).toBe(true);
    expect(ed25519.verify(unb64(r.signature), unb64(r.signedMessage), base58.decode(ownAddress))).toBe(true);
  });

  it('signIn for another domain or uri is refused (-32000) without a window', async () => {
    await refusedWithoutWindow(dapp('signIn', { domain: 'phishing.example', nonce: 'x1y2z3w4' }), -32000, /phishing\.example/);
    await refusedWithoutWindow(dapp('signIn', { uri: 'https://phishing.example/login' }), -32000, /phishing\.example/);
  });

  it('signTransaction signs a legacy and a v0 transfer after one approval that shows the simulated balance changes', async () => {
    const from = new PublicKey(ownAddress);
    const legacy = legacyTransfer(from, LAMPORTS / 10n);
    const v0 = v0Transfer(from, LAMPORTS / 4n);
    const pending = dapp<CallResult<string[]>>('signTransaction', [b64(legacy), b64(v0)], 'solana:localnet');
    await decide(true, async (w) => {
      const details = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(details).toContain(`Transfer 0.1 SOL from ${ownAddress} to ${recipient.toBase58()}`);
      expect(details).toContain('Transfer 0.25 SOL');
      expect(details).toMatch(/You: -0\.1000\d* SOL/);
      expect(details).toContain(`${recipient.toBase58()}: +0.25 SOL`);
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    expect(r.result).toHaveLength(2);
    verifyOurSignature(unb64(r.result![0]!), legacy);
    verifyOurSignature(unb64(r.result![1]!), v0);
  });

  it('a rejected signTransaction yields 4001', async () => {
    const pending = dapp<CallResult>('signTransaction', [b64(legacyTransfer(new PublicKey(ownAddress), 1000n))]);
    await decide(false);
    expect((await pending).error?.code).toBe(4001);
  });

  it('garbage bytes, a wrong chain and a transaction the wallet need not sign are refused without a window', async () => {
    await refusedWithoutWindow(dapp('signTransaction', [b64(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))]), -32602, /transaction/i);
    await refusedWithoutWindow(dapp('signTransaction', [b64(legacyTransfer(new PublicKey(ownAddress), 1000n))], 'solana:devnet'), -32602, /solana:devnet.*solana:localnet/);
    await refusedWithoutWindow(dapp('signAndSend', b64(v0Transfer(new PublicKey(ownAddress), 1000n)), 'solana:mainnet'), -32602, /solana:mainnet/);
    await refusedWithoutWindow(dapp('signTransaction', [b64(legacyTransfer(stranger.publicKey, 1000n))]), -32602, /does not need a signature/);
  });

  it('signAndSendTransaction executes a SOL transfer on the SVM', async () => {
    const before = node.balance(recipient.toBase58());
    const tx = v0Transfer(new PublicKey(ownAddress), LAMPORTS / 2n);
    const pending = dapp<CallResult<string>>('signAndSend', b64(tx), 'solana:localnet');
    await decide(true, async (w) => {
      const details = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(details).toContain('Transfer 0.5 SOL');
      expect(details).toContain(`${recipient.toBase58()}: +0.5 SOL`);
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    const signature = unb64(r.result!);
    expect(signature).toHaveLength(64);
    expect(ed25519.verify(signature, parseWireTransaction(tx).messageBytes, base58.decode(ownAddress))).toBe(true);
    expect(node.balance(recipient.toBase58()) - before).toBe(LAMPORTS / 2n);
    expect(node.calls).toContain('simulateTransaction');
    expect(node.calls).toContain('sendTransaction');
  });

  it('switching the account in the wallet emits change with the new account, and back', async () => {
    const d1 = createDeriver(MNEMONIC);
    const second = d1.account('solana', 1);
    second.secretKey.fill(0);
    d1.wipe();
    const ext = await wallet.openPage('popup.html');
    const ui = (method: string, params: unknown): Promise<unknown> =>
      ext.evaluate(([method, params]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ kind: 'ui', method, params }), [method, params] as const);
    const walletId = await wallet.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { walletId: string }>> } } } }).chrome;
      return (await c.storage.local.get('selection')).selection!.walletId;
    });
    await ui('addAccount', { walletId });
    await page.waitForFunction((a) => (window as unknown as { dapp: { info(): { accounts: Array<{ address: string }> } } }).dapp.info().accounts[0]?.address === a, second.address, { timeout: 10_000 });
    expect(await dapp('events')).toContainEqual({ accounts: [second.address] });
    await ui('selectAccount', { index: 0 });
    await page.waitForFunction((a) => (window as unknown as { dapp: { info(): { accounts: Array<{ address: string }> } } }).dapp.info().accounts[0]?.address === a, ownAddress, { timeout: 10_000 });
    await ext.close();
  });

  it('disconnect empties the accounts, emits change, and signing needs a new connect', async () => {
    expect((await dapp<CallResult>('disconnect')).error).toBeUndefined();
    expect((await dapp<{ accounts: unknown[] }>('info')).accounts).toEqual([]);
    const events = await dapp<Array<{ accounts?: string[] }>>('events');
    expect(events.at(-1)).toEqual({ accounts: [] });
    expect((await dapp<CallResult>('signMessage', 'after disconnect')).error?.message).toMatch(/not connected/);
    expect(await dapp<CallResult<unknown[]>>('connect', true)).toEqual({ result: [] });
  });

  it('no secret reached any storage area', async () => {
    const dump = await dumpAllStorage(wallet);
    expect(dump).not.toContain(MNEMONIC);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).toContain(proxy.url);
  });
});
