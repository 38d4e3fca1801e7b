/**
 * Incoming EVM transfers from a plain JSON-RPC node, without an indexer:
 * - ERC-20: `Transfer(address,address,uint256)` logs of the watched tokens whose third topic is
 *   the account (eth_getLogs over a bounded block window; ERC-721 Transfers have a fourth topic
 *   and are left out);
 * - native coin: a node cannot list an address's transactions, so the recent blocks are read
 *   whole (eth_getBlockByNumber with transactions) and plain value transfers to the account are
 *   picked out. Value sent by a contract's internal call is not visible this way.
 * The window is bounded (see scanWindow) and resumes after the last block scanned.
 */
import { isObject, type IncomingTransfer } from '../../../core/incoming/types.ts';

/** keccak256("Transfer(address,address,uint256)"). */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

const HASH_RE = /^0x[0-9a-fA-F]{64}$/;
const ADDR_RE = /^0x[0-9a-fA-F]{40}$/;

export const topicOf = (address: string): string => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
const addressOfTopic = (t: unknown): string | null => (typeof t === 'string' && /^0x0{24}[0-9a-fA-F]{40}$/.test(t) ? `0x${t.slice(26).toLowerCase()}` : null);
const hexInt = (v: unknown): bigint | null => (typeof v === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(v) ? BigInt(v) : null);

/**
 * The blocks to read this time: from the block after the last scanned one (or `maxBack` blocks
 * before the head on a first scan), never more than `maxBack` blocks, up to the head.
 * null when there is nothing new.
 */
export function scanWindow(head: bigint, lastScanned: bigint | null, maxBack: bigint): { from: bigint; to: bigint } | null {
  const floor = head - maxBack + 1n > 0n ? head - maxBack + 1n : 0n;
  const from = lastScanned === null || lastScanned + 1n < floor ? floor : lastScanned + 1n;
  return from > head ? null : { from, to: head };
}

/** eth_getLogs entries → ERC-20 tokens received by `me` (lower-case 0x address) from another address. */
export function incomingFromLogs(logs: readonly unknown[], me: string): Array<IncomingTransfer & { block: bigint }> {
  const out: Array<IncomingTransfer & { block: bigint }> = [];
  const mine = me.toLowerCase();
  for (const l of logs) {
    if (!isObject(l) || !Array.isArray(l.topics) || l.topics.length !== 3 || String(l.topics[0]).toLowerCase() !== TRANSFER_TOPIC) continue;
    if (l.removed === true || typeof l.transactionHash !== 'string' || !HASH_RE.test(l.transactionHash) || typeof l.address !== 'string' || !ADDR_RE.test(l.address)) continue;
    const from = addressOfTopic(l.topics[1]);
    const to = addressOfTopic(l.topics[2]);
    const value = hexInt(l.data);
    const block = hexInt(l.blockNumber);
    if (to !== mine || from === null || from === mine || value === null || value === 0n || block === null) continue;
    out.push({ hash: l.transactionHash.toLowerCase(), from, to: mine, value, token: l.address.toLowerCase(), status: 'confirmed', time: null, block });
  }
  return out;
}

/** eth_getBlockByNumber(n, true) answers → native value sent to `me` by another address (status from the receipt later). */
export function incomingFromBlocks(blocks: readonly unknown[], me: string): Array<IncomingTransfer & { block: bigint }> {
  const out: Array<IncomingTransfer & { block: bigint }> = [];
  const mine = me.toLowerCase();
  for (const b of blocks) {
    if (!isObject(b) || !Array.isArray(b.transactions)) continue;
    const block = hexInt(b.number);
    const ts = hexInt(b.timestamp);
    if (block === null) continue;
    for (const tx of b.transactions) {
      if (!isObject(tx) || typeof tx.hash !== 'string' || !HASH_RE.test(tx.hash) || typeof tx.to !== 'string' || typeof tx.from !== 'string') continue;
      const value = hexInt(tx.value);
      if (tx.to.toLowerCase() !== mine || tx.from.toLowerCase() === mine || value === null || value === 0n) continue;
      out.push({ hash: tx.hash.toLowerCase(), from: tx.from.toLowerCase(), to: mine, value, token: null, status: 'confirmed', time: ts === null ? null : Number(ts) * 1000, block });
    }
  }
  return out;
}

/** A receipt's status: '0x1' confirmed, '0x0' failed, anything else unknown (kept pending). */
export function receiptStatus(receipt: unknown): IncomingTransfer['status'] {
  if (!isObject(receipt)) return 'pending';
  return receipt.status === '0x1' ? 'confirmed' : receipt.status === '0x0' ? 'failed' : 'pending';
}

