/**
 * Payments are looked for while the extension runs, not only while Activity is open: the
 * background's `incoming-poll` alarm (every minute while unlocked with notifications on). The test
 * fires the real alarm early through chrome.alarms (same name, due now: the browser delivers it to
 * the worker's onAlarm exactly as the periodic one) with the popup on Home, never on Activity:
 * - ETH from another account on anvil → a "payment received" notification and the stored entry;
 * - then, with TRON active, TRX and a TRC-20 the user does not watch from another account, and
 *   more ETH: the poll asks both families the account uses; TRX and ETH ring, the unwatched
 *   token is listed quietly (stored, shown in Activity, no notification);
 * - the alarm exists only while unlocked and with notifications on (Settings switch, lock).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseEther, type Hex } from 'viem';
import { Keypair } from '@solana/web3.js';
import { TronWeb, utils as tronUtils } from 'tronweb';
import { launchWallet, type Wallet } from './support/chromium';
import { corsProxy, type CorsProxy } from './support/corsProxy';
import { startAnvil, type AnvilInstance } from '../support/anvil';
import { startTronNode, type TronTestNode } from '../support/tronNode';
import { deriveAccount } from '../../src/core';
import { MNEMONIC } from '../core/bitcoin/helpers';
import { pickNetwork } from './support/popupNav';
import { waitForHome } from './support/home';
import { importAndOpenHome } from './support/flows';
import { stopAfterAll } from './support/suite';

const PASSWORD = 'incoming poller password 2024';
const CHAIN_ID = 1388;
const ALARM = 'incoming-poll';

type Chrome = {
  alarms: { get(n: string): Promise<{ name: string; periodInMinutes?: number } | undefined>; create(n: string, o: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

describe('background polling for incoming payments', () => {
  let wallet: Wallet;
  let popup: Page;
  let anvil: AnvilInstance;
  let tron: TronTestNode;
  let tronProxy: CorsProxy;
  const keep = stopAfterAll();
  const evmMe = deriveAccount({ mnemonic: MNEMONIC, family: 'evm', index: 0 }).address;
  const tronMe = deriveAccount({ mnemonic: MNEMONIC, family: 'tron', index: 0 }).address;

  const alarm = () => popup.evaluate((n) => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get(n), ALARM);
  const fireAlarm = () => popup.evaluate((n) => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create(n, { when: Date.now() }), ALARM);
  const notified = () => popup.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()));
  const stored = () =>
    popup.evaluate(async () => ((await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('incomingActivity')).incomingActivity ?? []) as Array<{ hash: string; family: string; token?: string | null; quiet?: boolean }>);

  beforeAll(async () => {
    anvil = keep(await startAnvil({ chainId: CHAIN_ID }));
    tron = keep(await startTronNode());
    [tronProxy, wallet] = await Promise.all([corsProxy(tron.url).then(keep), launchWallet().then(keep)]);
    popup = await importAndOpenHome(wallet, MNEMONIC, PASSWORD);
  });

  it('unlocked with notifications on: the periodic alarm exists (every minute)', async () => {
    await expect.poll(alarm, { timeout: 10_000 }).toMatchObject({ name: ALARM, periodInMinutes: 1 });
  });

  it('ETH from another account is found and announced with Activity closed', async () => {
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-networks').click();
    await popup.getByTestId('net-name').fill('Anvil poller');
    await popup.getByTestId('net-rpcUrl').fill(anvil.url);
    await popup.getByTestId('net-chainId').fill(String(CHAIN_ID));
    await popup.getByTestId('add-network').click();
    await expect.poll(() => popup.getByTestId('network-msg').textContent()).toContain('Anvil poller was added');
    await popup.getByTestId('tab-assets').click();
    await pickNetwork(popup, /^Anvil poller/);
    await popup.getByTestId('balances').waitFor();
    // A first poll reads the chain as it is (the cursor starts here); Activity is never opened.
    await fireAlarm();
    await expect.poll(alarm, { timeout: 20_000 }).toMatchObject({ periodInMinutes: 1 });

    const eth = (await anvil.rpc<Hex>('eth_sendTransaction', [{ from: anvil.accounts[1]!.address, to: evmMe, value: `0x${parseEther('0.75').toString(16)}` }])).toLowerCase();
    expect(await notified()).not.toContain(`mcw:received:${eth}`);
    await fireAlarm();
    await expect.poll(notified, { timeout: 40_000 }).toContain(`mcw:received:${eth}`);
    expect((await stored()).map((s) => s.hash)).toContain(eth);
  });

  it('with TRON active, both families the account uses are polled; an unwatched TRC-20 is listed but not announced', async () => {
    await popup.getByTestId('tab-settings').click();
    const section = popup.getByTestId('section-endpoints');
    if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open))) await popup.getByTestId('open-endpoints').click();
    await popup.getByTestId('endpoint-family').selectOption('tron');
    await popup.getByTestId('endpoint-network').selectOption('custom');
    await popup.getByTestId('endpoint-url').fill(tronProxy.url);
    await popup.getByTestId('endpoint-save').click();
    await popup.getByTestId('endpoint-saved').waitFor();
    await popup.getByTestId('tab-assets').click();
    await pickNetwork(popup, /TRON \(custom node\)/);
    await popup.getByTestId('balances').waitFor();

    const alicePk = Buffer.from(Keypair.generate().secretKey.slice(0, 32)).toString('hex');
    const alice = TronWeb.address.fromPrivateKey(alicePk) as string;
    tron.setBalance(alice, 500_000_000n);
    const contract = tron.deployTrc20('AIRDROP', 6);
    tron.setTokenBalance(contract, alice, 10_000_000_000n);
    const tw = new TronWeb({ fullHost: tron.url });
    const broadcast = async (unsigned: unknown): Promise<string> => {
      const signed = tronUtils.crypto.signTransaction(alicePk, unsigned as never) as unknown as { txID: string };
      const out = (await tw.trx.sendRawTransaction(signed as never)) as unknown as { result?: boolean };
      expect(out.result).toBe(true);
      return signed.txID.toLowerCase();
    };
    const trx = await broadcast(await tw.transactionBuilder.sendTrx(tronMe, 2_000_000, alice));
    const { transaction } = (await tw.transactionBuilder.triggerSmartContract(contract, 'transfer(address,uint256)', { feeLimit: 100_000_000 }, [{ type: 'address', value: tronMe }, { type: 'uint256', value: 1_000_000_000 }], alice)) as unknown as { transaction: unknown };
    const spam = await broadcast(transaction);
    const eth = (await anvil.rpc<Hex>('eth_sendTransaction', [{ from: anvil.accounts[2]!.address, to: evmMe, value: `0x${parseEther('0.1').toString(16)}` }])).toLowerCase();

    await fireAlarm();
    await expect.poll(notified, { timeout: 40_000 }).toEqual(expect.arrayContaining([`mcw:received:${trx}`, `mcw:received:${eth}`]));
    const list = await stored();
    expect(list.find((s) => s.hash === spam)).toMatchObject({ family: 'tron', token: contract, quiet: true });
    expect(list.find((s) => s.hash === trx)?.quiet).toBeUndefined();
    expect(await notified()).not.toContain(`mcw:received:${spam}`);
    // Listed quietly: it is in Activity like any entry.
    await popup.getByTestId('tab-activity').click();
    await popup.locator(`[data-testid="activity-item"][data-hash="${spam}"][data-direction="in"]`).waitFor({ timeout: 30_000 });
  });

  it('the Settings switch and locking remove the alarm; turning notifications on again restores it', async () => {
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-general').click();
    const toggle = popup.getByTestId('notifications-toggle');
    // A controlled checkbox: it changes once the background saved the setting.
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect.poll(alarm, { timeout: 10_000 }).toBeUndefined();
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect.poll(alarm, { timeout: 10_000 }).toMatchObject({ periodInMinutes: 1 });
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('lock').click();
    await popup.getByTestId('unlock-password').waitFor();
    await expect.poll(alarm, { timeout: 10_000 }).toBeUndefined();
    await popup.getByTestId('unlock-password').fill(PASSWORD);
    await popup.getByTestId('unlock').click();
    await waitForHome(popup);
    await expect.poll(alarm, { timeout: 10_000 }).toMatchObject({ periodInMinutes: 1 });
  });
});
