/**
 * Prices and the bundled token list end to end, in real Chromium, offline: anvil runs with Base's
 * real chain id (8453) and a tiny ERC-20 placed at Base's listed USDC address, and a loopback price
 * server speaks CoinGecko's simple/price shape. The Base network's RPC is replaced with anvil's
 * (Settings → Networks), the price API with the loopback server (Settings → General). Every host
 * name resolves to nothing but 127.0.0.1 (--host-resolver-rules), so nothing leaves the machine.
 * Shows: USDC held without adding it, with its logo; fiat per row and the headline total, exact;
 * network logos; the fee in fiat in the send preview; a failed fetch keeping the last prices with
 * their age; an http price URL refused; prices off: no request at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getAddress, pad, parseEther, toHex, type Hex } from 'viem';
import { launchWallet, importWallet, type Wallet } from './support/chromium';
import { startAnvil, DEV_MNEMONIC, type AnvilInstance } from '../support/anvil';
import { startPriceServer, type PriceServer } from '../support/priceServer';
import { tinyErc20Bytecode } from '../families/evm/fixtures/tinyErc20';
import { pickNetwork } from './support/popupNav';
import { auditScreen } from './support/uiAudit';
import { decide } from './support/approvals';
import { startDappServer } from './support/dappServer';
import { openDapp } from './support/flows';

const PASSWORD = 'prices e2e password 2024';
const BASE_CHAIN_ID = 8453;
const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
// Every host name resolves to nothing; 127.0.0.1 stays itself.
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];


async function openGeneral(popup: Page): Promise<void> {
  await popup.getByTestId('tab-settings').click();
  const section = popup.getByTestId('section-general');
  if ((await section.getAttribute('open')) === null) await popup.getByTestId('open-general').click();
}

async function setPriceApi(popup: Page, url: string): Promise<void> {
  await openGeneral(popup);
  await popup.getByTestId('price-api-url').fill(url);
  await popup.getByTestId('save-price-api').click();
}

const row = (popup: Page, symbol: string) => popup.getByTestId(`balance-${symbol}`);

/** a × b for decimal strings, computed here with bigints (independently of the wallet's code). */
function exactProduct(a: string, b: string): string {
  const [aw, af = ''] = a.split('.');
  const [bw, bf = ''] = b.split('.');
  const scale = af.length + bf.length;
  const digits = (BigInt(aw! + af) * BigInt(bw! + bf)).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

describe('prices, currency and the bundled token list (offline, loopback price API)', () => {
  let wallet: Wallet;
  let anvil: AnvilInstance;
  let prices: PriceServer;
  let popup: Page;
  let me: Hex;

  beforeAll(async () => {
    [anvil, prices] = await Promise.all([
      startAnvil({ chainId: BASE_CHAIN_ID }),
      startPriceServer({ ethereum: { usd: 3456.78, eur: 3190.5 }, 'usd-coin': { usd: 0.9999, eur: 0.92 }, tether: { usd: 1.0001 } }),
    ]);
    me = anvil.accounts[0]!.address;
    // The token's runtime code at Base's USDC address; its storage holds balance(A) at slot A.
    const deploy = await anvil.rpc<Hex>('eth_sendTransaction', [{ from: me, data: tinyErc20Bytecode({ name: 'USD Coin', symbol: 'USDC', decimals: 6, totalSupply: 10n ** 12n }) }]);
    let receipt: { contractAddress: Hex } | null = null;
    for (let i = 0; i < 100 && !receipt; i++) {
      receipt = await anvil.rpc<{ contractAddress: Hex } | null>('eth_getTransactionReceipt', [deploy]);
      if (!receipt) await new Promise((r) => setTimeout(r, 50));
    }
    const code = await anvil.rpc<Hex>('eth_getCode', [getAddress(receipt!.contractAddress), 'latest']);
    await anvil.rpc('anvil_setCode', [BASE_USDC, code]);
    await anvil.rpc('anvil_setStorageAt', [BASE_USDC, pad(me), pad(toHex(1_234_500_000n))]); // 1234.5 USDC
    await anvil.rpc('anvil_setBalance', [me, toHex(parseEther('1.5'))]);
    wallet = await launchWallet({ args: OFFLINE });
    await importWallet(wallet, DEV_MNEMONIC, PASSWORD);
    popup = await wallet.openPage('popup.html');
    await popup.getByTestId('network-chip').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await wallet?.close();
    await anvil?.stop();
    await prices?.stop();
  });

  it('refuses a plain-http price API that is not this computer, and takes the loopback one', async () => {
    await setPriceApi(popup, 'http://prices.example.org/api/v3');
    await expect.poll(() => popup.getByTestId('settings-msg').textContent()).toMatch(/https:\/\/ address for the price service/);
    await setPriceApi(popup, prices.url);
    await expect.poll(() => popup.getByTestId('settings-msg').textContent()).toBe('Saved');
  });

  it('shows listed USDC held on Base without adding it, with its logo, fiat per row and the exact total', async () => {
    await popup.getByTestId('open-networks').click();
    await popup.getByTestId('net-name').fill('Base (anvil)');
    await popup.getByTestId('net-rpcUrl').fill(anvil.url);
    await popup.getByTestId('net-chainId').fill(String(BASE_CHAIN_ID));
    await popup.getByTestId('add-network').click();
    const outcome = popup.locator('[data-testid="network-msg"], [data-testid="network-error"]');
    await outcome.first().waitFor({ timeout: 30_000 });
    expect(await outcome.first().getAttribute('data-testid'), (await outcome.first().textContent()) ?? '').toBe('network-msg');
    await pickNetwork(popup, /^Base \(anvil\)/);
    await popup.getByTestId('tab-assets').click();

    await expect.poll(() => row(popup, 'USDC').getByTestId('amount').getAttribute('title'), { timeout: 30_000 }).toBe('1234.5');
    await expect.poll(() => row(popup, 'USDC').getByTestId('asset-logo').getAttribute('data-logo')).toBe('USDC');
    await expect.poll(() => row(popup, 'ETH').getByTestId('asset-logo').getAttribute('data-logo')).toBe('ETH');
    // 1234.5 × 0.9999 = 1234.37655; 1.5 × 3456.78 = 5185.17; the total 6419.54655, shown rounded.
    await expect.poll(() => row(popup, 'USDC').getByTestId('fiat').textContent(), { timeout: 30_000 }).toBe('$1,234.38');
    expect(await row(popup, 'USDC').getByTestId('fiat').getAttribute('data-value')).toBe('1234.37655');
    await expect.poll(() => row(popup, 'ETH').getByTestId('fiat').textContent()).toBe('$5,185.17');
    await expect.poll(() => popup.getByTestId('headline-fiat').getAttribute('data-value')).toBe('6419.54655');
    expect(await popup.getByTestId('headline-fiat').textContent()).toBe('$6,419.55');
    expect(await popup.getByTestId('headline').textContent()).toMatch(/^1\.5\s*ETH$/);
    // Tokens on the list that the account does not hold are not shown.
    expect(await row(popup, 'DAI').count()).toBe(0);

    // One request for every known coin id, in the currency, with full precision: nothing about the holdings.
    const asked = prices.requests.filter((u) => u.pathname === '/api/v3/simple/price');
    expect(asked.length).toBeGreaterThanOrEqual(1);
    const ids = asked[0]!.searchParams.get('ids')!.split(',');
    expect(ids).toEqual(expect.arrayContaining(['ethereum', 'usd-coin', 'tether', 'bitcoin', 'solana', 'tron']));
    expect(asked[0]!.searchParams.get('vs_currencies')).toBe('usd');
    expect(asked[0]!.searchParams.get('precision')).toBe('full');
    expect(asked.every((u) => !u.search.toLowerCase().includes(me.slice(2).toLowerCase()))).toBe(true);
  });

  it('draws network logos in the chip and the network sheet', async () => {
    await expect.poll(() => popup.getByTestId('network-chip').getByTestId('network-logo').getAttribute('data-logo')).toBe('base');
    await popup.getByTestId('network-chip').click();
    const sheet = popup.getByTestId('network-sheet');
    await expect.poll(() => sheet.getByTestId('network-option-evm:1').getByTestId('network-logo').getAttribute('data-logo')).toBe('ethereum');
    await expect.poll(() => sheet.getByTestId('network-option-evm:56').getByTestId('network-logo').getAttribute('data-logo')).toBe('bsc');
    await sheet.getByTestId('network-sheet-close').click();
  });

  it('shows the fee in fiat in the send preview', async () => {
    await popup.getByTestId('home-send').click();
    await popup.getByTestId('send-to').fill(BOB);
    await popup.getByTestId('send-amount').fill('0.01');
    await popup.getByTestId('send-review').click();
    const fee = popup.getByTestId('review-fee-fiat');
    await fee.waitFor({ timeout: 30_000 });
    const feeEth = (await popup.getByTestId('review-fee').textContent())!.replace(/\s*ETH$/, '');
    // The exact product of the fee shown and the price: no float on the way.
    expect(await fee.getAttribute('data-value')).toBe(exactProduct(feeEth, '3456.78'));
    expect(await fee.textContent()).toMatch(/^≈ (\$[\d,]+\.\d{2}|< \$0\.01)$/);
    await popup.getByTestId('send-back').click();
  });

  it('keeps the last prices with their age when the price API fails', async () => {
    // Another (failing) price service: the cached prices came from the first one, so they are refetched.
    const failing = await startPriceServer({});
    failing.mode = '500';
    await setPriceApi(popup, failing.url);
    await expect.poll(() => popup.getByTestId('settings-msg').textContent()).toBe('Saved');
    await popup.getByTestId('tab-assets').click();
    await expect.poll(() => failing.requests.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('prices-stale').textContent()).toMatch(/^Prices as of .+: the price service could not be reached$/);
    expect(await popup.getByTestId('headline-fiat').textContent()).toBe('$6,419.55');
    await failing.stop();
    await setPriceApi(popup, prices.url);
  });

  it('values in the currency chosen in Settings', async () => {
    await openGeneral(popup);
    await popup.getByTestId('currency').selectOption('EUR');
    await expect.poll(() => popup.getByTestId('settings-msg').textContent()).toBe('Saved');
    await popup.getByTestId('tab-assets').click();
    // 1.5 × 3190.5 + 1234.5 × 0.92 = 4785.75 + 1135.74
    await expect.poll(() => popup.getByTestId('headline-fiat').getAttribute('data-value'), { timeout: 30_000 }).toBe('5921.49');
    expect(await popup.getByTestId('headline-fiat').textContent()).toBe('€5,921.49');
  });

  it('shows an EVM transaction fee in fiat in the approval window (a dApp through viem)', async () => {
    const server = await startDappServer(['evm-dapp']);
    try {
      const page = await openDapp(wallet, server.url('evm-dapp'));
      const dapp = <T,>(fn: string, ...args: unknown[]): Promise<T> =>
        page.evaluate(([f, a]) => (window as unknown as { dapp: Record<string, (...x: unknown[]) => Promise<unknown>> }).dapp[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;
      const connecting = dapp('call', 'eth_requestAccounts');
      await decide(wallet, `127.0.0.1:${server.port}`, true);
      await connecting;
      const sending = dapp<{ error?: { code: number } }>('viemSend', BOB, parseEther('0.01').toString());
      await decide(wallet, `127.0.0.1:${server.port}`, false, async (w) => {
        const fiat = w.getByTestId('approval-fee-fiat');
        await fiat.waitFor({ timeout: 30_000 });
        const feeEth = (await w.getByTestId('approval-fee').locator('strong').textContent())!.replace(/\s*ETH$/, '');
        // EUR is the chosen currency here (3190.5 per ETH): the exact product of the fee shown.
        expect(await fiat.getAttribute('data-value')).toBe(exactProduct(feeEth, '3190.5'));
        expect(await fiat.textContent()).toMatch(/^≈ (€[\d,]+\.\d{2}|< €0\.01)$/);
      });
      expect((await sending).error?.code).toBe(4001);
      await page.close();
    } finally {
      await server.stop();
    }
  });

  it('passes axe with 0 violations and no horizontal overflow at 360 px: fiat values, logos and price settings, 3 locales × light/dark', async () => {
    const problems: string[] = [];
    for (const language of ['en', 'zh-CN', 'zh-TW'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await openGeneral(popup);
        await popup.getByTestId('language').selectOption(language);
        await popup.getByTestId('theme').selectOption(theme);
        await popup.waitForFunction(([l, th]) => document.querySelector('.page')?.getAttribute('lang') === l && document.documentElement.dataset.theme === th, [language, theme] as const);
        const at = `${language}/${theme}`;
        await popup.getByTestId('price-settings').scrollIntoViewIfNeeded();
        for (const r of [await auditScreen(popup, `prices-settings-${at}`)]) problems.push(...r.violations, ...r.overflow);
        await popup.getByTestId('tab-assets').click();
        await popup.getByTestId('headline-fiat').waitFor({ timeout: 30_000 });
        await row(popup, 'USDC').getByTestId('fiat').waitFor();
        for (const r of [await auditScreen(popup, `prices-home-${at}`)]) problems.push(...r.violations, ...r.overflow);
        await popup.getByTestId('network-chip').click();
        await popup.getByTestId('network-sheet').getByTestId('network-option-evm:1').getByTestId('network-logo').waitFor();
        for (const r of [await auditScreen(popup, `prices-networks-${at}`)]) problems.push(...r.violations, ...r.overflow);
        await popup.getByTestId('network-sheet-close').click();
      }
    }
    expect(problems).toEqual([]);
    await openGeneral(popup);
    await popup.getByTestId('language').selectOption('en');
    await popup.getByTestId('theme').selectOption('auto');
    await popup.waitForFunction(() => document.querySelector('.page')?.getAttribute('lang') === 'en');
  });

  it('asks the price API nothing once prices are off, and shows no fiat value', async () => {
    await openGeneral(popup);
    // A controlled checkbox: it turns off once the background has saved the setting.
    await popup.getByTestId('prices-toggle').click();
    await expect.poll(() => popup.getByTestId('prices-toggle').isChecked()).toBe(false);
    const before = prices.requests.length;
    await popup.reload();
    await popup.getByTestId('tab-assets').click();
    await row(popup, 'USDC').waitFor({ timeout: 30_000 });
    await expect.poll(() => row(popup, 'USDC').getByTestId('amount').getAttribute('title')).toBe('1234.5');
    expect(await popup.getByTestId('headline-fiat').count()).toBe(0);
    expect(await popup.getByTestId('fiat').count()).toBe(0);
    expect(prices.requests.length).toBe(before);
  });
});
