/**
 * Page load costs the wallet nothing until the page asks: the relay (document_idle) opens its port
 * on the page's first request, so loading a page does not start the stopped service worker; the
 * providers announced at document_start (EIP-6963 through mipd, Wallet Standard through
 * @wallet-standard/app) still answer, the first request going out after the relay said `ready`.
 * The families' real provider code (inpage-late.js) also comes at document_idle, after
 * DOMContentLoaded: what a page's first script does with their stand-ins before then is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { importWallet, launchWallet, type Wallet } from './support/chromium';
import { startDappServer, type DappServer } from './support/dappServer';
import { isWorkerRunning, stopServiceWorker } from './support/workerControl';

const PASSWORD = 'e2e lazy relay password 1';
const MNEMONIC = 'test test test test test test test test test test test junk';
type CallResult = { result?: unknown; error?: { code?: number; message: string } };

describe('relay connects on the first request; providers announced at load answer', () => {
  let wallet: Wallet;
  let server: DappServer;
  let cdp: CDPSession;
  let control: Page;

  /** Whether the wallet's service worker is running, as the browser lists its targets. */
  const workerRunning = (): Promise<boolean> => isWorkerRunning(cdp, wallet.extensionId);
  const stopWorker = (): Promise<void> => stopServiceWorker(cdp, wallet.extensionId);
  /** Opens a page and waits until the relay announced itself (so it has run, and not connected). */
  /** A page at /<name>.html whose head is one inline script (served by the test, the relay left to load as usual). */
  const openInlinePage = async (name: string, script: string): Promise<Page> => {
    const page = await wallet.context.newPage();
    const url = `http://127.0.0.1:${server.port}/${name}.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><script>${script}</script></head><body>${name}</body></html>` }));
    await page.goto(url);
    return page;
  };
  const openAfterRelayReady = async (name: string): Promise<Page> => {
    const page = await wallet.context.newPage();
    await page.addInitScript(() => {
      window.addEventListener('message', (e) => {
        const d = e.data as { channel?: string; type?: string } | null;
        if (e.source === window && d?.channel === 'mcw:content' && d.type === 'ready') (window as unknown as { __relayReady: boolean }).__relayReady = true;
      });
    });
    await page.goto(server.url(name));
    await page.waitForFunction(() => (window as unknown as { __relayReady?: boolean }).__relayReady === true, undefined, { timeout: 30_000 });
    return page;
  };

  beforeAll(async () => {
    [server, wallet] = await Promise.all([startDappServer(['evm-dapp', 'sol-dapp']), launchWallet()]);
    await importWallet(wallet, MNEMONIC, PASSWORD);
    control = await wallet.context.newPage(); // a web-less tab for the CDP session
    cdp = await wallet.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
  });
  afterAll(async () => {
    await wallet?.close();
    await server?.stop();
  });

  it('loading a page does not start the stopped worker; the first EIP-6963 request does, and is answered', async () => {
    await stopWorker();
    const page = await openAfterRelayReady('evm-dapp');
    // The provider was announced at document_start (mipd saw it) while nothing connected.
    const providers = await page.evaluate(() => (window as unknown as { dapp: { providers: () => Array<{ rdns: string }> } }).dapp.providers());
    expect(providers.map((p) => p.rdns)).toEqual(['dev.multichainwallet']);
    expect(await workerRunning()).toBe(false);

    const r = await page.evaluate(() => (window as unknown as { dapp: { call: (m: string) => Promise<CallResult> } }).dapp.call('eth_chainId'));
    expect(r.error).toBeUndefined();
    expect(r.result).toMatch(/^0x[0-9a-f]+$/);
    expect(await workerRunning()).toBe(true);
    // window.ethereum, built on first touch, is the very object announced through EIP-6963.
    expect(await page.evaluate(() => (window as unknown as { dapp: { sameAsWindowEthereum?: () => boolean } }).dapp.sameAsWindowEthereum?.() ?? null)).toBe(true);
    await page.close();
  });

  it('a request made by the first inline script, before the relay arrived, is re-posted on `ready` and answered', async () => {
    // The page's first inline script asks at once, long before the document_idle relay exists.
    const page = await openInlinePage('early', 'window.__early = window.ethereum.request({ method: "eth_chainId" }).then((r) => ({ result: r }), (e) => ({ error: e.code }));');
    const early = await page.evaluate(() => (window as unknown as { __early: Promise<CallResult> }).__early);
    expect(early.error).toBeUndefined();
    expect(early.result).toMatch(/^0x[0-9a-f]+$/);
    await page.close();
  });

  it('the injected scripts leave no global of their own: a page may declare `let inpage` and `const content`', async () => {
    // A `var` left by the bundle's wrapper would be a window property, and a page's own top-level
    // `let` of the same name would then fail with a SyntaxError (the script would not run at all).
    const page = await openInlinePage('names', 'let inpage = "page\'s"; const content = 1; window.__ran = { inpage, content, hasEthereum: typeof window.ethereum === "object" };');
    expect(await page.evaluate(() => (window as unknown as { __ran?: unknown }).__ran)).toEqual({ inpage: "page's", content: 1, hasEthereum: true });
    expect(await page.evaluate(() => ['inpage', 'content'].filter((n) => Object.prototype.hasOwnProperty.call(window, n)))).toEqual([]);
    await page.close();
  });

  it("the bridge uses the page's natives captured at document_start, not what the page's first script put there", async () => {
    // The page's first inline script wraps postMessage and addEventListener (forwarding to the
    // originals, so the page still works) and records what goes through them, then asks.
    const script = `window.__seen = [];
      const post = window.postMessage, add = window.addEventListener;
      window.postMessage = function (m, ...rest) { window.__seen.push("post:" + (m && m.channel)); return post.call(this, m, ...rest); };
      window.addEventListener = function (type, ...rest) { window.__seen.push("listen:" + type); return add.call(this, type, ...rest); };
      window.__answer = window.ethereum.request({ method: "eth_chainId" }).then((r) => ({ result: r }), (e) => ({ error: e.code }));`;
    const page = await openInlinePage('patched', script);
    const answer = await page.evaluate(() => (window as unknown as { __answer: Promise<CallResult> }).__answer);
    expect(answer.error).toBeUndefined();
    expect(answer.result).toMatch(/^0x[0-9a-f]+$/);
    // The request went out, and its answer came back, without touching the page's wrappers.
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await page.close();
  });

  it("the families' code arrives after DOMContentLoaded; their stand-ins, used by the page's first script, answer", async () => {
    // The first inline script registers as a Wallet Standard app (the handshake by hand), subscribes
    // and silently connects through the Solana stand-in's features, subscribes to window.tron and asks
    // UniSat for its accounts: all before the families' script exists.
    const script = `window.__log = [];
      window.__hookAtDcl = null;
      document.addEventListener('DOMContentLoaded', () => { window.__hookAtDcl = window['multichainWallet:late'].bridge !== undefined; });
      document.addEventListener('scatterLoaded', () => window.__log.push('scatterLoaded'));
      window.addEventListener('tronLink#initialized', () => window.__log.push('tronLink#initialized'));
      // A page script tries to hand the stand-ins its own wallet, and to replace the hook: both refused.
      window['multichainWallet:late'].deliver({ solana: { wallet: () => ({ features: {}, accounts: [{ address: 'fake' }] }) } }, 'guess');
      window.__replaced = Reflect.defineProperty(window, 'multichainWallet:late', { value: {} });
      const wallets = [];
      window.dispatchEvent(new CustomEvent('wallet-standard:app-ready', { detail: { register: (...ws) => { wallets.push(...ws); return () => {}; } } }));
      const sol = wallets.find((w) => w.chains.includes('solana:mainnet'));
      window.__early = {
        solanaVersions: sol.features['solana:signTransaction'].supportedTransactionVersions,
        solanaAccounts: sol.accounts.length,
        tronWebBefore: typeof window.tronWeb,
        scatterBefore: typeof window.scatter,
      };
      const off = sol.features['standard:events'].on('change', () => window.__log.push('change'));
      window.__off = typeof off;
      window.__connect = sol.features['standard:connect'].connect({ silent: true }).then((r) => ({ result: r.accounts.length }), (e) => ({ error: String(e && e.message) }));
      window.__unisat = window.unisat.getAccounts().then((r) => ({ result: r }), (e) => ({ error: e.code }));
      window.tron.on('connect', () => window.__log.push('tron connect'));`;
    const page = await openInlinePage('stand-ins', script);
    expect(await page.evaluate(() => (window as unknown as { __connect: Promise<CallResult> }).__connect)).toEqual({ result: 0 });
    expect(await page.evaluate(() => (window as unknown as { __unisat: Promise<CallResult> }).__unisat)).toEqual({ result: [] });
    await page.waitForFunction(() => (window as unknown as Record<string, { bridge?: unknown }>)['multichainWallet:late']!.bridge === undefined);
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { tronWeb?: { ready: boolean }; scatter?: { isExtension: boolean } };
      return { hookAtDcl: w.__hookAtDcl, replaced: w.__replaced, early: w.__early, off: w.__off, tronWebReady: w.tronWeb?.ready, scatter: w.scatter?.isExtension, log: w.__log };
    });
    // The hook still held the bridge (the families' parts had not arrived) when DOMContentLoaded fired: they came after.
    expect(seen.hookAtDcl).toBe(true);
    expect(seen.replaced).toBe(false);
    expect(seen.early).toEqual({ solanaVersions: ['legacy', 0], solanaAccounts: 0, tronWebBefore: 'undefined', scatterBefore: 'undefined' });
    expect(seen.off).toBe('function');
    // TronLink's objects and Scatter's global came with the families' script, announced once.
    expect(seen.tronWebReady).toBe(false);
    expect(seen.scatter).toBe(true);
    expect(seen.log).toContain('scatterLoaded');
    expect(seen.log).toContain('tronLink#initialized');
    // window.tron's listener, recorded before the provider existed, was handed to it: its first touch
    // asked the wallet's TRON state and announced `connect`.
    await page.waitForFunction(() => (window as unknown as { __log: string[] }).__log.includes('tron connect'));
    await page.close();
  });

  it('a Wallet Standard wallet registered at load answers after a worker stop, the relay connecting on that request', async () => {
    await stopWorker();
    const page = await openAfterRelayReady('sol-dapp');
    const info = await page.evaluate(() => (window as unknown as { dapp: { info: () => { name: string } } }).dapp.info());
    expect(info.name).toBe('Multichain Wallet');
    expect(await workerRunning()).toBe(false);
    // A silent connect from a site never connected: answered, with no account.
    const r = await page.evaluate(() => (window as unknown as { dapp: { connect: (silent: boolean) => Promise<CallResult> } }).dapp.connect(true));
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual([]);
    expect(await workerRunning()).toBe(true);
    await page.close();
  });
});
