/**
 * Firefox smoke test: Debian firefox-esr, driven over WebDriver BiDi by puppeteer-core,
 * installs the Firefox build and opens the wallet's onboarding and popup pages for real, then a
 * page on 127.0.0.1: the providers of both MAIN-world scripts (document_start, document_idle) answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { FIREFOX_DIR, firefoxPage, launchFirefox } from './support/firefox';
const UUID = '6f1c2a4e-9b7d-4c3e-8a51-2d0e7f9b3c11';

describe('Firefox build', () => {
  let browser: Browser;
  let geckoId: string;
  beforeAll(async () => {
    ({ browser, geckoId } = await launchFirefox(UUID));
  });
  let server: Server | undefined;
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('installs the extension and opens the wallet', async () => {
    const id = await browser.installExtension(FIREFOX_DIR);
    expect(id).toBe(geckoId);
    const page = await browser.newPage();
    const { open, waitFor, click } = firefoxPage(page, UUID);
    open('onboarding.html');
    await waitFor('[data-testid="import"]');
    const heading = await page.$eval('h1', (h) => h.textContent);
    expect(heading).toBe('Multichain Wallet');
    // Import a phrase: the background (Argon2id via WASM under the strict CSP) creates the vault.
    await click('[data-testid="import"]');
    await page.type('[data-testid="import-mnemonic"]', 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about');
    await click('[data-testid="import-next"]');
    await page.type('[data-testid="new-password"]', 'firefox smoke test password');
    await page.type('[data-testid="confirm-password"]', 'firefox smoke test password');
    await click('[data-testid="finish"]');
    await waitFor('[data-testid="onboarding-done"]');
    // The extension's own link to the popup page: the wallet shows the well-known BIP84/BIP44 addresses.
    // Home shows one account on one network; every family's address is in Receive's list.
    open('popup.html#/receive');
    await waitFor('[data-testid="receive-all-toggle"]');
    await click('[data-testid="receive-all-toggle"]');
    await waitFor('[data-testid="account-bitcoin"] [data-testid="address"]');
    const btc = await page.$eval('[data-testid="account-bitcoin"] [data-testid="address"]', (e) => e.textContent);
    expect(btc).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
    const evm = await page.$eval('[data-testid="account-evm"] [data-testid="address"]', (e) => e.textContent);
    expect(evm).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });

  it("a page gets EVM at document_start and the other families' providers after DOMContentLoaded; both answer", async () => {
    // The page's first script records what exists before DOMContentLoaded and asks UniSat (a stand-in
    // until the families' script arrives) for its accounts: a site never connected gets [].
    const script = `window.__hookAtDcl = null;
      document.addEventListener('DOMContentLoaded', () => { window.__hookAtDcl = window['multichainWallet:late'].bridge !== undefined; });
      window.__early = { ethereum: typeof window.ethereum, unisat: typeof window.unisat, tronWeb: typeof window.tronWeb };
      window.__unisat = window.unisat.getAccounts().then((r) => ({ result: r }), (e) => ({ error: String(e && e.message) }));`;
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><head><script>${script}</script></head><body>dapp</body></html>`));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => typeof (window as unknown as { tronWeb?: unknown }).tronWeb === 'object', { timeout: 30_000 });
    const seen = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown> & { ethereum: { request: (a: { method: string }) => Promise<string> } };
      return { early: w.__early, hookAtDcl: w.__hookAtDcl, unisat: await (w.__unisat as Promise<unknown>), chainId: await w.ethereum.request({ method: 'eth_chainId' }) };
    });
    expect(seen.early).toEqual({ ethereum: 'object', unisat: 'object', tronWeb: 'undefined' });
    expect(seen.hookAtDcl).toBe(true);
    expect(seen.unisat).toEqual({ result: [] });
    expect(seen.chainId).toMatch(/^0x[0-9a-f]+$/);
  });
});
