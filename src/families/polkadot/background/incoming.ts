/**
 * Polkadot/Kusama incoming history for the popup's account on the active network (the
 * incoming hook of src/families/registry.ts), from the node's own JSON-RPC: the events of the
 * newest blocks (at most WINDOW per refresh, resuming after the last finalized block read, so
 * polling every minute misses nothing on a 6-second chain), then, for a block with a transfer to
 * the account, the block's extrinsics (for the hash the wallet's own sends are recorded under) and
 * its Timestamp.Now. Blocks not yet finalized give pending entries and are read again.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import type { ActivityItem } from '../../../background/activity';
import { familyContext, networkIdOf } from '../../../background/families/modules';
import { incomingCursor, setIncomingCursor } from '../../../background/incoming/store';
import type { Selection } from '../../types';
import { toHex } from '../core/hex.ts';
import { blockRange, transfersTo } from '../core/incoming.ts';
import { hexBytes } from './chain.ts';
import { forPopup, sessionOf } from './sessions.ts';

const WINDOW = 50;

export async function incoming(_sel: Selection): Promise<ActivityItem[]> {
  const ctx = await familyContext('polkadot');
  if (!ctx.address) return [];
  return forPopup(async () => {
    const session = sessionOf(ctx);
    const rt = await session.runtime();
    const rpc = session.rpc;
    const [best, finalizedHash] = await Promise.all([rpc.request<{ number: string }>('chain_getHeader'), rpc.request<string>('chain_getFinalizedHead')]);
    const finalized = Number(BigInt((await rpc.request<{ number: string }>('chain_getHeader', [finalizedHash])).number));
    const bestNumber = Number(BigInt(best.number));
    const cursorKey = `polkadot:${ctx.network.ref}:${ctx.address}`;
    const stored = await incomingCursor(cursorKey);
    const range = blockRange(bestNumber, stored === null ? null : Number(stored), WINDOW);
    if (!range) return [];
    const events = rt.metadata.storage('System', 'Events');
    const now = rt.metadata.storage('Timestamp', 'Now');
    const chainId = networkIdOf(ctx.network.ref);
    const items: ActivityItem[] = [];
    for (let n = range.from; n <= range.to; n++) {
      const hash = await rpc.request<string>('chain_getBlockHash', [n]);
      const raw = await rpc.request<string | null>('state_getStorage', [events.key(), hash]);
      const found = raw ? transfersTo(events.decode(raw), ctx.address) : [];
      if (found.length === 0) continue;
      const [block, time] = await Promise.all([
        rpc.request<{ block: { extrinsics: string[] } }>('chain_getBlock', [hash]),
        rpc.request<string | null>('state_getStorage', [now.key(), hash]),
      ]);
      const ms = time ? Number(now.decode(time) as bigint) : Date.now();
      for (const t of found) {
        const ext = block.block.extrinsics[t.extrinsic];
        if (typeof ext !== 'string') continue;
        const txHash = toHex(blake2b(hexBytes(ext), { dkLen: 32 }));
        items.push({
          hash: txHash,
          family: 'polkadot',
          chainId,
          from: t.from,
          to: ctx.address,
          value: t.amount.toString(),
          symbol: ctx.network.native.symbol,
          decimals: ctx.network.native.decimals,
          origin: null,
          explorer: ctx.network.explorerTx?.(txHash) ?? null,
          status: n <= finalized ? 'confirmed' : 'pending',
          time: ms,
          direction: 'in',
          token: null,
        });
      }
    }
    // Resume after the last finalized block read: newer ones may still change (and their entries are pending).
    const done = Math.min(range.to, finalized);
    if (done >= range.from) await setIncomingCursor(cursorKey, String(done));
    return items.reverse();
  });
}
