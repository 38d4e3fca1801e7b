/**
 * The setup steps most e2e files share, in one place: import a phrase and open the popup on Home,
 * open a dApp page and wait for its script, write the wallet's network settings before a test starts.
 * Each does what a user (or the test's own setup) did before, unchanged.
 */
import type { Page } from 'playwright-core';
import { importWallet, type Wallet } from './chromium';
import { waitForHome } from './home';

/** Opens the popup and waits until Home has the account's addresses. */
export async function openHome(wallet: Wallet): Promise<Page> {
  const popup = await wallet.openPage('popup.html');
  await waitForHome(popup);
  return popup;
}

/** Imports `mnemonic` through onboarding, then opens the popup on Home. */
export async function importAndOpenHome(wallet: Wallet, mnemonic: string, password: string): Promise<Page> {
  await importWallet(wallet, mnemonic, password);
  return openHome(wallet);
}

/** Opens a dApp page in the wallet's browser and waits until its test script (window.dapp) is ready. */
export async function openDapp(wallet: Wallet, url: string): Promise<Page> {
  const page = await wallet.context.newPage();
  await page.goto(url);
  await waitForDapp(page);
  return page;
}

/** Waits for the dApp page's test script (window.dapp), e.g. after a reload. */
export async function waitForDapp(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { dapp?: unknown }).dapp !== undefined);
}

/** Writes settings into the extension's storage.local from its service worker (network selection, node URLs). */
export async function setStorage(wallet: Wallet, values: Record<string, unknown>): Promise<void> {
  await wallet.worker.evaluate(async (v) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome;
    await c.storage.local.set(v);
  }, values);
}
