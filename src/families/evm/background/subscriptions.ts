/**
 * eth_subscribe / eth_unsubscribe ('newHeads', 'logs') over an HTTP node: while a page holds a
 * subscription the background polls the node (eth_blockNumber, then the new blocks' headers or
 * eth_getLogs over the new range) and sends each result to that page only, as the EIP-1193
 * `message` event MetaMask emits: { type: 'eth_subscription', data: { subscription, result } }.
 * Polling stops when the last subscription ends or its page goes away (port closed). Subscriptions
 * live in memory: a service-worker restart ends them, as a websocket drop would.
 */
import type { Hex } from 'viem';
import { invalidParams } from '../core/errors';
import { isPlainObject, readAddress } from '../core/validate';
import type { EvmNetwork } from '../core/networks';
import { emitToConnection, onConnectionClosed } from '../../../background/dapp/router';
import { liveGrant } from '../../../background/permissions';
import { isBlocked } from '../../../background/siteLimits';
import { activeNetwork, rpcFor } from './state';

export const POLL_INTERVAL_MS = 1000;
const MAX_PER_PAGE = 50;
/** Blocks delivered per tick at most: a long gap is not replayed in full. */
const MAX_BLOCKS_PER_TICK = 10;

type Kind = { type: 'newHeads' } | { type: 'logs'; filter: { address?: Hex | Hex[]; topics?: unknown[] } };

interface Subscription {
  id: Hex;
  connectionId: number;
  /** The subscribing site (from the port's sender): it must stay unblocked, and connected if it was. */
  origin: string;
  connected: boolean;
  network: EvmNetwork;
  kind: Kind;
  /** Last block already delivered. */
  last: bigint;
}

const subs = new Map<Hex, Subscription>();
let timer: ReturnType<typeof setInterval> | undefined;
let ticking = false;

onConnectionClosed((connectionId) => {
  for (const s of subs.values()) if (s.connectionId === connectionId) subs.delete(s.id);
  stopIfIdle();
});

function stopIfIdle(): void {
  if (subs.size === 0 && timer !== undefined) {
    clearInterval(timer);
    timer = undefined;
  }
}

function newId(): Hex {
  return `0x${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function readTopics(v: unknown): unknown[] | undefined {
  if (v === undefined) return undefined;
  const topic = (t: unknown): boolean => t === null || (typeof t === 'string' && /^0x[0-9a-fA-F]{64}$/.test(t));
  if (!Array.isArray(v) || v.length > 4 || !v.every((t) => topic(t) || (Array.isArray(t) && t.length <= 16 && t.every(topic)))) {
    throw invalidParams('logs filter "topics" must be up to 4 entries of null, a 32-byte topic, or a list of topics');
  }
  return v;
}

function readKind(params: unknown[]): Kind {
  const [type, filter] = params;
  if (type === 'newHeads' && params.length === 1) return { type };
  if (type === 'logs' && params.length <= 2) {
    if (filter === undefined) return { type, filter: {} };
    if (!isPlainObject(filter)) throw invalidParams('logs expects a filter object { address?, topics? }');
    const extra = Object.keys(filter).filter((k) => k !== 'address' && k !== 'topics');
    if (extra.length > 0) throw invalidParams(`logs filter: unsupported field ${extra[0]!.slice(0, 40)}`);
    const address =
      filter.address === undefined
        ? undefined
        : Array.isArray(filter.address)
          ? filter.address.slice(0, 100).map((a, i) => readAddress(a, `address[${i}]`).toLowerCase() as Hex)
          : (readAddress(filter.address, 'address').toLowerCase() as Hex);
    const topics = readTopics(filter.topics);
    return { type, filter: { ...(address !== undefined ? { address } : {}), ...(topics !== undefined ? { topics } : {}) } };
  }
  if (type === 'newPendingTransactions' || type === 'syncing') throw invalidParams(`eth_subscribe "${type}" is not supported; use newHeads or logs`);
  throw invalidParams('eth_subscribe expects ["newHeads"] or ["logs", filter]');
}

export async function subscribe(connectionId: number | undefined, origin: string, network: EvmNetwork, params: unknown[]): Promise<Hex> {
  if (connectionId === undefined) throw invalidParams('eth_subscribe needs a page connection');
  const kind = readKind(params);
  if ([...subs.values()].filter((s) => s.connectionId === connectionId).length >= MAX_PER_PAGE) throw invalidParams(`at most ${MAX_PER_PAGE} subscriptions per page`);
  const last = BigInt(await rpcFor(network).request<string>('eth_blockNumber', []));
  const id = newId();
  subs.set(id, { id, connectionId, origin, connected: !!(await liveGrant(origin, 'evm')), network, kind, last });
  timer ??= setInterval(() => void tick(), POLL_INTERVAL_MS);
  return id;
}

export function unsubscribe(connectionId: number | undefined, params: unknown[]): boolean {
  const id = params[0];
  if (params.length !== 1 || typeof id !== 'string') throw invalidParams('eth_unsubscribe expects [subscriptionId]');
  const s = subs.get(id as Hex);
  if (!s || s.connectionId !== connectionId) return false;
  subs.delete(s.id);
  stopIfIdle();
  return true;
}

function deliver(s: Subscription, result: unknown): void {
  if (!emitToConnection(s.connectionId, 'evm', 'message', { type: 'eth_subscription', data: { subscription: s.id, result } })) subs.delete(s.id);
}

async function pollOne(s: Subscription, head: bigint): Promise<void> {
  if (head <= s.last) return;
  const from = head - s.last > BigInt(MAX_BLOCKS_PER_TICK) ? head - BigInt(MAX_BLOCKS_PER_TICK) + 1n : s.last + 1n;
  const rpc = rpcFor(s.network);
  if (s.kind.type === 'newHeads') {
    for (let n = from; n <= head; n++) {
      const block = await rpc.request<Record<string, unknown> | null>('eth_getBlockByNumber', [`0x${n.toString(16)}`, false]);
      if (!block) return;
      // A header: the block without its transaction list.
      const { transactions: _tx, uncles: _u, ...header } = block;
      s.last = n;
      deliver(s, header);
    }
    return;
  }
  const logs = await rpc.request<unknown[]>('eth_getLogs', [{ ...s.kind.filter, fromBlock: `0x${from.toString(16)}`, toBlock: `0x${head.toString(16)}` }]);
  s.last = head;
  for (const log of logs) deliver(s, log);
}

async function tick(): Promise<void> {
  if (ticking) return;
  ticking = true;
  try {
    // One eth_blockNumber per node per tick, however many pages subscribe.
    const heads = new Map<string, Promise<bigint>>();
    const active = await activeNetwork().catch(() => undefined);
    for (const s of [...subs.values()]) {
      // A subscription ends when the wallet leaves its network (the page got chainChanged), when the
      // site is blocked, or when a connected site is disconnected or its connection expires.
      if (active?.chainId !== s.network.chainId || (await isBlocked(s.origin)) || (s.connected && !(await liveGrant(s.origin, 'evm')))) {
        subs.delete(s.id);
        continue;
      }
      const url = s.network.rpcUrls[0] ?? '';
      if (!heads.has(url)) heads.set(url, rpcFor(s.network).request<string>('eth_blockNumber', []).then(BigInt));
      try {
        await pollOne(s, await heads.get(url)!);
      } catch {
        // The node is unreachable for now: try again next tick.
      }
    }
  } finally {
    ticking = false;
    stopIfIdle();
  }
}

/** For tests and diagnostics: how many subscriptions are live. */
export function liveSubscriptions(): number {
  return subs.size;
}
