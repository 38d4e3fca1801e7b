/**
 * Paying by link or QR code in real Chromium: an EIP-681 ERC-20 link pasted into Send's recipient
 * field switches to its network and fills recipient, token and exact amount; the send on anvil
 * moves exactly that amount. A QR code PNG (drawn by qrcode-generator from a BIP-21 link, encoded
 * to PNG by Chromium's canvas) chosen with "Scan QR" fills a Bitcoin send on the loopback Esplora,
 * which checks the signed transaction on broadcast.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { decodeFunctionResult, encodeFunctionData, erc20Abi, type Hex } from 'viem';
import { launchWallet, type Wallet } from './support/chromium';
import { corsProxy, type CorsProxy } from './support/corsProxy';
import { startAnvil, DEV_MNEMONIC, type AnvilInstance } from '../support/anvil';
import { deployTinyErc20 } from '../families/evm/fixtures/tinyErc20';
import { FakeEsplora } from '../core/bitcoin/esploraServer';
import { bitcoin, foreignAddress, fundingTx, REGTEST } from '../core/bitcoin/helpers';
import { renderQr } from '../core/payments/qrImage';
import { bitcoinAccountFromMnemonic } from '../../src/families/bitcoin/core/hdAccount';
import { parsePaymentUri } from '../support/paymentCodecs';
import { activeNetwork, addEvmNetwork, pickNetwork, watchToken } from './support/popupNav';
import { stopAfterAll } from './support/suite';
import { importAndOpenHome } from './support/flows';
import { setEndpoint } from './support/endpoints';

const PASSWORD = 'payment links password 2024';
const CHAIN_ID = 1378;
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('pay by link or QR code', () => {
  let wallet: Wallet;
  let popup: Page;
  let anvil: AnvilInstance;
  let esplora: FakeEsplora;
  let btcProxy: CorsProxy;
  let token: Hex;
  const keep = stopAfterAll();
  const btcAccount = bitcoinAccountFromMnemonic(DEV_MNEMONIC, undefined, { network: 'regtest', scheme: 'p2wpkh', account: 0 });

  const tokenBalance = async (owner: string): Promise<bigint> =>
    decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: await anvil.rpc<Hex>('eth_call', [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner as Hex] }) }, 'latest']) });

  async function selectChain(label: RegExp): Promise<void> {
    await popup.getByTestId('tab-assets').click();
    await pickNetwork(popup, label);
    await popup.getByTestId('balances').waitFor();
  }

  beforeAll(async () => {
    esplora = keep(new FakeEsplora());
    await esplora.start();
    esplora.addTx(fundingTx([{ script: btcAccount.address(0, 0).script, value: 500_000 }]).hex, true);
    anvil = keep(await startAnvil({ chainId: CHAIN_ID }));
    token = await deployTinyErc20(anvil, { name: 'Link Token', symbol: 'LNK', decimals: 6, totalSupply: 1_000_000_000_000n });
    [btcProxy, wallet] = await Promise.all([corsProxy(esplora.baseUrl).then(keep), launchWallet().then(keep)]);
    popup = await importAndOpenHome(wallet, DEV_MNEMONIC, PASSWORD);

    // The anvil network with its token watched, and the Bitcoin regtest node.
    await addEvmNetwork(popup, 'Anvil links', anvil.url, CHAIN_ID);
    await selectChain(/^Anvil links/);
    await watchToken(popup, token, 'LNK');
    await setEndpoint(popup, 'bitcoin', 'regtest', btcProxy.url);
  });


  it('an EIP-681 ERC-20 link pasted on Bitcoin switches to its network and sends exactly that amount on anvil', async () => {
    await selectChain(/Bitcoin Regtest/);
    await popup.getByTestId('tab-send').click();
    const link = `ethereum:${token}@${CHAIN_ID}/transfer?address=${BOB}&uint256=1234567`;
    await popup.getByTestId('send-to').fill(link);
    await expect.poll(() => activeNetwork(popup), { timeout: 20_000 }).toBe(`evm:${CHAIN_ID}`);
    await expect.poll(() => popup.getByTestId('send-to').inputValue(), { timeout: 20_000 }).toBe(BOB);
    await expect.poll(() => popup.getByTestId('send-asset').inputValue(), { timeout: 20_000 }).toBe(token);
    expect(await popup.getByTestId('send-amount').inputValue()).toBe('1.234567');
    // Every field stays editable: the amount is the user's to change (here, retyped as the link's).
    await popup.getByTestId('send-amount').fill('2');
    await popup.getByTestId('send-amount').fill('1.234567');
    const before = await tokenBalance(BOB);
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    expect(await popup.getByTestId('review-to').textContent()).toBe(BOB);
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 30_000 });
    const hash = (await popup.getByTestId('send-hash').textContent()) ?? '';
    await expect.poll(() => tokenBalance(BOB), { timeout: 30_000 }).toBe(before + 1_234_567n);
    // Confirmed: the wallet shows a browser notification (read back through the extension's own chrome.notifications).
    const shown = (): Promise<string[]> => popup.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()));
    await expect.poll(shown, { timeout: 30_000 }).toContain(`mcw:confirmed:${hash}`);
  });

  it('a link for a network the wallet lacks, or a broken one, is explained and changes nothing', async () => {
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(`ethereum:${BOB}@99999?value=1e18`);
    await expect.poll(() => popup.getByTestId('payment-link-error').textContent(), { timeout: 20_000 }).toMatch(/99999/);
    await popup.getByTestId('send-to').fill(`ethereum:${BOB}?value=1&value=2`);
    await expect.poll(() => popup.getByTestId('payment-link-error').textContent(), { timeout: 20_000 }).toMatch(/cannot be used/);
    expect(await activeNetwork(popup)).toBe(`evm:${CHAIN_ID}`);
    expect(await popup.getByTestId('send-amount').inputValue()).toBe('');
  });

  it('a QR code PNG of a BIP-21 link fills a Bitcoin send, which the loopback Esplora accepts', async () => {
    const to = foreignAddress('p2wpkh', Math.random, REGTEST);
    const uri = `bitcoin:${to}?amount=0.00025&label=Coffee%20shop`;
    const img = renderQr(uri, { scale: 6, margin: 4 });
    // Chromium's own PNG encoder turns the pixels into the file a user would pick.
    const png = await popup.evaluate(
      async ({ b64, width, height }) => {
        const bytes = Uint8ClampedArray.from(atob(b64), (c) => c.charCodeAt(0));
        const canvas = new OffscreenCanvas(width, height);
        canvas.getContext('2d')!.putImageData(new ImageData(bytes, width, height), 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const buf = new Uint8Array(await blob.arrayBuffer());
        let s = '';
        for (const b of buf) s += String.fromCharCode(b);
        return btoa(s);
      },
      { b64: Buffer.from(img.data).toString('base64'), width: img.width, height: img.height },
    );
    const file = Buffer.from(png, 'base64');
    expect(file.subarray(1, 4).toString()).toBe('PNG');

    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('scan-qr-file').setInputFiles({ name: 'pay.png', mimeType: 'image/png', buffer: file });
    await expect.poll(() => activeNetwork(popup), { timeout: 20_000 }).toBe('bitcoin:regtest');
    await expect.poll(() => popup.getByTestId('send-to').inputValue(), { timeout: 20_000 }).toBe(to);
    await expect.poll(() => popup.getByTestId('send-amount').inputValue(), { timeout: 20_000 }).toBe('0.00025');
    expect(await popup.getByTestId('payment-link-info').textContent()).toContain('Coffee shop');
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 30_000 });
    const txid = (await popup.getByTestId('send-hash').textContent()) ?? '';
    const rec = esplora.txs.get(txid);
    expect(rec).toBeDefined();
    const paid = rec!.tx.outs.filter((o) => bitcoin.address.fromOutputScript(o.script, REGTEST) === to).map((o) => o.value);
    expect(paid).toEqual([25_000n]);
  });
  it('Receive → Request a payment: the link and its QR code in the family’s standard (BIP-21, EIP-681 with the token’s decimals)', async () => {
    // Bitcoin (the active chain after the QR send): BIP-21 with the amount in BTC and the label.
    await popup.getByTestId('tab-receive').click();
    // Address 0 received and spent: the fresh receive address is index 1, and the request is for it.
    const address = btcAccount.address(0, 1).address;
    await expect.poll(() => popup.getByTestId('receive-address').textContent(), { timeout: 20_000 }).toBe(address);
    await popup.getByTestId('request-open').click();
    await popup.getByTestId('request-amount').fill('0.001');
    await popup.getByTestId('request-label').fill('Invoice 7');
    await expect.poll(() => popup.getByTestId('request-uri').textContent(), { timeout: 10_000 }).toMatch(/^bitcoin:/);
    const btcUri = (await popup.getByTestId('request-uri').textContent())!;
    expect(parsePaymentUri(btcUri)).toMatchObject({ kind: 'transfer', recipient: address, amount: { decimal: '0.001' }, label: 'Invoice 7' });
    // The QR code is drawn after the link (its encoder loads lazily): wait for it to carry this link.
    await expect.poll(() => popup.getByTestId('request-qr').getByTestId('receive-qr').getAttribute('aria-label'), { timeout: 10_000 }).toContain(btcUri);

    // EVM on anvil: an ERC-20 request carries the chain id and the amount in base units (6 decimals).
    await selectChain(/^Anvil links/);
    await popup.getByTestId('tab-receive').click();
    const evmAddress = (await popup.getByTestId('receive-address').textContent()) ?? '';
    await popup.getByTestId('request-open').click();
    await popup.getByTestId('request-asset').selectOption(token);
    await popup.getByTestId('request-amount').fill('2.5');
    // Wait for the link with both the token and an amount (the fields update it one after the other).
    await expect.poll(() => popup.getByTestId('request-uri').textContent(), { timeout: 10_000 }).toMatch(/\/transfer\?.*uint256=/);
    const evmUri = (await popup.getByTestId('request-uri').textContent())!;
    expect(parsePaymentUri(evmUri, { evmNetworks: [{ chainId: CHAIN_ID }] })).toMatchObject({ kind: 'transfer', network: `evm:${CHAIN_ID}`, recipient: evmAddress, asset: { type: 'token', address: token }, amount: { base: 2_500_000n } });
    // Too many decimals for the token is refused, and no link is shown.
    await popup.getByTestId('request-amount').fill('2.1234567');
    await expect.poll(() => popup.getByTestId('request-error').textContent()).toMatch(/decimal/i);
    expect(await popup.getByTestId('request-uri').count()).toBe(0);
    // EIP-681 has no label: the field is not offered.
    expect(await popup.getByTestId('request-label').count()).toBe(0);
  });
  it('a bitcoin: link clicked on a loopback web page opens the prefilled Send (Chromium: the content script catches the user’s click)', async () => {
    const to = foreignAddress('p2wpkh', Math.random, REGTEST);
    const link = `bitcoin:${to}?amount=0.0004&label=Tea%20house`;
    const html = `<!doctype html><title>shop</title><p><a id="pay" href="${link}">Pay with Bitcoin</a></p>`;
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const shopUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const payPages = (): Page[] => wallet.context.pages().filter((p) => p.url().includes('/popup.html?pay='));
    try {
      const shop = await wallet.context.newPage();
      await shop.goto(shopUrl);
      // A click the page scripts itself (not the user's: isTrusted false) is not taken.
      await shop.evaluate(() => document.getElementById('pay')!.click());
      const opened = wallet.context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup.html'), timeout: 30_000 });
      await shop.click('#pay');
      const send = await opened;
      expect(shop.url()).toBe(shopUrl);
      expect(payPages()).toHaveLength(1);
      expect(new URL(send.url()).searchParams.get('pay')).toBe(link);
      await expect.poll(() => activeNetwork(send), { timeout: 30_000 }).toBe('bitcoin:regtest');
      await expect.poll(() => send.getByTestId('send-to').inputValue(), { timeout: 30_000 }).toBe(to);
      await expect.poll(() => send.getByTestId('send-amount').inputValue(), { timeout: 20_000 }).toBe('0.0004');
      expect(await send.getByTestId('payment-link-info').textContent()).toContain('Tea house');
      // Every field stays editable; nothing is sent until the user reviews and confirms.
      await send.getByTestId('send-amount').fill('0.0003');
      expect(await send.getByTestId('send-amount').inputValue()).toBe('0.0003');
      expect([...esplora.txs.values()].some((r) => r.tx.outs.some((o) => bitcoin.address.fromOutputScript(o.script, REGTEST) === to))).toBe(false);
      // The link was consumed: the page's URL no longer carries it (a reload does not refill).
      expect(send.url()).not.toContain('pay=');
      await send.close();
      await shop.close();
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
