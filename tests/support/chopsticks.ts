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
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { rawJsonRpc, startChildNode } from './loopback';

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

async function devAccounts(): Promise<Record<(typeof DEV_NAMES)[number], string>> {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 2 });
  return Object.fromEntries(DEV_NAMES.map((n) => [n, keyring.addFromUri(`${DEV_PHRASE}//${n}`).address])) as Record<(typeof DEV_NAMES)[number], string>;
}

/** Starts chopsticks on the Kusama Local Testnet genesis (about 10-30 s: it compiles the runtime). */
export async function startChopsticks(opts: { startTimeoutMs?: number } = {}): Promise<ChopsticksNode> {
  return startChildNode<ChopsticksNode>({
    name: 'chopsticks',
    command: process.execPath,
    args: (port) => [CHOPSTICKS, `--genesis=${KUSAMA_LOCAL_SPEC}`, '--build-block-mode=Instant', `--port=${port}`, '--host=127.0.0.1'],
    // LOG_LEVEL keeps chopsticks' per-block info lines out of the test output.
    env: { ...process.env, LOG_LEVEL: 'error' },
    portInUse: /EADDRINUSE/,
    timeoutMs: opts.startTimeoutMs ?? 120_000,
    pollMs: 200,
    async probe(httpUrl, port, stop) {
      const props = await rawJsonRpc<{ ss58Format?: number; tokenSymbol?: string }>(httpUrl, 'system_properties');
      // Another node on this port (it was free when we looked): try another.
      if (props.tokenSymbol !== 'KSM') return 'foreign';
      const dev = await devAccounts();
      const rpc = <T>(m: string, p?: unknown[]): Promise<T> => rawJsonRpc<T>(httpUrl, m, p);
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
        stop,
      };
    },
  });
}
