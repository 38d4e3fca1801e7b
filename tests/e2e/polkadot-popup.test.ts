/**
 * The popup on the Kusama Local Testnet (chopsticks, tests/support/chopsticks.ts) as a user drives
 * it in real Chromium: the node endpoint set in Settings (checked: properties and metadata read from
 * it), the network picked in the header, the balance of the imported account (endowed on the chain),
 * and a transfer from the Send tab through the review screen: the runtime executes it, the
 * recipient's free balance grows by exactly the amount, and the sender pays exactly the fee the
 * review showed. Balances are read back with @polkadot/api, independently of the wallet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { launchWallet, type Wallet } from './support/chromium';
import { startChopsticks, type ChopsticksNode } from '../support/chopsticks';
import { activeNetwork, pickNetwork } from './support/popupNav';
import { importAndOpenHome } from './support/flows';
import { publicAccount, stopAfterAll } from './support/suite';
import { fillEndpoint } from './support/endpoints';

const PASSWORD = 'popup polkadot password 2024';
const MNEMONIC = 'test test test test test test test test test test test junk';
const KSM = 10n ** 12n;

describe('popup on the Kusama Local Testnet', () => {
  let wallet: Wallet;
  let popup: Page;
  let node: ChopsticksNode;
  let api: ApiPromise;
  const own = publicAccount(MNEMONIC, 'polkadot', 0, { network: 'kusama' });
  const keep = stopAfterAll();

  const free = async (address: string): Promise<bigint> => BigInt(((await api.query.system!.account!(address)) as unknown as { data: { free: { toString(): string } } }).data.free.toString());

  beforeAll(async () => {
    [node, wallet] = await Promise.all([startChopsticks().then(keep), launchWallet().then(keep)]);
    await node.setFree(own.address, 100n * KSM);
    api = keep(await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true }));
    popup = await importAndOpenHome(wallet, MNEMONIC, PASSWORD);
  }, 240_000);

  it('sets the local node in Settings (a non-loopback ws:// is refused) and shows the balance', async () => {
    await fillEndpoint(popup, 'polkadot', 'local', 'ws://node.example.com:9944');
    await expect.poll(() => popup.getByTestId('endpoint-error').textContent()).toMatch(/only for a node on this machine/);
    await popup.getByTestId('endpoint-url').fill(node.wsUrl);
    await popup.getByTestId('endpoint-save').click();
    await popup.getByTestId('endpoint-saved').waitFor({ timeout: 60_000 });
    await popup.getByTestId('tab-assets').click();
    await pickNetwork(popup, /Kusama Local Testnet/);
    expect(await activeNetwork(popup)).toBe('polkadot:local');
    await popup.getByTestId('balances').waitFor();
    await expect.poll(() => popup.getByTestId('balance-KSM').getByTestId('amount').getAttribute('title'), { timeout: 60_000 }).toBe('100');
  });

  it('sends 1.25 KSM: executed by the runtime, recipient +1.25 KSM exactly, the fee charged is the fee shown', async () => {
    const bob = node.dev.Bob;
    const [bobBefore, ownBefore] = await Promise.all([free(bob), free(own.address)]);
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(bob);
    await popup.getByTestId('send-amount').fill('1.25');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 60_000 });
    const feeText = (await popup.getByTestId('review-fee').textContent()) ?? '';
    expect(await popup.getByTestId('review-to').textContent()).toBe(bob);
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 60_000 });
    expect(await popup.getByTestId('send-hash').textContent()).toMatch(/^0x[0-9a-f]{64}$/);
    await expect.poll(() => free(bob), { timeout: 30_000 }).toBe(bobBefore + 1_250_000_000_000n);
    const charged = ownBefore - (await free(own.address)) - 1_250_000_000_000n;
    const shown = /([0-9.]+)/.exec(feeText)?.[1] ?? '';
    const [w = '0', f = ''] = shown.split('.');
    expect(charged).toBe(BigInt(w) * KSM + BigInt(f.padEnd(12, '0')));
    expect(charged).toBeGreaterThan(0n);
  });

  it('refuses a send that would leave less than the existential deposit, before anything is signed', async () => {
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(node.dev.Bob);
    const left = (await free(own.address)) - 100_000_000n;
    await popup.getByTestId('send-amount').fill(`${left / KSM}.${(left % KSM).toString().padStart(12, '0')}`);
    await popup.getByTestId('send-review').click();
    await expect.poll(() => popup.getByTestId('send-error').textContent(), { timeout: 30_000 }).toMatch(/existential deposit|Not enough KSM/);
  });
});
