/**
 * Test helper: starts a real anvil node (npm @foundry-rs/anvil) on a free loopback port, waits
 * until it answers eth_chainId, and returns its URL, the 10 default dev accounts with their
 * private keys (the standard "test test … junk" mnemonic) and stop(). anvil has no `--port 0`,
 * so a free port is found by binding 127.0.0.1:0 and closing it; a collision is retried.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bytesToHex, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

export const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

export interface DevAccount {
  address: Address;
  privateKey: Hex;
}

export interface AnvilOptions {
  chainId?: number;
  /** Extra CLI arguments (e.g. ['--no-mining'], ['--block-base-fee-per-gas', '0']). */
  args?: readonly string[];
  /** How long to wait for the node, default 20 s. */
  startTimeoutMs?: number;
}

export interface AnvilInstance {
  url: string;
  port: number;
  chainId: number;
  accounts: readonly DevAccount[];
  /** Raw JSON-RPC helper for test-only methods (anvil_*, evm_*). */
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

const ANVIL_BIN = fileURLToPath(new URL('../../node_modules/.bin/anvil', import.meta.url));

let cachedAccounts: DevAccount[] | undefined;

/** The 10 accounts anvil funds by default (m/44'/60'/0'/0/i of the dev mnemonic). */
export function devAccounts(): readonly DevAccount[] {
  cachedAccounts ??= Array.from({ length: 10 }, (_, i) => {
    const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: i });
    const key = account.getHdKey().privateKey;
    if (!key) throw new Error('no private key');
    return { address: account.address, privateKey: bytesToHex(key) };
  });
  return cachedAccounts;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function rawRpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function tryStart(port: number, chainId: number, opts: AnvilOptions): Promise<AnvilInstance | 'port-in-use'> {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent', ...(opts.args ?? [])];
  const child = spawn(ANVIL_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      if (/address already in use|os error 98|AddrInUse/i.test(output)) return 'port-in-use';
      throw new Error(`anvil exited with code ${child.exitCode}: ${output.slice(0, 500)}`);
    }
    try {
      const id = await rawRpc<string>(url, 'eth_chainId');
      if (Number(BigInt(id)) !== chainId) throw new Error(`port ${port} answers chain ${id}, not our anvil`);
      const stop = async (): Promise<void> => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await waitExit(child);
      };
      return { url, port, chainId, accounts: devAccounts(), rpc: (m, p) => rawRpc(url, m, p), stop };
    } catch (err) {
      if (err instanceof Error && err.message.includes('not our anvil')) {
        child.kill('SIGTERM');
        await waitExit(child);
        return 'port-in-use';
      }
      await sleep(50);
    }
  }
  child.kill('SIGKILL');
  await waitExit(child);
  throw new Error(`anvil did not answer on ${url} within the timeout: ${output.slice(0, 500)}`);
}

/** Starts anvil; retries on a new port if the chosen one was taken in the meantime. */
export async function startAnvil(opts: AnvilOptions = {}): Promise<AnvilInstance> {
  if (!existsSync(ANVIL_BIN)) throw new Error(`anvil binary not found at ${ANVIL_BIN}`);
  const chainId = opts.chainId ?? 31337;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const r = await tryStart(port, chainId, opts);
    if (r !== 'port-in-use') return r;
  }
  throw new Error('could not find a free port for anvil after 5 attempts');
}
