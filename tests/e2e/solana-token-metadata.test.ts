/**
 * SPL token names, symbols and icons from the chain, end to end: LiteSVM holds a Token-2022 mint
 * whose metadata extension the Token-2022 program wrote and a classic mint with a Metaplex
 * metadata account at its PDA; the metadata URI and its image are served by a loopback HTTP
 * server. The popup's balances show the symbol, name and icon (and the shortened mint beside the
 * name), the Send screen offers the token by symbol and reviews it by symbol, and the approval
 * window of a dApp's token transfer names the token beside its mint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Keypair, PublicKey, TransactionInstruction, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { launchWallet, type Wallet, importWallet } from './support/chromium';
import { corsProxy, type CorsProxy } from './support/corsProxy';
import { decide as decideIn } from './support/approvals';
import { startDappServer, type DappServer } from './support/dappServer';
import { startLiteSvmRpc, type LiteSvmRpc } from '../support/litesvmRpc';
import { ataOf, createAta, createMint, mintTo, TOKEN_2022_PROGRAM, walletAccount } from '../families/solana/helpers';
import { createToken2022WithMetadata, setMetaplexMetadata } from '../families/solana/metadataHelpers';
import { openDapp, setStorage } from './support/flows';

const PASSWORD = 'e2e token metadata password';
const MNEMONIC = 'test test test test test test test test test test test junk';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

type CallResult<T = unknown> = { result?: T; error?: { code?: number; message: string } };

describe('SPL token metadata in the popup and the approval window', () => {
  let wallet: Wallet;
  let svm: LiteSvmRpc;
  let proxy: CorsProxy;
  let files: Server;
  let server: DappServer;
  let popup: Page;
  let t22 = '';
  let classic = '';
  const me = walletAccount(0);
  const recipient = Keypair.generate().publicKey.toBase58();
  const authority = Keypair.generate();

  beforeAll(async () => {
    files = createServer((req, res) => {
      const cors = { 'access-control-allow-origin': '*' };
      const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
      if (req.url === '/payd.json') return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ name: 'Pay Dollar', symbol: 'PAYD', image: `${base}/payd.png` }));
      if (req.url === '/payd.png') return void res.writeHead(200, { ...cors, 'content-type': 'image/png' }).end(PNG);
      // An SVG icon is never taken (it can carry script).
      if (req.url === '/wthg.json') return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ image: `${base}/wthg.svg` }));
      if (req.url === '/wthg.svg') return void res.writeHead(200, { ...cors, 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
      res.writeHead(404, cors).end();
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

    svm = await startLiteSvmRpc();
    svm.airdrop(me.address, 2_000_000_000n);
    svm.airdrop(authority.publicKey.toBase58(), 5_000_000_000n);
    t22 = createToken2022WithMetadata(svm, authority, 6, { name: 'Pay Dollar', symbol: 'PAYD', uri: `${base}/payd.json` });
    mintTo(svm, authority, t22, createAta(svm, authority, me.address, t22, TOKEN_2022_PROGRAM), 5_000_000n, TOKEN_2022_PROGRAM);
    createAta(svm, authority, recipient, t22, TOKEN_2022_PROGRAM);
    classic = createMint(svm, authority, 9);
    setMetaplexMetadata(svm, classic, { name: 'Wrapped Thing', symbol: 'WTHG', uri: `${base}/wthg.json` });
    mintTo(svm, authority, classic, createAta(svm, authority, me.address, classic), 3_000_000_000n);

    proxy = await corsProxy(svm.url);
    [server, wallet] = await Promise.all([startDappServer(['sol-dapp']), launchWallet()]);
    await setStorage(wallet, { solana: { cluster: 'localnet', rpcUrl: { localnet: proxy.url } }, popupFamily: 'solana' });
    await importWallet(wallet, MNEMONIC, PASSWORD);
    popup = await wallet.openPage('popup.html');
  }, 120_000);

  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
    await proxy?.close();
    await new Promise((r) => files?.close(() => r(undefined)));
    await svm?.stop();
  });

  it('balances show each token’s on-chain symbol and name (mint beside it) and the Token-2022 token’s icon', async () => {
    const row = (symbol: string) => popup.getByTestId(`balance-${symbol}`);
    await expect.poll(() => row('PAYD').getByTestId('amount').getAttribute('title').catch(() => null), { timeout: 30_000 }).toBe('5');
    expect(await row('PAYD').getByTestId('token-name').textContent()).toBe(`Pay Dollar · ${t22.slice(0, 4)}…${t22.slice(-4)}`);
    expect(await row('PAYD').getByTestId('token-icon').getAttribute('src')).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(await row('WTHG').getByTestId('amount').getAttribute('title')).toBe('3');
    expect(await row('WTHG').getByTestId('token-name').textContent()).toContain('Wrapped Thing');
    expect(await row('WTHG').getByTestId('token-icon').count()).toBe(0); // SVG refused
    // Cached in storage: a reopened popup paints the names from the cache.
    const cached = await wallet.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('solanaTokenMeta')).solanaTokenMeta);
    expect(JSON.stringify(cached)).toContain('Pay Dollar');
  });

  it('the Send screen offers the token by symbol and name and reviews the transfer by symbol', async () => {
    await popup.getByTestId('tab-send').click();
    await expect.poll(() => popup.getByTestId('send-asset').locator('option').allTextContents(), { timeout: 20_000 }).toContain('PAYD (Pay Dollar)');
    await popup.getByTestId('send-asset').selectOption({ label: 'PAYD (Pay Dollar)' });
    await popup.getByTestId('send-to').fill(recipient);
    await popup.getByTestId('send-amount').fill('1.5');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    expect(await popup.getByTestId('review-amount').textContent()).toBe('1.5 PAYD');
    await popup.getByTestId('send-back').click();
    await popup.getByTestId('tab-assets').click();
  });

  it('the approval window of a dApp’s token transfer names the token beside its mint', async () => {
    const page = await openDapp(wallet, server.url('sol-dapp'));
    const dapp = <T = CallResult>(fn: string, ...args: unknown[]): Promise<T> =>
      page.evaluate(({ fn, args }) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).dapp![fn]!(...args), { fn, args }) as Promise<T>;
    const decide = (approve: boolean, check?: (w: Page) => Promise<void>): Promise<void> => decideIn(wallet, `127.0.0.1:${server.port}`, approve, check);
    const connecting = dapp('connect');
    await decide(true);
    expect((await connecting).error).toBeUndefined();

    const owner = new PublicKey(me.address);
    const data = Buffer.alloc(10);
    data[0] = 12; // TransferChecked
    data.writeBigUInt64LE(250_000n, 1);
    data[9] = 6;
    const ix = new TransactionInstruction({
      programId: new PublicKey(TOKEN_2022_PROGRAM),
      keys: [
        { pubkey: new PublicKey(ataOf(me.address, t22, TOKEN_2022_PROGRAM)), isSigner: false, isWritable: true },
        { pubkey: new PublicKey(t22), isSigner: false, isWritable: false },
        { pubkey: new PublicKey(ataOf(recipient, t22, TOKEN_2022_PROGRAM)), isSigner: false, isWritable: true },
        { pubkey: owner, isSigner: true, isWritable: false },
      ],
      data,
    });
    const tx = new VersionedTransaction(new TransactionMessage({ payerKey: owner, recentBlockhash: svm.svm.latestBlockhash(), instructions: [ix] }).compileToV0Message()).serialize();
    const pending = dapp<CallResult<string[]>>('signTransaction', [Buffer.from(tx).toString('base64')], 'solana:localnet');
    await decide(false, async (w) => {
      const details = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(details).toContain(`0.25 of token PAYD (Pay Dollar) ${t22}`);
    });
    expect((await pending).error?.code).toBe(4001);
    await page.close();
  });
});
