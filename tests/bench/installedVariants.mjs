#!/usr/bin/env node
/**
 * `node tests/bench/installedVariants.mjs [trials=15]`: ways a service worker could keep the built
 * wallet-worker.js installed for later use, each against a bare echo worker, in one browser:
 *  - the cost per worker start (woken by a message from its own page; the script is not run);
 *  - the size of the code cache Chromium wrote for it at installation;
 *  - where the script can be loaded on demand, the cost of that: a stopped worker woken by a message that
 *    imports it (`importScripts()` of what was installed), the time of the import alone.
 * Then the wallet's own cold start (a fresh page's first `eth_chainId`, every worker stopped) against the
 * echo extension's, twice: the build as it is, and the same build with wallet-worker.js replaced by a stub
 * that only defines the background's global (nothing large installed: the eager core alone). A page of
 * each extension stays open, so neither start includes starting its extension's process.
 * Not part of `npm run bench` (no budget): the evidence behind the README's "Cold start: the floor is
 * Chromium's code cache (session 13)". Needs a build (`npm run build`).
 */
import { chromium } from 'playwright-core';
import { parse } from 'acorn';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:http';
import { writeBaselines, writeWalletCopy } from './baselines.mjs';
import { codeCacheFile, measureColdStart, measureWakes, openProfile, workerStopper } from './coldStart.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const EXT = resolve(ROOT, process.env.MCW_OUT_DIR ?? '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const trials = Number(process.argv[2] ?? 15);
const script = readFileSync(join(EXT, 'wallet-worker.js'), 'utf8');

/**
 * The bundle (`var walletWorker=(function(){…; return …})();`) as classic scripts of at most about
 * `bytes` each that, run in order in one global scope, do what it does: its function's statements at the
 * top level, cut between statements, the last one assigning the returned value. Every top-level name of
 * the bundle becomes a global of the worker (classic scripts share one global scope).
 */
function flatSplit(bytes) {
  const ast = parse(script, { ecmaVersion: 'latest', sourceType: 'script' });
  const fn = ast.body[0]?.declarations?.[0]?.init?.callee;
  const body = fn?.body?.body;
  const last = body?.at(-1);
  if (fn?.type !== 'FunctionExpression' || last?.type !== 'ReturnStatement') throw new Error('wallet-worker.js is not var walletWorker=(function(){…; return …})()');
  const pieces = [];
  let piece = '';
  for (const statement of body.slice(0, -1)) {
    const text = script.slice(statement.start, statement.end);
    if (piece && piece.length + text.length > bytes) {
      pieces.push(piece);
      piece = '';
    }
    piece += `${text}\n`;
  }
  pieces.push(`${piece}var walletWorker=${script.slice(last.argument.start, last.argument.end)};\n`);
  return pieces;
}

const answer = "chrome.runtime.onMessage.addListener((m, s, respond) => {\n  if (m !== 'load') return void respond(m);\n  const t = performance.now();\n  let error = null;\n  try { importScripts(...FILES); } catch (e) { error = String(e); }\n  respond({ ms: performance.now() - t, error });\n});\n";
const whileInstalled = "if (self.serviceWorker && self.serviceWorker.state === 'parsed') importScripts(...FILES);\n";
const split = (bytes) => {
  const pieces = flatSplit(bytes);
  return [`the script cut into ${pieces.length} classic scripts of ≤ ${bytes / 1024} KiB (its top-level names become globals), imported while installing`, whileInstalled, pieces, {}, true];
};

/**
 * name → [what it is, the worker's first lines, the installed scripts' texts, manifest background extras,
 * loaded on demand?]. Every installed script begins with its own marker.
 */
const VARIANTS = {
  echo: ['a worker that only answers (the baseline)', '', [], {}, false],
  built: ['as the wallet does: imported at top level while installing', whileInstalled, [script], {}, true],
  installEvent: ["imported from the install event's handler instead", "self.addEventListener('install', () => importScripts(...FILES));\n", [script], {}, true],
  twice: ['two copies of it, both imported while installing', whileInstalled, [script, script.replace(/^var walletWorker=/, 'var walletWorker2=')], {}, false],
  split9: split(140 * 1024),
  split17: split(70 * 1024),
  asmJs: ['an asm.js function run while installing, meant to keep V8 from serializing the script (it does not)', whileInstalled, [`(function(){"use asm";function f(){return 0}return {f:f}})().f();\n${script}`], {}, false],
  module: ['a module worker (no eager cache for modules): the script a static import that only defines one function, never called', "import { load } from './installed-0.js';\nself.load = load;\n", [`export function load() {\n${script}\n}\n`], { type: 'module' }, false],
  comment: ['the same bytes as one comment (no code)', whileInstalled, [`/*${script.replaceAll('*/', '* /')}*/\n`], {}, false],
};

const base = mkdtempSync(join(tmpdir(), 'bench-variants-'));
const dirs = [];
for (const [name, [, first, texts, extra]] of Object.entries(VARIANTS)) {
  const dir = join(base, name);
  mkdirSync(dir);
  dirs.push(dir);
  const files = texts.map((_, i) => `installed-${i}.js`);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name, version: '1.0', background: { service_worker: 'sw.js', ...extra } }));
  const declare = extra.type === 'module' ? '' : `const FILES = ${JSON.stringify(files)};\n`;
  writeFileSync(join(dir, 'sw.js'), declare + first + (extra.type === 'module' ? "chrome.runtime.onMessage.addListener((m, s, respond) => { respond(m); });\n" : answer));
  texts.forEach((text, i) => writeFileSync(join(dir, files[i]), `/* variant ${name} ${i} */\n${text}`));
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title>');
}
const profile = join(base, 'profile');
const { ctx, ids } = await openProfile({ chromium, executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'], profile, dirs });
const times = await measureWakes({ ctx, ids, trials });

// On-demand loads: each worker stopped, then woken by a message that imports what it installed.
const loads = {};
const control = await ctx.newPage();
await control.goto(`chrome-extension://${ids.echo}/blank.html`);
const { stopAll } = await workerStopper(ctx, control, Object.values(ids));
for (const [name, [, , , , onDemand]] of Object.entries(VARIANTS)) {
  if (!onDemand) continue;
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${ids[name]}/blank.html`);
  loads[name] = [];
  for (let i = 0; i < Math.ceil(trials / 2); i++) {
    await stopAll();
    const r = await page.evaluate(() => chrome.runtime.sendMessage('load'));
    if (r.error) throw new Error(`${name}: importing on demand failed: ${r.error}`);
    loads[name].push(r.ms);
  }
  await page.close();
}
await ctx.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const floor = median(times.echo);
console.log(`wallet-worker.js: ${(script.length / 1e6).toFixed(2)} MB. Worker start, woken from its page, median of ${trials}: echo ${floor.toFixed(1)} ms; each variant over it:`);
for (const [name, [what, , texts]] of Object.entries(VARIANTS)) {
  if (!texts.length) continue;
  const cache = texts.reduce((n, _, i) => { const f = codeCacheFile(profile, `/* variant ${name} ${i} */`); return n + (f ? statSync(f).size : 0); }, 0);
  const load = loads[name] ? `, import on demand ${median(loads[name]).toFixed(1)} ms` : '';
  console.log(`${name.padEnd(13)} +${(median(times[name]) - floor).toFixed(1).padStart(4)} ms  code cache ${(cache / 1e6).toFixed(2)} MB${load}: ${what}`);
}
rmSync(base, { recursive: true, force: true });

// The eager core alone: the built wallet against its stubbed copy, each in a browser of its own with the echo.
const { echoDir } = writeBaselines(ROOT, join(EXT, 'wallet-worker.js'));
const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>cold</title>'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${server.address().port}/`;
for (const [name, stub] of [['the build', false], ['its eager core alone (wallet-worker.js a stub)', true]]) {
  const dir = writeWalletCopy(EXT);
  if (stub) writeFileSync(join(dir, 'wallet-worker.js'), 'self.__mcwWalletBackground = { start() {}, dispatch() {}, adoptPort() {} };\n');
  const run = await openProfile({ chromium, executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'], profile: mkdtempSync(join(tmpdir(), 'bench-core-')), dirs: [dir, echoDir] });
  const walletId = Object.entries(run.ids).find(([n]) => n !== 'echo')[1];
  for (const p of run.ctx.pages()) if (p.url().startsWith('chrome-extension://')) await p.close(); // the onboarding tab
  const t = await measureColdStart({ ctx: run.ctx, pageUrl, walletId, echoId: run.ids.echo, trials, full: false });
  await run.ctx.close();
  const [w, e] = [median(t.wallet), median(t.echo)];
  console.log(`cold eth_chainId, ${name}: ${w.toFixed(1)} ms vs echo ${e.toFixed(1)} ms (+${(w - e).toFixed(1)} ms, ${(w / e).toFixed(2)}×)`);
}
server.close();
