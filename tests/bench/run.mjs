#!/usr/bin/env node
/**
 * `npm run bench`: size and speed budgets, measured in real Chromium (not timed tests).
 *  1. Gzipped weight of everything the extension injects into a page (budget 25 KiB).
 *  2. Page → wallet round trip of eth_chainId, median of 1,000, against a bare port echo
 *     (a throwaway extension: content script relays to a service worker that echoes) measured
 *     in the same run (budget: within 2×).
 *  3. Popup: median time to first meaningful render (accounts and cached balances on screen) over 20 opens, against a
 *     blank extension page, and the popup's initial JS (gzipped, budget 150 kB).
 *  4. Service-worker cold start to the first dApp answer against a bare echo extension (coldStart.mjs),
 *     and for reference what Chromium adds for the installed background and how much of it is its code cache.
 *  5. Page load against an extension injecting one empty MAIN-world script: main-thread CPU (budget) and DOMContentLoaded (pageLoad.mjs).
 *  6. Unlock through the UI against the bare Argon2id KDF in an extension page (unlock.mjs).
 *  7. personal_sign by account #100 against account #1 of the same wallet (manyAccounts.mjs).
 *  8. Worker JS heap after four families were used (heap.mjs).
 * Every ratio is against a baseline measured interleaved in the same browser, in this run.
 */
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DCL_PATH, FLOOR_PATH, MAIN_ONLY_PATH, NONE_PATH, writeBaselines, writeWalletCopy } from './baselines.mjs';
import { measureCodeCacheFloor, measureColdStart, measureInstalledFloor } from './coldStart.mjs';
import { measurePageLoad } from './pageLoad.mjs';
import { measureUnlock } from './unlock.mjs';
import { measureManyAccounts } from './manyAccounts.mjs';
import { measureWorkerHeap } from './heap.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const EXT = resolve(ROOT, process.env.MCW_OUT_DIR ?? '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const PASSWORD = 'benchmark password 123';
const results = [];
const report = (name, value, budget, ok) => {
  results.push({ name, value, budget, ok });
  console.log(`${ok ? 'PASS' : 'OVER'}  ${name}: ${value}  (budget ${budget})`);
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Median and quartiles (linear interpolation). */
const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => { const i = (s.length - 1) * p; const lo = Math.floor(i); return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo); };
  return { q1: q(0.25), median: q(0.5), q3: q(0.75) };
};
/** BENCH_ONLY=rtt,cold,dcl,popup,unlock,many,heap runs a subset (while working on one figure). */
const want = (name) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name);
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

if (!existsSync(join(EXT, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });

// 1. Injected weight: every content script the manifest declares.
const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
const injected = manifest.content_scripts.flatMap((c) => c.js);
const injectedGz = injected.reduce((n, f) => n + gz(join(EXT, f)), 0);
report(`injected scripts gzipped (${injected.join(' + ')})`, `${(injectedGz / 1024).toFixed(2)} KiB`, '25 KiB', injectedGz <= 25 * 1024);

// Popup initial JS: the scripts popup.html loads and their static imports.
const popupHtml = readFileSync(join(EXT, 'popup.html'), 'utf8');
const entry = [...popupHtml.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
const preloads = [...popupHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
const popupFiles = [...new Set([...entry, ...preloads])].map((p) => join(EXT, p.replace(/^\//, '')));
const popupGz = popupFiles.reduce((n, f) => n + gz(f), 0);
report(`popup initial JS gzipped (${popupFiles.length} files)`, `${(popupGz / 1000).toFixed(1)} kB`, '150 kB', popupGz <= 150_000);

// The baselines: a bare echo extension (with a blank page and a bare KDF page) and the page-load floor.
const { echoDir, floorDir, installedDir } = writeBaselines(ROOT, join(EXT, 'wallet-worker.js'));
const ratio = (a, b) => `${a.toFixed(1)} ms vs ${b.toFixed(1)} ms (${(a / b).toFixed(2)}×)`;

const serve = async () => {
  const s = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><p>bench</p>'));
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return s;
};
const server = await serve();
const serverB = await serve(); // a second origin for the many-accounts measurement
const port = server.address().port;
const pageUrl = `http://127.0.0.1:${port}/`;

const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const launch = async (dirs, withWorkers) => {
  const ctx = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM, headless: true,
    args: [...ARGS, `--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`],
  });
  const workers = [];
  while (workers.length < withWorkers) {
    workers.splice(0, workers.length, ...ctx.serviceWorkers());
    if (workers.length < withWorkers) await ctx.waitForEvent('serviceworker', { timeout: 30_000 }).catch(() => undefined);
  }
  return { ctx, workers };
};

const { ctx, workers } = await launch([writeWalletCopy(EXT), echoDir, floorDir, installedDir], 3);
const idOf = (needle) => new URL(workers.find((w) => w.url().endsWith(needle)).url()).host;
const walletId = idOf('/background.js');
const echoId = idOf('/sw.js');
const installedId = idOf('/sw-installed.js');

// Set up a wallet (so the popup has accounts to render).
const ob = await ctx.newPage();
await ob.goto(`chrome-extension://${walletId}/onboarding.html`);
await ob.getByTestId('import').click();
await ob.getByTestId('import-mnemonic').fill(MNEMONIC);
await ob.getByTestId('import-next').click();
await ob.getByTestId('new-password').fill(PASSWORD);
await ob.getByTestId('confirm-password').fill(PASSWORD);
await ob.getByTestId('finish').click();
await ob.getByTestId('onboarding-done').waitFor({ timeout: 60_000 });
await ob.close();

if (want('rtt')) {
// 2. Round trips.
const page = await ctx.newPage();
await page.goto(pageUrl);
await page.waitForFunction(() => typeof window.ethereum === 'object');
const times = await page.evaluate(async (n) => {
  const echo = () => new Promise((res) => {
    const id = Math.random();
    const h = (e) => { if (e.data && e.data.ch === 'echo-out' && e.data.id === id) { window.removeEventListener('message', h); res(); } };
    window.addEventListener('message', h);
    window.postMessage({ ch: 'echo-in', id }, location.origin);
  });
  for (let i = 0; i < 50; i++) { await echo(); await window.ethereum.request({ method: 'eth_chainId' }); }
  const a = [], b = [];
  for (let i = 0; i < n; i++) {
    let t = performance.now(); await echo(); a.push(performance.now() - t);
    t = performance.now(); await window.ethereum.request({ method: 'eth_chainId' }); b.push(performance.now() - t);
  }
  return { echo: a, wallet: b };
}, 1000);
const mEcho = median(times.echo);
const mWallet = median(times.wallet);
report('eth_chainId round trip, median of 1,000', `${mWallet.toFixed(3)} ms vs bare echo ${mEcho.toFixed(3)} ms (${(mWallet / mEcho).toFixed(2)}×)`, '≤ 1.5× echo', mWallet <= 1.5 * mEcho);
await page.close();
}

// 4. Cold start.
if (want('cold')) {
const cold = await measureColdStart({ ctx, pageUrl, walletId, echoId });
const [cW, cE] = [median(cold.wallet), median(cold.echo)];
report(`worker cold start to first answer, median of ${cold.wallet.length}`, `eth_chainId ${ratio(cW, cE)} bare echo; worker already woken by the page load in ${cold.wokenByLoad.wallet} of ${cold.wallet.length} loads`, '≤ 1.3× echo, not woken by load', cW <= 1.3 * cE && cold.wokenByLoad.wallet === 0);
console.log(`      for reference: first answer needing the rest of the background (wallet_getPermissions) ${ratio(median(cold.full), cE)} bare echo`);
const floor = await measureInstalledFloor({ ctx, echoId, installedId });
const [fI, fE] = [median(floor.installed), median(floor.echo)];
console.log(`      for reference: Chromium's cost of an installed, lazily imported background: an echo worker woken from its own page with the wallet's wallet-worker.js installed (never run) ${ratio(fI, fE)} without (+${(fI - fE).toFixed(1)} ms; the wallet's eth_chainId is +${(cW - cE).toFixed(1)} ms over its echo)`);
}

// 5. Page load.
if (want('dcl')) {
const dcl = await measurePageLoad({ ctx, walletUrl: `http://127.0.0.1:${port}${DCL_PATH}`, mainUrl: `http://127.0.0.1:${port}${MAIN_ONLY_PATH}`, floorUrl: `http://127.0.0.1:${port}${FLOOR_PATH}`, noneUrl: `http://127.0.0.1:${port}${NONE_PATH}` });
const [dW, dF, dN] = [median(dcl.wallet), median(dcl.floor), median(dcl.none)];
const [sD, tD, sW, sM, tM, dM] = [spread(dcl.scriptDiff), spread(dcl.taskDiff), spread(dcl.scriptWallet), spread(dcl.mainScriptDiff), spread(dcl.mainTaskDiff), spread(dcl.mainDiff)];
const sgn = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
const iqr = (s) => `IQR ${sgn(s.q1)} … ${sgn(s.q3)}`;
const dD = spread(dcl.diff);
// The budget is judged on the main-thread CPU (stable, unlike the wall clock) of what runs before
// DOMContentLoaded: the MAIN-world script at document_start, all of its work, since the parser waits for
// it. Its JavaScript alone (ScriptDuration) leaves out compiling the script, which Chromium does on the
// main thread at every load (content scripts get no code cache): until session 11 the budget was judged
// on JavaScript alone. The whole page load (with the relay and the families' script, which run at
// document_idle, after DOMContentLoaded) and the wall clock are printed with their spread.
report(`page load: main-thread CPU before DOMContentLoaded (the document_start script) over the empty MAIN-world floor, median of ${dcl.wallet.length} paired loads`, `all main-thread work ${sgn(tM.median)} ms (${iqr(tM)}), of which JavaScript ${sgn(sM.median)} ms (${iqr(sM)})`, '≤ floor + 2 ms (all main-thread work)', tM.median <= 2);
console.log(`      the whole page load, with the document_idle scripts (relay, families): JavaScript ${sgn(sD.median)} ms (${iqr(sD)}; wallet's scripts ${sW.median.toFixed(2)} ms), all main-thread work ${sgn(tD.median)} ms (${iqr(tD)})`);
console.log(`      DOMContentLoaded wall clock − floor: document_start script only ${sgn(dM.median)} ms (${iqr(dM)}), every script ${sgn(dD.median)} ms (${iqr(dD)}); medians wallet ${dW.toFixed(1)} ms, floor ${dF.toFixed(1)} ms, no extension ${dN.toFixed(1)} ms`);
}

let anvil = null;
if (want('popup')) {
// 3. Popup first meaningful render vs a blank extension page, 20 opens each. "Meaningful": the
// selected account's addresses AND its cached balances on screen. The wallet's network is a
// real anvil node (random loopback port) so a first refresh fills the balance cache; each open
// then paints from the cache and refreshes after. The popup sets User Timing marks in the frame
// after React commits each part (src/ui/perf.ts); the blank page is timed at its first frame.
const anvilPort = 20000 + Math.floor(Math.random() * 20000);
anvil = spawn(join(ROOT, 'node_modules/.bin/anvil'), ['--host', '127.0.0.1', '--port', String(anvilPort), '--chain-id', '31338', '--silent'], { stdio: 'ignore' });
const anvilUrl = `http://127.0.0.1:${anvilPort}`;
for (let i = 0; ; i++) {
  const ok = await fetch(anvilUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}' }).then((r) => r.ok, () => false);
  if (ok) break;
  if (i > 100) throw new Error('anvil did not start');
  await new Promise((r) => setTimeout(r, 100));
}
const setup = await ctx.newPage();
await setup.goto(`chrome-extension://${walletId}/popup.html`);
const added = await setup.evaluate((rpcUrl) => chrome.runtime.sendMessage({ kind: 'ui', method: 'addNetwork', params: { name: 'Bench anvil', chainId: 31338, rpcUrl, symbol: 'ETH' } }).then((r) => r.ok && chrome.runtime.sendMessage({ kind: 'ui', method: 'setActiveNetwork', params: { chainId: 31338 } })), anvilUrl);
if (!added?.ok) throw new Error(`could not select the bench network: ${JSON.stringify(added)}`);
await setup.reload();
await setup.getByTestId('balance-ETH').waitFor({ timeout: 30_000 });
await setup.close();

const popupTimes = [];
const blankTimes = [];
// Both extensions' processes stay up during the 20 opens: the wallet's because its worker answers
// each popup; the echo's through this open page. Without it the blank page's timing included
// starting the echo extension's renderer process whenever an earlier step had left its worker
// stopped (≈ 130 ms instead of ≈ 60 ms), which made the ratio look better than it is.
const warmEcho = await ctx.newPage();
await warmEcho.goto(`chrome-extension://${echoId}/blank.html`);
const POPUP_OPENS = Number(process.env.BENCH_POPUP_OPENS ?? 20); // more opens while comparing two builds on a busy machine
for (let i = 0; i < POPUP_OPENS; i++) {
  const p = await ctx.newPage();
  await p.setViewportSize({ width: 360, height: 600 });
  await p.goto(`chrome-extension://${echoId}/blank.html`);
  blankTimes.push(await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now())))));
  await p.close();
  const q = await ctx.newPage();
  await q.setViewportSize({ width: 360, height: 600 });
  // BENCH_PROFILE=<dir>: CPU profiles of the last five opens (chrome://inspect or speedscope reads them).
  const prof = process.env.BENCH_PROFILE && i >= POPUP_OPENS - 5 ? await ctx.newCDPSession(q) : null;
  if (prof) { await prof.send('Profiler.enable'); await prof.send('Profiler.setSamplingInterval', { interval: 100 }); await prof.send('Profiler.start'); }
  // BENCH_TRACE=<file>: a Chromium trace of the last open (chrome://tracing or Perfetto reads it).
  const tr = process.env.BENCH_TRACE && i === POPUP_OPENS - 1 ? await ctx.newCDPSession(q) : null;
  const traceEvents = [];
  if (tr) {
    tr.on('Tracing.dataCollected', (d) => traceEvents.push(...d.value));
    await tr.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.execute,blink,loading,navigation,toplevel,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  }
  // Nothing of Playwright runs in the popup while it loads: a waitForFunction started at commit
  // injects Playwright's utility script and polls on the page's main thread during the very load it
  // times (measured, 2026-12-07: +6 … +30 ms on the popup's median, an artefact the user never has).
  // The marks keep their own timestamps, so they are read once the page is done: after its load
  // event (lifecycle events come over CDP, no script) and the prefetch's longest wait (400 ms).
  // The blank page's figure is the frame after Playwright saw its load event (as before): its own
  // first paint, when Chromium reports one, is 1–6 ms earlier, so the ratio is that much kinder.
  await q.goto(`chrome-extension://${walletId}/popup.html`, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 450));
  const t = await q.waitForFunction(() => {
    const a = performance.getEntriesByName('mcw:accounts')[0];
    const b = performance.getEntriesByName('mcw:balances')[0];
    return a && b && document.querySelector('[data-testid="balance-ETH"]') ? Math.max(a.startTime, b.startTime) : null;
  }, undefined, { timeout: 30_000, polling: 50 });
  popupTimes.push(await t.jsonValue());
  if (tr) {
    const complete = new Promise((r) => tr.once('Tracing.tracingComplete', r));
    await tr.send('Tracing.end');
    await complete;
    writeFileSync(process.env.BENCH_TRACE, JSON.stringify({ traceEvents }));
  }
  if (prof) { const { profile } = await prof.send('Profiler.stop'); writeFileSync(join(process.env.BENCH_PROFILE, `popup-${i}.cpuprofile`), JSON.stringify(profile)); }
  if (process.env.BENCH_MARKS) console.log(JSON.stringify(await q.evaluate(() => [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('resource')].map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.duration)]).concat([['dcl', Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), 0], ['fcp', Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1), 0]]))));
  await q.close();
}
await warmEcho.close();
const mPopup = median(popupTimes);
const mBlank = median(blankTimes);
report(`popup first meaningful render (accounts + cached balances), median of ${POPUP_OPENS}`, `${mPopup.toFixed(1)} ms vs blank page ${mBlank.toFixed(1)} ms (${(mPopup / mBlank).toFixed(2)}×)`, '≤ 1.5× blank', mPopup <= 1.5 * mBlank);
}

// 6. Unlock.
if (want('unlock')) {
const un = await measureUnlock({ ctx, walletId, echoId, password: PASSWORD });
const [uU, uB, uR] = [median(un.ui), median(un.bare), median(un.ratios)];
report(`unlock through the UI, median of ${un.ui.length} paired rounds`, `${uR.toFixed(2)}× the bare Argon2id of the same round (medians: UI ${uU.toFixed(1)} ms, bare ${uB.toFixed(1)} ms)`, '≤ 1.15× KDF', uR <= 1.15);
}

// 8. Worker heap after the families were used (before the many-accounts setup adds 99 accounts).
if (want('heap')) {
const heap = await measureWorkerHeap({ ctx, walletId, pageUrl });
report('worker JS heap after EVM, Bitcoin, Solana and TRON requests', `${(heap.usedSize / 1048576).toFixed(2)} MiB`, '≤ 8 MiB', heap.usedSize <= 8 * 1048576);
}

// 7. Many accounts.
if (want('many')) {
const many = await measureManyAccounts({ ctx, walletId, urlA: pageUrl, urlB: `http://127.0.0.1:${serverB.address().port}/` });
const [m100, m1] = [median(many.hundredth), median(many.first)];
report(`personal_sign approve → signature, median of ${many.first.length}`, `account #100 ${ratio(m100, m1)} account #1`, '≤ 1.2× #1', m100 <= 1.2 * m1);
// BENCH_SAMPLES=1: every sample, in the order taken (for telling a shift from a few slow ones).
if (process.env.BENCH_SAMPLES) console.log(`      samples (ms): #1 ${many.first.map((x) => x.toFixed(1)).join(' ')}; #100 ${many.hundredth.map((x) => x.toFixed(1)).join(' ')}`);
}

anvil?.kill();
await ctx.close();
server.close();
serverB.close();

// 4b. What the installed floor is (after the main browser closed: one browser at a time).
if (want('cold')) {
  const cc = await measureCodeCacheFloor({ chromium, executablePath: CHROMIUM, args: ARGS, echoDir, installedDir, script: readFileSync(join(EXT, 'wallet-worker.js')) });
  const plus = (t) => `+${(median(t.installed) - median(t.echo)).toFixed(1)} ms`;
  console.log(`      for reference: Chromium's code cache of the installed wallet-worker.js is ${(cc.cacheBytes / 1e6).toFixed(2)} MB for ${(cc.scriptBytes / 1e6).toFixed(2)} MB of script, paid for on every worker start; the installed floor with it ${plus(cc.withCache)}, with only that cache removed from the profile ${plus(cc.withoutCache)} (median of ${cc.withCache.echo.length} each)`);
}
mkdirSync(join(ROOT, '.bench'), { recursive: true });
writeFileSync(join(ROOT, '.bench/results.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log(`\n${results.filter((r) => r.ok).length} within budget, ${results.filter((r) => !r.ok).length} over budget (written to .bench/results.json)`);
