/**
 * EVM end to end: real Chromium with the built extension, a real anvil node, and a test dApp
 * that discovers the wallet through EIP-6963 with mipd and sends through viem. The user
 * approves (or rejects) each request by clicking in the real approval window.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPublicClient, http, verifyMessage, verifyTypedData, parseEther, type Hex } from 'viem';
import { launchWallet, type Wallet, importWallet } from './support/chromium';
import { startDappServer, type DappServer } from './support/dappServer';
import { startAnvil, DEV_MNEMONIC, type AnvilInstance } from '../support/anvil';
import { openDapp } from './support/flows';
import { approvalWindow, decide as decideIn } from './support/approvals';
import { dappCaller, stopAfterAll } from './support/suite';

const PASSWORD = 'e2e evm password 123';
const CHAIN_ID = 1337;
const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

type CallResult = { result?: unknown; error?: { code: number; message: string } };

describe('EVM provider end to end', () => {
  let wallet: Wallet;
  let anvil: AnvilInstance;
  let server: DappServer;
  let page: Page;
  let account: string;

  const keep = stopAfterAll();
  const dapp = dappCaller<CallResult>(() => page);
  /** Waits for the approval window, checks it names the requesting origin, clicks approve or reject. */
  const decide = (approve: boolean, expectOrigin: string, check?: (w: Page) => Promise<void>): Promise<void> => decideIn(wallet, expectOrigin, approve, check);

  beforeAll(async () => {
    [anvil, server, wallet] = await Promise.all([startAnvil({ chainId: CHAIN_ID }).then(keep), startDappServer(['evm-dapp']).then(keep), launchWallet().then(keep)]);
    await importWallet(wallet, DEV_MNEMONIC, PASSWORD);
    account = anvil.accounts[0]!.address;
    page = await openDapp(wallet, server.url('evm-dapp'));
  });

  it('injects before the first page script and announces itself through EIP-6963', async () => {
    expect(await page.evaluate(() => (window as unknown as { __hadEthereumAtFirstScript: boolean }).__hadEthereumAtFirstScript)).toBe(true);
    const providers = await dapp<Array<{ name: string; rdns: string; iconIsDataUri: boolean; uuid: string }>>('providers');
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({ name: 'Multichain Wallet', rdns: 'dev.multichainwallet', iconIsDataUri: true });
    expect(providers[0]!.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses signing before connect (4100) and gives no accounts', async () => {
    expect(await dapp('call', 'eth_accounts')).toEqual({ result: [] });
    const r = await dapp('call', 'personal_sign', ['0x68656c6c6f', account]);
    expect(r.error?.code).toBe(4100);
  });

  it('a rejected connect yields 4001', async () => {
    const pending = dapp('call', 'eth_requestAccounts');
    await decide(false, `http://127.0.0.1:${server.port}`);
    expect((await pending).error?.code).toBe(4001);
  });

  it('connects after the user approves in the window showing the origin', async () => {
    await dapp('listen');
    const pending = dapp('call', 'eth_requestAccounts');
    await decide(true, `http://127.0.0.1:${server.port}`, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(account);
    });
    // dApps get lower-case addresses, as MetaMask returns them (issue 19); the window shows the checksum.
    expect((await pending).result).toEqual([account.toLowerCase()]);
    expect(await dapp('call', 'eth_accounts')).toEqual({ result: [account.toLowerCase()] });
    const perms = await dapp('call', 'wallet_getPermissions');
    expect(perms.result).toMatchObject([{ parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [account.toLowerCase()] }] }]);
  });

  it('switching to an unknown chain gives 4902, then add-and-switch works after approval', async () => {
    const chainHex = `0x${CHAIN_ID.toString(16)}`;
    const sw = await dapp('call', 'wallet_switchEthereumChain', [{ chainId: chainHex }]);
    expect(sw.error?.code).toBe(4902);
    // A declared chain id that the RPC contradicts: the page's RPC is contacted only after the user
    // approves the addition, then the mismatch is refused and nothing is added.
    const pendingBad = dapp('call', 'wallet_addEthereumChain', [{ chainId: '0x539a', chainName: 'Liar', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: [anvil.url] }]);
    await decide(true, `127.0.0.1:${server.port}`);
    const bad = await pendingBad;
    expect(bad.error?.code).toBeTypeOf('number');
    expect(bad.error?.message).toMatch(/chain/i);
    // Nothing was added: the liar's chain is still unknown.
    expect((await dapp('call', 'wallet_switchEthereumChain', [{ chainId: '0x539a' }])).error?.code).toBe(4902);
    const add = dapp('call', 'wallet_addEthereumChain', [{ chainId: chainHex, chainName: 'Anvil test', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: [anvil.url] }]);
    await decide(true, `127.0.0.1:${server.port}`);
    expect((await add).result).toBeNull();
    expect(await dapp('call', 'eth_chainId')).toEqual({ result: chainHex });
    const events = await dapp<Array<{ event: string; data: unknown }>>('events');
    expect(events).toContainEqual({ event: 'chainChanged', data: chainHex });
    // Read methods go to the network's RPC.
    const bal = await dapp('call', 'eth_getBalance', [account, 'latest']);
    expect(BigInt(bal.result as string)).toBeGreaterThan(0n);
  });

  it('personal_sign and eth_signTypedData_v4 signatures verify', async () => {
    const msg = 'Hello from the e2e dApp';
    const hexMsg = `0x${Buffer.from(msg).toString('hex')}`;
    const p1 = dapp('call', 'personal_sign', [hexMsg, account]);
    await decide(true, `127.0.0.1:${server.port}`, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain(msg);
    });
    const sig = (await p1).result as Hex;
    expect(await verifyMessage({ address: account as Hex, message: msg, signature: sig })).toBe(true);

    const typed = {
      types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }], Mail: [{ name: 'contents', type: 'string' }] },
      primaryType: 'Mail',
      domain: { name: 'E2E', chainId: CHAIN_ID },
      message: { contents: 'typed hello' },
    };
    const p2 = dapp('call', 'eth_signTypedData_v4', [account, JSON.stringify(typed)]);
    await decide(true, `127.0.0.1:${server.port}`);
    const sig2 = (await p2).result as Hex;
    expect(
      await verifyTypedData({ address: account as Hex, types: { Mail: typed.types.Mail }, primaryType: 'Mail', domain: { name: 'E2E', chainId: BigInt(CHAIN_ID) }, message: typed.message, signature: sig2 }),
    ).toBe(true);
    // A domain for another chain is refused without a prompt.
    const wrong = await dapp('call', 'eth_signTypedData_v4', [account, JSON.stringify({ ...typed, domain: { name: 'E2E', chainId: 1 } })]);
    expect(wrong.error?.code).toBe(-32602);
  });

  it('sends a transaction through viem that the user approves, and it is mined', async () => {
    const client = createPublicClient({ transport: http(anvil.url) });
    const before = await client.getBalance({ address: RECIPIENT });
    const pending = dapp('viemSend', RECIPIENT, parseEther('1.25').toString());
    await decide(true, `127.0.0.1:${server.port}`, async (w) => {
      const details = await w.getByTestId('approval-details').textContent();
      expect(details).toContain('1.25 ETH');
      expect(details).toContain(RECIPIENT);
    });
    const hash = (await pending).result as Hex;
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    const receipt = await client.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    expect((await client.getBalance({ address: RECIPIENT })) - before).toBe(parseEther('1.25'));
  });

  it('a rejected transaction yields 4001 and nothing is sent', async () => {
    const client = createPublicClient({ transport: http(anvil.url) });
    const nonce = await client.getTransactionCount({ address: account as Hex });
    const pending = dapp('call', 'eth_sendTransaction', [{ from: account, to: RECIPIENT, value: '0x1' }]);
    await decide(false, `127.0.0.1:${server.port}`);
    expect((await pending).error?.code).toBe(4001);
    expect(await client.getTransactionCount({ address: account as Hex })).toBe(nonce);
  });

  it('a pending request survives the service worker being stopped', async () => {
    const pending = dapp('call', 'personal_sign', ['0x7265737461727421', account]);
    await approvalWindow(wallet);
    const cdp = await wallet.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The relay reconnects and re-sends; the background finds the queued approval by request id.
    await page.waitForTimeout(500);
    await decide(true, `127.0.0.1:${server.port}`);
    const sig = (await pending).result as Hex;
    expect(await verifyMessage({ address: account as Hex, message: 'restart!', signature: sig })).toBe(true);
  });

  it('a second request reusing a pending request id gets its own approval, never the first one’s decision', async () => {
    const harmless = `0x${Buffer.from('harmless hello').toString('hex')}`;
    const other = `0x${Buffer.from('something else entirely').toString('hex')}`;
    const answers = dapp<Array<{ result?: Hex; error?: { code: number } }>>('rawCollect', [{ channel: 'mcw:inpage', id: 'dup-1', family: 'evm', method: 'personal_sign', params: [harmless, account] }], 'dup-1', 2);
    // Wait until an approval window shows it (an earlier window may still be closing itself).
    const showing = async (text: string): Promise<boolean> => {
      for (const p of wallet.context.pages().filter((x) => x.url().includes('/approval.html'))) {
        if ((await p.getByTestId('approval-details').textContent({ timeout: 500 }).catch(() => ''))?.includes(text)) return true;
      }
      return false;
    };
    await expect.poll(() => showing('harmless hello'), { timeout: 30_000 }).toBe(true);
    // Same page, same id, different content, while the first is on screen.
    await dapp('spoof', [{ channel: 'mcw:inpage', id: 'dup-1', family: 'evm', method: 'personal_sign', params: [other, account] }]);
    await new Promise((r) => setTimeout(r, 500));
    await decide(true, `127.0.0.1:${server.port}`, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain('harmless hello');
    });
    // The second is a separate approval showing its own content: reject it.
    await expect.poll(() => showing('something else entirely'), { timeout: 30_000 }).toBe(true);
    await decide(false, `127.0.0.1:${server.port}`, async (w) => {
      expect(await w.getByTestId('approval-details').textContent()).toContain('something else entirely');
    });
    const got = await answers;
    const sigs = got.filter((a) => a.result).map((a) => a.result!);
    expect(sigs).toHaveLength(1);
    expect(await verifyMessage({ address: account as Hex, message: 'harmless hello', signature: sigs[0]! })).toBe(true);
    expect(got.find((a) => a.error)?.error?.code).toBe(4001);
  });

  it('a second origin sees no accounts until it connects', async () => {
    const other = await openDapp(wallet, server.url('evm-dapp', 'localhost'));
    const accounts = await other.evaluate(() => (window as unknown as { dapp: { call: (m: string) => Promise<unknown> } }).dapp.call('eth_accounts'));
    expect(accounts).toEqual({ result: [] });
    await other.close();
  });

  it('malformed requests get errors, open no window, and the wallet keeps working', async () => {
    const opened: string[] = [];
    const onPage = (p: Page): void => {
      if (p.url().includes('approval.html')) opened.push(p.url());
    };
    wallet.context.on('page', onPage);
    const garbage: Array<[string, unknown]> = [
      ['eth_sendTransaction', 'not an array'],
      ['eth_sendTransaction', [{ from: account, to: 'nope', value: 'xyz' }]],
      ['personal_sign', [123, account]],
      ['eth_signTypedData_v4', [account, '{not json']],
      ['wallet_switchEthereumChain', [{ chainId: 5 }]],
      ['wallet_addEthereumChain', [{ chainId: '0x01' }]],
      ['eth_sign', [account, '0x00']],
      ['totally_unknown_method', []],
      ['personal_sign', ['0x' + 'ab'.repeat(400_000), account]],
    ];
    for (const [method, params] of garbage) {
      const r = await dapp('call', method, params);
      expect(r.error, method).toBeDefined();
      expect([4200, -32602, -32600, 4100, 4902], `${method}: ${r.error?.code} ${r.error?.message}`).toContain(r.error!.code);
    }
    expect((await dapp('call', 'eth_sign', [account, '0x00'])).error?.code).toBe(4200);
    expect((await dapp('call', 'totally_unknown_method', [])).error?.code).toBe(4200);
    // Forged envelopes straight onto the bridge: wrong channel, spoofed origin fields, bad shapes.
    await dapp('spoof', [
      { channel: 'mcw:inpage', id: 'x1', family: 'evm', method: 'eth_requestAccounts', origin: 'https://evil.example' },
      { channel: 'mcw:inpage', id: 42, family: 'evm', method: 'eth_requestAccounts' },
      { channel: 'mcw:inpage', id: 'x2', family: 'nope', method: 'eth_chainId' },
      { channel: 'other', id: 'x3', family: 'evm', method: 'personal_sign' },
      'a string',
      null,
    ]);
    await page.waitForTimeout(1000);
    expect(opened).toEqual([]);
    wallet.context.off('page', onPage);
    expect(await dapp('call', 'eth_chainId')).toEqual({ result: `0x${CHAIN_ID.toString(16)}` });
  });

  it('revoking the site disconnects it', async () => {
    await dapp('call', 'wallet_revokePermissions', [{ eth_accounts: {} }]);
    expect(await dapp('call', 'eth_accounts')).toEqual({ result: [] });
    const events = await dapp<Array<{ event: string; data: unknown }>>('events');
    expect(events).toContainEqual({ event: 'accountsChanged', data: [] });
  });
});
