#!/usr/bin/env node
/**
 * `npm start [-- --profile DIR]`: the wallet on local nodes, in Chromium, in one command.
 *
 * 1. starts anvil (the wallet's "Local devnet", chain id 31337), the LiteSVM Solana JSON-RPC server,
 *    the TRON HTTP API server and a Bitcoin regtest Esplora API on loopback ports (a busy preferred port is replaced by a free one,
 *    and the script says so);
 * 2. builds the demo extension into .output-demo/chrome-mv3 (MCW_DEMO: src/demo/config.ts): it starts
 *    on those nodes and offers the public test phrase "test test … junk", which the nodes fund;
 * 3. serves the demo dApp, opens Chromium with the extension on a temporary profile (removed on
 *    exit) or the --profile DIR one (kept). Without a display it runs Chromium inside xvfb-run when
 *    installed, headless otherwise, and prints the remote-debugging URL to attach to.
 * Ctrl+C (SIGINT) or closing Chromium stops every process it started.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), MCW_NO_XVFB=1 (headless even when xvfb-run exists).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const say = (line) => console.log(`» ${line}`);
const fail = (line) => {
  console.error(`✖ ${line}`);
  void shutdown(1);
};

let options;
try {
  options = parseArgs({ options: { profile: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (err) {
  console.error(`✖ ${err.message}\nUsage: npm start [-- --profile DIR]`);
  process.exit(2);
}
if (options.help) {
  console.log('Usage: npm start [-- --profile DIR]\n  --profile DIR  keep the Chromium profile (wallet, settings) in DIR between runs; default: a temporary one, removed on exit');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Stopping: every child runs in its own process group so one signal reaches its whole tree
// (Chromium's helpers, xvfb-run's Xvfb); the terminal's Ctrl+C reaches only this script.

/** @type {{ name: string, proc: import('node:child_process').ChildProcess, stop?: () => void }[]} */
const children = [];
/** @type {(() => Promise<void>)[]} */
const closers = [];
let tempProfile = null;
let stopping = null;

function killGroup(proc, signal) {
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // already gone
  }
}

async function shutdown(code) {
  if (stopping) return stopping;
  stopping = (async () => {
    const running = children.filter((c) => c.proc.exitCode === null && c.proc.signalCode === null);
    for (const c of running) (c.stop ?? (() => killGroup(c.proc, 'SIGTERM')))();
    await Promise.all(
      running.map(
        (c) =>
          new Promise((done) => {
            const force = setTimeout(() => killGroup(c.proc, 'SIGKILL'), 8_000);
            const finish = () => {
              clearTimeout(force);
              killGroup(c.proc, 'SIGKILL'); // leftovers of the group, if any
              done();
            };
            if (c.proc.exitCode !== null || c.proc.signalCode !== null) finish();
            else c.proc.once('exit', finish);
          }),
      ),
    );
    await Promise.allSettled(closers.map((close) => close()));
    if (tempProfile) {
      rmSync(tempProfile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      say(`Removed the temporary profile ${tempProfile}`);
    }
    const names = [...running.map((c) => c.name), ...(closers.length ? ['the in-process servers'] : [])];
    say(names.length ? `Stopped ${names.join(', ')}.` : 'Stopped.');
    process.exit(code);
  })();
  return stopping;
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

function startChild(name, command, args, opts = {}) {
  const proc = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  children.push({ name, proc });
  let tail = '';
  const keep = (d) => {
    tail = (tail + d.toString()).slice(-2_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  proc.on('error', (e) => fail(`${name} could not start (${command}): ${e.message}`));
  proc.on('exit', (code, signal) => {
    if (!stopping) fail(`${name} exited (${signal ?? `code ${code}`}); its last output:\n${tail.trim() || '(none)'}`);
  });
  return proc;
}

// ---------------------------------------------------------------------------------------------
// Ports

function portIsFree(port) {
  return new Promise((done) => {
    const probe = createNetServer();
    probe.once('error', () => done(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => done(true)));
  });
}

/** The preferred port when free, else the next free one above it (and says so). */
async function choosePort(preferred, what) {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await portIsFree(port)) {
      if (port !== preferred) say(`Port ${preferred} (${what}) is in use; using ${port} instead.`);
      return port;
    }
  }
  throw new Error(`no free port in ${preferred}–${preferred + 49} for ${what}`);
}

/** Waits (up to 30 s) until the URL answers 200: a URL is printed only once it works. */
async function waitForHttp(url, what, proc, init) {
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null || proc.signalCode !== null) break;
    try {
      const res = await fetch(url, init);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer on ${url}`);
}

/** Linux: the direct children of a process (from /proc), e.g. the command xvfb-run runs. */
function childPids(pid) {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const [comm, rest] = [stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), stat.slice(stat.lastIndexOf(')') + 2).split(' ')];
      if (Number(rest[1]) === pid) out.push({ pid: Number(d), comm });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

function which(cmd) {
  return (process.env.PATH ?? '').split(delimiter).map((d) => join(d, cmd)).find((p) => existsSync(p));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  const xvfb = !hasDisplay && process.env.MCW_NO_XVFB !== '1' ? which('xvfb-run') : undefined;
  const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : which('chromium'));
  if (!chromium) throw new Error('Chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH');

  const anvilPort = await choosePort(8545, 'anvil');
  const dappPort = await choosePort(5173, 'demo dApp');
  const debugPort = hasDisplay ? undefined : await choosePort(9222, 'Chromium remote debugging');

  // 1. Local nodes
  const evmRpc = `http://127.0.0.1:${anvilPort}`;
  const anvil = startChild('anvil', join(root, 'node_modules/.bin/anvil'), ['--host', '127.0.0.1', '--port', String(anvilPort), '--chain-id', '31337']);
  await waitForHttp(evmRpc, 'anvil', anvil, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' });
  say(`EVM devnet (anvil, chain id 31337):    ${evmRpc}`);

  const { build } = await import('esbuild');
  const nodesBundle = join(root, 'node_modules/.cache/mcw-start/demoNodes.mjs');
  await build({ entryPoints: [join(root, 'tests/support/demoNodes.ts')], outfile: nodesBundle, bundle: true, platform: 'node', format: 'esm', external: ['litesvm', 'tronweb', '@solana/kit', '@solana/web3.js', 'bitcoinjs-lib', 'ecpair', '@bitcoinerlab/secp256k1'], logLevel: 'error' });
  const { startDemoNodes } = await import(pathToFileURL(nodesBundle).href);
  const nodes = await startDemoNodes();
  closers.push(() => nodes.stop());
  say(`Solana localnet (LiteSVM JSON-RPC):    ${nodes.solana.url}`);
  say(`TRON node (test HTTP API):             ${nodes.tron.url}`);
  say(`Bitcoin regtest (Esplora API):         ${nodes.bitcoin.url}`);

  // 2. The demo build, pointed at those nodes
  const outDir = '.output-demo';
  const demo = { evmRpc, solanaRpc: nodes.solana.url, tronNode: nodes.tron.url, esplora: nodes.bitcoin.url };
  const started = Date.now();
  const built = spawnSync(join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: root, encoding: 'utf8', env: { ...process.env, MCW_OUT_DIR: outDir, MCW_DEMO: JSON.stringify(demo) } });
  if (built.status !== 0) throw new Error(`the extension build failed:\n${built.stdout}${built.stderr}`);
  const ext = join(root, outDir, 'chrome-mv3');
  say(`Extension (demo build, built in ${((Date.now() - started) / 1000).toFixed(1)} s): ${ext}`);

  // 3. The demo dApp
  const demoDir = join(root, 'tests/demo');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = join(demoDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(demoDir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((ok, ko) => server.once('error', ko).listen(dappPort, '127.0.0.1', ok));
  closers.push(() => new Promise((done) => server.close(() => done())));
  const dappUrl = `http://localhost:${dappPort}`;
  say(`Demo dApp:                             ${dappUrl}`);

  // 4. Chromium
  let profile;
  if (options.profile) {
    profile = resolve(options.profile);
    mkdirSync(profile, { recursive: true });
    say(`Chromium profile (kept):               ${profile}`);
  } else {
    profile = tempProfile = mkdtempSync(join(tmpdir(), 'wallet-profile-'));
    say(`Chromium profile (temporary, removed on exit): ${profile}`);
  }
  const browserArgs = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(debugPort ? [`--remote-debugging-port=${debugPort}`, '--remote-debugging-address=127.0.0.1'] : []),
    ...(!hasDisplay && !xvfb ? ['--headless=new'] : []),
    dappUrl,
  ];
  const browser = xvfb
    ? startChild('Chromium (in xvfb-run)', xvfb, ['-a', '-s', '-screen 0 1280x900x24', chromium, ...browserArgs])
    : startChild('Chromium', chromium, browserArgs);
  // xvfb-run stops its Xvfb and removes its temporary directory only when its command ends: end
  // Chromium first and let it clean up (the group is still killed if that takes too long).
  if (xvfb) {
    children.at(-1).stop = () => {
      const inner = childPids(browser.pid).filter((c) => c.comm !== 'Xvfb');
      if (!inner.length) return killGroup(browser, 'SIGTERM');
      for (const c of inner) process.kill(c.pid, 'SIGTERM');
    };
  }
  browser.removeAllListeners('exit');
  browser.on('exit', () => {
    if (!stopping) {
      say('Chromium closed; stopping.');
      void shutdown(0);
    }
  });
  if (hasDisplay) say(`Chromium (${chromium}) opened with the wallet loaded.`);
  else {
    say(
      xvfb
        ? `No display (DISPLAY is not set): Chromium runs inside a virtual display (${xvfb}).`
        : process.env.MCW_NO_XVFB === '1'
          ? 'No display (DISPLAY is not set) and MCW_NO_XVFB=1: Chromium runs headless.'
          : 'No display (DISPLAY is not set) and no xvfb-run: Chromium runs headless. Install xvfb (apt-get install xvfb) for a virtual display.',
    );
    await waitForHttp(`http://127.0.0.1:${debugPort}/json/version`, 'Chromium remote debugging', browser);
    say(`Attach to it: remote debugging on http://127.0.0.1:${debugPort} (chrome://inspect → Configure → 127.0.0.1:${debugPort}).`);
  }
  say('Demo account: the wallet offers the public test phrase "test test … junk" on its first screen (funded on every local node; never use it for real funds).');
  say('Ready. Press Ctrl+C to stop everything.');
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
