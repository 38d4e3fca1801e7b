/**
 * Service-worker cold start: every service worker is stopped (CDP ServiceWorker.stopAllWorkers),
 * a fresh page loads, and the first answer is timed: the wallet's eth_chainId against the bare
 * echo extension's echo, alternating which goes first. Both content scripts open their port on
 * that first request, so both pay the worker start; the difference is the wallet's own start-up.
 * For reference (no budget) also the first answer that needs the rest of the background
 * (`wallet_getPermissions`: the worker's eager core loads wallet-worker.js with importScripts()).
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Stops every service worker of `ids` (CDP on `control`) and waits until none runs. */
export async function workerStopper(ctx, control, ids) {
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

/**
 * Times, in `page`, the first answer of `which`: the wallet's `eth_chainId` ('wallet'), its
 * `wallet_getPermissions` ('full'), or the echo extension's echo ('echo').
 */
export function firstAnswer(page, which) {
  return page.evaluate(async (w) => {
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
}

/** `full: false` leaves out the answer that needs the rest of the background. */
export async function measureColdStart({ ctx, pageUrl, walletId, echoId, trials = 15, full: withFull = true }) {
  const control = await ctx.newPage();
  await control.goto(`chrome-extension://${echoId}/blank.html`);
  // A page of each extension stays open (the echo's is the control page): a stopped worker then starts in
  // its extension's running process, for both alike.
  const walletPage = await ctx.newPage();
  await walletPage.goto(`chrome-extension://${walletId}/blank.html`);
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
    const ms = await firstAnswer(page, which);
    await page.close();
    ({ wallet, echo, full })[which].push(ms);
  };
  for (let i = 0; i < trials; i++) {
    const order = i % 2 ? ['wallet', 'echo', 'full'] : ['full', 'echo', 'wallet'];
    for (const w of order) if (w !== 'full' || withFull) await timeFirst(w);
  }
  await control.close();
  await walletPage.close();
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
  return measureWakes({ ctx, ids: { echo: echoId, installed: installedId }, trials });
}

/**
 * Each extension's worker stopped, then woken by a runtime message from a page of its own, `trials`
 * times each, the order reversed every trial: `{ [name]: ms[] }`. The first name's extension hosts the
 * control page; every extension needs a `blank.html` and a worker that answers runtime messages.
 */
export async function measureWakes({ ctx, ids, trials = 15 }) {
  const names = Object.keys(ids);
  const control = await ctx.newPage();
  await control.goto(`chrome-extension://${ids[names[0]]}/blank.html`);
  const { stopAll } = await workerStopper(ctx, control, Object.values(ids));
  const pages = {};
  for (const n of names) {
    pages[n] = await ctx.newPage();
    await pages[n].goto(`chrome-extension://${ids[n]}/blank.html`);
  }
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < trials; i++) {
    for (const n of i % 2 ? [...names].reverse() : names) {
      await stopAll();
      times[n].push(await pages[n].evaluate(async () => {
        const t = performance.now();
        await chrome.runtime.sendMessage('ping');
        return performance.now() - t;
      }));
    }
  }
  for (const p of [control, ...Object.values(pages)]) await p.close();
  return times;
}

/**
 * Where the installed floor comes from: the same echo / installed pair in a browser of its own, on a
 * profile kept on disk, measured twice. First as Chromium leaves it; then, the browser closed, with the
 * code cache Chromium made of the installed wallet-worker.js at installation (the metadata stream of its
 * entry in the profile's `Service Worker/ScriptCache`, `<key>_1`) removed, and the same profile opened
 * again. The worker's scripts themselves stay. `script`: the installed script's bytes. Returns both sets
 * of timings and the sizes of the script and of its code cache. No API lets an extension choose or drop
 * that cache: this only shows its cost.
 */
export async function measureCodeCacheFloor({ chromium, executablePath, args, echoDir, installedDir, script, trials = 15 }) {
  const profile = mkdtempSync(join(tmpdir(), 'bench-codecache-'));
  let { ctx, ids } = await openProfile({ chromium, executablePath, args, profile, dirs: [echoDir, installedDir] });
  const wakeIds = { echo: ids.echo, installed: ids.installed };
  const withCache = await measureWakes({ ctx, ids: wakeIds, trials });
  await ctx.close();
  const cache = codeCacheFile(profile, script.subarray(0, 120).toString());
  if (!cache) throw new Error('found no code cache of the installed script in the profile');
  const cacheBytes = statSync(cache).size;
  rmSync(cache);
  ({ ctx } = await openProfile({ chromium, executablePath, args, profile, dirs: [echoDir, installedDir] }));
  const withoutCache = await measureWakes({ ctx, ids: wakeIds, trials });
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
  return { withCache, withoutCache, cacheBytes, scriptBytes: script.length };
}

/**
 * Chromium on a profile directory with the unpacked extensions `dirs` loaded, once each one's worker
 * has started (the first start installs it): the context and each extension's id by its manifest name.
 */
export async function openProfile({ chromium, executablePath, args, profile, dirs }) {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true,
    args: [...args, `--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`],
  });
  for (let i = 0; i < 60 && ctx.serviceWorkers().length < dirs.length; i++) await ctx.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => undefined);
  const ids = {};
  for (const w of ctx.serviceWorkers()) ids[await w.evaluate(() => chrome.runtime.getManifest().name)] = new URL(w.url()).host;
  if (Object.keys(ids).length < dirs.length) throw new Error(`only ${Object.keys(ids).length} of ${dirs.length} extension workers started`);
  return { ctx, ids };
}

/**
 * The file holding the code cache Chromium keeps for the installed service-worker script that begins
 * with `head` in `profile`, or null. Its simple cache keeps an entry's headers and body in `<key>_0` (the
 * body after a short header; the key is a number, not the URL) and its metadata in `<key>_1`. Throws if
 * more than one entry begins with `head`.
 */
export function codeCacheFile(profile, head) {
  const dir = join(profile, 'Default', 'Service Worker', 'ScriptCache');
  const probe = Buffer.from(head);
  const keys = readdirSync(dir).filter((f) => f.endsWith('_0')).map((f) => f.slice(0, -2)).filter((key) => {
    const fd = openSync(join(dir, `${key}_0`), 'r');
    const buf = Buffer.alloc(probe.length + 256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    return buf.subarray(0, n).includes(probe);
  });
  if (keys.length > 1) throw new Error(`${keys.length} installed scripts begin with ${JSON.stringify(head)}`);
  return keys.length && existsSync(join(dir, `${keys[0]}_1`)) ? join(dir, `${keys[0]}_1`) : null;
}
