/**
 * Incoming transfers in Activity, on each family, as the user sees them in real Chromium: another
 * account (a key the wallet does not hold) pays the wallet through the chain's real client path,
 * and the popup's Activity lists the payment with direction, sender, exact amount, status and
 * network, read by the wallet from that chain's own API:
 * - EVM: anvil (a real node), native ETH and a watched ERC-20, found by block reading and eth_getLogs;
 * - Bitcoin: the loopback Esplora (the stranger's transaction is signed with bitcoinjs-lib and
 *   checked by the server on broadcast), pending then confirmed; the wallet's own send (whose
 *   change returns to it) is listed once, as sent;
 * - Solana: LiteSVM behind its JSON-RPC server (a web3.js-signed transfer really executes);
 * - TRON: the loopback TRON node (tronweb builds and signs; broadcast verified) and its TronGrid
 *   v1 history.
 * The entries are in storage.local (public data only) and are shown again after a reload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeFunctionData, erc20Abi, getAddress, parseEther, type Hex } from 'viem';
import { Keypair, PublicKey, SystemProgram, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { TronWeb, utils as tronUtils } from 'tronweb';
import { launchWallet, type Wallet } from './support/chromium';
import { corsProxy, type CorsProxy } from './support/corsProxy';
import { startAnvil, type AnvilInstance } from '../support/anvil';
import { deployTinyErc20 } from '../families/evm/fixtures/tinyErc20';
import { FakeEsplora } from '../core/bitcoin/esploraServer';
import { bitcoin, ECPair, fundingTx, MNEMONIC, REGTEST, regtestWallet } from '../core/bitcoin/helpers';
import { startLiteSvmRpc, type LiteSvmRpc } from '../support/litesvmRpc';
import { startTronNode, type TronTestNode } from '../support/tronNode';
import { deriveAccount } from '../../src/core';
import { addEvmNetwork, pickNetwork, watchToken } from './support/popupNav';
import { stopAfterAll } from './support/suite';
import { importAndOpenHome } from './support/flows';
import { setEndpoint as setEndpointIn } from './support/endpoints';

const PASSWORD = 'incoming transfers password 2024';
const CHAIN_ID = 1377;

describe('incoming transfers in Activity', () => {
  let wallet: Wallet;
  let popup: Page;
  let anvil: AnvilInstance;
  let esplora: FakeEsplora;
  let btcProxy: CorsProxy;
  let svm: LiteSvmRpc;
  let solProxy: CorsProxy;
  let tron: TronTestNode;
  let tronProxy: CorsProxy;
  let token: Hex;
  const keep = stopAfterAll();
  const evmMe = deriveAccount({ mnemonic: MNEMONIC, family: 'evm', index: 0 }).address;
  const solMe = deriveAccount({ mnemonic: MNEMONIC, family: 'solana', index: 0 }).address;
  const tronMe = deriveAccount({ mnemonic: MNEMONIC, family: 'tron', index: 0 }).address;
  const btc = regtestWallet('regtest').accounts.p2wpkh;

  async function selectChain(label: RegExp): Promise<void> {
    await popup.getByTestId('tab-assets').click();
    await pickNetwork(popup, label);
    await popup.getByTestId('balances').waitFor();
  }

  const setEndpoint = (family: string, network: string, url: string): Promise<void> => setEndpointIn(popup, family, network, url);

  /** The Activity entry of `hash` in that direction (re-opens the tab so the refresh runs at once). */
  const entry = (hash: string, direction: 'in' | 'out', symbol?: string) => {
    const all = popup.locator(`[data-testid="activity-item"][data-hash="${hash}"][data-direction="${direction}"]`);
    return symbol ? all.filter({ has: popup.getByTestId('activity-amount').filter({ hasText: ` ${symbol}` }) }) : all;
  };

  /** A request from the extension's own page, as the popup sends it (src/ui/api.ts). */
  async function ui<T>(method: string): Promise<T> {
    const r = (await popup.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ kind: 'ui', method: m, params: {} }), method)) as { ok: boolean; result?: T; error?: unknown };
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.result as T;
  }

  async function openActivity(): Promise<void> {
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-activity').click();
  }

  beforeAll(async () => {
    esplora = keep(new FakeEsplora());
    await esplora.start();
    svm = keep(await startLiteSvmRpc());
    tron = keep(await startTronNode());
    anvil = keep(await startAnvil({ chainId: CHAIN_ID }));
    token = await deployTinyErc20(anvil, { name: 'Incoming Token', symbol: 'INC', decimals: 6, totalSupply: 1_000_000_000_000n });
    [btcProxy, solProxy, tronProxy, wallet] = await Promise.all([corsProxy(esplora.baseUrl).then(keep), corsProxy(svm.url).then(keep), corsProxy(tron.url).then(keep), launchWallet().then(keep)]);
    popup = await importAndOpenHome(wallet, MNEMONIC, PASSWORD);
  });

  it('EVM (anvil): ETH and a watched ERC-20 sent by another account show as received', async () => {
    await addEvmNetwork(popup, 'Anvil incoming', anvil.url, CHAIN_ID);
    await selectChain(/^Anvil incoming/);
    await watchToken(popup, token, 'INC');

    const sender = anvil.accounts[1]!.address;
    const ethHash = await anvil.rpc<Hex>('eth_sendTransaction', [{ from: sender, to: evmMe, value: `0x${parseEther('1.25').toString(16)}` }]);
    const tokenHash = await anvil.rpc<Hex>('eth_sendTransaction', [{ from: anvil.accounts[0]!.address, to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [evmMe as Hex, 2_500_000n] }) }]);

    await openActivity();
    const eth = entry(ethHash.toLowerCase(), 'in');
    await eth.waitFor({ timeout: 40_000 });
    expect(await eth.getByTestId('activity-amount').textContent()).toBe('+1.25 ETH');
    expect(await eth.getByTestId('activity-counterparty').getAttribute('title')).toBe(getAddress(sender));
    expect(await eth.getAttribute('data-status')).toBe('confirmed');
    expect(await eth.getByTestId('activity-network').textContent()).toBe('Anvil incoming');
    const tok = entry(tokenHash.toLowerCase(), 'in');
    await tok.waitFor({ timeout: 40_000 });
    expect(await tok.getByTestId('activity-amount').textContent()).toBe('+2.5 INC');
    expect(await tok.getByTestId('activity-counterparty').getAttribute('title')).toBe(getAddress(anvil.accounts[0]!.address));
    // A payment that just arrived rings once (chrome.notifications, read from the extension's own page).
    const shown = (): Promise<string[]> => popup.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()));
    await expect.poll(shown, { timeout: 20_000 }).toContain(`mcw:received:${ethHash.toLowerCase()}`);
    // The token transfer's own transaction carries no ETH to the wallet: one entry only for it.
    expect(await popup.locator(`[data-hash="${tokenHash.toLowerCase()}"]`).count()).toBe(1);
  });

  it('Bitcoin (loopback Esplora): a stranger’s payment, pending then confirmed; the wallet’s own send is listed once', async () => {
    await setEndpoint('bitcoin', 'regtest', btcProxy.url);
    await selectChain(/Bitcoin Regtest/);
    // The stranger's coin, then a payment signed with bitcoinjs-lib and broadcast to the server (checked there).
    const stranger = ECPair.makeRandom({ network: REGTEST });
    const pay = bitcoin.payments.p2wpkh({ pubkey: Buffer.from(stranger.publicKey), network: REGTEST });
    const funding = fundingTx([{ script: pay.output!, value: 200_000 }]);
    esplora.addTx(funding.hex, true);
    const psbt = new bitcoin.Psbt({ network: REGTEST });
    psbt.addInput({ hash: funding.txid, index: 0, witnessUtxo: { script: pay.output!, value: 200_000n } });
    psbt.addOutput({ address: btc.address(0, 0).address, value: 30_000n });
    psbt.addOutput({ address: pay.address!, value: 169_000n });
    psbt.signInput(0, { publicKey: Buffer.from(stranger.publicKey), sign: (h: Uint8Array) => Buffer.from(stranger.sign(h)) });
    psbt.finalizeAllInputs();
    const res = await fetch(`${esplora.baseUrl}/tx`, { method: 'POST', body: psbt.extractTransaction().toHex() });
    const txid = await res.text();
    expect(res.status).toBe(200);

    await openActivity();
    const item = entry(txid, 'in');
    await item.waitFor({ timeout: 40_000 });
    expect(await item.getByTestId('activity-amount').textContent()).toBe('+0.0003 BTC');
    expect(await item.getByTestId('activity-counterparty').getAttribute('title')).toBe(pay.address);
    expect(await item.getAttribute('data-status')).toBe('pending');
    esplora.mine();
    // The list refreshes incoming transfers every 15 s while open; re-opening the tab asks at once.
    await expect.poll(async () => { await openActivity(); return entry(txid, 'in').getAttribute('data-status', { timeout: 10_000 }); }, { timeout: 40_000, interval: 2_000 }).toBe('confirmed');

    // The wallet pays the stranger back: its change returns to the wallet, but it is one sent entry.
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(pay.address!);
    await popup.getByTestId('send-amount').fill('0.0001');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 30_000 });
    const sent = (await popup.getByTestId('send-hash').textContent()) ?? '';
    expect(sent).toMatch(/^[0-9a-f]{64}$/);
    await openActivity();
    await entry(sent, 'out').waitFor({ timeout: 20_000 });
    // A refresh that has certainly read the send from Esplora (mempool, then mined): still no incoming copy.
    for (const mined of [false, true]) {
      if (mined) esplora.mine();
      const r = await ui<{ added: number; supported: boolean }>('refreshIncoming');
      expect(r).toEqual({ added: 0, supported: true });
    }
    expect(esplora.requests.some((q) => q.endsWith('/txs'))).toBe(true);
    const list = await ui<Array<{ hash: string; direction: string }>>('listActivity');
    expect(list.filter((i) => i.hash === sent)).toEqual([expect.objectContaining({ hash: sent, direction: 'out' })]);
    await openActivity();
    await entry(sent, 'out').waitFor();
    expect(await popup.locator(`[data-testid="activity-item"][data-hash="${sent}"]`).count()).toBe(1);
  });

  it('Solana (LiteSVM RPC): SOL sent by another keypair shows as received', async () => {
    await setEndpoint('solana', 'localnet', solProxy.url);
    await selectChain(/Solana Localnet/);
    const alice = Keypair.generate();
    svm.airdrop(alice.publicKey.toBase58(), 3_000_000_000n);
    const msg = new TransactionMessage({ payerKey: alice.publicKey, recentBlockhash: svm.svm.latestBlockhash(), instructions: [SystemProgram.transfer({ fromPubkey: alice.publicKey, toPubkey: new PublicKey(solMe), lamports: 250_000_000 })] }).compileToV0Message();
    const tx = new VersionedTransaction(msg);
    tx.sign([alice]);
    const r = (await (await fetch(svm.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'sendTransaction', params: [Buffer.from(tx.serialize()).toString('base64'), { encoding: 'base64' }] }) })).json()) as { result?: string; error?: unknown };
    expect(r.error).toBeUndefined();
    const sig = r.result!;
    expect(svm.balance(solMe)).toBe(250_000_000n);

    await openActivity();
    const item = entry(sig, 'in');
    await item.waitFor({ timeout: 40_000 });
    expect(await item.getByTestId('activity-amount').textContent()).toBe('+0.25 SOL');
    expect(await item.getByTestId('activity-counterparty').getAttribute('title')).toBe(alice.publicKey.toBase58());
    expect(await item.getAttribute('data-status')).toBe('confirmed');
  });

  it('TRON (loopback node + TronGrid v1 history): TRX and a TRC-20 sent by another account show as received', async () => {
    await setEndpoint('tron', 'custom', tronProxy.url);
    await selectChain(/TRON \(custom node\)/);
    const alicePk = Buffer.from(Keypair.generate().secretKey.slice(0, 32)).toString('hex');
    const alice = TronWeb.address.fromPrivateKey(alicePk) as string;
    tron.setBalance(alice, 500_000_000n);
    const contract = tron.deployTrc20('TPAY', 6);
    tron.setTokenBalance(contract, alice, 10_000_000n);
    const tw = new TronWeb({ fullHost: tron.url });
    const broadcast = async (unsigned: unknown): Promise<string> => {
      const signed = tronUtils.crypto.signTransaction(alicePk, unsigned as never) as unknown as { txID: string };
      const out = (await tw.trx.sendRawTransaction(signed as never)) as unknown as { result?: boolean };
      expect(out.result).toBe(true);
      return signed.txID;
    };
    const trxId = await broadcast(await tw.transactionBuilder.sendTrx(tronMe, 3_500_000, alice));
    const { transaction } = (await tw.transactionBuilder.triggerSmartContract(contract, 'transfer(address,uint256)', { feeLimit: 100_000_000 }, [{ type: 'address', value: tronMe }, { type: 'uint256', value: 1_250_000 }], alice)) as unknown as { transaction: unknown };
    const tokenId = await broadcast(transaction);
    expect(tron.tokenBalance(contract, tronMe)).toBe(1_250_000n);

    await openActivity();
    const trx = entry(trxId, 'in');
    await trx.waitFor({ timeout: 40_000 });
    expect(await trx.getByTestId('activity-amount').textContent()).toBe('+3.5 TRX');
    expect(await trx.getByTestId('activity-counterparty').getAttribute('title')).toBe(alice);
    const tok = entry(tokenId, 'in');
    await tok.waitFor({ timeout: 40_000 });
    expect(await tok.getByTestId('activity-amount').textContent()).toBe('+1.25 TPAY');
    expect(await tok.getAttribute('data-status')).toBe('confirmed');
  });

  it('the received entries are kept in storage.local (public data only) and shown again after a reload', async () => {
    const stored = await wallet.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await c.storage.local.get('incomingActivity')).incomingActivity as Array<{ family: string; direction: string; hash: string }>;
    });
    expect(stored.map((s) => s.family).sort()).toEqual(['bitcoin', 'evm', 'evm', 'solana', 'tron', 'tron']);
    expect(stored.every((s) => s.direction === 'in')).toBe(true);
    expect(JSON.stringify(stored)).not.toMatch(/secret|mnemonic|privateKey/i);
    await popup.reload();
    await popup.getByTestId('tab-activity').waitFor({ timeout: 30_000 });
    await openActivity();
    await expect.poll(() => popup.locator('[data-testid="activity-item"][data-direction="in"]').count(), { timeout: 20_000 }).toBe(6);
  });
});
