/**
 * A malicious dApp against the EVM provider, in real Chromium with the built extension and a real
 * anvil node. The attacker page posts raw envelopes on the bridge channel (duplicated ids, floods)
 * and the test user clicks in the real approval window. Each test prints its figures
 * ("FIGURE …": windows opened, requests answered, executions per approval) for the note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { createPublicClient, http, type Hex } from 'viem';
import { launchWallet, importWallet, type Wallet } from './support/chromium';
import { startDappServer, type DappServer } from './support/dappServer';
import { approvalWindow, approvalPages } from './support/approvals';
import { attack, clickUntil, countWindows, openAttacker, sleep, visibleApprovals, waitFor, type Answer } from './support/attacker';
import { startAnvil, DEV_MNEMONIC, type AnvilInstance } from '../support/anvil';

const PASSWORD = 'e2e malicious password 1';
const CHAIN_ID = 1337;
const CHAIN_HEX = `0x${CHAIN_ID.toString(16)}`;
const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const figure = (name: string, v: Record<string, unknown>): void => console.log(`FIGURE ${name} ${JSON.stringify(v)}`);

describe('malicious dApp: EVM', () => {
  let wallet: Wallet;
  let anvil: AnvilInstance;
  let server: DappServer;
  let page: Page;
  let account: Hex;


  const client = (): ReturnType<typeof createPublicClient> => createPublicClient({ transport: http(anvil.url) });

  beforeAll(async () => {
    [anvil, server, wallet] = await Promise.all([startAnvil({ chainId: CHAIN_ID }), startDappServer(['attacker']), launchWallet()]);
    await importWallet(wallet, DEV_MNEMONIC, PASSWORD);
    account = anvil.accounts[0]!.address;

    page = await openAttacker(wallet, server.url('attacker'));
    // The attacker is also a site the user once connected (the worst case: it may ask for signatures).
    const add = attack<Answer | null>(page, 'call', 'setup-add', 'evm', 'wallet_addEthereumChain', [
      { chainId: CHAIN_HEX, chainName: 'Anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: [anvil.url] },
    ]);
    await (await approvalWindow(wallet)).getByTestId('approve').click();
    expect((await add)?.result).toBeNull();
    const conn = attack<Answer | null>(page, 'call', 'setup-conn', 'evm', 'eth_requestAccounts');
    await (await approvalWindow(wallet)).getByTestId('approve').click();
    expect((await conn)?.result).toEqual([account.toLowerCase()]);
  });

  afterAll(async () => {
    await wallet?.close();
    await anvil?.stop();
    await server?.stop();
  });

  /** Waits until no approval window shows a request (the previous test's window closed itself). */
  async function settled(): Promise<void> {
    for (let i = 0; i < 100 && (await visibleApprovals(wallet)).length > 0; i++) await sleep(100);
  }

  it('the same eth_sendTransaction posted five times while pending is executed once, every copy gets the same hash', async () => {
    await settled();
    const before = await client().getTransactionCount({ address: account });
    const balanceBefore = await client().getBalance({ address: RECIPIENT });
    const windows = countWindows(wallet);
    const tx = [{ from: account, to: RECIPIENT, value: '0x2386f26fc10000' }];
    await attack(page, 'post', 'dup-send', 'evm', 'eth_sendTransaction', tx);
    const win = await approvalWindow(wallet);
    for (let i = 0; i < 4; i++) await attack(page, 'post', 'dup-send', 'evm', 'eth_sendTransaction', tx);
    await sleep(500);
    await win.getByTestId('approve').click();
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'dup-send')).length >= 5, 60_000);
    await sleep(1_000);
    const answers = await attack<Answer[]>(page, 'answersFor', 'dup-send');
    const mined = (await client().getTransactionCount({ address: account })) - before;
    const received = (await client().getBalance({ address: RECIPIENT })) - balanceBefore;
    figure('evm-duplicate-send', { posted: 5, answered: answers.length, windows: windows.opened(), executions: mined, receivedWei: received.toString() });
    // A copy sent after the answer (a replay) gets the recorded answer too, not a second execution or window.
    await attack(page, 'post', 'dup-send', 'evm', 'eth_sendTransaction', tx);
    const replayed = await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'dup-send')).length >= 6, 15_000);
    const replayWindow = (await visibleApprovals(wallet)).length > 0;
    if (replayWindow) await clickUntil(wallet, 'reject', async () => (await visibleApprovals(wallet)).length === 0, 10_000);
    figure('evm-replay-after-answer', { answered: replayed, windowOpened: replayWindow });
    windows.stop();
    expect(replayed).toBe(true);
    expect(replayWindow).toBe(false);
    const all = await attack<Answer[]>(page, 'answersFor', 'dup-send');
    expect(all).toHaveLength(6);
    expect(mined).toBe(1);
    expect(received).toBe(10n ** 16n);
    const hashes = new Set(all.map((a) => a.result));
    expect(hashes.size).toBe(1);
    expect([...hashes][0]).toMatch(/^0x[0-9a-f]{64}$/);
    expect(windows.opened()).toBeLessThanOrEqual(1);
  });

  it('4 simultaneous personal_sign: every one answered, one approval window', async () => {
    await settled();
    const windows = countWindows(wallet);
    await attack(page, 'flood', 'four', 4, 'evm', 'personal_sign', ['0x68656c6c6f', account]);
    const all = (): Promise<boolean> => attack<Answer[]>(page, 'answersFor', 'four').then((a) => a.length >= 4);
    const done = await clickUntil(wallet, 'approve', all, 60_000);
    const answers = await attack<Answer[]>(page, 'answersFor', 'four');
    figure('evm-4-personal_sign', { posted: 4, answered: answers.length, signed: answers.filter((a) => a.result).length, windows: windows.opened(), maxOpenAtOnce: 'n/a' });
    windows.stop();
    expect(done).toBe(true);
    expect(answers).toHaveLength(4);
    for (const a of answers) expect(a.result ?? a.error?.code).toBeDefined();
    // Within the per-site cap every request waits its turn and is signed.
    expect(answers.filter((a) => typeof a.result === 'string')).toHaveLength(4);
    expect(windows.opened()).toBeLessThanOrEqual(1);
  });

  it('a danger warning needs "I understand the risk" before Approve works; the override is logged', async () => {
    await settled();
    const hash = `0x${'ab'.repeat(32)}`;
    const pending = attack<Answer | null>(page, 'call', 'danger-1', 'evm', 'personal_sign', [hash, account]);
    const win = await approvalWindow(wallet);
    expect(await win.locator('[data-code="RAW_HASH_SIGNING"]').count()).toBe(1);
    // One click is not enough: the button is disabled until the box is ticked.
    expect(await win.getByTestId('approve').isDisabled()).toBe(true);
    await win.getByTestId('risk-ack').check();
    expect(await win.getByTestId('approve').isEnabled()).toBe(true);
    await win.getByTestId('approve').click();
    expect((await pending)?.result).toMatch(/^0x[0-9a-f]{130}$/);
    const log = await wallet.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('riskOverrides')).riskOverrides);
    expect(log).toMatchObject([{ origin: `http://127.0.0.1:${server.port}`, kind: 'signMessage', codes: ['RAW_HASH_SIGNING'] }]);
    // The background refuses an unacknowledged approval even if a window skipped the step.
    const second = attack<Answer | null>(page, 'call', 'danger-2', 'evm', 'personal_sign', [hash, account]);
    const w2 = await approvalWindow(wallet);
    const refused = await w2.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const list = (await c.runtime.sendMessage({ kind: 'ui', method: 'listApprovals', params: {} })) as { result: Array<{ id: string }> };
      return c.runtime.sendMessage({ kind: 'ui', method: 'resolveApproval', params: { id: list.result[0]!.id, decision: { approved: true } } });
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RISK_NOT_ACKNOWLEDGED' } });
    await w2.getByTestId('reject').click();
    expect((await second)?.error?.code).toBe(4001);
  });

  it('wallet_addEthereumChain: the page-supplied RPC is not contacted before approval, 40 calls give one prompt', async () => {
    await settled();
    let hits = 0;
    const rpc: Server = createServer((req, res) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      hits++;
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const id = (JSON.parse(body || '{}') as { id?: unknown }).id ?? 1;
        res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(JSON.stringify({ jsonrpc: '2.0', id, result: '0x7a69' }));
      });
    });
    await new Promise<void>((r) => rpc.listen(0, '127.0.0.1', r));
    const rpcUrl = `http://127.0.0.1:${(rpc.address() as AddressInfo).port}`;
    const stranger = await openAttacker(wallet, server.url('attacker', 'localhost'));
    const windows = countWindows(wallet);
    const params = [{ chainId: '0x7a69', chainName: 'Probe', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: [rpcUrl] }];
    await attack(stranger, 'flood', 'add', 40, 'evm', 'wallet_addEthereumChain', params);
    const win = await approvalWindow(wallet);
    await waitFor(async () => (await attack<Answer[]>(stranger, 'answersFor', 'add')).length >= 39, 30_000);
    const early = await attack<Answer[]>(stranger, 'answersFor', 'add');
    const hitsBefore = hits;
    figure('evm-add-chain-flood', { posted: 40, answeredBeforeDecision: early.length, windows: windows.opened(), rpcContactsBeforeApproval: hitsBefore });
    expect(hitsBefore).toBe(0);
    expect(early.every((a) => a.error?.code === -32002)).toBe(true);
    // Rejected: still never contacted.
    await win.getByTestId('reject').click();
    await waitFor(async () => (await attack<Answer[]>(stranger, 'answersFor', 'add')).length >= 40, 20_000);
    expect(hits).toBe(0);
    // Approved: then (and only then) the RPC is asked for its chain id.
    const ok = attack<Answer | null>(stranger, 'call', 'add-ok', 'evm', 'wallet_addEthereumChain', params);
    await (await approvalWindow(wallet)).getByTestId('approve').click();
    expect((await ok)?.result).toBeNull();
    expect(hits).toBeGreaterThanOrEqual(1);
    windows.stop();
    await stranger.close();
    await new Promise((r) => rpc.close(() => r(undefined)));
  });

  it('a blocked site is refused at once without a window; other sites are unaffected; unblocking works', async () => {
    await settled();
    const pest = await openAttacker(wallet, server.url('attacker', 'localhost'));
    const pestOrigin = `http://localhost:${server.port}`;
    const first = attack<Answer | null>(pest, 'call', 'pest-1', 'evm', 'personal_sign', ['0x6869', account]);
    const firstAnswer = await first;
    // Not connected on EVM: refused (4100) without a window. Ask for a connection instead.
    expect(firstAnswer?.error?.code).toBe(4100);
    const conn = attack<Answer | null>(pest, 'call', 'pest-conn', 'evm', 'eth_requestAccounts');
    const win = await approvalWindow(wallet);
    await win.getByTestId('block-site').click();
    await win.getByTestId('block-site-confirm').click();
    expect((await conn)?.error?.code).toBe(4001);
    const windows = countWindows(wallet);
    const refused = await attack<Answer | null>(pest, 'call', 'pest-2', 'evm', 'eth_requestAccounts', undefined, 10_000);
    expect(refused?.error?.code).toBe(4100);
    expect(refused?.error?.message).toMatch(/blocked/);
    expect((await attack<Answer | null>(page, 'call', 'still-fine', 'evm', 'eth_accounts'))?.result).toEqual([account.toLowerCase()]);
    const popup = await wallet.openPage('popup.html');
    const send = (m: unknown): Promise<unknown> => popup.evaluate((msg) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(msg), m);
    expect(((await send({ kind: 'ui', method: 'listSites', params: {} })) as { result: { blocked: Array<{ origin: string }> } }).result.blocked.map((b) => b.origin)).toEqual([pestOrigin]);
    const view = (await send({ kind: 'ui', method: 'setSiteBlocked', params: { origin: pestOrigin, blocked: false } })) as { result: { blocked: unknown[] } };
    expect(view.result.blocked).toEqual([]);
    await popup.close();
    windows.stop();
    expect(windows.opened()).toBe(0);
    await pest.close();
  });

  it('2,000 eth_requestAccounts from an unconnected site: one prompt, every request answered at once or by the user', async () => {
    await settled();
    const stranger = await openAttacker(wallet, server.url('attacker', 'localhost'));
    const windows = countWindows(wallet);
    await attack(stranger, 'flood', 'conn', 2000, 'evm', 'eth_requestAccounts');
    const win = await approvalWindow(wallet);
    await waitFor(async () => (await attack<Answer[]>(stranger, 'answersFor', 'conn')).length >= 1999, 60_000);
    await win.getByTestId('reject').click();
    await waitFor(async () => (await attack<Answer[]>(stranger, 'answersFor', 'conn')).length >= 2000, 20_000);
    const answers = await attack<Answer[]>(stranger, 'answersFor', 'conn');
    const codes = answers.map((a) => a.error?.code);
    figure('evm-2000-requestAccounts-unconnected', { posted: 2000, answered: answers.length, windows: windows.opened(), rejected4001: codes.filter((c) => c === 4001).length, pending32002: codes.filter((c) => c === -32002).length, limited32005: codes.filter((c) => c === -32005).length });
    windows.stop();
    expect(answers).toHaveLength(2000);
    expect(codes.filter((c) => c === 4001)).toHaveLength(1);
    expect(codes.every((c) => c === 4001 || c === -32002 || c === -32005)).toBe(true);
    expect(windows.opened()).toBeLessThanOrEqual(1);
    expect(JSON.stringify(answers)).not.toContain(account.slice(2).toLowerCase());
    await stranger.close();
  });

  it('locking the wallet answers every queued request with 4001', async () => {
    await settled();
    await attack(page, 'flood', 'locked', 3, 'evm', 'personal_sign', ['0x6c6f636b', account]);
    const win = await approvalWindow(wallet);
    await expect.poll(() => win.getByTestId('approval-queue').textContent().catch(() => ''), { timeout: 20_000 }).toContain('2');
    const popup = await wallet.openPage('popup.html');
    const send = (m: unknown): Promise<unknown> => popup.evaluate((msg) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(msg), m);
    await send({ kind: 'ui', method: 'lock', params: {} });
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'locked')).length >= 3, 20_000);
    const answers = await attack<Answer[]>(page, 'answersFor', 'locked');
    expect(answers.map((a) => a.error?.code)).toEqual([4001, 4001, 4001]);
    expect(answers[0]!.error!.message).toMatch(/rejected/i);
    expect(await send({ kind: 'ui', method: 'unlock', params: { password: PASSWORD } })).toMatchObject({ ok: true });
    await popup.close();
  });

  it('50 simultaneous personal_sign: the cap answers the excess at once, the rest are decided, one window', async () => {
    await settled();
    const windows = countWindows(wallet);
    await attack(page, 'flood', 'fifty', 50, 'evm', 'personal_sign', ['0x68656c6c6f', account]);
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'fifty')).length >= 40, 30_000);
    const all = (): Promise<boolean> => attack<Answer[]>(page, 'answersFor', 'fifty').then((a) => a.length >= 50);
    const done = await clickUntil(wallet, 'reject', all, 90_000);
    const answers = await attack<Answer[]>(page, 'answersFor', 'fifty');
    const codes = answers.map((a) => a.error?.code);
    figure('evm-50-personal_sign', { posted: 50, answered: answers.length, windows: windows.opened(), pending32002: codes.filter((c) => c === -32002).length, rejected4001: codes.filter((c) => c === 4001).length });
    windows.stop();
    expect(done).toBe(true);
    expect(answers).toHaveLength(50);
    expect(codes.filter((c) => c === -32002).length).toBeGreaterThanOrEqual(45);
    expect(windows.opened()).toBeLessThanOrEqual(1);
  });

  it('2,000 simultaneous personal_sign while another site connects: all answered, one window, the other site served', async () => {
    await settled();
    const windows = countWindows(wallet);
    let maxOpen = 0;
    const watch = setInterval(() => (maxOpen = Math.max(maxOpen, approvalPages(wallet).length)), 50);
    await attack(page, 'flood', 'flood', 2000, 'evm', 'personal_sign', ['0x68656c6c6f', account]);
    const other = await openAttacker(wallet, server.url('attacker', 'localhost'));
    const otherConn = attack<Answer | null>(other, 'call', 'other-conn', 'evm', 'eth_requestAccounts', undefined, 120_000);
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'flood')).length >= 1990, 60_000);
    // The user rejects the flood (all from that site at once when the window offers it), then approves the other site.
    const otherOrigin = `http://localhost:${server.port}`;
    const deadline = Date.now() + 90_000;
    let served = false;
    while (Date.now() < deadline && !served) {
      for (const w of await visibleApprovals(wallet)) {
        const from = await w.getByTestId('approval-origin').textContent().catch(() => '');
        if (from?.includes(otherOrigin)) await w.getByTestId('approve').click().catch(() => undefined);
        else if (await w.getByTestId('reject-site').isVisible().catch(() => false)) await w.getByTestId('reject-site').click().catch(() => undefined);
        else await w.getByTestId('reject').click().catch(() => undefined);
      }
      served = (await attack<Answer[]>(other, 'answersFor', 'other-conn')).length > 0;
      await sleep(150);
    }
    await waitFor(async () => (await attack<Answer[]>(page, 'answersFor', 'flood')).length >= 2000, 30_000);
    clearInterval(watch);
    const answers = await attack<Answer[]>(page, 'answersFor', 'flood');
    const conn = await Promise.race([otherConn, sleep(5_000).then(() => null)]);
    figure('evm-2000-personal_sign', { posted: 2000, answered: answers.length, windows: windows.opened(), maxOpenAtOnce: maxOpen, otherSiteServed: !!conn?.result });
    windows.stop();
    expect(answers).toHaveLength(2000);
    expect(new Set(answers.map((a) => a.id)).size).toBe(2000);
    expect(windows.opened()).toBeLessThanOrEqual(1);
    expect(conn?.result).toEqual([account.toLowerCase()]);
    await other.close();
  });

  it('grants expire after the period the user set (renewed on use); the list shows last use and expiry', async () => {
    await settled();
    const popup = await wallet.openPage('popup.html');
    const send = <T>(m: unknown): Promise<T> => popup.evaluate((msg) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(msg), m) as Promise<T>;
    type View = { ok: boolean; result: { grantDays: number; sites: Array<{ origin: string; lastUsed: number; expiresAt: number | null }> } };
    const sites = await send<View>({ kind: 'ui', method: 'listSites', params: {} });
    expect(sites.result.grantDays).toBe(30);
    const mine = sites.result.sites.find((s) => s.origin === `http://127.0.0.1:${server.port}`)!;
    expect(mine.expiresAt! - mine.lastUsed).toBe(30 * 86_400_000);
    const never = await send<View>({ kind: 'ui', method: 'setSiteGrantDays', params: { days: 0 } });
    expect(never.result.sites.every((s) => s.expiresAt === null)).toBe(true);
    expect((await send<View>({ kind: 'ui', method: 'setSiteGrantDays', params: { days: 3.5 } })).ok).toBe(false);
    await send<View>({ kind: 'ui', method: 'setSiteGrantDays', params: { days: 7 } });
    // Last used 8 days ago: the connection has lapsed and the site sees no account.
    await wallet.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome;
      const p = (await c.storage.local.get('permissions')).permissions as Record<string, Record<string, { lastUsed: number; grantedAt: number }>>;
      for (const site of Object.values(p)) for (const g of Object.values(site)) g.lastUsed = g.grantedAt = Date.now() - 8 * 86_400_000;
      await c.storage.local.set({ permissions: p });
    });
    expect((await attack<Answer | null>(page, 'call', 'expired', 'evm', 'eth_accounts'))?.result).toEqual([]);
    expect((await send<View>({ kind: 'ui', method: 'listSites', params: {} })).result.sites).toEqual([]);
    await send<View>({ kind: 'ui', method: 'setSiteGrantDays', params: { days: 30 } });
    await popup.close();
  });
});
