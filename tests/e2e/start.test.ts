/**
 * `npm start` as a newcomer meets it (issue 18), on a machine with no display and with anvil's
 * port taken: it must say where everything is, every printed URL must answer, the wallet it opens
 * must start on the local devnet and, after importing the public test phrase it offers, show a
 * balance there and on the Solana, TRON and Bitcoin nodes it started; Ctrl+C (SIGINT to its process group, as a terminal sends it) must stop every process
 * it started and remove the temporary profile. A second run with --profile keeps that directory.
 * The normal build must carry none of the demo code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAccount } from '../../src/core/derive/deriveAccount';
import { DEMO_MNEMONIC } from '../../src/demo/config';
import { pickNetwork } from './support/popupNav';


const ROOT = resolve(import.meta.dirname, '../..');
const PASSWORD = 'a demo password for the start test';

interface Run {
  proc: ChildProcess;
  out: () => string;
  /** After npm and everything holding its output pipe (the start script) have exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Process groups of the run once it printed Ready (for cleaning up after a failure). */
  groups: number[];
}

function npmStart(args: string[] = []): Run {
  const env = { ...process.env };
  // The injected "no display" environment.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const proc = spawn('npm', ['start', '--', ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  proc.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => proc.on('close', (code, signal) => done({ code, signal })));
  return { proc, out: () => text, exited, groups: [] };
}

async function waitForLine(run: Run, pattern: RegExp, timeoutMs = 150_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!pattern.test(run.out())) {
    if (!running(run)) throw new Error(`npm start exited early:\n${run.out()}`);
    if (Date.now() > until) throw new Error(`npm start never printed ${pattern}:\n${run.out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  run.groups = [...new Set(processTree(run.proc.pid!).filter(alive).map(pgidOf).filter(Boolean))];
}

function printed(run: Run, label: RegExp): string {
  const line = run.out().split('\n').find((l) => label.test(l));
  const value = line?.match(/(https?:\/\/\S+|\/\S+)\s*$/)?.[1];
  if (!value) throw new Error(`no line matching ${label}:\n${run.out()}`);
  return value;
}

/** Every live process whose parent chain leads to `pid`, plus every member of their process groups. */
function processTree(pid: number): number[] {
  const procs = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return { pid: Number(d), state: fields[0]!, ppid: Number(fields[1]), pgid: Number(fields[2]) };
      } catch {
        return null;
      }
    })
    .filter((p): p is { pid: number; state: string; ppid: number; pgid: number } => p !== null);
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
  }
  const groups = new Set(procs.filter((p) => tree.has(p.pid)).map((p) => p.pgid));
  for (const p of procs) if (groups.has(p.pgid)) tree.add(p.pid);
  return [...tree];
}

/** Process group of a process, 0 when it is gone. */
const pgidOf = (pid: number | 'self'): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return 0;
  }
};

/** After a failed test: SIGKILL every process group the run had once it was ready (never our own). */
function killLeftovers(run: Run): void {
  const own = pgidOf('self');
  for (const g of run.groups) {
    if (g === own) continue;
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** Alive = present and not a zombie (a reparented child the container's init has not reaped yet). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Temporary directories of xvfb-run among these processes (from Xvfb's -auth argument). */
function xvfbDirs(pids: number[]): string[] {
  const dirs: string[] = [];
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const auth = args[args.indexOf('-auth') + 1];
      if (args.indexOf('-auth') > 0 && auth?.includes('xvfb-run')) dirs.push(auth.slice(0, auth.lastIndexOf('/')));
    } catch {
      // exited meanwhile
    }
  }
  return dirs;
}

/** Ctrl+C as a terminal sends it: SIGINT to the foreground process group (npm, sh, node). */
async function stopWithCtrlC(run: Run): Promise<{ before: number[]; ended: string; tempDirs: string[] }> {
  const before = processTree(run.proc.pid!);
  const tempDirs = xvfbDirs(before);
  process.kill(-run.proc.pid!, 'SIGINT');
  const { code, signal } = await run.exited;
  // npm itself may die of the SIGINT (as in a terminal) or exit with the script's status 0.
  return { before, tempDirs, ended: signal === 'SIGINT' ? 'SIGINT' : `code ${code}` };
}

const running = (run: Run): boolean => run.proc.exitCode === null && run.proc.signalCode === null;

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await res.json()) as { result: unknown }).result;
}

describe('npm start, headless, with a busy port', () => {
  let blocker: Server | undefined;
  let run: Run;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // Take anvil's usual port (unless something already holds it: then it is busy anyway).
    blocker = await new Promise<Server | undefined>((done) => {
      const s = createServer();
      s.once('error', () => done(undefined));
      s.listen(8545, '127.0.0.1', () => done(s));
    });
    run = npmStart();
    await waitForLine(run, /Ready\. Press Ctrl\+C/);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (run) killLeftovers(run);
    await new Promise<void>((done) => (blocker ? blocker.close(() => done()) : done()));
  });

  it('says what it started and where, and every printed URL answers', async () => {
    const out = run.out();
    expect(out).toMatch(/Port 8545 \(anvil\) is in use; using \d+ instead\./);
    expect(out).toMatch(/No display \(DISPLAY is not set\)/);
    expect(out).toContain('public test phrase');

    const anvil = printed(run, /EVM devnet \(anvil/);
    expect(new URL(anvil).port).not.toBe('8545');
    expect(await rpc(anvil, 'eth_chainId')).toBe('0x7a69');

    const solAddress = deriveAccount({ mnemonic: DEMO_MNEMONIC, family: 'solana', index: 0 }).address;
    const sol = (await rpc(printed(run, /Solana localnet/), 'getBalance', [solAddress])) as { value: number };
    expect(sol.value).toBe(100_000_000_000);

    const tronAddress = deriveAccount({ mnemonic: DEMO_MNEMONIC, family: 'tron', index: 0 }).address;
    const tronRes = await fetch(`${printed(run, /TRON node/)}/wallet/getaccount`, { method: 'POST', body: JSON.stringify({ address: tronAddress, visible: true }) });
    expect(((await tronRes.json()) as { balance: number }).balance).toBe(10_000_000_000);

    const btcAddress = deriveAccount({ mnemonic: DEMO_MNEMONIC, family: 'bitcoin', network: 'regtest', index: 0 }).address;
    const utxos = (await (await fetch(`${printed(run, /Bitcoin regtest/)}/address/${btcAddress}/utxo`)).json()) as { value: number }[];
    expect(utxos.map((u) => u.value)).toEqual([100_000_000]);

    const dapp = await fetch(printed(run, /Demo dApp/));
    expect(dapp.status).toBe(200);
    expect(await dapp.text()).toMatch(/<html/i);

    expect(existsSync(printed(run, /Chromium profile \(temporary/))).toBe(true);
    const ext = printed(run, /Extension \(demo build/);
    expect(ext).toBe(resolve(ROOT, '.output-demo/chrome-mv3'));
    expect(existsSync(join(ext, 'manifest.json'))).toBe(true);
  });

  it('the wallet opens on the local devnet, offers the public test phrase, and shows its balance', async () => {
    const debug = run.out().match(/remote debugging on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(debug).toBeTruthy();
    browser = await chromium.connectOverCDP(debug!);
    const context = browser.contexts()[0]!;
    const findOnboarding = (): Page | undefined => context.pages().find((p) => p.url().includes('/onboarding.html'));
    await expect.poll(() => findOnboarding()?.url(), { timeout: 30_000 }).toBeTruthy();
    const onboarding = findOnboarding()!;
    const extensionId = new URL(onboarding.url()).host;

    await onboarding.getByTestId('demo-offer').waitFor();
    expect(await onboarding.getByTestId('demo-offer').textContent()).toMatch(/test test … junk.*never send real funds/);
    await onboarding.getByTestId('demo-use').click();
    await onboarding.getByTestId('new-password').fill(PASSWORD);
    await onboarding.getByTestId('confirm-password').fill(PASSWORD);
    await onboarding.getByTestId('finish').click();
    await onboarding.getByTestId('onboarding-done').waitFor({ timeout: 60_000 });

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('network-chip').locator('.chip-title').textContent(), { timeout: 30_000 }).toBe('Local devnet');
    const eth = popup.getByTestId('balance-ETH').getByTestId('amount');
    await expect.poll(() => eth.getAttribute('title'), { timeout: 30_000 }).toBe('10000');

    // The other families were pointed at their local nodes too: pick each and read its balance.
    for (const [chain, symbol, amount] of [['Solana Localnet', 'SOL', '100'], ['TRON (custom node)', 'TRX', '10000'], ['Bitcoin Regtest', 'BTC', '1']] as const) {
      await pickNetwork(popup, new RegExp(`^${chain.replace(/[()]/g, '\\$&')}$`));
      const amountEl = popup.getByTestId(`balance-${symbol}`).getByTestId('amount');
      await expect.poll(() => amountEl.getAttribute('title').catch(() => null), { timeout: 30_000 }).toBe(amount);
    }
    await browser.close();
    browser = undefined;
  });

  it('Ctrl+C stops every process it started and removes the temporary profile', async () => {
    const profile = printed(run, /Chromium profile \(temporary/);
    const anvil = printed(run, /EVM devnet \(anvil/);
    const { before, ended, tempDirs } = await stopWithCtrlC(run);
    expect(before.length).toBeGreaterThan(5); // npm, node, anvil, xvfb-run or Chromium and its helpers
    expect(['SIGINT', 'code 0']).toContain(ended);
    await expect.poll(() => before.filter(alive), { timeout: 15_000 }).toEqual([]);
    expect(existsSync(profile)).toBe(false);
    if (run.out().includes('virtual display')) expect(tempDirs).toHaveLength(1);
    expect(tempDirs.filter((d) => existsSync(d))).toEqual([]);
    expect(run.out()).toMatch(/Stopped anvil, Chromium/);
    await expect(fetch(anvil)).rejects.toThrow();
  });
});

describe('npm start -- --profile DIR', () => {
  it('keeps the profile directory after Ctrl+C, and stops everything', async () => {
    const dir = resolve(ROOT, 'tests/.tmp/start-profile');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const run = npmStart(['--profile', dir]);
    try {
      await waitForLine(run, /Ready\. Press Ctrl\+C/);
      expect(printed(run, /Chromium profile \(kept\)/)).toBe(dir);
      // Chromium has written its profile once the extension's onboarding tab is up.
      await expect.poll(() => existsSync(join(dir, 'Default')), { timeout: 30_000 }).toBe(true);
      const { before, ended } = await stopWithCtrlC(run);
      expect(['SIGINT', 'code 0']).toContain(ended);
      expect(run.out()).toMatch(/Stopped anvil, Chromium/);
      await expect.poll(() => before.filter(alive), { timeout: 15_000 }).toEqual([]);
      expect(existsSync(join(dir, 'Default'))).toBe(true);
    } finally {
      killLeftovers(run);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the normal build carries no demo code', () => {
  it('.output/chrome-mv3 has no demo offer, demo seeding or test phrase; .output-demo has them', () => {
    const text = (dir: string): string =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n');
    const normal = text(resolve(ROOT, process.env.MCW_OUT_DIR ?? '.output', 'chrome-mv3'));
    const demo = text(resolve(ROOT, '.output-demo/chrome-mv3'));
    for (const marker of ['demo-offer', DEMO_MNEMONIC, 'demo: could not set the local nodes']) {
      expect(demo, marker).toContain(marker);
      expect(normal, marker).not.toContain(marker);
    }
  });
});
