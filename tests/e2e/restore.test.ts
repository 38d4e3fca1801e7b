/**
 * Forgot password → restore from the recovery phrase, from the unlock screen: a clear warning, a
 * bad phrase changes nothing (the old password still unlocks), a good one replaces the vault.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWallet, importWallet, type Wallet } from './support/chromium';
import { DEV_MNEMONIC } from '../support/anvil';
import { addressOf } from './support/home';

const OLD_PASSWORD = 'the old password nobody remembers';
const NEW_PASSWORD = 'a brand new long password 13';
const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

describe('unlock → restore from the recovery phrase', () => {
  let wallet: Wallet;
  beforeAll(async () => {
    wallet = await launchWallet();
    await importWallet(wallet, DEV_MNEMONIC, OLD_PASSWORD);
  });
  afterAll(async () => {
    await wallet?.close();
  });

  it('warns, leaves the wallet alone on a bad phrase, replaces it with a good one', async () => {
    const popup = await wallet.openPage('popup.html');
    await popup.getByTestId('account-chip').waitFor({ timeout: 30_000 });
    const before = await addressOf(popup, 'evm');
    await popup.getByTestId('lock').click();
    const opened = wallet.context.waitForEvent('page');
    await popup.getByTestId('forgot-password').click();
    const page = await opened;
    await page.waitForURL(/onboarding\.html\?restore=1/);
    await page.setViewportSize({ width: 800, height: 900 });
    expect(await page.getByTestId('restore-warning').textContent()).toContain('replaces the wallet on this device');

    // A phrase that fails its checksum: refused, and the old vault still unlocks with the old password.
    await page.getByTestId('import-mnemonic').fill(ABANDON.replace(/about$/, 'abandon'));
    await page.getByTestId('import-next').click();
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('confirm-password').fill(NEW_PASSWORD);
    await page.getByTestId('finish').click();
    await expect.poll(() => page.getByTestId('error').textContent(), { timeout: 30_000 }).not.toBe('');
    await popup.reload();
    await popup.getByTestId('unlock-password').fill(OLD_PASSWORD);
    await popup.getByTestId('unlock').click();
    await expect.poll(() => addressOf(popup, 'evm'), { timeout: 30_000 }).toBe(before);
    await popup.getByTestId('lock').click();

    // The right phrase and a new password: the new wallet replaces the old one.
    await page.reload();
    await page.getByTestId('import-mnemonic').fill(ABANDON);
    await page.getByTestId('import-next').click();
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('confirm-password').fill(NEW_PASSWORD);
    await page.getByTestId('finish').click();
    await page.getByTestId('onboarding-done').waitFor({ timeout: 30_000 });
    await popup.reload();
    await expect.poll(() => addressOf(popup, 'evm'), { timeout: 30_000 }).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
    await popup.getByTestId('lock').click();
    await popup.getByTestId('unlock-password').fill(OLD_PASSWORD);
    await popup.getByTestId('unlock').click();
    await expect.poll(() => popup.getByTestId('error').textContent(), { timeout: 30_000 }).toContain('Incorrect password');
    await popup.getByTestId('unlock-password').fill(NEW_PASSWORD);
    await popup.getByTestId('unlock').click();
    await popup.getByTestId('account-chip').waitFor({ timeout: 30_000 });
    await page.close();
    await popup.close();
  });
});
