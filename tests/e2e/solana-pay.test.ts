/**
 * Solana Pay in real Chromium, against LiteSVM behind its loopback JSON-RPC server:
 * - a transfer request pasted into Send fills recipient and amount, shows label, message, memo and
 *   the reference (not editable), and the transaction the RPC executes carries the reference as a
 *   read-only non-signer key (getSignaturesForAddress(reference) finds it, as a merchant would) and
 *   the memo;
 * - a transaction request served by a loopback http merchant server on 127.0.0.1 (GET label/icon,
 *   POST {account}) is shown in the normal approval window with the server's origin as who asks,
 *   approved, signed, sent, and lands in the SVM;
 * - a non-https link on another host is refused with its specific error and no window; a merchant
 *   transaction for another account is refused with its specific error and no window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Keypair, PublicKey, SystemProgram, Transaction, TransactionInstruction } from '@solana/web3.js';
import { signature } from '@solana/kit';
import { launchWallet, type Wallet } from './support/chromium';
import { corsProxy, type CorsProxy } from './support/corsProxy';
import { approvalPages, decide } from './support/approvals';
import { pickNetwork } from './support/popupNav';
import { startLiteSvmRpc, type LiteSvmRpc } from '../support/litesvmRpc';
import { createDeriver } from '../../src/core';
import { importAndOpenHome, setStorage } from './support/flows';

const PASSWORD = 'solana pay e2e password 1';
const MNEMONIC = 'test test test test test test test test test test test junk';
const SOL = 1_000_000_000n;
const MEMO_PROGRAM = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';

describe('Solana Pay', () => {
  let wallet: Wallet;
  let popup: Page;
  let node: LiteSvmRpc;
  let proxy: CorsProxy;
  let merchant: Server;
  let merchantUrl = '';
  const d = createDeriver(MNEMONIC);
  const own = d.account('solana', 0);
  const ownAddress = own.address;
  own.secretKey.fill(0);
  d.wipe();
  const shop = Keypair.generate().publicKey.toBase58();
  const requests: string[] = [];
  /** What the merchant's POST builds: a payment from `account`, or (to test a refusal) from another key. */
  let payer: 'account' | 'stranger' = 'account';

  const rpc = async <T>(method: string, params: unknown[]): Promise<T> => {
    const r = await fetch(node.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    return ((await r.json()) as { result: T }).result;
  };

  async function openSend(): Promise<void> {
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-form').waitFor();
  }

  beforeAll(async () => {
    node = await startLiteSvmRpc();
    node.airdrop(ownAddress, 5n * SOL);
    proxy = await corsProxy(node.url);
    // The merchant's server: CORS as the spec asks, GET label/icon, POST {account} → transaction.
    merchant = createServer((req, res) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}`);
        if (req.method === 'GET') return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ label: 'Loopback Tea Shop', icon: 'https://tea.example/icon.png' }));
        const { account } = JSON.parse(body) as { account: string };
        const from = payer === 'account' ? new PublicKey(account) : Keypair.generate().publicKey;
        // Built with a placeholder blockhash: the wallet, the only signer, sets a fresh one.
        const tx = new Transaction({ feePayer: from, recentBlockhash: new PublicKey(new Uint8Array(32).fill(3)).toBase58() })
          .add(new TransactionInstruction({ programId: new PublicKey(MEMO_PROGRAM), keys: [], data: Buffer.from('tea order 77') }))
          .add(SystemProgram.transfer({ fromPubkey: from, toPubkey: new PublicKey(shop), lamports: 25_000_000 }));
        const transaction = tx.serialize({ requireAllSignatures: false, verifySignatures: false }).toString('base64');
        res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ transaction, message: 'One pot of oolong' }));
      });
    });
    await new Promise<void>((r) => merchant.listen(0, '127.0.0.1', r));
    merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}`;
    wallet = await launchWallet();
    await setStorage(wallet, { solana: { cluster: 'localnet', rpcUrl: { localnet: proxy.url } } });
    popup = await importAndOpenHome(wallet, MNEMONIC, PASSWORD);
    await popup.getByTestId('tab-assets').click();
    await pickNetwork(popup, /Solana Localnet/);
    await popup.getByTestId('balances').waitFor();
  });

  afterAll(async () => {
    await wallet?.close();
    await proxy?.close();
    merchant?.closeAllConnections();
    await new Promise((r) => merchant?.close(r));
    await node?.stop();
  });

  it('a transfer request with a reference and a memo: shown, sent, and the executed transaction carries both', async () => {
    const reference = Keypair.generate().publicKey.toBase58();
    await openSend();
    await popup.getByTestId('send-to').fill(`solana:${shop}?amount=0.125&reference=${reference}&label=Tea%20Shop&message=Table%204&memo=order-4711`);
    await expect.poll(() => popup.getByTestId('send-to').inputValue(), { timeout: 20_000 }).toBe(shop);
    await expect.poll(() => popup.getByTestId('send-amount').inputValue(), { timeout: 20_000 }).toBe('0.125');
    expect(await popup.getByTestId('payment-link-info').textContent()).toContain('Tea Shop — Table 4');
    expect(await popup.getByTestId('payment-link-memo').textContent()).toContain('order-4711');
    expect(await popup.getByTestId('payment-link-reference').textContent()).toContain(reference);
    // The reference is shown as text, never as an input the user (or a paste) could change.
    expect(await popup.getByTestId('payment-link-reference').locator('input, textarea').count()).toBe(0);

    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    expect(await popup.getByTestId('review-to').textContent()).toBe(shop);
    expect(await popup.getByTestId('review-details-reference').locator('dd').textContent()).toBe(reference);
    expect(await popup.getByTestId('review-details-memo').locator('dd').textContent()).toBe('order-4711');
    expect(await popup.getByTestId('review-details-payLabel').locator('dd').textContent()).toBe('Tea Shop');
    expect(await popup.getByTestId('review-details-payMessage').locator('dd').textContent()).toBe('Table 4');
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 30_000 });
    const sig = (await popup.getByTestId('send-hash').textContent()) ?? '';
    await expect.poll(() => popup.getByTestId('send-status').textContent(), { timeout: 30_000 }).toMatch(/confirmed/i);
    expect(node.balance(shop)).toBe(125_000_000n);

    // The merchant's view: the reference finds the payment.
    const found = await rpc<Array<{ signature: string }>>('getSignaturesForAddress', [reference]);
    expect(found.map((s) => s.signature)).toEqual([sig]);
    const tx = await rpc<{ transaction: { message: { accountKeys: Array<{ pubkey: string; signer: boolean; writable: boolean; source?: string }> } } }>('getTransaction', [sig, { encoding: 'jsonParsed', maxSupportedTransactionVersion: 0 }]);
    expect(tx.transaction.message.accountKeys.find((k) => k.pubkey === reference)).toMatchObject({ pubkey: reference, signer: false, writable: false });
    expect(tx.transaction.message.accountKeys.map((k) => k.pubkey)).toContain(MEMO_PROGRAM);
    const executed = node.svm.getTransaction(signature(sig)) as unknown as { logs(): string[] };
    expect(executed.logs().join('\n')).toContain('order-4711');
  });

  it('a transaction request from a loopback http server: approved in the approval window, lands in the SVM', async () => {
    const before = node.balance(shop);
    await openSend();
    await popup.getByTestId('send-to').fill(`solana:${merchantUrl}/pay`);
    await popup.getByTestId('pay-request').waitFor({ timeout: 20_000 });
    expect(await popup.getByTestId('pay-request').textContent()).toContain(merchantUrl);
    expect(requests).toEqual([]); // nothing is fetched before the user asks for it
    await popup.getByTestId('pay-request-open').click();
    await decide(wallet, merchantUrl, true, async (win) => {
      const text = (await win.getByTestId('approval').textContent()) ?? '';
      expect(text).toContain('Loopback Tea Shop');
      expect(text).toContain('One pot of oolong');
      expect(text).toContain(shop);
    });
    await popup.getByTestId('pay-request-sent').waitFor({ timeout: 30_000 });
    const sig = (await popup.getByTestId('pay-request-signature').textContent()) ?? '';
    expect(await popup.getByTestId('pay-request-sent').textContent()).toContain('One pot of oolong');
    expect(requests.filter((r) => r.endsWith('/pay'))).toEqual(['GET /pay', 'POST /pay']);
    await expect.poll(() => node.balance(shop), { timeout: 30_000 }).toBe(before + 25_000_000n);
    const executed = node.svm.getTransaction(signature(sig)) as unknown as { logs(): string[] };
    expect(executed.logs().join('\n')).toContain('tea order 77');
  });

  it('refusals: a plain-http link on another host (no request, no window); a transaction for another account (no window)', async () => {
    requests.length = 0;
    await openSend();
    await popup.getByTestId('send-to').fill('solana:http://shop.example/pay');
    await expect.poll(() => popup.getByTestId('payment-link-error').textContent(), { timeout: 20_000 }).toMatch(/must use https \(plain http only for localhost\)/);
    expect(await popup.getByTestId('pay-request').count()).toBe(0);

    payer = 'stranger';
    await popup.getByTestId('send-to').fill(`solana:${merchantUrl}/pay`);
    await popup.getByTestId('pay-request-open').click();
    await expect.poll(() => popup.getByTestId('payment-link-error').textContent(), { timeout: 20_000 }).toMatch(/not for this wallet/);
    expect(requests.filter((r) => r.endsWith('/pay'))).toEqual(['GET /pay', 'POST /pay']);
    const shown = await Promise.all(approvalPages(wallet).map((p) => p.getByTestId('approval').isVisible().catch(() => false)));
    expect(shown.filter(Boolean)).toEqual([]);
    const queued = await wallet.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown[] | undefined>> } } } }).chrome;
      return ((await c.storage.session.get('approvals')).approvals ?? []).length;
    });
    expect(queued).toBe(0);
  });
});
