/**
 * Settings → Node endpoints as a user works it: open the Settings tab and the section (if folded),
 * choose the family and network, type the URL and save. `setEndpoint` also waits for "Saved";
 * `fillEndpoint` leaves the outcome (an error message, say) to the test.
 */
import type { Page } from 'playwright-core';

export async function openEndpoints(popup: Page): Promise<void> {
  await popup.getByTestId('tab-settings').click();
  const section = popup.getByTestId('section-endpoints');
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open))) await popup.getByTestId('open-endpoints').click();
}

export async function fillEndpoint(popup: Page, family: string, network: string, url: string): Promise<void> {
  await openEndpoints(popup);
  await popup.getByTestId('endpoint-family').selectOption(family);
  await popup.getByTestId('endpoint-network').selectOption(network);
  await popup.getByTestId('endpoint-url').fill(url);
  await popup.getByTestId('endpoint-save').click();
}

export async function setEndpoint(popup: Page, family: string, network: string, url: string, timeout = 30_000): Promise<void> {
  await fillEndpoint(popup, family, network, url);
  await popup.getByTestId('endpoint-saved').waitFor({ timeout });
}
