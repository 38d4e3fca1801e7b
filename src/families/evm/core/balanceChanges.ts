/**
 * What a transaction would move in and out of the sender's account, from the node's
 * `eth_simulateV1` (execution-apis) with `traceTransfers`: the node reports every ERC-20 `Transfer`
 * event and, as a synthetic `Transfer` log from 0xEeee…EEeE, every ether value transfer, including
 * ones made by contracts inside the call. Nodes without the method (older anvil/geth, many public
 * RPCs) answer "method not found": the approval window then shows no simulated changes, and the
 * eth_call pre-flight (simulate.ts) still runs. The fee is not part of the changes (shown apart).
 */
import { getAddress, type Address, type Hex } from 'viem';
import { RpcError, type RpcClient } from './rpc.ts';

/** keccak256("Transfer(address,address,uint256)") */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
/** The pseudo-contract eth_simulateV1 uses for ether transfers in its traced logs. */
export const NATIVE_TRANSFER_ADDRESS = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

export interface BalanceChange {
  /** null: the network's native coin; else the ERC-20 contract. */
  token: Address | null;
  /** Smallest units; negative: leaves the account. */
  delta: bigint;
}

export type BalanceChanges = { status: 'ok'; changes: BalanceChange[] } | { status: 'unsupported' } | { status: 'failed'; reason: string };

interface SimLog {
  address?: unknown;
  topics?: unknown;
  data?: unknown;
}

const topicAddress = (t: string): string => `0x${t.slice(-40)}`.toLowerCase();

/** Net change per asset for `account`, from the logs of one simulated call (pure; tested with fixtures). */
export function balanceChangesFromLogs(account: string, logs: readonly SimLog[]): BalanceChange[] {
  const me = account.toLowerCase();
  const sums = new Map<string, bigint>();
  for (const log of logs) {
    const topics = log.topics;
    if (!Array.isArray(topics) || topics.length !== 3 || String(topics[0]).toLowerCase() !== TRANSFER_TOPIC) continue; // ERC-721 Transfer has 4 topics
    if (typeof log.address !== 'string' || typeof log.data !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(log.data)) continue;
    const from = topicAddress(String(topics[1]));
    const to = topicAddress(String(topics[2]));
    const amount = BigInt(log.data);
    const key = log.address.toLowerCase() === NATIVE_TRANSFER_ADDRESS.toLowerCase() ? 'native' : log.address.toLowerCase();
    let d = sums.get(key) ?? 0n;
    if (from === me) d -= amount;
    if (to === me) d += amount;
    sums.set(key, d);
  }
  return [...sums]
    .filter(([, d]) => d !== 0n)
    .map(([k, delta]) => ({ token: k === 'native' ? null : getAddress(k), delta }));
}

export interface SimulateInput {
  from: Address;
  to?: Address;
  value: bigint;
  data?: Hex;
  gas: bigint;
}

const hex = (v: bigint): Hex => `0x${v.toString(16)}`;

/** Runs eth_simulateV1 for one call at the latest block; never throws. */
export async function simulateBalanceChanges(rpc: RpcClient, tx: SimulateInput): Promise<BalanceChanges> {
  const call = { from: tx.from, ...(tx.to ? { to: tx.to } : {}), value: hex(tx.value), ...(tx.data ? { input: tx.data } : {}), gas: hex(tx.gas) };
  let blocks: unknown;
  try {
    blocks = await rpc.request('eth_simulateV1', [{ blockStateCalls: [{ calls: [call] }], traceTransfers: true, validation: false }, 'latest']);
  } catch (err) {
    // -32601: the node does not have the method; some nodes say so only in words.
    if (err instanceof RpcError && (err.code === -32601 || /not (found|supported|available)|unknown method|does not exist/i.test(err.message))) return { status: 'unsupported' };
    return { status: 'failed', reason: err instanceof Error ? err.message.slice(0, 200) : 'simulation failed' };
  }
  const result = Array.isArray(blocks) ? (blocks[0] as { calls?: unknown } | undefined)?.calls : undefined;
  const first = Array.isArray(result) ? (result[0] as { status?: unknown; logs?: unknown; error?: { message?: unknown } } | undefined) : undefined;
  if (!first || !Array.isArray(first.logs)) return { status: 'failed', reason: 'unexpected eth_simulateV1 answer' };
  if (first.status !== '0x1') return { status: 'failed', reason: typeof first.error?.message === 'string' ? first.error.message.slice(0, 200) : 'the call reverts' };
  return { status: 'ok', changes: balanceChangesFromLogs(tx.from, first.logs as SimLog[]) };
}
