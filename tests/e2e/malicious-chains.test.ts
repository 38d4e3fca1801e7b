/**
 * A malicious dApp against the Bitcoin, Solana and TRON providers, in real Chromium with the built
 * extension and real test nodes (the loopback Esplora, the LiteSVM JSON-RPC server, the TRON HTTP
 * API server). Duplicated sends are executed once, checked on each node; a site that was never
 * connected learns no Solana address from any answer, and neither the extension id nor the
 * tronweb.js URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Keypair, PublicKey, SystemProgram, Transaction } from '@solana/web3.js';
import { TronWeb } from 'tronweb';
import { launchWallet, importWallet, type Wallet } from './support/chromium';
import { corsProxy, type CorsProxy } from './support/corsProxy';
import { startDappServer, type DappServer } from './support/dappServer';
import { approvalWindow } from './support/approvals';
import { attack, canonical, clickUntil, countWindows, openAttacker, sleep, visibleApprovals, waitFor, type Answer } from './support/attacker';
import { FakeEsplora } from '../core/bitcoin/esploraServer';
import { foreignAddress, fundingTx, MNEMONIC, regtestWallet } from '../core/bitcoin/helpers';
import { startLiteSvmRpc, type LiteSvmRpc } from '../support/litesvmRpc';
import { startTronNode, type TronTestNode } from '../support/tronNode';
import { createDeriver } from '../../src/core';
import { setStorage } from './support/flows';

const PASSWORD = 'e2e malicious chains 123';
const figure = (name: string, v: Record<string, unknown>): void => console.log(`FIGURE ${name} ${JSON.stringify(v)}`);
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** A loopback front that counts POST /tx (broadcasts) on its way to the Esplora server. */
async function countingFront(target: string): Promise<{ url: string; broadcasts: () => number; close: () => Promise<void> }> {
  const t = new URL(target);
  let n = 0;
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/tx') n++;
    const up = httpRequest({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' } }, (r) => {
      res.writeHead(r.statusCode ?? 502, { 'content-type': r.headers['content-type'] ?? 'text/plain' });
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, broadcasts: () => n, close: () => new Promise((r) => server.close(() => r())) };
}

describe('malicious dApp: Bitcoin, Solana, TRON', () => {
  let wallet: Wallet;
  let server: DappServer;
  let page: Page;
  let esplora: FakeEsplora;
  let front: Awaited<ReturnType<typeof countingFront>>;
  let sol: LiteSvmRpc;
  let tron: TronTestNode;
  const proxies: CorsProxy[] = [];
  const btcAccount = regtestWallet('regtest').accounts.p2wpkh.address(0, 0);
  const d = createDeriver(MNEMONIC);
  const solAddress = d.account('solana', 0).address;
  const tronAddress = d.account('tron', 0).address;
  d.wipe();
  const solRecipient = Keypair.generate().publicKey;
  const tronRecipient = 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8';

  /** Posts a request and approves it in the window. */
  async function approved(id: string, family: string, method: string, params?: unknown): Promise<Answer | null> {
    const pending = attack<Answer | null>(page, 'call', id, family, method, params);
    await (await approvalWindow(wallet)).getByTestId('approve').click();
    return pending;
  }

  /** Posts the same request five times while its approval is on screen, approves once; returns every answer. */
  async function duplicated(id: string, family: string, method: string, params: unknown): Promise<{ answers: Answer[]; windows: number }> {
    for (let i = 0; i < 100 && (await visibleApprovals(wallet)).length > 0; i++) await sleep(100);
    const windows = countWindows(wallet);
    await attack(page, 'post', id, family, method, params);
    const win = await approvalWindow(wallet);
    for (let i = 0; i < 4; i++) await attack(page, 'post', id, family, method, params);
    await sleep(500);
    await win.getByTestId('approve').click();
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', id)).length >= 5, 60_000);
    // And one copy after the answer: it gets the recorded answer, not a second execution.
    await attack(page, 'post', id, family, method, params);
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', id)).length >= 6, 20_000);
    await sleep(500);
    windows.stop();
    return { answers: await attack<Answer[]>(page, 'answersFor', id), windows: windows.opened() };
  }

  beforeAll(async () => {
    esplora = new FakeEsplora();
    await esplora.start();
    const funding = fundingTx([{ script: btcAccount.script, value: 100_000 }]);
    esplora.addTx(funding.hex, true);
    front = await countingFront(esplora.baseUrl);
    sol = await startLiteSvmRpc();
    sol.airdrop(solAddress, 5_000_000_000n);
    tron = await startTronNode();
    tron.setBalance(tronAddress, 50_000_000n);
    const [btcProxy, solProxy, tronProxy] = await Promise.all([corsProxy(front.url), corsProxy(sol.url), corsProxy(tron.url)]);
    proxies.push(btcProxy, solProxy, tronProxy);
    [server, wallet] = await Promise.all([startDappServer(['attacker']), launchWallet()]);
    await setStorage(wallet, {
      bitcoin: { network: 'regtest', esploraUrl: { regtest: btcProxy.url } },
      solana: { cluster: 'localnet', rpcUrl: { localnet: solProxy.url } },
      tron: { network: 'custom', fullNode: { custom: tronProxy.url } },
    });
    await importWallet(wallet, MNEMONIC, PASSWORD);
    page = await openAttacker(wallet, server.url('attacker'));
  }, 180_000);

  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
    for (const p of proxies) await p.close();
    await front?.close();
    await esplora?.stop();
    await sol?.stop();
    await tron?.stop();
  });

  it('an unconnected site learns no Solana address from any answer or event (signIn with a stand-in address included)', async () => {
    const stranger = await openAttacker(wallet, server.url('attacker', 'localhost'));
    const host = await stranger.evaluate(() => location.host);
    const tx = new Transaction({ feePayer: new PublicKey(solAddress), recentBlockhash: sol.svm.latestBlockhash() }).add(SystemProgram.transfer({ fromPubkey: new PublicKey(solAddress), toPubkey: solRecipient, lamports: 1 }));
    const txB64 = b64(tx.serialize({ requireAllSignatures: false, verifySignatures: false }));
    const probes: Array<[string, unknown]> = [
      ['signIn', { input: { domain: host, address: 'x' } }],
      ['signIn', { input: { domain: host, address: Keypair.generate().publicKey.toBase58() } }],
      ['signIn', { input: { domain: 'evil.example', address: 'x' } }],
      ['state', undefined],
      ['connect', { silent: true }],
      ['signMessage', { message: b64(new TextEncoder().encode('hi')) }],
      ['signMessage', { message: b64(new TextEncoder().encode('hi')), account: 'x' }],
      ['signTransaction', { transactions: [{ transaction: txB64 }] }],
      ['signAndSendTransaction', { transaction: txB64, chain: 'solana:mainnet' }],
      ['signTransaction', { transactions: [{ transaction: txB64, chain: 'solana:devnet' }] }],
      ['disconnect', undefined],
      ['nonsense', { a: 1 }],
    ];
    for (const [i, [method, params]] of probes.entries()) await attack(stranger, 'post', `probe-${i}`, 'solana', method, params);
    await waitFor(async () => (await attack<Answer[]>(stranger, 'answersFor', 'probe')).length >= probes.length, 30_000);
    const answers = await attack<Answer[]>(stranger, 'answersFor', 'probe');
    const events = await attack<unknown[]>(stranger, 'events');
    figure('solana-unconnected-probes', { posted: probes.length, answered: answers.length, leaks: JSON.stringify([answers, events]).split(solAddress).length - 1 });
    expect(answers).toHaveLength(probes.length);
    expect(JSON.stringify(answers)).not.toContain(solAddress);
    expect(JSON.stringify(answers)).not.toContain(Buffer.from(new PublicKey(solAddress).toBytes()).toString('base64'));
    expect(JSON.stringify(events)).not.toContain(solAddress);
    // The page's own mistakes are still explained (a clear, specific error), just without our data.
    expect(answers.find((a) => a.id === 'probe-0')?.error?.code).toBeTypeOf('number');
    expect(answers.find((a) => a.id === 'probe-6')?.error?.code).toBe(4100);
    await stranger.close();
  });

  it('an unconnected site gets neither the extension id nor the tronweb.js URL, and cannot load it at its fixed URL', async () => {
    const stranger = await openAttacker(wallet, server.url('attacker', 'localhost'));
    const r = await attack<Answer | null>(stranger, 'call', 'lib', 'tron', 'mcw_tronLibraryUrl', []);
    expect(r?.error?.code).toBe(4100);
    expect(JSON.stringify(r)).not.toContain(wallet.extensionId);
    expect(await attack<boolean>(stranger, 'loads', `chrome-extension://${wallet.extensionId}/tronweb.js`)).toBe(false);
    const everything = JSON.stringify([await attack(stranger, 'answers'), await attack(stranger, 'events')]);
    expect(everything).not.toContain(wallet.extensionId);
    await stranger.close();
  });

  it('Bitcoin: sendBitcoin posted six times (five while pending, one after) is broadcast once, every copy gets the same txid', async () => {
    expect((await approved('btc-conn', 'bitcoin', 'requestAccounts', []))?.result).toEqual([btcAccount.address]);
    const before = front.broadcasts();
    const to = foreignAddress('p2wpkh');
    const { answers, windows } = await duplicated('btc-send', 'bitcoin', 'sendBitcoin', [to, 20_000, { feeRate: 2 }]);
    const broadcasts = front.broadcasts() - before;
    figure('bitcoin-duplicate-send', { posted: 6, answered: answers.length, windows, broadcasts });
    expect(answers).toHaveLength(6);
    const txids = new Set(answers.map((a) => a.result));
    expect(txids.size).toBe(1);
    expect([...txids][0]).toMatch(/^[0-9a-f]{64}$/);
    expect(esplora.txs.has([...txids][0] as string)).toBe(true);
    expect(broadcasts).toBe(1);
    expect(windows).toBeLessThanOrEqual(1);
  });

  it('Solana: signAndSendTransaction posted six times is sent once (sendTransaction calls and balance on LiteSVM), same signature', async () => {
    const conn = await approved('sol-conn', 'solana', 'connect', { silent: false });
    expect(JSON.stringify(conn?.result)).toContain(solAddress);
    const tx = new Transaction({ feePayer: new PublicKey(solAddress), recentBlockhash: sol.svm.latestBlockhash() }).add(SystemProgram.transfer({ fromPubkey: new PublicKey(solAddress), toPubkey: solRecipient, lamports: 1_000_000 }));
    const params = { transaction: b64(tx.serialize({ requireAllSignatures: false, verifySignatures: false })), chain: 'solana:localnet' };
    const sends = (): number => sol.calls.filter((m) => m === 'sendTransaction').length;
    const before = sends();
    const { answers, windows } = await duplicated('sol-send', 'solana', 'signAndSendTransaction', params);
    const sent = sends() - before;
    figure('solana-duplicate-send', { posted: 6, answered: answers.length, windows, sendTransactionCalls: sent, received: sol.balance(solRecipient.toBase58()).toString() });
    expect(answers).toHaveLength(6);
    expect(new Set(answers.map((a) => canonical(a.result))).size).toBe(1);
    expect((answers[0]!.result as { signature: string }).signature).toBeTypeOf('string');
    expect(sent).toBe(1);
    expect(sol.balance(solRecipient.toBase58())).toBe(1_000_000n);
    expect(windows).toBeLessThanOrEqual(1);
  });

  it('TRON: a signed transfer posted six times is signed once and broadcast once (checked on the node)', async () => {
    expect((await approved('tron-conn', 'tron', 'eth_requestAccounts', []))?.result).toEqual([tronAddress]);
    const tw = new TronWeb({ fullHost: tron.url });
    const tx = await tw.transactionBuilder.sendTrx(tronRecipient, 1_500_000, tronAddress, { blockHeader: tron.blockHeader() } as never);
    const signs = await duplicated('tron-sign', 'tron', 'tron_signTransaction', [tx]);
    expect(signs.answers).toHaveLength(6);
    expect(signs.answers.map((a) => a.error)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(signs.answers.map((a) => canonical(a.result))).size).toBe(1);
    const signed = signs.answers[0]!.result as { txID: string; signature: string[] };
    expect(signed.signature).toHaveLength(1);
    // The page broadcasts through the wallet, also six times with one id.
    const before = tron.calls.filter((c) => c.endsWith('/broadcasttransaction')).length;
    for (let i = 0; i < 6; i++) await attack(page, 'post', 'tron-bcast', 'tron', 'tron_node', ['/wallet/broadcasttransaction', signed]);
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'tron-bcast')).length >= 6, 30_000);
    const broadcasts = tron.calls.filter((c) => c.endsWith('/broadcasttransaction')).length - before;
    const answers = await attack<Answer[]>(page, 'answersFor', 'tron-bcast');
    figure('tron-duplicate-send', { posted: 6, signAnswers: signs.answers.length, windows: signs.windows, broadcasts, received: tron.balance(tronRecipient).toString() });
    expect(answers).toHaveLength(6);
    expect(answers.every((a) => (a.result as { result?: boolean })?.result === true)).toBe(true);
    expect(broadcasts).toBe(1);
    expect(tron.balance(tronRecipient)).toBe(1_500_000n);
    expect(signs.windows).toBeLessThanOrEqual(1);
  });

  it('the user rejects all from a site at once, then blocks it: later requests are refused without a window', async () => {
    for (let i = 0; i < 100 && (await visibleApprovals(wallet)).length > 0; i++) await sleep(100);
    await attack(page, 'flood', 'many', 3, 'solana', 'signMessage', { message: b64(new TextEncoder().encode('nag')) });
    const win = await approvalWindow(wallet);
    await expect.poll(() => win.getByTestId('approval-queue').textContent().catch(() => ''), { timeout: 20_000 }).toContain('2');
    await win.getByTestId('reject-site').click();
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'many')).length >= 3, 20_000);
    expect((await attack<Answer[]>(page, 'answersFor', 'many')).map((a) => a.error?.code)).toEqual([4001, 4001, 4001]);
    // Cooling down: the next request is refused at once.
    const cooled = await attack<Answer | null>(page, 'call', 'after-reject', 'solana', 'signMessage', { message: b64(new TextEncoder().encode('again')) }, 10_000);
    expect(cooled?.error?.code).toBe(-32005);
    await clickUntil(wallet, 'reject', async () => (await visibleApprovals(wallet)).length === 0, 5_000);
  });
});
