/**
 * The service worker's eager core (src/background/boot/core.ts): after the worker was stopped, a
 * page's first EVM reads are answered by the core alone, without evaluating the rest of the
 * background (wallet-worker.js); the first request the core cannot answer loads the rest with
 * importScripts() in that later run of the worker (possible because the worker imported it while
 * it was installed), and the ports the core served are handed over, so events reach them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { importWallet, launchWallet, type Wallet } from './support/chromium';
import { startDappServer, type DappServer } from './support/dappServer';
import { isWorkerRunning, stopServiceWorker } from './support/workerControl';

const PASSWORD = 'e2e worker core password 1';
const MNEMONIC = 'test test test test test test test test test test test junk';
type CallResult = { result?: unknown; error?: { code?: number; message: string } };
type Dapp = { dapp: { call: (m: string, p?: unknown) => Promise<CallResult>; listen: () => void; events: () => Array<{ event: string; data: unknown }> } };

describe('worker: eager core answers first reads; the rest loads on first need', () => {
  let wallet: Wallet;
  let server: DappServer;
  let cdp: CDPSession;
  let control: Page;

  const workerRunning = (): Promise<boolean> => isWorkerRunning(cdp, wallet.extensionId);
  const stopWorker = (): Promise<void> => stopServiceWorker(cdp, wallet.extensionId);
  /** The running worker (Playwright lists each start of it as a new worker: the last one is live). */
  const liveWorker = (): Worker => {
    const all = wallet.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${wallet.extensionId}/`));
    return all[all.length - 1]!;
  };
  const restLoaded = (): Promise<boolean> => liveWorker().evaluate(() => '__mcwWalletBackground' in globalThis);
  const call = (page: Page, method: string, params?: unknown): Promise<CallResult> => page.evaluate(([m, p]) => (window as unknown as Dapp).dapp.call(m as string, p), [method, params] as const);
  const ui = (method: string, params: unknown): Promise<{ ok: boolean }> =>
    control.evaluate(([m, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage: (x: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({ kind: 'ui', method: m, params: p }), [method, params] as const) as Promise<{ ok: boolean }>;

  beforeAll(async () => {
    [server, wallet] = await Promise.all([startDappServer(['evm-dapp']), launchWallet()]);
    await importWallet(wallet, MNEMONIC, PASSWORD);
    // Nothing but the tests may send the worker a message, or the rest loads behind their back (a
    // popup polls the background, the onboarding tab the install opened listens to it): close every
    // extension page, and control from the manifest.json document, an extension-origin page (so it
    // has chrome.runtime) that runs no script of its own.
    for (const p of wallet.context.pages()) if (p.url().startsWith(`chrome-extension://${wallet.extensionId}/`)) await p.close();
    control = await wallet.openPage('manifest.json');
    cdp = await wallet.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
  });

  it('answers eth_chainId, net_version and eth_accounts of an unconnected site without loading the rest', async () => {
    await stopWorker();
    const page = await wallet.context.newPage();
    await page.goto(server.url('evm-dapp'));
    expect(await call(page, 'eth_chainId')).toEqual({ result: '0x1' });
    expect(await call(page, 'net_version')).toEqual({ result: '1' });
    expect(await call(page, 'eth_accounts')).toEqual({ result: [] });
    expect(await workerRunning()).toBe(true);
    expect(await restLoaded()).toBe(false);

    // A request the core does not answer loads the rest (importScripts in this later run) and is answered by it.
    expect(await call(page, 'wallet_getPermissions')).toEqual({ result: [] });
    expect(await restLoaded()).toBe(true);
    // From now on the rest answers the reads too (the port was handed over).
    expect(await call(page, 'eth_chainId')).toEqual({ result: '0x1' });
    await page.close();
  });

  it('hands the ports it served over: a network switch from the popup reaches the page', async () => {
    await stopWorker();
    const page = await wallet.context.newPage();
    await page.goto(server.url('evm-dapp'));
    await page.evaluate(() => (window as unknown as Dapp).dapp.listen());
    expect(await call(page, 'eth_chainId')).toEqual({ result: '0x1' });
    expect(await restLoaded()).toBe(false);

    // The popup's message loads the rest; the page's port, served by the core so far, is adopted.
    expect((await ui('setActiveNetwork', { chainId: 11155111 })).ok).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as Dapp).dapp.events().filter((e) => e.event === 'chainChanged').map((e) => e.data)), { timeout: 10_000 }).toEqual(['0xaa36a7']);
    expect(await call(page, 'eth_chainId')).toEqual({ result: '0xaa36a7' });

    // After a restart the core reads the new network from storage.
    await stopWorker();
    const again = await wallet.context.newPage();
    await again.goto(server.url('evm-dapp'));
    expect(await call(again, 'eth_chainId')).toEqual({ result: '0xaa36a7' });
    expect(await restLoaded()).toBe(false);
    expect((await ui('setActiveNetwork', { chainId: 1 })).ok).toBe(true);
    await page.close();
    await again.close();
  });

  it('leaves a connected site to the rest of the background (its accounts depend on the lock and the grant)', async () => {
    const page = await wallet.context.newPage();
    await page.goto(server.url('evm-dapp'));
    // Grant through the real approval window.
    const asked = call(page, 'eth_requestAccounts');
    let approval: Page | undefined;
    await expect
      .poll(async () => {
        for (const p of wallet.context.pages().filter((x) => x.url().includes('/approval.html'))) if (await p.getByTestId('approval').isVisible().catch(() => false)) approval = p;
        return approval !== undefined;
      }, { timeout: 30_000, interval: 100 })
      .toBe(true);
    await approval!.getByTestId('approve').click();
    const granted = await asked;
    expect(granted.result).toHaveLength(1);

    await stopWorker();
    const again = await wallet.context.newPage();
    await again.goto(server.url('evm-dapp'));
    // Still unlocked (session restored by the rest of the background): the permitted account.
    expect(await call(again, 'eth_accounts')).toEqual({ result: granted.result });
    expect(await restLoaded()).toBe(true);
    await page.close();
    await again.close();
  });
});
