/**
 * Firefox smoke test: Debian firefox-esr, driven over WebDriver BiDi by puppeteer-core,
 * installs the Firefox build and opens the wallet's onboarding and popup pages for real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIREFOX_DIR = resolve(process.cwd(), '.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const UUID = '6f1c2a4e-9b7d-4c3e-8a51-2d0e7f9b3c11';

describe('Firefox build', () => {
  let browser: Browser;
  let geckoId: string;
  beforeAll(async () => {
    if (!existsSync(`${FIREFOX_DIR}/manifest.json`)) throw new Error('Run npm run build:firefox first');
    geckoId = JSON.parse(readFileSync(`${FIREFOX_DIR}/manifest.json`, 'utf8')).browser_specific_settings.gecko.id;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Lets WebDriver BiDi open moz-extension:// pages (Firefox refuses it otherwise).
      args: ['--remote-allow-system-access'],
      // A fixed internal UUID so the test can open moz-extension:// pages.
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }) },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('installs the extension and opens the wallet', async () => {
    const id = await browser.installExtension(FIREFOX_DIR);
    expect(id).toBe(geckoId);
    const page = await browser.newPage();
    // Firefox loads the extension page but BiDi never reports the navigation as finished, so the
    // test starts it and then waits for what the page renders.
    const open = (path: string): void => void page.goto(`moz-extension://${UUID}/${path}`).catch(() => undefined);
    // A selector poll that lands while that navigation is still committing fails with a BiDi protocol
    // error instead of polling on (seen once in CI); such an error is retried, any other is not.
    const waitFor = async (selector: string, ms = 30_000): Promise<void> => {
      const end = Date.now() + ms;
      for (;;) {
        try {
          await page.waitForSelector(selector, { timeout: Math.max(1, end - Date.now()) });
          return;
        } catch (err) {
          if (!/Protocol error/.test(String(err)) || Date.now() >= end) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    open('onboarding.html');
    await waitFor('[data-testid="import"]');
    const heading = await page.$eval('h1', (h) => h.textContent);
    expect(heading).toBe('Multichain Wallet');
    // Import a phrase: the background (Argon2id via WASM under the strict CSP) creates the vault.
    await page.click('[data-testid="import"]');
    await page.type('[data-testid="import-mnemonic"]', 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about');
    await page.click('[data-testid="import-next"]');
    await page.type('[data-testid="new-password"]', 'firefox smoke test password');
    await page.type('[data-testid="confirm-password"]', 'firefox smoke test password');
    await page.click('[data-testid="finish"]');
    await waitFor('[data-testid="onboarding-done"]');
    // The extension's own link to the popup page: the wallet shows the well-known BIP84/BIP44 addresses.
    // Home shows one account on one network; every family's address is in Receive's list.
    open('popup.html#/receive');
    await waitFor('[data-testid="receive-all-toggle"]');
    await page.click('[data-testid="receive-all-toggle"]');
    await waitFor('[data-testid="account-bitcoin"] [data-testid="address"]');
    const btc = await page.$eval('[data-testid="account-bitcoin"] [data-testid="address"]', (e) => e.textContent);
    expect(btc).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
    const evm = await page.$eval('[data-testid="account-evm"] [data-testid="address"]', (e) => e.textContent);
    expect(evm).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });
});
