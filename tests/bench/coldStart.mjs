/**
 * Service-worker cold start: every service worker is stopped (CDP ServiceWorker.stopAllWorkers),
 * a fresh page loads, and the first answer is timed: the wallet's eth_chainId against the bare
 * echo extension's echo, alternating which goes first. Both content scripts open their port on
 * that first request, so both pay the worker start; the difference is the wallet's own start-up.
 * For reference (no budget) also the first answer that needs the rest of the background
 * (`wallet_getPermissions`: the worker's eager core loads wallet-worker.js with importScripts()).
 */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Stops every service worker of `ids` (CDP on `control`) and waits until none runs. */
async function workerStopper(ctx, control, ids) {
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
  return { cdp, running, stopAll: async () => {
    // Retried: on a loaded machine a stop can take seconds, and an alarm may wake a worker again.
    for (let attempt = 0; attempt < 5; attempt++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const anyRunning = () => ids.some((id) => running.has(id));
      for (let i = 0; i < 100 && anyRunning(); i++) await sleep(20);
      if (!anyRunning()) {
        await sleep(150);
        if (!anyRunning()) return;
      }
    }
    throw new Error(`the service workers did not stop (running: ${[...running].join(', ')})`);
  } };
}

export async function measureColdStart({ ctx, pageUrl, walletId, echoId, trials = 15 }) {
  const control = await ctx.newPage();
  await control.goto(`chrome-extension://${echoId}/blank.html`);
  const { cdp, running, stopAll } = await workerStopper(ctx, control, [walletId, echoId]);
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

/**
 * What Chromium itself adds to a worker's start when the worker has installed a script it may
 * import later (the only way an MV3 background can load code on demand): the same echo worker,
 * woken by a message from its own extension page, with and without the wallet's wallet-worker.js
 * installed (never run after installation). Chromium hands every installed script, with the code
 * cache it made of it, to the worker on each start.
 */
export async function measureInstalledFloor({ ctx, echoId, installedId, trials = 15 }) {
  const control = await ctx.newPage();
  await control.goto(`chrome-extension://${echoId}/blank.html`);
  const { stopAll } = await workerStopper(ctx, control, [echoId, installedId]);
  const pages = { echo: await ctx.newPage(), installed: await ctx.newPage() };
  await pages.echo.goto(`chrome-extension://${echoId}/blank.html`);
  await pages.installed.goto(`chrome-extension://${installedId}/blank.html`);
  const times = { echo: [], installed: [] };
  for (let i = 0; i < trials; i++) {
    for (const which of i % 2 ? ['echo', 'installed'] : ['installed', 'echo']) {
      await stopAll();
      times[which].push(await pages[which].evaluate(async () => {
        const t = performance.now();
        await chrome.runtime.sendMessage('ping');
        return performance.now() - t;
      }));
    }
  }
  for (const p of [control, pages.echo, pages.installed]) await p.close();
  return times;
}
