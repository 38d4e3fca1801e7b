/**
 * The popup's account and network pickers as a user works them: open the sheet from the top bar,
 * (for networks) show testnets, and click the row. Used wherever tests picked from the former <select>s.
 */
import type { Page } from 'playwright-core';

/** Picks the network whose row text matches `label` (a RegExp on the name, or the chain option id). */
export async function pickNetwork(popup: Page, label: RegExp | string): Promise<void> {
  await popup.getByTestId('network-chip').click();
  const sheet = popup.getByTestId('network-sheet');
  await sheet.waitFor();
  const testnets = sheet.getByTestId('network-testnets');
  if (!(await testnets.isChecked())) await testnets.check();
  const options = sheet.locator('[data-testid^="network-option-"]');
  const rows = await options.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-testid')!.slice('network-option-'.length), text: e.querySelector('.li-title')?.textContent ?? '' })));
  const hit = rows.find((r) => (typeof label === 'string' ? r.id === label : label.test(r.text)));
  if (!hit) throw new Error(`no network matching ${String(label)}: ${rows.map((r) => r.text).join(', ')}`);
  await sheet.getByTestId(`network-option-${hit.id}`).click();
  await popup.waitForFunction((id) => document.querySelector('[data-testid="network-chip"]')?.getAttribute('data-active') === id, hit.id);
}

/** The network options' names, as the sheet lists them (testnets shown). */
export async function networkNames(popup: Page): Promise<string[]> {
  await popup.getByTestId('network-chip').click();
  const sheet = popup.getByTestId('network-sheet');
  const testnets = sheet.getByTestId('network-testnets');
  if (!(await testnets.isChecked())) await testnets.check();
  const names = await sheet.locator('[data-testid^="network-option-"] .li-title').allTextContents();
  await sheet.getByTestId('network-sheet-close').click();
  return names;
}

/** The chain option ids the network sheet lists ('evm:1', 'eos:custom'…), testnets shown (closes the sheet again). */
export async function networkIds(popup: Page): Promise<string[]> {
  await popup.getByTestId('network-chip').click();
  const sheet = popup.getByTestId('network-sheet');
  const testnets = sheet.getByTestId('network-testnets');
  if (!(await testnets.isChecked())) await testnets.check();
  const ids = await sheet.locator('[data-testid^="network-option-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('network-option-'.length)));
  await sheet.getByTestId('network-sheet-close').click();
  return ids;
}

/** The active chain option id, as the network chip shows it. */
export function activeNetwork(popup: Page): Promise<string | null> {
  return popup.getByTestId('network-chip').getAttribute('data-active');
}

/** Opens the account sheet (wallets, accounts, add, manage). */
export async function openAccounts(popup: Page): Promise<void> {
  if (await popup.getByTestId('account-sheet').isVisible().catch(() => false)) return;
  await popup.getByTestId('account-chip').click();
  await popup.getByTestId('account-sheet').waitFor();
}

/** The visible account names in the account sheet, in order (closes the sheet again). */
export async function accountNames(popup: Page): Promise<string[]> {
  await openAccounts(popup);
  const names = await popup.getByTestId('account-options').locator('.li-title').allTextContents();
  await popup.getByTestId('account-sheet-close').click();
  return names;
}

/** Settings → Networks: adds an EVM network as a user types it, and waits for "<name> was added". */
export async function addEvmNetwork(popup: Page, name: string, rpcUrl: string, chainId: number): Promise<void> {
  await popup.getByTestId('tab-settings').click();
  await popup.getByTestId('open-networks').click();
  await popup.getByTestId('net-name').fill(name);
  await popup.getByTestId('net-rpcUrl').fill(rpcUrl);
  await popup.getByTestId('net-chainId').fill(String(chainId));
  await popup.getByTestId('add-network').click();
  await popup.getByTestId('network-msg').filter({ hasText: `${name} was added` }).waitFor();
}

/** Add token on the balances screen: watches the ERC-20 at `address` and waits for its balance row. */
export async function watchToken(popup: Page, address: string, symbol: string): Promise<void> {
  await popup.getByTestId('add-token').click();
  await popup.getByTestId('token-address').fill(address);
  await popup.getByTestId('add-token-submit').click();
  await popup.getByTestId(`balance-${symbol}`).waitFor({ timeout: 20_000 });
}
