/**
 * Service-worker cold start: every service worker is stopped (CDP ServiceWorker.stopAllWorkers),
 * a fresh page loads, and the first answer is timed: the wallet's eth_chainId against the bare
 * echo extension's echo, alternating which goes first. Both content scripts open their port on
 * that first request, so both pay the worker start; the difference is the wallet's own start-up.
 * For reference (no budget) also the first answer that needs the rest of the background
 * (`wallet_getPermissions`: the worker's eager core loads wallet-worker.js with importScripts()).
 */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function measureColdStart({ ctx, pageUrl, walletId, echoId, trials = 15 }) {
  const control = await ctx.newPage();
  await control.goto(`chrome-extension://${echoId}/blank.html`);
  const cdp = await ctx.newCDPSession(control);
  await cdp.send('ServiceWorker.enable');
  const running = new Set();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      const id = new URL(v.scriptURL).host;
      if (v.runningStatus === 'running' || v.runningStatus === 'starting') running.add(id);
      else if (v.runningStatus === 'stopped') running.delete(id);
    }
  });
  const stopAll = async () => {
    // Retried: on a loaded machine a stop can take seconds, and an alarm may wake a worker again.
    for (let attempt = 0; attempt < 5; attempt++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      for (let i = 0; i < 100 && (running.has(walletId) || running.has(echoId)); i++) await sleep(20);
      if (!running.has(walletId) && !running.has(echoId)) {
        await sleep(150);
        if (!running.has(walletId) && !running.has(echoId)) return;
      }
    }
    throw new Error(`the service workers did not stop (running: ${[...running].join(', ')})`);
  };
  const wallet = [];
  const echo = [];
  const full = [];
  /** Loads after which the worker was already running before the request (page load woke it). */
  const wokenByLoad = { wallet: 0, echo: 0, full: 0 };
  const timeFirst = async (which) => {
    await stopAll();
    const page = await ctx.newPage();
    await page.goto(pageUrl);
    await cdp.send('ServiceWorker.enable'); // a round trip, so status events of the load have arrived
    if (running.has(which === 'echo' ? echoId : walletId)) wokenByLoad[which]++;
    const ms = await page.evaluate(async (w) => {
      const t = performance.now();
      if (w === 'wallet') await window.ethereum.request({ method: 'eth_chainId' });
      else if (w === 'full') await window.ethereum.request({ method: 'wallet_getPermissions' });
      else {
        await new Promise((res) => {
          const id = Math.random();
          const h = (e) => { if (e.data && e.data.ch === 'echo-out' && e.data.id === id) { window.removeEventListener('message', h); res(); } };
          window.addEventListener('message', h);
          window.postMessage({ ch: 'echo-in', id }, location.origin);
        });
      }
      return performance.now() - t;
    }, which);
    await page.close();
    ({ wallet, echo, full })[which].push(ms);
  };
  for (let i = 0; i < trials; i++) {
    const order = i % 2 ? ['wallet', 'echo', 'full'] : ['full', 'echo', 'wallet'];
    for (const w of order) await timeFirst(w);
  }
  await control.close();
  return { wallet, echo, full, wokenByLoad };
}
