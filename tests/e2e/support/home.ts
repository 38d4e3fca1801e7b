/**
 * Home shows one account on one network; every family's address lives in Receive. These helpers are
 * how tests wait for Home and read an address as a user would find it: the Receive tab, then its
 * "Your addresses" list (the row of the family, its derivation path, EOS's legacy key).
 */
import type { Page } from 'playwright-core';

/** Waits until Home has the account's addresses (the popup is unlocked and its first data is in). */
export async function waitForHome(popup: Page, timeout = 30_000): Promise<void> {
  await popup.locator('[data-testid="home-hero"][data-accounts="ready"]').waitFor({ timeout });
}

/** Row id of Receive's address list: a family ('evm', 'bitcoin', …) or 'polkadot-kusama'. */
export type AddressRow = 'evm' | 'bitcoin' | 'solana' | 'tron' | 'aptos' | 'polkadot' | 'polkadot-kusama' | 'eos';
type Part = 'address' | 'path' | 'alt';
const PART_SELECTOR: Record<Part, string> = { address: '[data-testid="address"]', path: '.path', alt: '[data-testid="alt-address"]' };

/**
 * The selected account's address (or its derivation path, or EOS's legacy key) for one family, read
 * from Receive's address list. The tab the popup was on is opened again afterwards, so a test can
 * read an address in the middle of a flow on Home (an open sheet is closed first).
 */
export async function addressOf(popup: Page, row: AddressRow, part: Part = 'address'): Promise<string | null> {
  // An open sheet (accounts, networks) covers the navigation: close it as a user would.
  if ((await popup.locator('dialog[open]').count()) > 0) {
    await popup.keyboard.press('Escape');
    await popup.locator('dialog[open]').waitFor({ state: 'detached' });
  }
  const current = await popup.locator('.bottom-nav [aria-current="page"]').getAttribute('data-testid');
  await popup.getByTestId('tab-receive').click();
  const list = popup.getByTestId('receive-all');
  await list.waitFor({ timeout: 30_000 });
  if ((await list.getAttribute('open')) === null) await popup.getByTestId('receive-all-toggle').click();
  const text = await list.getByTestId(`account-${row}`).locator(PART_SELECTOR[part]).textContent({ timeout: 30_000 });
  if (current && current !== 'tab-receive') await popup.getByTestId(current).click();
  return text;
}
