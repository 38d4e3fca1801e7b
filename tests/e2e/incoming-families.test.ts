/**
 * Incoming transfers in Activity on Aptos, Polkadot (Kusama Local) and EOS, in real Chromium:
 * another account — a key the wallet does not hold — pays the wallet through the chain, and the
 * popup's Activity lists the payment (direction, sender, exact amount, status), read by the wallet
 * from that chain's own API:
 * - Aptos: the loopback node (every transaction checked with @aptos-labs/ts-sdk), the stranger's
 *   transfer built and signed with ts-sdk; found through the account's APT deposit events;
 * - Polkadot: chopsticks running the real Kusama Local runtime, the stranger (//Alice) paying with
 *   @polkadot/api; found in the Balances.Transfer events of recent blocks;
 * - EOS: the loopback chain API whose eosio.token wasm really runs, the stranger's transfer signed
 *   with @wharfkit/antelope; found through the history API's get_actions. A "transfer" from a
 *   token contract the user never added (spam) is not listed.
 * The wallet's own sends are listed once, as sent; the entries survive a browser restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Account, AccountAddress, ChainId, EntryFunction, RawTransaction, SignedTransaction, SimpleTransaction, TransactionAuthenticatorEd25519, TransactionPayloadEntryFunction, U64 } from '@aptos-labs/ts-sdk';
import { ABI, Action, PrivateKey, Serializer, Transaction } from '@wharfkit/antelope';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { launchWallet, type Wallet } from './support/chromium';
import { startAptosNode, type AptosTestNode } from '../support/aptosNode';
import { startEosNode, type EosTestNode } from '../support/eosNode';
import { startChopsticks, type ChopsticksNode } from '../support/chopsticks';
import { createDeriver } from '../../src/core';
import { pickNetwork } from './support/popupNav';
import { waitForHome } from './support/home';
import { importAndOpenHome } from './support/flows';
import { setEndpoint as setEndpointIn } from './support/endpoints';

const PASSWORD = 'incoming families password 2024';
const MNEMONIC = 'test test test test test test test test test test test junk';
const APT = 100_000_000n;
const KSM = 10n ** 12n;

describe('incoming transfers in Activity: Aptos, Polkadot, EOS', () => {
  let wallet: Wallet;
  let popup: Page;
  let aptos: AptosTestNode;
  let eos: EosTestNode;
  let dot: ChopsticksNode;
  let api: ApiPromise;
  const profile = mkdtempSync(join(tmpdir(), 'mcw-incoming-'));
  const d = createDeriver(MNEMONIC);
  const accounts = { aptos: d.account('aptos', 0), dot: d.account('polkadot', 0, { network: 'kusama' }), eos: d.account('eos', 0) };
  const aptosMe = accounts.aptos.address;
  const dotMe = accounts.dot.address;
  const eosKey = accounts.eos.address;
  for (const a of Object.values(accounts)) a.secretKey.fill(0);
  d.wipe();
  const payerKey = PrivateKey.generate('K1');
  const hashes: string[] = [];

  const entry = (hash: string, direction: 'in' | 'out') => popup.locator(`[data-testid="activity-item"][data-hash="${hash}"][data-direction="${direction}"]`);

  async function ui<T>(method: string): Promise<T> {
    const r = (await popup.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ kind: 'ui', method: m, params: {} }), method)) as { ok: boolean; result?: T; error?: unknown };
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.result as T;
  }

  const setEndpoint = (family: string, network: string, url: string): Promise<void> => setEndpointIn(popup, family, network, url, 60_000);

  async function selectChain(ref: string): Promise<void> {
    await popup.getByTestId('tab-assets').click();
    await pickNetwork(popup, ref);
    await popup.getByTestId('balances').waitFor();
  }

  async function openActivity(): Promise<void> {
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-activity').click();
  }

  /** Sends from the popup's Send tab and returns the hash the status screen shows. */
  async function sendFromPopup(to: string, amount: string): Promise<string> {
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(to);
    await popup.getByTestId('send-amount').fill(amount);
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 60_000 });
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 60_000 });
    return ((await popup.getByTestId('send-hash').textContent()) ?? '').trim();
  }

  beforeAll(async () => {
    await cryptoWaitReady();
    aptos = await startAptosNode();
    eos = await startEosNode();
    eos.createAccount('walletalice', eosKey);
    eos.createAccount('payerbob', payerKey.toPublic().toString());
    await eos.createToken('eosio.token', '1000000000.0000 EOS');
    await eos.createToken('fakeeostoken', '1000000000.0000 EOS');
    await eos.fund('payerbob', '50.0000 EOS');
    await eos.fund('payerbob', '5000.0000 EOS', 'fakeeostoken');
    [dot, wallet] = await Promise.all([startChopsticks(), launchWallet({ userDataDir: profile })]);
    await dot.setFree(dotMe, 10n * KSM);
    api = await ApiPromise.create({ provider: new WsProvider(dot.wsUrl), noInitWarn: true });
    popup = await importAndOpenHome(wallet, MNEMONIC, PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await api?.disconnect();
    await wallet?.close();
    await dot?.stop();
    await eos?.stop();
    await aptos?.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('Aptos: APT sent by another account (ts-sdk) shows as received; the wallet’s own send to itself is listed once, as sent', async () => {
    aptos.fund(aptosMe, 2n * APT);
    await setEndpoint('aptos', 'custom', aptos.url);
    await selectChain('aptos:custom');
    const stranger = Account.generate();
    aptos.fund(stranger.accountAddress.toStringLong(), 5n * APT);
    const payload = new TransactionPayloadEntryFunction(EntryFunction.build('0x1::aptos_account', 'transfer', [], [AccountAddress.from(aptosMe), new U64(150_000_000n)]));
    const raw = new RawTransaction(stranger.accountAddress, 0n, payload, 2000n, 100n, BigInt(Math.floor(Date.now() / 1000) + 600), new ChainId(aptos.chainId));
    const auth = stranger.signTransactionWithAuthenticator(new SimpleTransaction(raw));
    const signed = new SignedTransaction(raw, new TransactionAuthenticatorEd25519(auth.public_key, auth.signature));
    const res = await fetch(`${aptos.url}/transactions`, { method: 'POST', headers: { 'content-type': 'application/x.aptos.signed_transaction+bcs' }, body: Buffer.from(signed.bcsToBytes()) });
    expect(res.status).toBe(202);
    const { hash } = (await res.json()) as { hash: string };
    expect(aptos.balance(aptosMe)).toBe(2n * APT + 150_000_000n);

    await openActivity();
    const item = entry(hash, 'in');
    await item.waitFor({ timeout: 40_000 });
    expect(await item.getByTestId('activity-amount').textContent()).toBe('+1.5 APT');
    expect(await item.getByTestId('activity-counterparty').getAttribute('title')).toBe(stranger.accountAddress.toStringLong());
    expect(await item.getAttribute('data-status')).toBe('confirmed');
    hashes.push(hash);

    // A send to itself deposits APT to the wallet in the wallet's own transaction: one entry, sent.
    const own = await sendFromPopup(aptosMe, '0.25');
    expect(own).toMatch(/^0x[0-9a-f]{64}$/);
    await openActivity();
    await entry(own, 'out').waitFor({ timeout: 30_000 });
    await expect.poll(() => aptos.calls.filter((c) => c.includes('/events/')).length, { timeout: 30_000 }).toBeGreaterThan(1);
    expect(await ui<{ added: number; supported: boolean }>('refreshIncoming')).toEqual({ added: 0, supported: true });
    const list = await ui<Array<{ hash: string; direction?: string }>>('listActivity');
    expect(list.filter((i) => i.hash === own).map((i) => i.direction ?? 'out')).toEqual(['out']);
    expect(await popup.locator(`[data-testid="activity-item"][data-hash="${own}"]`).count()).toBe(1);
  });

  it('Polkadot (chopsticks, Kusama Local runtime): KSM sent by //Alice with @polkadot/api shows as received', async () => {
    await setEndpoint('polkadot', 'local', dot.wsUrl);
    await selectChain('polkadot:local');
    const alice = new Keyring({ type: 'sr25519', ss58Format: 2 }).addFromUri('//Alice');
    const hash = await new Promise<string>((resolve, reject) => {
      void api.tx.balances!.transferKeepAlive!(dotMe, 1_250_000_000_000n)
        .signAndSend(alice, (r: { status: { isInBlock: boolean; isFinalized: boolean }; txHash: { toHex(): string }; dispatchError?: unknown }) => {
          if (r.dispatchError) reject(new Error('transfer failed'));
          else if (r.status.isInBlock || r.status.isFinalized) resolve(r.txHash.toHex());
        })
        .catch(reject);
    });

    await openActivity();
    const item = entry(hash, 'in');
    await item.waitFor({ timeout: 60_000 });
    expect(await item.getByTestId('activity-amount').textContent()).toBe('+1.25 KSM');
    expect(await item.getByTestId('activity-counterparty').getAttribute('title')).toBe(alice.address);
    expect(['pending', 'confirmed']).toContain(await item.getAttribute('data-status'));
    hashes.push(hash);
  });

  it('EOS: a transfer signed by another account (WharfKit) shows as received; a fake "EOS" of another contract does not', async () => {
    await setEndpoint('eos', 'custom', eos.url);
    await selectChain('eos:custom');
    const post = async <T>(path: string, body: unknown): Promise<T> => (await (await fetch(`${eos.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).json()) as T;
    const info = await post<{ chain_id: string; head_block_num: number; head_block_id: string }>('/v1/chain/get_info', {});
    const { abi } = await post<{ abi: unknown }>('/v1/chain/get_abi', { account_name: 'eosio.token' });
    const header = { expiration: new Date(Date.now() + 60_000).toISOString().slice(0, 19), ref_block_num: info.head_block_num & 0xffff, ref_block_prefix: Buffer.from(info.head_block_id, 'hex').readUInt32LE(8) };
    const push = async (contract: string, quantity: string, memo: string): Promise<string> => {
      const action = Action.from({ account: contract, name: 'transfer', authorization: [{ actor: 'payerbob', permission: 'active' }], data: { from: 'payerbob', to: 'walletalice', quantity, memo } }, ABI.from(abi as never));
      const tx = Transaction.from({ ...header, actions: [action] });
      const sig = payerKey.signDigest(tx.signingDigest(info.chain_id));
      const r = await post<{ transaction_id?: string; error?: unknown }>('/v1/chain/push_transaction', { signatures: [String(sig)], compression: 0, packed_context_free_data: '', packed_trx: Serializer.encode({ object: tx }).hexString });
      expect(r.error).toBeUndefined();
      return r.transaction_id!;
    };
    const spam = await push('fakeeostoken', '1000.0000 EOS', 'claim your airdrop at …');
    const paid = await push('eosio.token', '2.5000 EOS', 'for coffee');
    expect(eos.balance('walletalice')).toBe('2.5000 EOS');

    await openActivity();
    const item = entry(paid, 'in');
    await item.waitFor({ timeout: 40_000 });
    expect(await item.getByTestId('activity-amount').textContent()).toBe('+2.5 EOS');
    expect(await item.getByTestId('activity-counterparty').getAttribute('title')).toBe('payerbob');
    await expect.poll(async () => { await openActivity(); return entry(paid, 'in').getAttribute('data-status', { timeout: 10_000 }); }, { timeout: 40_000, interval: 2_000 }).toBe('confirmed');
    expect(eos.calls).toContain('/v1/history/get_actions');
    expect(await popup.locator(`[data-testid="activity-item"][data-hash="${spam}"]`).count()).toBe(0);
    hashes.push(paid);

    // The wallet pays back: listed once, as sent (the history's copy of it is the wallet's own).
    const own = await sendFromPopup('payerbob', '0.5');
    await openActivity();
    await entry(own, 'out').waitFor({ timeout: 30_000 });
    expect(await ui<{ added: number; supported: boolean }>('refreshIncoming')).toEqual({ added: 0, supported: true });
    expect(await popup.locator(`[data-testid="activity-item"][data-hash="${own}"]`).count()).toBe(1);
  });

  it('the received entries survive a browser restart (storage.local, public data only)', async () => {
    await wallet.close();
    wallet = await launchWallet({ userDataDir: profile });
    popup = await wallet.openPage('popup.html');
    await popup.getByTestId('unlock-password').fill(PASSWORD);
    await popup.getByTestId('unlock').click();
    await waitForHome(popup);
    await openActivity();
    for (const h of hashes) await entry(h, 'in').waitFor({ timeout: 30_000 });
    const stored = await wallet.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await c.storage.local.get('incomingActivity')).incomingActivity as Array<{ family: string; hash: string }>;
    });
    expect(stored.map((s) => s.family).sort()).toEqual(['aptos', 'eos', 'polkadot']);
    expect(JSON.stringify(stored)).not.toMatch(/secret|mnemonic|privateKey/i);
  });
});
