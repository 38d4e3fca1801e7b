/**
 * EVM incoming history for the selected account on the active network, from the network's own
 * JSON-RPC node (no indexer): watched ERC-20 Transfer logs over the last LOG_WINDOW blocks and
 * native transfers found by reading the last BLOCK_WINDOW blocks whole. Each scan resumes after
 * the block the previous one reached (cursor in storage.local), so while the wallet polls nothing
 * in between is missed; after a longer pause only the bounded recent window is read.
 */
import { getAddress } from 'viem';
import type { ActivityItem } from '../../../background/activity';
import { activeNetwork, evmState, rpcFor, selectedEvmAccount } from './state';
import { incomingCursor, setIncomingCursor } from '../../../background/incoming/store';
import { incomingFromBlocks, incomingFromLogs, receiptStatus, scanWindow, topicOf, TRANSFER_TOPIC } from '../core/incoming';
import { explorerUrl } from '../core/networks';
import type { IncomingTransfer } from '../../../core/incoming/types';
import type { Selection } from '../../types';

/** ≈ 3.3 hours on Ethereum; many public nodes refuse eth_getLogs ranges much wider than this. */
export const LOG_WINDOW = 1000n;
/** Blocks read whole for native transfers (≈ 4 minutes on Ethereum; each is up to a few hundred kB). */
export const BLOCK_WINDOW = 20n;

const hex = (n: bigint): string => `0x${n.toString(16)}`;

export async function incoming(_sel: Selection): Promise<ActivityItem[]> {
  const [network, account, state] = await Promise.all([activeNetwork(), selectedEvmAccount(), evmState()]);
  const rpc = rpcFor(network);
  const me = account.address.toLowerCase();
  const head = BigInt(await rpc.request<string>('eth_blockNumber', []));
  const key = (kind: string): string => `evm:${network.chainId}:${me}:${kind}`;
  const tokens = state.tokens[String(network.chainId)] ?? [];
  const found: Array<IncomingTransfer & { block: bigint }> = [];

  const logCursor = await incomingCursor(key('logs'));
  const logs = scanWindow(head, logCursor === null ? null : BigInt(logCursor), LOG_WINDOW);
  if (logs && tokens.length > 0) {
    const answer = await rpc.request<unknown[]>('eth_getLogs', [{ fromBlock: hex(logs.from), toBlock: hex(logs.to), address: tokens.map((t) => t.address), topics: [TRANSFER_TOPIC, null, topicOf(me)] }]);
    found.push(...incomingFromLogs(Array.isArray(answer) ? answer : [], me));
  }
  const blockCursor = await incomingCursor(key('blocks'));
  const blocks = scanWindow(head, blockCursor === null ? null : BigInt(blockCursor), BLOCK_WINDOW);
  if (blocks) {
    const calls = [];
    for (let n = blocks.from; n <= blocks.to; n++) calls.push({ method: 'eth_getBlockByNumber', params: [hex(n), true] });
    const answers = await rpc.batch(calls);
    const failed = answers.find((a) => !a.ok);
    if (failed && !failed.ok) throw failed.error; // never advance the cursor past blocks not read
    const natives = incomingFromBlocks(answers.map((a) => (a.ok ? a.result : null)), me);
    // A value transfer can still fail (out of gas against a contract recipient): ask the receipt.
    const receipts = natives.length ? await rpc.batch(natives.map((t) => ({ method: 'eth_getTransactionReceipt', params: [t.hash] }))) : [];
    natives.forEach((t, i) => found.push({ ...t, status: receiptStatus(receipts[i]?.ok ? receipts[i].result : null) }));
  }

  // Log entries carry no time: read the few blocks they are in (headers only).
  const untimed = [...new Set(found.filter((f) => f.time === null).map((f) => f.block))];
  const times = new Map<bigint, number>();
  if (untimed.length) {
    const headers = await rpc.batch(untimed.map((n) => ({ method: 'eth_getBlockByNumber', params: [hex(n), false] })));
    headers.forEach((h, i) => {
      const ts = h.ok && h.result && typeof (h.result as { timestamp?: unknown }).timestamp === 'string' ? Number(BigInt((h.result as { timestamp: string }).timestamp)) * 1000 : null;
      if (ts !== null) times.set(untimed[i]!, ts);
    });
  }
  if (logs) await setIncomingCursor(key('logs'), logs.to.toString());
  if (blocks) await setIncomingCursor(key('blocks'), blocks.to.toString());

  return found.map((f): ActivityItem => {
    const token = f.token ? tokens.find((t) => t.address.toLowerCase() === f.token) : undefined;
    return {
      hash: f.hash,
      family: 'evm',
      chainId: network.chainId,
      from: f.from ? getAddress(f.from) : '',
      to: account.address,
      value: f.value.toString(),
      symbol: token?.symbol ?? network.nativeCurrency.symbol,
      decimals: token?.decimals ?? network.nativeCurrency.decimals,
      origin: null,
      explorer: explorerUrl(network, 'tx', f.hash) ?? null,
      status: f.status,
      time: f.time ?? times.get(f.block) ?? Date.now(),
      direction: 'in',
      token: f.token,
    };
  });
}
