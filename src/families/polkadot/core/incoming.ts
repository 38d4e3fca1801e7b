/**
 * Incoming transfers on a Polkadot-SDK chain from the node alone (no indexer): a block's
 * `System.Events` (decoded with the runtime's own metadata) hold one `Balances.Transfer
 * { from, to, amount }` per executed transfer — transfer_keep_alive, transfer_allow_death,
 * transfer_all and those inside utility batches and proxies alike. The background reads a bounded
 * window of recent blocks (src/families/polkadot/background/incoming.ts); this file only picks
 * the transfers to the account out of one block's decoded events. Only the native token: assets
 * pallets' transfers are not payments in the chain's currency and are left out.
 */
import { ss58Decode } from './ss58.ts';

export interface BlockTransfer {
  /** The index of the extrinsic that caused it (its hash is read from the block). */
  extrinsic: number;
  from: string;
  amount: bigint;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function accountIdOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const d = ss58Decode(v);
  return d.ok ? Array.from(d.accountId, (b) => b.toString(16).padStart(2, '0')).join('') : null;
}

/**
 * `events`: System.Events of one block as @polkadot-api's dynamic codecs decode them
 * ([{ phase: { type: 'ApplyExtrinsic', value: n }, event: { type: 'Balances', value: { type: 'Transfer', value: { from, to, amount } } } }]).
 */
export function transfersTo(events: unknown, me: string): BlockTransfer[] {
  const mine = accountIdOf(me);
  if (mine === null) throw new TypeError('Not an SS58 address');
  if (!Array.isArray(events)) throw new TypeError('The node sent block events that are not a list');
  const out: BlockTransfer[] = [];
  for (const r of events) {
    if (!isObj(r) || !isObj(r.phase) || r.phase.type !== 'ApplyExtrinsic' || typeof r.phase.value !== 'number') continue;
    const ev = r.event;
    if (!isObj(ev) || ev.type !== 'Balances' || !isObj(ev.value) || ev.value.type !== 'Transfer' || !isObj(ev.value.value)) continue;
    const { from, to, amount } = ev.value.value;
    if (typeof amount !== 'bigint' || amount <= 0n || typeof from !== 'string') continue;
    const toId = accountIdOf(to);
    const fromId = accountIdOf(from);
    if (toId !== mine || fromId === null || fromId === mine) continue;
    out.push({ extrinsic: r.phase.value, from, amount });
  }
  return out;
}

/** The blocks to read: after the last one read (the cursor), at most `window` of the newest. */
export function blockRange(best: number, cursor: number | null, window: number): { from: number; to: number } | null {
  const from = Math.max(cursor === null ? 0 : cursor + 1, best - window + 1, 0);
  return from > best ? null : { from, to: best };
}
