/**
 * Firefox smoke test: Debian firefox-esr, driven over WebDriver BiDi by puppeteer-core,
 * installs the Firefox build and opens the wallet's onboarding and popup pages for real.
 */
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
  afterAll(async () => {
    await browser?.close();
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
});
