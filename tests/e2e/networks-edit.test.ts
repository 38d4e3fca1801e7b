/**
 * Editing a built-in network's RPC (issue 13, item 6), in real Chromium against anvil: Ethereum's
 * public RPC replaced by a local anvil serving chain 1 (as a user in mainland China replaces a
 * blocked RPC) and its balances read from it; a node serving another chain id refused with nothing
 * changed; the explorer URL edited; "Reset to default" restores the built-in RPC and explorer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatEther } from 'viem';
import { launchWallet, type Wallet } from './support/chromium';
import { startAnvil, DEV_MNEMONIC, type AnvilInstance } from '../support/anvil';
import { pickNetwork } from './support/popupNav';
import { importAndOpenHome } from './support/flows';

const PASSWORD = 'networks edit e2e 2024';

/** What the background stored for EVM networks (storage.local `evm`). */
async function storedEvm(wallet: Wallet): Promise<{ activeChainId?: number; edits?: Record<string, { rpcUrl?: string; explorer?: string | null }> }> {
  return wallet.worker.evaluate(async () => {
    type Local = { get(k: string): Promise<Record<string, unknown>> };
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    return ((await local.get('evm')).evm ?? {}) as { activeChainId?: number; edits?: Record<string, { rpcUrl?: string; explorer?: string | null }> };
  });
}

const balanceText = (popup: Page, symbol: string): Promise<string | null> =>
  popup.getByTestId(`balance-${symbol}`).getByTestId('amount').getAttribute('title', { timeout: 1000 }).catch(() => null);

async function openEditor(popup: Page, chainId: number): Promise<void> {
  await popup.getByTestId('tab-settings').click();
  if ((await popup.getByTestId('section-networks').getAttribute('open')) === null) await popup.getByTestId('open-networks').click();
  if ((await popup.getByTestId(`edit-network-form-${chainId}`).count()) === 0) await popup.getByTestId(`edit-network-${chainId}`).click();
  await popup.getByTestId(`edit-network-form-${chainId}`).waitFor();
}

describe('editing a built-in network', () => {
  let wallet: Wallet;
  let mainnetNode: AnvilInstance;
  let otherChain: AnvilInstance;
  let popup: Page;

  beforeAll(async () => {
    [mainnetNode, otherChain] = await Promise.all([startAnvil({ chainId: 1 }), startAnvil({ chainId: 1338 })]);
    wallet = await launchWallet();
    popup = await importAndOpenHome(wallet, DEV_MNEMONIC, PASSWORD);
  });

  afterAll(async () => {
    await wallet?.close();
    await mainnetNode?.stop();
    await otherChain?.stop();
  });

  it('refuses an RPC that serves another chain id and changes nothing', async () => {
    await openEditor(popup, 1);
    const defaultRpc = await popup.getByTestId('edit-rpc').inputValue();
    expect(defaultRpc).toMatch(/^https:\/\//);
    await popup.getByTestId('edit-rpc').fill(otherChain.url);
    await popup.getByTestId('edit-network-save').click();
    await expect.poll(() => popup.getByTestId('edit-network-error').textContent()).toBe('This RPC serves chain 1338, not 1. Nothing was changed.');
    expect((await storedEvm(wallet)).edits ?? {}).toEqual({});
    expect(await popup.getByTestId('network-edited-1').count()).toBe(0);

    await popup.getByTestId('edit-rpc').fill('http://example.com:8545');
    await popup.getByTestId('edit-network-save').click();
    await expect.poll(() => popup.getByTestId('edit-network-error').textContent()).toBe('Use an https:// address (http:// is allowed only for this computer).');
    expect((await storedEvm(wallet)).edits ?? {}).toEqual({});
  });

  it("points Ethereum at a local node serving chain 1 and shows its balances from there", async () => {
    await openEditor(popup, 1);
    await popup.getByTestId('edit-rpc').fill(mainnetNode.url);
    await popup.getByTestId('edit-explorer').fill('https://explorer.example/');
    await popup.getByTestId('edit-network-save').click();
    await expect.poll(() => popup.getByTestId('network-msg').textContent()).toBe('Ethereum now uses the new settings.');
    await popup.getByTestId('network-edited-1').waitFor();
    expect((await storedEvm(wallet)).edits).toEqual({ '1': { rpcUrl: mainnetNode.url, explorer: 'https://explorer.example' } });

    // The edit survives reopening the popup, and Ethereum's balance is anvil's.
    await popup.reload();
    await pickNetwork(popup, /^Ethereum$/);
    const expected = formatEther(BigInt(await mainnetNode.rpc<string>('eth_getBalance', [mainnetNode.accounts[0]!.address, 'latest'])));
    await popup.getByTestId('tab-assets').click();
    await expect.poll(() => balanceText(popup, 'ETH'), { timeout: 20_000 }).toBe(expected);
  });

  it('resets the built-in network to its default RPC and explorer', async () => {
    // Leave Ethereum first: after the reset its RPC is public again, and tests reach only loopback.
    await pickNetwork(popup, /^Local devnet/);
    await openEditor(popup, 1);
    expect(await popup.getByTestId('edit-rpc').inputValue()).toBe(mainnetNode.url);
    await popup.getByTestId('edit-network-reset').click();
    await expect.poll(() => popup.getByTestId('network-msg').textContent()).toBe('Ethereum is back to its default RPC and explorer.');
    expect((await storedEvm(wallet)).edits).toEqual({});
    expect(await popup.getByTestId('network-edited-1').count()).toBe(0);
    await popup.getByTestId('edit-network-1').click();
    expect(await popup.getByTestId('edit-rpc').inputValue()).toMatch(/^https:\/\//);
    expect(await popup.getByTestId('edit-rpc').inputValue()).not.toBe(mainnetNode.url);
    expect(await popup.getByTestId('edit-explorer').inputValue()).toBe('https://etherscan.io');
    // Back at its defaults: nothing left to reset.
    expect(await popup.getByTestId('edit-network-reset').count()).toBe(0);
  });

  it("resets a non-EVM network's node URL to its default", async () => {
    await popup.getByTestId('tab-settings').click();
    if ((await popup.getByTestId('section-endpoints').getAttribute('open')) === null) await popup.getByTestId('open-endpoints').click();
    await popup.getByTestId('endpoint-family').selectOption('tron');
    await popup.getByTestId('endpoint-network').selectOption('shasta');
    expect(await popup.getByTestId('endpoint-url').inputValue()).toBe('https://api.shasta.trongrid.io');
    await popup.getByTestId('endpoint-url').fill('http://127.0.0.1:9');
    await popup.getByTestId('endpoint-save').click();
    await expect.poll(() => popup.getByTestId('endpoint-saved').textContent()).toBe('Saved');
    await popup.getByTestId('endpoint-reset').click();
    await expect.poll(() => popup.getByTestId('endpoint-saved').textContent()).toBe('Back to the default node.');
    expect(await popup.getByTestId('endpoint-url').inputValue()).toBe('https://api.shasta.trongrid.io');
  });
});
