/**
 * The popup wallet end to end, as a user clicks and types, in real Chromium against anvil:
 * networks (custom RPC checked with eth_chainId), balances (cached, refreshed, RPC failures
 * explained with Retry), receive, send (native and ERC-20: checksum, address book, insufficient
 * funds before signing, review with fee edit and risk warnings, status until confirmed),
 * activity, connected sites (revoke one, all), settings surviving a browser restart, reveal
 * secret behind the password (cleared on leave and lock), change password, reset. Then the
 * same wallet in 简体中文 from the browser locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { encodeFunctionData, erc20Abi, decodeFunctionResult, formatEther, getAddress, type Hex } from 'viem';
import { launchWallet, dumpAllStorage, importWallet, type Wallet } from './support/chromium';
import { startDappServer, type DappServer } from './support/dappServer';
import { startAnvil, DEV_MNEMONIC, type AnvilInstance } from '../support/anvil';
import { tinyErc20Bytecode } from '../families/evm/fixtures/tinyErc20';
import { pickNetwork } from './support/popupNav';
import { waitForHome } from './support/home';
import { openDapp, importAndOpenHome } from './support/flows';

const PASSWORD = 'popup e2e password 2024';
const NEW_PASSWORD = 'another long passphrase 77';
const CHAIN_ID = 1338;
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'; // anvil account 2
const CAROL = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'; // anvil account 3

/** A JSON-RPC proxy in front of anvil that the test can make rate-limited (429) or unreachable. */
interface RpcProxy {
  url: string;
  mode: 'ok' | '429' | 'down';
  stop(): Promise<void>;
}

async function startRpcProxy(target: string): Promise<RpcProxy> {
  const proxy: RpcProxy = { url: '', mode: 'ok', stop: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if (proxy.mode === 'down') {
        req.socket.destroy();
        return;
      }
      if (proxy.mode === '429') {
        res.writeHead(429, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('Too Many Requests');
        return;
      }
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
        async (r) => res.writeHead(r.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(await r.text()),
        () => res.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () => new Promise<void>((r) => server.close(() => r()));
  return proxy;
}


/** Flips the case of the first letter in an address: same bytes, broken EIP-55 checksum. */
function breakChecksum(a: string): string {
  const i = [...a].findIndex((c, k) => k > 1 && /[a-fA-F]/.test(c));
  const c = a[i]!;
  return a.slice(0, i) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + a.slice(i + 1);
}

async function addNetwork(popup: Page, name: string, rpcUrl: string, chainId: number): Promise<void> {
  await popup.getByTestId('net-name').fill(name);
  await popup.getByTestId('net-rpcUrl').fill(rpcUrl);
  await popup.getByTestId('net-chainId').fill(String(chainId));
  await popup.getByTestId('add-network').click();
}

async function selectNetwork(popup: Page, label: RegExp): Promise<void> {
  await pickNetwork(popup, label);
}

/** The exact balance (the row's title; the visible text may be shortened). */
const balanceText = (popup: Page, symbol: string): Promise<string | null> =>
  popup.getByTestId(`balance-${symbol}`).getByTestId('amount').getAttribute('title', { timeout: 1000 }).catch(() => null);

describe('popup wallet (English), against anvil', () => {
  let wallet: Wallet;
  let anvil: AnvilInstance;
  let proxy: RpcProxy;
  let server: DappServer;
  let token: Hex;
  let popup: Page;
  let ethBalance: string;
  const profile = mkdtempSync(join(tmpdir(), 'wallet-profile-'));

  const tokenBalance = async (owner: string): Promise<bigint> =>
    decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: await anvil.rpc<Hex>('eth_call', [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner as Hex] }) }, 'latest']) });

  beforeAll(async () => {
    [anvil, server] = await Promise.all([startAnvil({ chainId: CHAIN_ID }), startDappServer(['evm-dapp'])]);
    proxy = await startRpcProxy(anvil.url);
    const deployer = anvil.accounts[0]!.address;
    const hash = await anvil.rpc<Hex>('eth_sendTransaction', [{ from: deployer, data: tinyErc20Bytecode({ name: 'Test Token', symbol: 'TT', decimals: 6, totalSupply: 1_000_000_000_000n }) }]);
    let receipt: { contractAddress: Hex } | null = null;
    for (let i = 0; i < 100 && !receipt; i++) {
      receipt = await anvil.rpc<{ contractAddress: Hex } | null>('eth_getTransactionReceipt', [hash]);
      if (!receipt) await new Promise((r) => setTimeout(r, 50));
    }
    token = getAddress(receipt!.contractAddress);
    ethBalance = formatEther(BigInt(await anvil.rpc<string>('eth_getBalance', [deployer, 'latest'])));
    wallet = await launchWallet({ userDataDir: profile });
    popup = await importAndOpenHome(wallet, DEV_MNEMONIC, PASSWORD);
  });

  afterAll(async () => {
    await wallet?.close();
    await proxy?.stop();
    await anvil?.stop();
    await server?.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('adds a custom network only when its RPC serves the declared chain id, then shows its balances', async () => {
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-networks').click();
    await addNetwork(popup, 'Anvil', proxy.url, 999);
    await expect.poll(() => popup.getByTestId('network-error').textContent()).toMatch(/Chain ID mismatch: this RPC serves chain 1338, not 999/);
    await popup.getByTestId('net-chainId').fill(String(CHAIN_ID));
    await popup.getByTestId('add-network').click();
    await expect.poll(() => popup.getByTestId('network-msg').textContent()).toContain('Anvil was added');
    expect(await popup.getByTestId('network-list').textContent()).toContain('Local devnet');

    await selectNetwork(popup, /^Anvil/);
    await popup.getByTestId('tab-assets').click();
    await expect.poll(() => balanceText(popup, 'ETH'), { timeout: 15_000 }).toBe(ethBalance);
    await expect.poll(() => popup.getByTestId('balances-status').textContent()).toBe('Up to date');
  });

  it('paints cached balances at once, explains a rate-limited or unreachable RPC, and retries', async () => {
    proxy.mode = '429';
    await popup.reload();
    // The cached value is on screen although the node refuses every request.
    await expect.poll(() => balanceText(popup, 'ETH'), { timeout: 15_000 }).toBe(ethBalance);
    await expect.poll(() => popup.getByTestId('balances-error').textContent(), { timeout: 15_000 }).toMatch(/rate-limiting requests/);
    expect(await popup.getByTestId('balances-error').textContent()).toContain('Showing the balances saved at');

    proxy.mode = 'down';
    await popup.getByTestId('balances-retry').click();
    await expect.poll(() => popup.getByTestId('balances-error').textContent(), { timeout: 20_000 }).toMatch(/could not be reached/);

    proxy.mode = 'ok';
    await popup.getByTestId('balances-retry').click();
    await expect.poll(() => popup.getByTestId('balances-error').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => popup.getByTestId('balances-status').textContent()).toBe('Up to date');

    // A watched ERC-20 joins the same batched refresh.
    await popup.getByTestId('add-token').click();
    await popup.getByTestId('token-address').fill(token);
    await popup.getByTestId('add-token-submit').click();
    await expect.poll(() => balanceText(popup, 'TT'), { timeout: 15_000 }).toBe('1000000');
  });

  it('receive: shows the keyring-derived address with a copy button; Bitcoin names its address type', async () => {
    await popup.getByTestId('tab-receive').click();
    await expect.poll(() => popup.getByTestId('receive-address').textContent()).toBe(anvil.accounts[0]!.address);
    // The QR code encodes that address (qrcode-generator's matrix, drawn as SVG).
    expect(await popup.getByTestId('receive-qr').getAttribute('aria-label')).toContain(anvil.accounts[0]!.address);
    expect((await popup.getByTestId('receive-qr').locator('path').getAttribute('d'))!.length).toBeGreaterThan(500);
    await popup.getByTestId('receive-copy').click();
    await expect.poll(() => popup.getByTestId('receive-copy').textContent()).toBe('Copied');
    // The copy really reached the clipboard: paste it into a field.
    await popup.evaluate(() => {
      const i = document.createElement('input');
      i.id = 'paste-here';
      document.body.append(i);
      i.focus();
    });
    await popup.keyboard.press('ControlOrMeta+V');
    expect(await popup.locator('#paste-here').inputValue()).toBe(anvil.accounts[0]!.address);
    await popup.evaluate(() => document.getElementById('paste-here')?.remove());
    await popup.getByTestId('receive-family').selectOption('bitcoin:mainnet');
    expect(await popup.getByTestId('receive-scheme').textContent()).toContain('Native SegWit');
    expect(await popup.getByTestId('receive-address').textContent()).toMatch(/^bc1q/);
  });

  it('address book: validates entries and refuses a list tampered with outside the wallet', async () => {
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-addressbook').click();
    await popup.getByTestId('contact-name').fill('Bob');
    await popup.getByTestId('contact-address').fill(breakChecksum(BOB));
    await popup.getByTestId('add-contact').click();
    await expect.poll(() => popup.getByTestId('contact-error').textContent()).toMatch(/checksum error/);
    await popup.getByTestId('contact-address').fill(BOB);
    await popup.getByTestId('add-contact').click();
    await expect.poll(() => popup.getByTestId('contact').count()).toBe(1);

    // Someone rewrites Bob's address in storage.local: the list is no longer trusted.
    type Local = { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    const original = await wallet.worker.evaluate(async () => {
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      return (await local.get('addressBook')).addressBook as { entries: Array<{ address: string }>; mac: string };
    });
    await wallet.worker.evaluate(async (a) => {
      const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      await local.set({ addressBook: { ...a, entries: a.entries.map((e) => ({ ...e, address: '0x0000000000000000000000000000000000000bad' })) } });
    }, original);
    await popup.reload();
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-addressbook').click();
    await popup.getByTestId('addressbook-tampered').waitFor();
    expect(await popup.getByTestId('contact').count()).toBe(0);
    // Restore the genuine record for the send test.
    await wallet.worker.evaluate(async (a) => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({ addressBook: a }), original);
  });

  it('send ETH: checksum explained, address-book pick, insufficient funds before signing, review with fee edit and risk warning, confirmed', async () => {
    // A 5 ETH warning threshold.
    await popup.reload();
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-general').click();
    await popup.getByTestId('risk-limits').fill('ETH=5, TT=100');
    await popup.getByTestId('save-risk').click();
    await expect.poll(() => popup.getByTestId('settings-msg').textContent()).toBe('Saved');

    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(breakChecksum(BOB));
    await expect.poll(() => popup.getByTestId('send-to-check').textContent()).toMatch(/checksum error/);
    await popup.getByTestId('send-book').selectOption(BOB);
    expect(await popup.getByTestId('send-to').inputValue()).toBe(BOB);
    await expect.poll(() => popup.getByTestId('send-to-check').textContent()).toBe('');

    const bobBefore = BigInt(await anvil.rpc<string>('eth_getBalance', [BOB, 'latest']));
    await popup.getByTestId('send-amount').fill('20000');
    await popup.getByTestId('send-review').click();
    await expect.poll(() => popup.getByTestId('send-error').textContent(), { timeout: 15_000 }).toMatch(/Not enough ETH: .* Nothing was signed/);
    expect(await popup.getByTestId('review').count()).toBe(0);

    await popup.getByTestId('send-amount').fill('6');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 15_000 });
    expect(await popup.getByTestId('review-amount').textContent()).toBe('6 ETH');
    expect(await popup.getByTestId('review-to').textContent()).toBe(BOB);
    expect(await popup.getByTestId('warning-LARGE_TRANSFER').textContent()).toMatch(/Large transfer: 6 ETH/);
    const feeBefore = await popup.getByTestId('review-fee').textContent();
    expect(feeBefore).toMatch(/ETH$/);
    expect(await popup.getByTestId('fee-gas').inputValue()).toBe('21000');
    // Edit the fee: a higher gas limit raises the max network fee.
    await popup.getByTestId('edit-fee').click();
    await popup.getByTestId('fee-gas').fill('42000');
    await popup.getByTestId('fee-apply').click();
    await expect.poll(() => popup.getByTestId('review-fee').textContent()).not.toBe(feeBefore);
    expect(await popup.getByTestId('fee-gas').inputValue()).toBe('42000');

    await popup.getByTestId('send-confirm').click();
    await expect.poll(() => popup.getByTestId('send-status').textContent(), { timeout: 30_000 }).toBe('Confirmed');
    expect(await popup.getByTestId('send-hash').textContent()).toMatch(/^0x[0-9a-f]{64}$/);
    expect(BigInt(await anvil.rpc<string>('eth_getBalance', [BOB, 'latest'])) - bobBefore).toBe(6n * 10n ** 18n);
  });

  it('send ERC-20 and Max: token transfer confirmed; Max leaves exactly the fee', async () => {
    await popup.getByTestId('send-done').click();
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-asset').selectOption(token);
    await popup.getByTestId('send-to').fill(CAROL);
    await popup.getByTestId('send-amount').fill('1.5');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 15_000 });
    expect(await popup.getByTestId('review-amount').textContent()).toBe('1.5 TT');
    await popup.getByTestId('send-confirm').click();
    await expect.poll(() => popup.getByTestId('send-status').textContent(), { timeout: 30_000 }).toBe('Confirmed');
    expect(await tokenBalance(CAROL)).toBe(1_500_000n);

    // Too many decimals for a 6-decimal token is refused with the reason.
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-asset').selectOption(token);
    await popup.getByTestId('send-to').fill(CAROL);
    await popup.getByTestId('send-amount').fill('0.0000001');
    await popup.getByTestId('send-review').click();
    await expect.poll(() => popup.getByTestId('send-error').textContent()).toMatch(/this asset has 6/);

    // Max of ETH: the review shows balance minus the max network fee (nothing sent).
    await popup.getByTestId('send-asset').selectOption({ index: 0 });
    await popup.getByTestId('send-max').click();
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 15_000 });
    const amount = Number((await popup.getByTestId('review-amount').textContent())!.replace(' ETH', ''));
    expect(amount).toBeGreaterThan(9993);
    expect(amount).toBeLessThan(9994);
    await popup.getByTestId('send-back').click();
  });

  it('activity lists both sends with status, amount and network', async () => {
    await popup.getByTestId('tab-activity').click();
    // The two transfers sent earlier, and (read from anvil's logs) the test token minted to this account at deployment.
    await expect.poll(() => popup.locator('[data-testid="activity-item"][data-direction="out"]').count()).toBe(2);
    await expect.poll(() => popup.locator('[data-testid="activity-item"][data-direction="in"]').count(), { timeout: 20_000 }).toBe(1);
    const items = popup.getByTestId('activity-item');
    expect(await items.nth(0).getByTestId('activity-amount').textContent()).toBe('−1.5 TT');
    expect(await items.nth(1).getByTestId('activity-amount').textContent()).toBe('−6 ETH');
    expect(await items.nth(0).getByTestId('activity-status').textContent()).toBe('Confirmed');
    expect(await items.nth(1).getByTestId('activity-network').textContent()).toBe('Anvil');
    expect(await items.nth(0).locator('time').textContent()).toMatch(/\d/);
  });

  it('connected sites: lists each origin with accounts and date; revokes one, then all', async () => {
    for (const host of ['127.0.0.1', 'localhost'] as const) {
      const page = await openDapp(wallet, server.url('evm-dapp', host));
      const result = page.evaluate(() => (window as unknown as { dapp: { call: (m: string) => Promise<unknown> } }).dapp.call('eth_requestAccounts'));
      let win: Page | undefined;
      for (const deadline = Date.now() + 30_000; !win && Date.now() < deadline; ) {
        for (const p of wallet.context.pages().filter((x) => x.url().includes('/approval.html'))) if (await p.getByTestId('approval').isVisible().catch(() => false)) win = p;
        if (!win) await new Promise((r) => setTimeout(r, 100));
      }
      await win!.getByTestId('approve').click();
      // dApps receive the lower-case address (as from MetaMask, issue 19).
      expect(await result).toEqual({ result: [anvil.accounts[0]!.address.toLowerCase()] });
      await page.close();
    }
    await popup.getByTestId('tab-sites').click();
    await expect.poll(() => popup.getByTestId('site').count()).toBe(2);
    const text = await popup.getByTestId('sites').textContent();
    expect(text).toContain(`http://127.0.0.1:${server.port}`);
    expect(text).toContain(`http://localhost:${server.port}`);
    expect(text).toContain('Connected');
    await popup.getByTestId('site').filter({ hasText: 'localhost' }).getByTestId('site-revoke').click();
    await expect.poll(() => popup.getByTestId('site').count()).toBe(1);
    await popup.getByTestId('revoke-all').click();
    await popup.getByTestId('revoke-all-confirm').click();
    await popup.getByTestId('sites-empty').waitFor();
  });

  it('settings (language, auto-lock) and the activity survive a browser restart', async () => {
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-general').click();
    await popup.getByTestId('autolock-minutes').fill('7');
    await popup.getByTestId('save-autolock').click();
    await expect.poll(() => popup.getByTestId('settings-msg').textContent()).toBe('Saved');
    await popup.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => popup.getByTestId('tab-assets').textContent()).toBe('资产');

    await wallet.close();
    wallet = await launchWallet({ userDataDir: profile });
    popup = await wallet.openPage('popup.html');
    await popup.getByTestId('unlock-password').fill(PASSWORD);
    await popup.getByTestId('unlock').click();
    await waitForHome(popup);
    expect(await popup.getByTestId('tab-send').textContent()).toBe('发送');
    await popup.getByTestId('tab-activity').click();
    // The two transfers sent earlier, and (read from anvil's logs) the test token minted to this account at deployment.
    await expect.poll(() => popup.locator('[data-testid="activity-item"][data-direction="out"]').count()).toBe(2);
    await expect.poll(() => popup.locator('[data-testid="activity-item"][data-direction="in"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await popup.getByTestId('activity-status').first().textContent()).toBe('已确认');
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-general').click();
    expect(await popup.getByTestId('autolock-minutes').inputValue()).toBe('7');
    // 简体中文 errors: a checksum mistake on the send screen.
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(breakChecksum(BOB));
    await expect.poll(() => popup.getByTestId('send-to-check').textContent()).toMatch(/地址校验失败/);
  });

  it('reveals the recovery phrase behind the password, blurred first; clears it on leaving and on lock', async () => {
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-secrets').click();
    expect(await popup.getByTestId('secret-risk').isVisible()).toBe(true);
    const input = popup.getByTestId('secret-password');
    expect(await input.getAttribute('type')).toBe('password');
    expect(await input.getAttribute('autocomplete')).toBe('off');
    expect(await input.getAttribute('spellcheck')).toBe('false');
    await popup.getByTestId('secret-ack').check();
    await input.fill('wrong password');
    await popup.getByTestId('secret-reveal').click();
    await expect.poll(() => popup.getByTestId('secret-error').textContent()).toBe('密码错误。');
    await input.fill(PASSWORD);
    await popup.getByTestId('secret-reveal').click();
    await popup.getByTestId('secret').waitFor();
    expect(await popup.getByTestId('secret').textContent()).not.toContain('junk');
    await popup.getByTestId('secret-toggle').click();
    expect(await popup.getByTestId('secret').textContent()).toBe(DEV_MNEMONIC);
    // Leaving the screen drops it.
    await popup.getByTestId('tab-assets').click();
    expect(await popup.content()).not.toContain('test junk');
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-secrets').click();
    expect(await popup.getByTestId('secret').count()).toBe(0);
    // Revealed again, then locked: gone, and the unlock screen shows.
    await popup.getByTestId('secret-ack').check();
    await popup.getByTestId('secret-password').fill(PASSWORD);
    await popup.getByTestId('secret-reveal').click();
    await popup.getByTestId('secret-toggle').click();
    expect(await popup.getByTestId('secret').textContent()).toBe(DEV_MNEMONIC);
    await popup.getByTestId('lock').click();
    await popup.getByTestId('unlock-password').waitFor();
    expect(await popup.content()).not.toContain('test junk');
  });

  it('changes the password (old one refused afterwards), then resets the wallet after confirmation', async () => {
    await popup.getByTestId('unlock-password').fill(PASSWORD);
    await popup.getByTestId('unlock').click();
    // Back where the user was (the settings tab), behind the lock.
    await popup.getByTestId('open-password').waitFor({ timeout: 30_000 });
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-password').click();
    await popup.getByTestId('old-password').fill('not it at all');
    await popup.getByTestId('new-password').fill(NEW_PASSWORD);
    await popup.getByTestId('confirm-password').fill(NEW_PASSWORD);
    await popup.getByTestId('change-password').click();
    await expect.poll(() => popup.getByTestId('password-msg').textContent(), { timeout: 30_000 }).toBe('密码错误。');
    await popup.getByTestId('old-password').fill(PASSWORD);
    await popup.getByTestId('change-password').click();
    await expect.poll(() => popup.getByTestId('password-msg').textContent(), { timeout: 30_000 }).toBe('密码已修改。');
    await popup.getByTestId('lock').click();
    await popup.getByTestId('unlock-password').fill(PASSWORD);
    await popup.getByTestId('unlock').click();
    await popup.getByTestId('error').waitFor({ timeout: 30_000 });
    await popup.getByTestId('unlock-password').fill(NEW_PASSWORD);
    await popup.getByTestId('unlock').click();
    await popup.getByTestId('tab-settings').waitFor({ timeout: 30_000 });

    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-reset').click();
    expect(await popup.getByTestId('reset-wallet').isDisabled()).toBe(true);
    await popup.getByTestId('reset-confirm-text').fill('RESET');
    await popup.getByTestId('reset-wallet').click();
    await popup.getByTestId('start-onboarding').waitFor({ timeout: 15_000 });
    const dump = await dumpAllStorage(wallet);
    expect(dump).not.toContain('argon2id');
    expect(dump).not.toContain('activity');
    expect(dump).not.toContain('addressBook');
  });
});

describe('popup wallet in 简体中文 from the browser locale', () => {
  let wallet: Wallet;
  beforeAll(async () => {
    wallet = await launchWallet({ locale: 'zh-CN' });
    await importWallet(wallet, DEV_MNEMONIC, PASSWORD);
  });
  afterAll(async () => {
    await wallet?.close();
  });

  it('shows the menu, receive, send errors and settings in Chinese, keyboard-operable at 360×600', async () => {
    const popup = await wallet.openPage('popup.html', { width: 360, height: 600 });
    await waitForHome(popup);
    expect(await popup.getByTestId('tab-assets').textContent()).toBe('资产');
    expect(await popup.getByTestId('add-token').textContent()).toBe('添加代币');
    // Every tab is reachable with the keyboard: focus the Receive tab and press Enter.
    await popup.getByTestId('tab-receive').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('receive-copy').textContent()).toBe('复制地址');
    expect(await popup.getByTestId('receive-address').textContent()).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill('0xf39fd6e51aad88F6F4ce6aB8827279cffFb92266');
    await expect.poll(() => popup.getByTestId('send-to-check').textContent()).toMatch(/地址校验失败/);
    await popup.getByTestId('send-amount').fill('abc');
    await popup.getByTestId('send-to').fill('not an address');
    await popup.getByTestId('send-review').click();
    await expect.poll(() => popup.getByTestId('send-error').textContent()).toBe('这不是此链的有效地址。');
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-networks').click();
    await addNetwork(popup, 'Bad', 'http://example.com', 5);
    await expect.poll(() => popup.getByTestId('network-error').textContent()).toBe('请使用 https:// 地址（仅本机允许 http://）。');
    // Nothing overflows the popup's width.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Every button and form control has an accessible name.
    const unnamed = await popup.evaluate(() =>
      [...document.querySelectorAll('button, input, select, summary')].filter((el) => {
        const e = el as HTMLElement;
        const labelled = e.getAttribute('aria-label') || e.closest('label') || (e.id && document.querySelector(`label[for="${e.id}"]`));
        return !labelled && !(e.textContent ?? '').trim();
      }).length,
    );
    expect(unnamed).toBe(0);
  });
});
