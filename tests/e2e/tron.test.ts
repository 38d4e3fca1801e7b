/**
 * TRON end to end: real Chromium with the built extension, the loopback java-tron-shaped node
 * (tests/support/tronNode.ts, fronted by a CORS proxy because the extension fetches cross-origin),
 * and a test dApp using the real @tronweb3/tronwallet-adapter-tronlink plus window.tron (TIP-1193),
 * TIP-6963 discovery and the TronLink legacy globals and window messages. Signatures are checked
 * in Node with tronweb (Trx.verifyMessageV2, Trx.ecRecover) and by the node on broadcast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { Trx, TronWeb } from 'tronweb';
import { launchWallet, dumpAllStorage, type Wallet, importWallet } from './support/chromium';
import { corsProxy } from './support/corsProxy';
import { approvalPages as pagesOfApproval, decide as decideIn } from './support/approvals';
import { startDappServer, type DappServer } from './support/dappServer';
import { startTronNode, type TronTestNode } from '../support/tronNode';
import { MNEMONIC, tronAccount } from '../families/tron/helpers';
import { networkNames, pickNetwork } from './support/popupNav';
import { openDapp, setStorage } from './support/flows';

const PASSWORD = 'e2e tron password 123';
type Result = { result?: unknown; error?: { code?: number; message: string; name?: string } };
type Tx = { txID: string; raw_data: Record<string, unknown>; raw_data_hex: string; signature?: string[]; visible?: boolean };


describe('TRON providers end to end', () => {
  let wallet: Wallet;
  let server: DappServer;
  let node: TronTestNode;
  let proxy: { url: string; server: Server };
  let page: Page;
  const me = tronAccount(0);
  const other = tronAccount(1);
  const recipient = 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8';

  const dapp = <T = Result>(fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(({ fn, args }) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).dapp![fn]!(...args), { fn, args }) as Promise<T>;
  const approvalPages = (): Page[] => pagesOfApproval(wallet);
  const visibleApprovals = async (): Promise<number> => {
    let n = 0;
    for (const p of approvalPages()) if (await p.getByTestId('approval').isVisible().catch(() => false)) n++;
    return n;
  };

  const decide = (approve: boolean, check?: (w: Page) => Promise<void>): Promise<void> => decideIn(wallet, `127.0.0.1:${server.port}`, approve, check);

  async function unsignedTransfer(amountSun: number, owner = me.address): Promise<Tx> {
    const tw = new TronWeb({ fullHost: node.url });
    return (await tw.transactionBuilder.sendTrx(recipient, amountSun, owner, { blockHeader: node.blockHeader() } as never)) as unknown as Tx;
  }

  beforeAll(async () => {
    node = await startTronNode();
    node.setBalance(me.address, 50_000_000n);
    proxy = await corsProxy(node.url);
    [server, wallet] = await Promise.all([startDappServer(['tron-dapp']), launchWallet()]);
    await setStorage(wallet, { tron: { network: 'custom', fullNode: { custom: proxy.url } } });
    await importWallet(wallet, MNEMONIC, PASSWORD);
    page = await openDapp(wallet, server.url('tron-dapp'));
  }, 120_000);

  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
    await new Promise((r) => proxy?.server.close(() => r(undefined)));
    await node?.stop();
  });

  it('injects window.tron (ours, not TronLink), tronLink and tronWeb; announces itself through TIP-6963', async () => {
    const g = await dapp<Record<string, unknown>>('globals');
    expect(g).toMatchObject({ tron: true, tronIsTronLink: false, tronIsOurs: true, tronLink: true, tronWeb: true, defaultAddress: { base58: false, hex: false }, ready: false });
    // The wallet's node is read on the page's first touch of a TRON global (not at page load, which
    // must not wake the wallet), so the facade shows it once that first read came back.
    await expect.poll(async () => (await dapp<Record<string, unknown>>('globals')).fullNodeHost, { timeout: 10_000 }).toBe(proxy.url);
    const before = (await dapp<unknown[]>('announced')).length;
    expect(await dapp<number>('requestProviders')).toBe(before + 1);
    const a = await dapp<Array<{ info: Record<string, string>; hasRequest: boolean; isTronLink: boolean; hasTronWeb: boolean }>>('announced');
    const last = a[a.length - 1]!;
    expect(last.info.name).toBe('Multichain Wallet');
    expect(last.info.rdns).toBe('dev.multichainwallet');
    expect(last.info.icon?.startsWith('data:image/')).toBe(true);
    expect(last.info.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(last).toMatchObject({ hasRequest: true, isTronLink: false, hasTronWeb: true });
  });

  it('facade utilities match tronweb; chain id comes from the custom node genesis block', async () => {
    const u = await dapp<Record<string, unknown>>('utils', me.address);
    expect(u).toEqual({ hex: TronWeb.address.toHex(me.address).toLowerCase(), back: me.address, isAddress: true, notAddress: false, sun: '1500000', trx: '1.5' });
    expect(await dapp('tron', 'eth_chainId')).toEqual({ result: node.chainId });
    expect(await dapp('tron', 'eth_accounts')).toEqual({ result: [] });
  });

  it('refuses signing before connect (4100) without a window', async () => {
    const r = await dapp('trx', 'signMessageV2', 'hello');
    expect(r.error?.code).toBe(4100);
    expect(await visibleApprovals()).toBe(0);
  });

  it('a rejected legacy tron_requestAccounts resolves with code 4001', async () => {
    const pending = dapp('tronLink', 'tron_requestAccounts');
    await decide(false);
    expect((await pending).result).toEqual({ code: 4001, message: 'User rejected the request' });
  });

  it('the TronLink adapter connects after Approve, then reads the network', async () => {
    await dapp('adapterCreate');
    await page.waitForFunction(() => (window as unknown as { dapp: { adapterState(): { readyState: string } } }).dapp.adapterState().readyState === 'Found', null, { timeout: 10_000 });
    await dapp('listen1193');
    const pending = dapp('adapterConnect');
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(me.address);
    });
    expect((await pending).error).toBeUndefined();
    expect(await dapp('adapterState')).toMatchObject({ address: me.address, state: 'Connected', connected: true });
    const g = await dapp<Record<string, unknown>>('globals');
    expect(g.defaultAddress).toEqual({ base58: me.address, hex: me.hexAddress });
    expect(g.ready).toBe(true);
    const net = await dapp('adapterNetwork');
    expect(net.result).toMatchObject({ chainId: node.chainId, fullNode: proxy.url });
    const legacy = await dapp<Array<{ action: string; data: unknown }>>('legacy');
    expect(legacy).toContainEqual({ action: 'accountsChanged', data: { address: me.address } });
    expect(legacy).toContainEqual({ action: 'setAccount', data: { address: me.address } });
    expect(legacy.some((m) => m.action === 'connect')).toBe(true);
    expect(await dapp<Array<{ event: string; data: unknown }>>('events1193')).toContainEqual({ event: 'accountsChanged', data: [me.address] });
    // A second legacy request: already whitelisted, no window.
    expect((await dapp('tronLink', 'tron_requestAccounts')).result).toEqual({ code: 200, message: 'The site is already in the whitelist' });
  });

  it('signMessage (TIP-191 V2) verifies with tronweb Trx.verifyMessageV2', async () => {
    const message = 'Sign in to the TRON e2e dApp: nonce 7';
    const pending = dapp('adapterSignMessage', message);
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(message);
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    expect(Trx.verifyMessageV2(message, r.result as string)).toBe(me.address);
  });

  it('TIP-712: the adapter’s _signTypedData shows the typed data in the approval window; tronweb verifies the signature', async () => {
    const domain = { name: 'E2E Permit', version: '1', chainId: node.chainId, verifyingContract: recipient };
    const types = {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    };
    const message = { owner: me.address, spender: other.address, value: '1500000', nonce: 0, deadline: 1_900_000_000 };
    const pending = dapp('adapterSignTypedData', { domain, types, message });
    await decide(true, async (w) => {
      const text = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(text).toContain('TIP-712');
      expect(text).toContain('Permit');
      expect(text).toContain(other.address);
      expect(text).toContain('1500000');
      expect(await w.getByTestId('approval-warnings').textContent()).toContain(other.address);
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    const signature = r.result as string;
    expect(Trx.verifyTypedData(domain, types, message, signature, me.address)).toBe(true);
    expect(signature).toBe(Trx._signTypedData(domain, types, message, me.privateKeyHex).toLowerCase());
  });

  it('TIP-712 through window.tron: eth_signTypedData_v4 with a trcToken field verifies with tronweb; a foreign signer is refused', async () => {
    const types = { Transfer: [{ name: 'to', type: 'address' }, { name: 'id', type: 'trcToken' }, { name: 'amount', type: 'uint64' }] };
    const domain = { name: 'TRC10 Pay', chainId: node.chainId };
    const message = { to: recipient, id: '1002000', amount: 42 };
    const payload = JSON.stringify({ types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }], ...types }, primaryType: 'Transfer', domain, message });
    const foreign = await dapp('tron', 'eth_signTypedData_v4', [other.address, payload]);
    expect(foreign.error?.code).toBe(4100);
    expect((await dapp('tron', 'eth_signTypedData_v4', [me.address, '{"types":'])).error?.code).toBe(-32602);
    expect(await visibleApprovals()).toBe(0);
    const pending = dapp('tron', 'eth_signTypedData_v4', [me.address, payload]);
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain('1002000');
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    expect(Trx.verifyTypedData(domain, types, message, r.result as string, me.address)).toBe(true);
  });

  it('signTransaction on a node-built TRX transfer: decoded amounts shown, signature recovers to the owner, broadcast accepted', async () => {
    const tx = await unsignedTransfer(1_234_567);
    const pending = dapp('adapterSignTransaction', tx);
    await decide(true, async (w) => {
      const text = await w.getByTestId('approval-details').textContent();
      expect(text).toContain('1.234567 TRX');
      expect(text).toContain(recipient);
      expect(text).toContain('TransferContract');
    });
    const r = await pending;
    expect(r.error).toBeUndefined();
    const signed = r.result as Tx;
    expect(signed.txID).toBe(tx.txID);
    expect(Trx.ecRecover(signed as never)).toBe(me.address);
    const sent = await dapp('trx', 'sendRawTransaction', signed);
    expect(sent.result).toMatchObject({ result: true });
    expect(node.balance(recipient)).toBe(1_234_567n);
    const activity = await wallet.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('activity')).activity);
    expect(JSON.stringify(activity)).toContain(tx.txID);
  });

  it('window.tron (TIP-1193): eth_requestAccounts, eth_accounts, unknown chain 4902, tronWeb.trx.sign', async () => {
    expect(await dapp('tron', 'eth_requestAccounts')).toEqual({ result: [me.address] });
    expect(await dapp('tron', 'eth_accounts')).toEqual({ result: [me.address] });
    expect((await dapp('tron', 'wallet_switchEthereumChain', [{ chainId: '0x12345678' }])).error?.code).toBe(4902);
    // TIP-712 typed data for another chain is refused (TIP-712: the user agent refuses a chain id other than the active one).
    expect((await dapp('adapterSignTypedData')).error?.message).toMatch(/for chain 1, but the active TRON network is/);
    expect(await visibleApprovals()).toBe(0);
    const tx = await unsignedTransfer(1000);
    const pending = dapp('trx', 'sign', tx);
    await decide(true);
    const r = await pending;
    expect(Trx.ecRecover(r.result as never)).toBe(me.address);
  });

  it('a rejected transaction yields 4001', async () => {
    const pending = dapp('trx', 'sign', await unsignedTransfer(5));
    await decide(false);
    expect((await pending).error?.code).toBe(4001);
  });

  it('malformed input is refused with a clear error and no approval window', async () => {
    const good = await unsignedTransfer(777);
    const cases: Array<[string, unknown, RegExp]> = [
      ['garbage', { hello: 'world' }, /Malformed TRON transaction/],
      ['bad hex', { ...good, raw_data_hex: 'zz' }, /./],
      ['tampered raw_data', { ...good, raw_data: { ...good.raw_data, expiration: (good.raw_data.expiration as number) + 1 } }, /raw_data \(JSON\) disagrees/],
      ['txID mismatch', { ...good, txID: 'ab'.repeat(32) }, /not the hash of raw_data_hex/],
    ];
    for (const [name, tx, re] of cases) {
      const r = await dapp('trx', 'sign', tx);
      expect(r.error?.message, name).toMatch(re);
    }
    const foreign = await unsignedTransfer(1, other.address);
    const wrongOwner = await dapp('trx', 'sign', foreign);
    expect(wrongOwner.error?.code).toBe(4100);
    expect(wrongOwner.error?.message).toContain(other.address);
    const long = await dapp('trx', 'signMessageV2', 'x'.repeat(70_000));
    expect(long.error?.code).toBe(-32602);
    expect(long.error?.message).toMatch(/at most 65536/);
    const notHex = await dapp('trx', 'sign', 'not hex at all');
    expect(notHex.error?.code).toBe(-32602);
    expect(await visibleApprovals()).toBe(0);
  });

  it('legacy trx.sign(hexString) and multiSign (permission 0) verify with tronweb', async () => {
    const hexMsg = Buffer.from('legacy tron message').toString('hex');
    const pending = dapp('trx', 'sign', hexMsg);
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-warnings').textContent()).toContain('Legacy TRON message');
    });
    const sig = (await pending).result as string;
    expect(Trx.verifySignature(hexMsg, me.address, sig)).toBe(true);
    const tx = await unsignedTransfer(31);
    const ms = dapp('adapterMultiSign', tx, 0);
    await decide(true);
    const signed = (await ms).result as Tx;
    expect(signed.signature).toHaveLength(1);
    expect(Trx.ecRecover(signed as never)).toBe(me.address);
    // A permission id the transaction does not carry is refused before any window.
    const wrongPerm = await dapp('adapterMultiSign', tx, 2);
    expect(wrongPerm.error?.message).toMatch(/Permission_id 0, not 2/);
    expect(await visibleApprovals()).toBe(0);
  });

  it('the full TronWeb loads on demand (not in the injected script) and builds through the wallet', async () => {
    expect(await dapp('fullLoaded')).toBe(false);
    const r = await dapp('buildWithFullTronWeb', recipient, 4242);
    expect(r.error).toBeUndefined();
    const tx = r.result as Tx;
    expect(tx.raw_data_hex).toMatch(/^[0-9a-f]+$/);
    expect(await dapp('fullLoaded')).toBe(true);
    expect((await dapp<string[]>('scriptTags')).some((s) => s.endsWith('/tronweb.js'))).toBe(false); // removed after load
    const pending = dapp('trx', 'sign', tx);
    await decide(true, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain('0.004242 TRX');
    });
    expect(Trx.ecRecover((await pending).result as never)).toBe(me.address);
  });

  it('wallet_switchEthereumChain (TIP-3326) after approval: chainChanged and setNode reach the page', async () => {
    await dapp('clearLegacy');
    const pending = dapp('tron', 'wallet_switchEthereumChain', [{ chainId: '0xcd8690dc' }]);
    await decide(true);
    expect((await pending).error).toBeUndefined();
    await page.waitForFunction(() => (window as unknown as { dapp: { events1193(): Array<{ event: string }> } }).dapp.events1193().some((e) => e.event === 'chainChanged'));
    expect(await dapp<Array<{ event: string; data: unknown }>>('events1193')).toContainEqual({ event: 'chainChanged', data: { chainId: '0xcd8690dc' } });
    const legacy = await dapp<Array<{ action: string; data: { node?: { fullNode: string } } }>>('legacy');
    expect(legacy.find((m) => m.action === 'setNode')?.data.node?.fullNode).toBe('https://nile.trongrid.io');
    expect(await dapp('tron', 'eth_chainId')).toEqual({ result: '0xcd8690dc' });
    // Back to the custom node by its genesis-derived chain id.
    const back = dapp('tron', 'wallet_switchEthereumChain', [{ chainId: node.chainId }]);
    await decide(true);
    expect((await back).error).toBeUndefined();
    expect(await dapp('tron', 'eth_chainId')).toEqual({ result: node.chainId });
  });

  it('wallet_watchAsset (TRC-20): symbol and decimals read from the contract, approved, then listed with its balance in the popup', async () => {
    const contract = node.deployTrc20('WTCH', 6);
    node.setTokenBalance(contract, me.address, 7_500_000n);
    // Refused before any window: another asset type, a wallet instead of a contract, wrong decimals.
    expect((await dapp('tronWebRequest', 'wallet_watchAsset', { type: 'trc721', options: { address: contract } })).error?.message).toMatch(/only "trc20"/);
    expect((await dapp('tronWebRequest', 'wallet_watchAsset', { type: 'trc20', options: { address: other.address } })).error?.message).toMatch(/TRC-20/);
    expect((await dapp('tronWebRequest', 'wallet_watchAsset', { type: 'trc20', options: { address: contract, decimals: 18 } })).error?.message).toMatch(/reports 6 decimals/);
    expect(await visibleApprovals()).toBe(0);
    const pending = dapp('tronWebRequest', 'wallet_watchAsset', { type: 'trc20', options: { address: contract } });
    await decide(true, async (w) => {
      const text = (await w.getByTestId('approval-details').textContent()) ?? '';
      expect(text).toContain('WTCH');
      expect(text).toContain(contract);
    });
    expect(await pending).toEqual({ result: true });
    const popup = await wallet.openPage('popup.html');
    try {
      await popup.getByTestId('network-chip').waitFor();
      await expect.poll(async () => (await networkNames(popup)).some((t) => /TRON \(custom node\)/.test(t)), { timeout: 20_000 }).toBe(true);
      await pickNetwork(popup, /TRON \(custom node\)/);
      await expect.poll(() => popup.getByTestId('balance-WTCH').getByTestId('amount').getAttribute('title').catch(() => null), { timeout: 20_000 }).toBe('7.5');
    } finally {
      await popup.close();
    }
  });

  it('no secret reaches storage', async () => {
    const dump = await dumpAllStorage(wallet);
    expect(dump).not.toContain(me.privateKeyHex);
    expect(dump).not.toContain(MNEMONIC);
    expect(dump).not.toContain(PASSWORD);
  });

  it('with an imported key of another chain selected: the chain id, provider state and node reads still answer; accounts [], legacy connect null, signing 4100', async () => {
    const popup = await wallet.openPage('popup.html');
    try {
      // An Ethereum private key (not a TRON one) becomes the selected wallet.
      const added = (await popup.evaluate(
        (secret) => (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ kind: 'ui', method: 'addWallet', params: { secret, name: 'EVM key' } }),
        { kind: 'privateKey', family: 'evm', privateKey: other.privateKeyHex },
      )) as { ok: boolean };
      expect(added.ok).toBe(true);
      expect(await dapp('tron', 'eth_chainId')).toEqual({ result: node.chainId });
      expect(await dapp('tron', 'mcw_tronState')).toMatchObject({ result: { address: null, chainId: node.chainId, fullNode: proxy.url } });
      expect(await dapp('trx', 'getBalance', me.address)).toEqual({ result: Number(node.balance(me.address)) });
      expect(await dapp('tron', 'eth_accounts')).toEqual({ result: [] });
      expect(await dapp('tronLink', 'tron_requestAccounts')).toEqual({ result: null });
      const sign = await dapp('trx', 'signMessageV2', 'hello');
      expect(sign.error?.code).toBe(4100);
      expect(sign.error?.message).toBe('The selected wallet has no TRON account');
      expect(await visibleApprovals()).toBe(0);
    } finally {
      await popup.close();
    }
  });

  it('while locked: legacy tron_requestAccounts answers null at once, accounts [], the chain id still answers; no window opens', async () => {
    for (const p of approvalPages()) await p.close().catch(() => undefined);
    const popup = await wallet.openPage('popup.html');
    try {
      await popup.getByTestId('lock').click();
      await popup.getByTestId('unlock-password').waitFor();
      expect(await dapp('tronLink', 'tron_requestAccounts')).toEqual({ result: null });
      expect(await dapp('tron', 'eth_accounts')).toEqual({ result: [] });
      expect(await dapp('tron', 'eth_chainId')).toEqual({ result: node.chainId });
      expect(await dapp('tron', 'mcw_tronState')).toMatchObject({ result: { address: null, chainId: node.chainId } });
      expect(approvalPages()).toHaveLength(0);
    } finally {
      await popup.close();
    }
  });
});
