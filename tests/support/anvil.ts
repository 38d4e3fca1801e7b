/**
 * Test helper: starts a real anvil node (npm @foundry-rs/anvil) on a free loopback port, waits
 * until it answers eth_chainId, and returns its URL, the 10 default dev accounts with their
 * private keys (the standard "test test … junk" mnemonic) and stop(). anvil has no `--port 0`,
 * so a free port is found by binding 127.0.0.1:0 and closing it; a collision is retried.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesToHex, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { rawJsonRpc, startChildNode } from './loopback';

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

/** Starts anvil; retries on a new port if the chosen one was taken in the meantime. */
export async function startAnvil(opts: AnvilOptions = {}): Promise<AnvilInstance> {
  if (!existsSync(ANVIL_BIN)) throw new Error(`anvil binary not found at ${ANVIL_BIN}`);
  const chainId = opts.chainId ?? 31337;
  return startChildNode<AnvilInstance>({
    name: 'anvil',
    command: ANVIL_BIN,
    args: (port) => ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent', ...(opts.args ?? [])],
    portInUse: /address already in use|os error 98|AddrInUse/i,
    timeoutMs: opts.startTimeoutMs ?? 20_000,
    pollMs: 50,
    async probe(url, port, stop) {
      const id = await rawJsonRpc<string>(url, 'eth_chainId');
      // Another node on this port (it was free when we looked): try another.
      if (Number(BigInt(id)) !== chainId) return 'foreign';
      return { url, port, chainId, accounts: devAccounts(), rpc: (m, p) => rawJsonRpc(url, m, p), stop };
    },
  });
}
