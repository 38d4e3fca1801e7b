/**
 * A polkadot-api dApp with @polkadot-api/pjs-signer, unchanged, against the wallet in real Chromium
 * and a chopsticks Kusama Local Testnet: it connects through window.injectedWeb3, the user approves
 * the connection and the transfer, and the runtime executes it (recipient +amount exactly).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { launchWallet, type Wallet, importWallet } from './support/chromium';
import { decide as decideIn, approvalWindow } from './support/approvals';
import { startDappServer, type DappServer } from './support/dappServer';
import { startChopsticks, type ChopsticksNode } from '../support/chopsticks';
import { openDapp, setStorage } from './support/flows';
import { publicAccount, stopAfterAll } from './support/suite';

const MNEMONIC = 'test test test test test test test test test test test junk';
const KSM = 10n ** 12n;

describe('Polkadot: a polkadot-api dApp with @polkadot-api/pjs-signer', () => {
  let wallet: Wallet;
  let server: DappServer;
  let node: ChopsticksNode;
  let page: Page;
  let api: ApiPromise;
  const own = publicAccount(MNEMONIC, 'polkadot', 0, { network: 'kusama' });
  const keep = stopAfterAll();

  beforeAll(async () => {
    [node, server, wallet] = await Promise.all([startChopsticks().then(keep), startDappServer(['papi-dapp']).then(keep), launchWallet().then(keep)]);
    await node.setFree(own.address, 100n * KSM);
    api = keep(await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true }));
    await setStorage(wallet, { familyNetwork: { polkadot: 'polkadot:local' }, familyEndpoints: { polkadot: { local: node.wsUrl } } });
    await importWallet(wallet, MNEMONIC, 'e2e papi password 123');
    page = await openDapp(wallet, server.url('papi-dapp'));
  }, 240_000);

  it('signs and submits a transfer_keep_alive that the runtime executes', async () => {
    const free = async (a: string): Promise<bigint> => BigInt(((await api.query.system!.account!(a)) as unknown as { data: { free: { toString(): string } } }).data.free.toString());
    const bob = node.dev.Bob;
    const before = await free(bob);
    const sending = page.evaluate(({ ws, to }) => (window as unknown as { dapp: { transfer(w: string, t: string, a: string): Promise<unknown> } }).dapp.transfer(ws, to, '3000000000000'), { ws: node.wsUrl, to: bob }) as Promise<{ result?: { ok: boolean }; error?: { message: string } }>;
    await decideIn(wallet, `127.0.0.1:${server.port}`, true); // connect
    // The same window then shows the transfer (wait for it rather than for any request).
    await expect.poll(async () => (await approvalWindow(wallet)).getByTestId('approval').innerText(), { timeout: 30_000 }).toContain('Balances.transfer_keep_alive');
    await decideIn(wallet, `127.0.0.1:${server.port}`, true, async (w) => expect(await w.getByTestId('approval').innerText()).toContain('3 KSM'));
    const r = await sending;
    expect(r.error).toBeUndefined();
    expect(r.result?.ok).toBe(true);
    expect((await free(bob)) - before).toBe(3n * KSM);
  });
});
