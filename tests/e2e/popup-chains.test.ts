/**
 * The popup on Bitcoin, Solana and TRON, as a user drives it in real Chromium: node endpoints set
 * in Settings, the chain picked in the header, balances, the fresh Bitcoin receive address, and a
 * transfer on each chain from the Send tab through the review screen to its status. The nodes are
 * loopback ones: a fake Esplora (Bitcoin regtest; every transaction checked by bitcoinjs-lib),
 * LiteSVM behind a JSON-RPC server (the transfer really executes), and a TRON HTTP API whose
 * broadcast verifies signatures with tronweb.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWallet, type Wallet } from './support/chromium';
import { corsProxy, type CorsProxy } from './support/corsProxy';
import { FakeEsplora } from '../core/bitcoin/esploraServer';
import { fundingTx, foreignAddress, MNEMONIC, prevoutMap, regtestWallet, verifyTx } from '../core/bitcoin/helpers';
import { startLiteSvmRpc, type LiteSvmRpc } from '../support/litesvmRpc';
import { startTronNode, type TronTestNode } from '../support/tronNode';
import { deriveAccount } from '../../src/core';
import { Keypair } from '@solana/web3.js';
import { ataOf, createAta, createMint, mintTo, TOKEN_PROGRAM, tokenAmount } from '../families/solana/helpers';
import { accountNames, openAccounts, pickNetwork } from './support/popupNav';
import { addressOf } from './support/home';
import { importAndOpenHome } from './support/flows';
import { setEndpoint as setEndpointIn } from './support/endpoints';

const PASSWORD = 'popup chains password 2024';

describe('popup on Bitcoin, Solana and TRON', () => {
  let wallet: Wallet;
  let popup: Page;
  let esplora: FakeEsplora;
  let btcProxy: CorsProxy;
  let svm: LiteSvmRpc;
  let solProxy: CorsProxy;
  let tron: TronTestNode;
  let tronProxy: CorsProxy;
  const btc = regtestWallet('regtest').accounts.p2wpkh;
  const btcCoins: Array<{ txid: string; vout: number; value: number; address: { script: string } }> = [];
  let solAddress = '';
  let solRecipient = '';
  let tronAddress = '';
  let tronRecipient = '';

  async function selectChain(label: RegExp): Promise<void> {
    await pickNetwork(popup, label);
    await popup.getByTestId('balances').waitFor();
  }

  const setEndpoint = (family: string, network: string, url: string): Promise<void> => setEndpointIn(popup, family, network, url);

  const balance = (symbol: string): Promise<string | null> => popup.getByTestId(`balance-${symbol}`).getByTestId('amount').getAttribute('title');

  async function sendFlow(to: string, amount: string, extra?: () => Promise<void>): Promise<{ fee: string; hash: string }> {
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill(to);
    await popup.getByTestId('send-amount').fill(amount);
    if (extra) await extra();
    await popup.getByTestId('send-review').click();
    await popup.getByTestId('review').waitFor({ timeout: 30_000 });
    const fee = (await popup.getByTestId('review-fee').textContent()) ?? '';
    expect(await popup.getByTestId('review-to').textContent()).toBe(to);
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('send-status-screen').waitFor({ timeout: 30_000 });
    return { fee, hash: (await popup.getByTestId('send-hash').textContent()) ?? '' };
  }

  beforeAll(async () => {
    esplora = new FakeEsplora();
    await esplora.start();
    // Receive addresses 0 and 1 were used: the fresh receive address is index 2.
    const funding = fundingTx([
      { script: btc.address(0, 0).script, value: 100_000 },
      { script: btc.address(0, 1).script, value: 50_000 },
    ]);
    esplora.addTx(funding.hex, true);
    btcCoins.push({ txid: funding.txid, vout: 0, value: 100_000, address: btc.address(0, 0) }, { txid: funding.txid, vout: 1, value: 50_000, address: btc.address(0, 1) });

    svm = await startLiteSvmRpc();
    solAddress = deriveAccount({ mnemonic: MNEMONIC, family: 'solana', index: 0 }).address;
    solRecipient = deriveAccount({ mnemonic: MNEMONIC, family: 'solana', index: 5 }).address;
    svm.airdrop(solAddress, 2_000_000_000n);

    tron = await startTronNode();
    tronAddress = deriveAccount({ mnemonic: MNEMONIC, family: 'tron', index: 0 }).address;
    tronRecipient = deriveAccount({ mnemonic: MNEMONIC, family: 'tron', index: 5 }).address;
    tron.setBalance(tronAddress, 100_000_000n);
    tron.setBalance(tronRecipient, 1_000_000n);

    [btcProxy, solProxy, tronProxy, wallet] = await Promise.all([corsProxy(esplora.baseUrl), corsProxy(svm.url), corsProxy(tron.url), launchWallet()]);
    popup = await importAndOpenHome(wallet, MNEMONIC, PASSWORD);
  });

  afterAll(async () => {
    await wallet?.close();
    await Promise.all([btcProxy?.close(), solProxy?.close(), tronProxy?.close()]);
    await esplora?.stop();
    await svm?.stop();
    await tron?.stop();
  });

  it('sets each family’s node endpoint in Settings, refusing a non-http URL', async () => {
    await popup.getByTestId('tab-settings').click();
    await popup.getByTestId('open-endpoints').click();
    await popup.getByTestId('endpoint-family').selectOption('bitcoin');
    await popup.getByTestId('endpoint-network').selectOption('regtest');
    await popup.getByTestId('endpoint-url').fill('javascript:alert(1)');
    await popup.getByTestId('endpoint-save').click();
    await expect.poll(() => popup.getByTestId('endpoint-error').textContent()).toMatch(/URL/i);
    // Plain http only to this computer: a remote node could lie about balances and transactions.
    await popup.getByTestId('endpoint-url').fill('http://node.example.com/api');
    await popup.getByTestId('endpoint-save').click();
    await expect.poll(() => popup.getByTestId('endpoint-error').textContent()).toMatch(/https/i);
    await setEndpoint('bitcoin', 'regtest', btcProxy.url);
    await setEndpoint('solana', 'localnet', solProxy.url);
    await setEndpoint('tron', 'custom', tronProxy.url);
    await popup.getByTestId('tab-assets').click();
  });

  it('Bitcoin regtest: balance of the gap-limit-scanned account and a fresh receive address', async () => {
    await selectChain(/Bitcoin Regtest/);
    await expect.poll(() => balance('BTC'), { timeout: 20_000 }).toBe('0.0015');
    expect(await popup.getByTestId('balance-details-receiveAddress').locator('dd').textContent()).toBe(btc.address(0, 2).address);
    await popup.getByTestId('tab-receive').click();
    // Receive opens on the active chain's family.
    expect(await popup.getByTestId('receive-family').inputValue()).toMatch(/^bitcoin:/);
    await expect.poll(() => popup.getByTestId('receive-address').textContent(), { timeout: 20_000 }).toBe(btc.address(0, 2).address);
    expect(await popup.getByTestId('receive-path').textContent()).toContain("m/84'/1'/0'/0/2");
  });

  it('Bitcoin Testnet selected: the Bitcoin address row shows the testnet address dApps are given', async () => {
    const row = (): Promise<string | null> => addressOf(popup, 'bitcoin');
    // Regtest is selected: the row is the regtest (coin type 1) address, not mainnet's bc1.
    await popup.getByTestId('tab-assets').click();
    await expect.poll(row).toBe(btc.address(0, 0).address);
    await setEndpoint('bitcoin', 'testnet', btcProxy.url);
    await popup.getByTestId('tab-assets').click();
    await selectChain(/Bitcoin Testnet/);
    const testnet = regtestWallet('testnet').accounts.p2wpkh.address(0, 0);
    expect(testnet.address.startsWith('tb1q')).toBe(true);
    await expect.poll(row, { timeout: 20_000 }).toBe(testnet.address);
    expect(await addressOf(popup, 'bitcoin', 'path')).toBe("m/84'/1'/0'/0/0");
    // Another family selected: the row still shows the Bitcoin network dApps get (testnet).
    await selectChain(/Solana Localnet/);
    await expect.poll(row).toBe(testnet.address);
    await selectChain(/Bitcoin Regtest/);
    await expect.poll(row, { timeout: 20_000 }).toBe(btc.address(0, 0).address);
  });

  it('Bitcoin: a wrong-network recipient and an unaffordable amount are explained before anything is signed', async () => {
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('send-to').fill('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq');
    await expect.poll(() => popup.getByTestId('send-to-check').textContent()).toMatch(/network/i);
    await popup.getByTestId('send-to').fill(foreignAddress('p2wpkh'));
    await popup.getByTestId('send-amount').fill('0.5');
    await popup.getByTestId('send-review').click();
    await expect.poll(() => popup.getByTestId('send-error').textContent(), { timeout: 20_000 }).toMatch(/insufficient|not enough|enough/i);
    expect([...esplora.txs.values()].length).toBe(1);
    await popup.getByTestId('tab-assets').click();
  });

  it('Bitcoin: sends with a custom fee rate; the signed transaction verifies and its fee is the one shown', async () => {
    const to = foreignAddress('p2wpkh');
    const before = new Set(esplora.txs.keys());
    const { fee, hash } = await sendFlow(to, '0.0007', async () => {
      await popup.getByTestId('fee-custom').check();
      await popup.getByTestId('fee-custom-rate').fill('5');
    });
    const newTx = [...esplora.txs.keys()].find((k) => !before.has(k));
    expect(newTx).toBe(hash);
    const hex = (esplora.txs.get(hash!) as unknown as { hex: string }).hex;
    const verified = verifyTx(hex, prevoutMap(btcCoins));
    expect(verified.outputs.find((o) => o.address === to)?.value).toBe(70_000n);
    expect(fee).toBe(`${Number(verified.fee) / 1e8} BTC`);
    expect(Number(verified.fee) / verified.vsize).toBeGreaterThanOrEqual(5);
    expect(verified.sequences.every((s) => s < 0xfffffffe)).toBe(true); // RBF signalled
    await popup.getByTestId('send-done').click();
    await expect.poll(() => popup.getByTestId('activity').textContent()).toContain('0.0007');
  });

  it('Bitcoin: speeds up the pending send (RBF): same coins, higher fee, the old entry marked replaced', async () => {
    const pendingItem = popup.getByTestId('activity-item').filter({ has: popup.getByTestId('speedup') }).first();
    const oldHash = [...esplora.txs.values()].find((r) => !r.external && !r.confirmed)!.txid;
    await pendingItem.getByTestId('speedup').click();
    await popup.getByTestId('speedup-rate').fill('0');
    await popup.getByTestId('speedup-review').click();
    // Not a fee rate: refused with the reason, nothing broadcast.
    await expect.poll(() => popup.getByTestId('speedup-error').textContent(), { timeout: 20_000 }).not.toBe('');
    await popup.getByTestId('speedup-rate').fill('20');
    await popup.getByTestId('speedup-review').click();
    await expect.poll(() => popup.getByTestId('speedup-fee').textContent(), { timeout: 20_000 }).toContain('20 sat/vB');
    await popup.getByTestId('speedup-confirm').click();
    await popup.getByTestId('speedup-done').waitFor({ timeout: 20_000 });
    expect(esplora.txs.has(oldHash)).toBe(false); // evicted by the replacement
    const replacement = [...esplora.txs.values()].find((r) => !r.external && !r.confirmed)!;
    const verified = verifyTx(replacement.hex, prevoutMap(btcCoins));
    expect(Number(verified.fee) / verified.vsize).toBeGreaterThanOrEqual(20);
    expect(verified.outputs.some((o) => o.value === 70_000n)).toBe(true); // the recipient still gets the same amount
    await expect.poll(() => popup.locator('[data-status="replaced"]').count(), { timeout: 10_000 }).toBe(1);
  });

  it('Solana localnet: SOL balance, then a transfer that executes in the SVM', async () => {
    await popup.getByTestId('tab-assets').click();
    await selectChain(/Solana Localnet/);
    await expect.poll(() => balance('SOL'), { timeout: 20_000 }).toBe('2');
    expect(await popup.getByTestId('balances-address').textContent()).toBe(solAddress);
    const { fee, hash } = await sendFlow(solRecipient, '0.5');
    expect(fee).toBe('0.000005 SOL');
    expect(hash.length).toBeGreaterThan(80);
    await expect.poll(() => popup.getByTestId('send-status').textContent(), { timeout: 30_000 }).toMatch(/confirmed/i);
    expect(svm.balance(solRecipient)).toBe(500_000_000n);
    expect(svm.balance(solAddress)).toBe(2_000_000_000n - 500_000_000n - 5000n);
  });

  it('Solana: an SPL token the account holds is listed by mint and sent, creating the recipient’s token account (its rent in the fee)', async () => {
    const authority = Keypair.generate();
    svm.airdrop(authority.publicKey.toBase58(), 1_000_000_000n);
    const mint = createMint(svm, authority, 6);
    mintTo(svm, authority, mint, createAta(svm, authority, solAddress, mint), 1_000_000_000n);
    await popup.getByTestId('tab-assets').click();
    const symbol = `${mint.slice(0, 4)}…${mint.slice(-4)}`;
    await expect.poll(() => balance(symbol), { timeout: 20_000 }).toBe('1000');
    const { fee } = await sendFlow(solRecipient, '250', async () => {
      await popup.getByTestId('send-asset').selectOption(mint);
    });
    // 5000 lamports of signature fee plus the rent of the new associated token account (165 bytes).
    const rent = svm.svm.minimumBalanceForRentExemption(165n);
    expect(fee).toBe(`${Number(5000n + rent) / 1e9} SOL`);
    await expect.poll(() => tokenAmount(svm, ataOf(solRecipient, mint, TOKEN_PROGRAM)), { timeout: 20_000 }).toBe(250_000_000n);
  });

  it('TRON custom node: TRX balance and resources, then a transfer the node verifies and applies', async () => {
    await popup.getByTestId('tab-assets').click();
    await selectChain(/TRON \(custom node\)/);
    await expect.poll(() => balance('TRX'), { timeout: 20_000 }).toBe('100');
    expect(await popup.getByTestId('balance-details-bandwidth').isVisible()).toBe(true);
    await sendFlow(tronRecipient, '12.5');
    expect(tron.balance(tronRecipient)).toBe(13_500_000n);
    expect(tron.balance(tronAddress)).toBeLessThanOrEqual(100_000_000n - 12_500_000n);
    await expect.poll(() => popup.getByTestId('send-status').textContent(), { timeout: 30_000 }).toMatch(/confirmed/i);
  });

  it('TRON: watches a TRC-20 by its contract (symbol and decimals read from it) and sends it', async () => {
    const contract = tron.deployTrc20('TUSD', 6);
    tron.setTokenBalance(contract, tronAddress, 1_000_000_000n);
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('add-token').click();
    await popup.getByTestId('token-address').fill(tronRecipient); // a wallet, not a token contract
    await popup.getByTestId('add-token-submit').click();
    await expect.poll(() => popup.getByTestId('token-error').textContent(), { timeout: 20_000 }).not.toBe('');
    await popup.getByTestId('token-address').fill(contract);
    await popup.getByTestId('add-token-submit').click();
    await expect.poll(() => balance('TUSD'), { timeout: 20_000 }).toBe('1000');
    const { fee } = await sendFlow(tronRecipient, '25', async () => {
      await popup.getByTestId('send-asset').selectOption({ label: 'TUSD' });
    });
    expect(fee).toMatch(/TRX$/);
    expect(tron.tokenBalance(contract, tronRecipient)).toBe(25_000_000n);
    expect(tron.tokenBalance(contract, tronAddress)).toBe(975_000_000n);
  });

  it('the new screens are labelled for screen readers and reachable by keyboard', async () => {
    const unnamed = async (): Promise<string[]> =>
      popup.evaluate(() =>
        [...document.querySelectorAll('main input, main select, main button, header select, header button')]
          .filter((el) => !(el as HTMLInputElement).disabled && (el as HTMLElement).offsetParent !== null)
          .filter((el) => {
            const name = el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || (el.tagName === 'BUTTON' ? el.textContent : '');
            return !name || !name.trim();
          })
          .map((el) => `${el.tagName}[data-testid=${el.getAttribute('data-testid')}]`),
      );
    await popup.getByTestId('tab-assets').click();
    await selectChain(/Bitcoin Regtest/);
    await popup.getByTestId('tab-send').click();
    await popup.getByTestId('fee-custom').check();
    expect(await unnamed()).toEqual([]);
    await popup.getByTestId('tab-settings').click();
    if (!(await popup.getByTestId('section-endpoints').evaluate((d) => (d as HTMLDetailsElement).open))) await popup.getByTestId('open-endpoints').click();
    expect(await unnamed()).toEqual([]);
    // Keyboard: the endpoint form is reached with Tab and saved with Enter.
    await popup.getByTestId('endpoint-url').focus();
    await popup.keyboard.press('Shift+Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('endpoint-network');
    await popup.getByTestId('tab-assets').click();
    await selectChain(/TRON \(custom node\)/);
  });

  it('TRON: a malformed recipient is explained and nothing reaches the node', async () => {
    await popup.getByTestId('tab-assets').click();
    await popup.getByTestId('tab-send').click();
    const calls = tron.calls.filter((c) => c.includes('broadcast')).length;
    await popup.getByTestId('send-to').fill(`${tronRecipient.slice(0, -1)}${tronRecipient.endsWith('a') ? 'b' : 'a'}`);
    await expect.poll(() => popup.getByTestId('send-to-check').textContent()).not.toBe('');
    await popup.getByTestId('send-amount').fill('1');
    await popup.getByTestId('send-review').click();
    await expect.poll(() => popup.getByTestId('send-error').textContent(), { timeout: 20_000 }).not.toBe('');
    expect(tron.calls.filter((c) => c.includes('broadcast')).length).toBe(calls);
  });
  it('renames the wallet and an account, hides an account (the selection moves off it) and shows it again', async () => {
    await popup.getByTestId('tab-assets').click();
    await openAccounts(popup);
    await popup.getByTestId('open-account-manage').click();
    await popup.getByTestId('wallet-name').fill('Savings');
    await popup.getByTestId('wallet-name-save').click();
    await expect.poll(() => popup.getByTestId('account-chip-wallet').textContent()).toBe('Savings');
    await popup.getByTestId('account-name').fill('Main');
    await popup.getByTestId('account-name-save').click();
    await expect.poll(() => popup.getByTestId('account-chip-name').textContent()).toBe('Main');
    // The only visible account cannot be hidden.
    await popup.getByTestId('account-hide').click();
    await expect.poll(() => popup.getByTestId('account-manage-error').textContent()).not.toBe('');
    await popup.getByTestId('add-account').click();
    await expect.poll(() => popup.getByTestId('account-chip').getAttribute('data-index')).toBe('1');
    await openAccounts(popup);
    await popup.getByTestId('open-account-manage').click();
    await popup.getByTestId('account-hide').click();
    await expect.poll(() => popup.getByTestId('account-chip').getAttribute('data-index')).toBe('0');
    expect(await accountNames(popup)).toEqual(['Main']);
    await openAccounts(popup);
    await popup.getByTestId('open-account-manage').click();
    await popup.getByTestId('unhide-1').click();
    await expect.poll(() => accountNames(popup)).toEqual(['Main', 'Account 2']);
  });
});
