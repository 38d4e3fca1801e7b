/**
 * EOS end to end in real Chromium: the wallet on a loopback chain API whose contracts really run
 * (tests/support/eosNode.ts: VeRT executes proton-tsc's eosio.token; every transaction's signatures
 * are recovered and checked against the account's permissions with @wharfkit/antelope). The popup
 * finds the account the key controls, shows EOS and CPU/NET/RAM, and sends a transfer with a memo;
 * a WharfKit dApp (SessionKit + the unchanged Scatter and TokenPocket wallet plugins) logs in after
 * approval and transacts; a ScatterJS-style page gets an arbitrary signature that verifies; and
 * rejections and bad requests give the errors dApps expect, the bad ones without any window.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Action, Bytes, PrivateKey, PublicKey, Serializer, Signature, Transaction } from '@wharfkit/antelope';
import { launchWallet, type Wallet } from './support/chromium';
import { approvalPages, decide as decideIn } from './support/approvals';
import { startDappServer, type DappServer } from './support/dappServer';
import { startEosNode, type EosTestNode } from '../support/eosNode';
import { deriveAccount } from '../../src/core';
import { MNEMONIC } from '../families/tron/helpers';
import { networkIds, pickNetwork } from './support/popupNav';
import { importAndOpenHome, waitForDapp } from './support/flows';
import { dappCaller, stopAfterAll } from './support/suite';
import { setEndpoint } from './support/endpoints';

const PASSWORD = 'e2e eos password 2024';
type Result = { result?: unknown; error?: { message: string; type?: string; code?: number; isError?: boolean } };

describe('EOS end to end', () => {
  let wallet: Wallet;
  let popup: Page;
  let page: Page;
  let server: DappServer;
  let node: EosTestNode;
  const key = deriveAccount({ mnemonic: MNEMONIC, family: 'eos', index: 0 }).address; // PUB_K1_…
  const legacyKey = PublicKey.from(key).toLegacyString();
  const bobKey = PrivateKey.generate('K1');

  const keep = stopAfterAll();
  const dapp = dappCaller<Result>(() => page);
  const decide = (approve: boolean, check?: (w: Page) => Promise<void>): Promise<void> => decideIn(wallet, `127.0.0.1:${server.port}`, approve, check);
  const visibleApprovals = async (): Promise<number> => {
    let n = 0;
    for (const p of approvalPages(wallet)) if (await p.getByTestId('approval').isVisible().catch(() => false)) n++;
    return n;
  };
  const balance = (symbol: string): Promise<string | null> => popup.getByTestId(`balance-${symbol}`).getByTestId('amount').getAttribute('title');

  beforeAll(async () => {
    node = keep(await startEosNode());
    node.createAccount('alice', key);
    node.createAccount('bob', bobKey.toPublic().toString());
    node.createAccount('binancecleos', bobKey.toPublic().toString());
    node.createAccount('nocode', bobKey.toPublic().toString());
    await node.createToken('eosio.token', '1000000000.0000 EOS');
    await node.fund('alice', '100.0000 EOS');
    [server, wallet] = await Promise.all([startDappServer(['eos-dapp']).then(keep), launchWallet().then(keep)]);
    popup = await importAndOpenHome(wallet, MNEMONIC, PASSWORD);
  }, 180_000);

  it('a custom node URL is checked (get_info) and saved; the EOS network is selectable', async () => {
    await setEndpoint(popup, 'eos', 'custom', node.url);
    expect(node.calls).toContain('/v1/chain/get_info');

    await popup.getByTestId('tab-assets').click();
    expect(await networkIds(popup)).toEqual(expect.arrayContaining(['eos:mainnet', 'eos:jungle4', 'eos:custom']));
    await pickNetwork(popup, 'eos:custom');
    await popup.getByTestId('balances').waitFor();
  });

  it('Home shows the account the key controls, its EOS and CPU / NET / RAM', async () => {
    await expect.poll(() => balance('EOS'), { timeout: 30_000 }).toBe('100.0000');
    expect(await popup.getByTestId('balance-details-eosAccount').locator('dd').textContent()).toBe('alice@active');
    expect(await popup.getByTestId('balance-details-eosCpu').locator('dd').textContent()).toMatch(/0 \/ 20,000 µs/);
    expect(await popup.getByTestId('balance-details-eosRam').locator('dd').textContent()).toMatch(/bytes/);
    expect(node.calls).toContain('/v1/chain/get_accounts_by_authorizers');
  });

  it('explains a transfer the account lacks CPU for, before signing; nothing is sent', async () => {
    node.setResources('alice', { cpu: { used: 19_950, max: 20_000 } });
    try {
      const pushed = node.applied.length;
      await popup.getByTestId('tab-send').click();
      await popup.getByTestId('send-to').fill('bob');
      await popup.getByTestId('send-amount').fill('1');
      await popup.getByTestId('send-review').click();
      await expect
        .poll(() => popup.getByTestId('send-error').textContent(), { timeout: 30_000 })
        .toBe('Not enough CPU: a transfer needs about 400 µs and alice has 50 µs available. Stake EOS for CPU (or rent it with PowerUp) and try again. Nothing was signed.');
      expect(node.applied.length).toBe(pushed);
    } finally {
      node.setResources('alice', { cpu: { used: 0, max: 20_000 } });
    }
  });

  it('warns that an exchange deposit account needs a memo', async () => {
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill('binancecleos');
    await popup.getByTestId('send-amount').fill('1');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    expect(await popup.getByTestId('review').textContent()).toMatch(/exchange deposit account: without the memo/);
    await popup.getByRole('button', { name: /back/i }).click();
  });

  it('sends eosio.token::transfer with a memo from the popup: executed by the runtime, the recipient gets exactly the amount', async () => {
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill('bob');
    await popup.getByTestId('send-amount').fill('1.2345');
    await popup.getByTestId('eos-memo').fill('invoice 42');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    expect(await popup.getByTestId('review-to').textContent()).toBe('bob');
    expect(await popup.getByTestId('review-details-eosMemo').locator('dd').textContent()).toBe('invoice 42');
    expect(await popup.getByTestId('review-details-eosPermission').locator('dd').textContent()).toBe('alice@active');
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 30_000 });
    const hash = (await popup.getByTestId('send-hash').textContent()) ?? '';
    const tx = node.applied.at(-1)!;
    expect(tx.id).toBe(hash);
    expect(tx.actions).toEqual([{ account: 'eosio.token', name: 'transfer', authorization: ['alice@active'], data: { from: 'alice', to: 'bob', quantity: '1.2345 EOS', memo: 'invoice 42' } }]);
    expect(node.balance('bob')).toBe('1.2345 EOS');
    expect(node.balance('alice')).toBe('98.7655 EOS');
    // Pending until the node reports the block irreversible, then confirmed.
    await expect.poll(() => popup.getByTestId('send-status').textContent(), { timeout: 60_000 }).toMatch(/confirmed/i);
  });

  it('the dApp page gets window.scatter and the scatterLoaded event', async () => {
    page = await wallet.context.newPage();
    // Nothing leaves this machine: scatter-ts also probes the Scatter desktop relays.
    await page.route((url) => !/^(127\.0\.0\.1|localhost)$/.test(url.hostname), (r) => r.abort());
    await page.routeWebSocket((url) => !/^(127\.0\.0\.1|localhost)$/.test(url.hostname), (ws) => ws.close());
    await page.routeWebSocket(/:5000[56]/, (ws) => ws.close());
    await page.goto(server.url('eos-dapp'));
    await waitForDapp(page);
    expect(await dapp('globals')).toEqual({ scatter: true, scatterLoadedEvents: 1 });
  });

  it('requests for another chain, malformed transactions and missing ABIs fail clearly, without a window', async () => {
    const other = 'ab'.repeat(32);
    const login = await dapp('legacyIdentity', other);
    expect(login.error?.message).toMatch(/wallet is on EOS custom node/);
    expect(await visibleApprovals()).toBe(0);
  });

  it('WharfKit + the Scatter plugin: a rejected login gives Scatter\'s identity_rejected; an approved one logs in', async () => {
    // WharfKit's SessionKit rethrows a plugin's error as `new Error(error)`: the Scatter refusal's text.
    const rejected = dapp('login', 'scatter', node.chainId, node.url);
    await decide(false);
    expect((await rejected).error?.message).toBe('Error: User rejected the provision of an Identity');

    const pending = dapp('login', 'scatter', node.chainId, node.url);
    await decide(true, async (w) => {
      const text = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(text).toContain('alice@active');
      expect(text).toContain(legacyKey);
    });
    expect(await pending).toEqual({ result: { actor: 'alice', permission: 'active', chain: node.chainId, wallet: 'scatter' } });
  });

  it('WharfKit + the Scatter plugin transacts: every action shown, signed by the wallet, applied by the runtime', async () => {
    const before = node.balance('bob');
    const pending = dapp('transfer', 'bob', '0.5000 EOS', 'from wharfkit');
    await decide(true, async (w) => {
      const text = (await w.getByTestId('approval-details').textContent()) ?? '';
      for (const s of ['eosio.token', 'transfer', 'alice@active', '0.5000 EOS', 'from wharfkit']) expect(text).toContain(s);
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    expect(node.applied.at(-1)?.actions[0]?.data).toEqual({ from: 'alice', to: 'bob', quantity: '0.5000 EOS', memo: 'from wharfkit' });
    expect(before).toBe('1.2345 EOS');
    expect(node.balance('bob')).toBe('1.7345 EOS');
  });

  it('WharfKit: a rejected transaction gives Scatter\'s signature_rejected and nothing is applied', async () => {
    const applied = node.applied.length;
    const pending = dapp('transfer', 'bob', '0.1000 EOS', 'no');
    await decide(false);
    expect((await pending).error?.message).toBe('Error: User rejected the signature request');
    expect(node.applied.length).toBe(applied);
  });

  it('WharfKit + the TokenPocket plugin logs in and transacts', async () => {
    const login = dapp('login', 'tokenpocket', node.chainId, node.url);
    await decide(true);
    expect(await login).toEqual({ result: { actor: 'alice', permission: 'active', chain: node.chainId, wallet: 'tokenpocket' } });
    const pending = dapp('transfer', 'bob', '0.0100 EOS', 'via tokenpocket');
    await decide(true);
    expect((await pending).error).toBeUndefined();
    expect(node.balance('bob')).toBe('1.7445 EOS');
  });

  it('ScatterJS-style requestArbitrarySignature: a signature that recovers to the account key; digests refused without a window', async () => {
    const data = 'login nonce 7f3a';
    const pending = dapp('legacyArbitrary', legacyKey, data);
    await decide(true, async (w) => expect(await w.getByTestId('approval-details').textContent()).toContain(data));
    const sig = (await pending).result as string;
    expect(Signature.from(sig).recoverMessage(Bytes.from(data, 'utf8')).toLegacyString()).toBe(legacyKey);

    const rejected = dapp('legacyArbitrary', legacyKey, 'not this one');
    await decide(false);
    expect((await rejected).error).toEqual({ message: 'User rejected the signature request', type: 'signature_rejected', code: 402, isError: true, name: 'Error' });

    const digest = 'aa'.repeat(32);
    const refused = await dapp('legacyArbitrary', legacyKey, digest);
    expect(refused.error?.message).toMatch(/32-byte hash/);
    const notMine = await dapp('legacyArbitrary', bobKey.toPublic().toLegacyString(), data);
    expect(notMine.error?.message).toMatch(/not the key of the connected account/);
    expect(await visibleApprovals()).toBe(0);
  });

  it('requestSignature refuses malformed bytes, unknown chain ids, contracts without an ABI and other actors, without a window', async () => {
    const info = (await (await fetch(`${node.url}/v1/chain/get_info`, { method: 'POST', body: '{}' })).json()) as { head_block_num: number; head_block_id: string; last_irreversible_block_id: string };
    const header = { expiration: new Date(Date.now() + 60_000).toISOString().slice(0, 19), ref_block_num: info.head_block_num & 0xffff, ref_block_prefix: Buffer.from(info.head_block_id, 'hex').readUInt32LE(8) };
    const abi = { structs: [{ name: 'x', base: '', fields: [{ name: 'a', type: 'name' }] }], actions: [{ name: 'doit', type: 'x', ricardian_contract: '' }] };
    const txHex = (account: string, actor: string): string =>
      Serializer.encode({ object: Transaction.from({ ...header, actions: [Action.from({ account, name: 'doit', authorization: [{ actor, permission: 'active' }], data: { a: 'alice' } }, abi)] }) }).hexString;
    const ask = (serializedTransaction: string, chainId = node.chainId): Promise<Result> => dapp('legacyRequestSignature', { transaction: { serializedTransaction, chainId }, blockchain: 'eos', network: { blockchain: 'eos', chainId } });

    expect((await ask('00ff')).error?.message).toMatch(/Malformed transaction/);
    expect((await ask(txHex('nocode', 'alice'))).error?.message).toMatch(/nocode has no ABI/);
    expect((await ask(txHex('nocode', 'alice'), 'cd'.repeat(32))).error?.message).toMatch(/wallet is on EOS custom node/);
    const bobAction = Serializer.encode({ object: Transaction.from({ ...header, actions: [Action.from({ account: 'eosio.token', name: 'transfer', authorization: [{ actor: 'bob', permission: 'active' }], data: { from: 'bob', to: 'alice', quantity: '1.0000 EOS', memo: '' } }, { structs: [{ name: 'transfer', base: '', fields: [{ name: 'from', type: 'name' }, { name: 'to', type: 'name' }, { name: 'quantity', type: 'asset' }, { name: 'memo', type: 'string' }] }], actions: [{ name: 'transfer', type: 'transfer', ricardian_contract: '' }] })] }) }).hexString;
    expect((await ask(bobAction)).error?.message).toMatch(/needs the authority of bob@active/);
    expect(await visibleApprovals()).toBe(0);
  });

  it('forgetIdentity revokes the site: identityFromPermissions is then null and signing needs a new login', async () => {
    expect(((await dapp('legacyCheck')).result as { accounts: { name: string }[] }).accounts[0]!.name).toBe('alice');
    expect((await dapp('legacyForget')).result).toBe(true);
    expect((await dapp('legacyCheck')).result).toBeNull();
    const r = await dapp('legacyArbitrary', legacyKey, 'after logout');
    expect(r.error).toMatchObject({ type: 'identity_missing', code: 403 });
    expect(await visibleApprovals()).toBe(0);
  });
});
