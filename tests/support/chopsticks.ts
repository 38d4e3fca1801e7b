/**
 * Test helper: a real Polkadot-SDK runtime on loopback, offline. Starts `@acala-network/chopsticks`
 * (1.1.0, the last release whose `engines` accepts Node 20) with `--genesis` on the "Kusama Local
 * Testnet" raw chain spec in tests/fixtures/kusama-local/ (genesis state + runtime code, dev
 * accounts //Alice … //Ferdie endowed), on a free 127.0.0.1 port, building a block per extrinsic.
 * It answers the legacy JSON-RPC (`state_*`, `author_*`, `payment_queryInfo`) and `chainHead_v1` /
 * `transaction_v1` over WebSocket on the same port, and plain HTTP POST for one-shot calls.
 *
 * `setFree` endows any account through chopsticks' `dev_setStorage` (the wallet's own accounts are
 * numbered `//0`, `//1` … from a phrase, so they are not among the genesis dev accounts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const CHOPSTICKS = fileURLToPath(new URL('../../node_modules/@acala-network/chopsticks/chopsticks.cjs', import.meta.url));
export const KUSAMA_LOCAL_SPEC = fileURLToPath(new URL('../fixtures/kusama-local/kusama.json', import.meta.url));

/** The well-known development phrase behind //Alice, //Bob … (sp-core DEV_PHRASE). */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

export interface ChopsticksNode {
  /** ws://127.0.0.1:port (what the wallet and the dApp libraries connect to). */
  wsUrl: string;
  httpUrl: string;
  port: number;
  /** SS58-2 addresses of the genesis dev accounts, by name. */
  dev: Readonly<Record<(typeof DEV_NAMES)[number], string>>;
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** Sets the free balance of `address` (planck) with dev_setStorage, and builds a block. */
  setFree(address: string, free: bigint): Promise<void>;
  stop(): Promise<void>;
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
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
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

async function devAccounts(): Promise<Record<(typeof DEV_NAMES)[number], string>> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 2 });
  return Object.fromEntries(DEV_NAMES.map((n) => [n, keyring.addFromUri(`${DEV_PHRASE}//${n}`).address])) as Record<(typeof DEV_NAMES)[number], string>;
}

async function tryStart(port: number, timeoutMs: number): Promise<ChopsticksNode | 'port-in-use'> {
  const args = [CHOPSTICKS, `--genesis=${KUSAMA_LOCAL_SPEC}`, '--build-block-mode=Instant', `--port=${port}`, '--host=127.0.0.1'];
  // LOG_LEVEL keeps chopsticks' per-block info lines out of the test output.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'error' } });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      if (/EADDRINUSE/.test(output)) return 'port-in-use';
      throw new Error(`chopsticks exited with code ${child.exitCode}: ${output.slice(-1500)}`);
    }
    try {
      const props = await rawRpc<{ ss58Format?: number; tokenSymbol?: string }>(httpUrl, 'system_properties');
      if (props.tokenSymbol !== 'KSM') throw new Error(`port ${port} answers ${JSON.stringify(props)}, not our chopsticks`);
      const dev = await devAccounts();
      const rpc = <T>(m: string, p?: unknown[]): Promise<T> => rawRpc<T>(httpUrl, m, p);
      return {
        wsUrl: `ws://127.0.0.1:${port}`,
        httpUrl,
        port,
        dev,
        rpc,
        async setFree(address, free) {
          await rpc('dev_setStorage', [{ System: { Account: [[[address], { providers: 1, data: { free: free.toString() } }]] } }]);
          await rpc('dev_newBlock', [{ count: 1 }]);
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await waitExit(child);
        },
      };
    } catch (err) {
      if (err instanceof Error && err.message.includes('not our chopsticks')) {
        child.kill('SIGTERM');
        await waitExit(child);
        return 'port-in-use';
      }
      await sleep(200);
    }
  }
  child.kill('SIGKILL');
  await waitExit(child);
  throw new Error(`chopsticks did not answer on ${httpUrl} in time: ${output.slice(-1500)}`);
}

/** Starts chopsticks on the Kusama Local Testnet genesis (about 10-30 s: it compiles the runtime). */
export async function startChopsticks(opts: { startTimeoutMs?: number } = {}): Promise<ChopsticksNode> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await tryStart(await freePort(), opts.startTimeoutMs ?? 120_000);
    if (r !== 'port-in-use') return r;
  }
  throw new Error('could not find a free port for chopsticks after 5 attempts');
}
