/**
 * Which chain a TRON transaction was built for: its reference block (2 bytes of the height and
 * 8 bytes of the block id) must be a recent block of the connected network. A transaction whose
 * reference block is not on this chain cannot execute here and was built for another network.
 */
import type { TronApi } from './api.ts';
import type { TronRawData } from './rawData.ts';

export type RefBlockCheck = { status: 'match'; blockNumber: bigint } | { status: 'mismatch'; blockNumber: bigint } | { status: 'unknown'; reason: string };

/** java-tron accepts reference blocks among the last 65 536. */
const WINDOW = 65_536n;

export async function checkRefBlock(api: TronApi, raw: Pick<TronRawData, 'refBlockBytes' | 'refBlockHash'>): Promise<RefBlockCheck> {
  let latest: bigint;
  try {
    latest = (await api.getNowBlock()).number;
  } catch (err) {
    return { status: 'unknown', reason: err instanceof Error ? err.message : 'node unavailable' };
  }
  const low = BigInt(`0x${raw.refBlockBytes}`);
  const back = (((latest - low) % WINDOW) + WINDOW) % WINDOW;
  const candidate = latest - back;
  if (candidate < 0n) return { status: 'mismatch', blockNumber: candidate };
  try {
    const block = await api.getBlockByNum(candidate);
    if (!block) return { status: 'unknown', reason: `block ${candidate} not available` };
    return block.blockID.slice(16, 32) === raw.refBlockHash.toLowerCase() ? { status: 'match', blockNumber: candidate } : { status: 'mismatch', blockNumber: candidate };
  } catch (err) {
    return { status: 'unknown', reason: err instanceof Error ? err.message : 'node unavailable' };
  }
}
