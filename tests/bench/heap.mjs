/**
 * Worker JS heap after four families were used: a page makes read-only requests through the real
 * providers (EVM eth_chainId / eth_accounts, UniSat getNetwork / getAccounts, TRON tron_chainId /
 * tron_accounts, Solana's Wallet Standard silent connect) and the popup lists four accounts (every
 * family derived); then a garbage collection and Runtime.getHeapUsage in the service worker,
 * reached through CDP Target messages from a page session.
 */
export async function measureWorkerHeap({ ctx, walletId, pageUrl }) {
  const page = await ctx.newPage();
  await page.goto(pageUrl);
  await page.evaluate(async () => {
    const ok = (p) => Promise.resolve(p).catch(() => undefined);
    await ok(window.ethereum.request({ method: 'eth_chainId' }));
    await ok(window.ethereum.request({ method: 'eth_accounts' }));
    await ok(window.unisat.getNetwork());
    await ok(window.unisat.getAccounts());
    await ok(window.tron.request({ method: 'tron_chainId' }));
    await ok(window.tron.request({ method: 'tron_accounts' }));
    const wallets = [];
    window.dispatchEvent(new CustomEvent('wallet-standard:app-ready', { detail: { register: (...w) => wallets.push(...w) } }));
    const sol = wallets.find((w) => w.chains.some((c) => c.startsWith('solana:')));
    if (sol) await ok(sol.features['standard:connect'].connect({ silent: true }));
  });
  const ui = await ctx.newPage();
  await ui.goto(`chrome-extension://${walletId}/popup.html`);
  await ui.evaluate(async () => {
    for (let index = 0; index < 4; index++) await chrome.runtime.sendMessage({ kind: 'ui', method: 'listAccounts', params: { index } });
  });
  const cdp = await ctx.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${walletId}/`));
  if (!sw) throw new Error('the wallet service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let next = 1;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message);
    pending.get(msg.id)?.(msg);
  });
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
  await send('HeapProfiler.collectGarbage');
  const usage = await send('Runtime.getHeapUsage');
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  await ui.close();
  await page.close();
  return usage;
}
