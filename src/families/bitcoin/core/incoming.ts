/**
 * Incoming Bitcoin payments from Esplora's address history (GET /address/:a/txs: the newest 50
 * mempool and 25 confirmed transactions touching the address, with each input's prevout).
 * A transaction is incoming when none of its inputs spends one of the wallet's addresses (so a
 * send's change output is never mistaken for a payment) and some output pays the wallet: the
 * amount is the sum of those outputs, the counterparty the first input's address.
 */
import { isObject, toUnits, type IncomingTransfer } from '../../../core/incoming/types.ts';

const TXID_RE = /^[0-9a-f]{64}$/;

/** The addresses of a list of inputs/outputs (Esplora's `scriptpubkey_address`, absent for non-standard scripts). */
function addressOf(v: unknown): string | null {
  return isObject(v) && typeof v.scriptpubkey_address === 'string' ? v.scriptpubkey_address : null;
}

/**
 * Esplora transactions (already de-duplicated across the wallet's addresses by the caller or not:
 * a txid is reported once) → incoming transfers to any of `mine`. Malformed entries are skipped,
 * never guessed at.
 */
export function incomingFromEsplora(txs: readonly unknown[], mine: ReadonlySet<string>): IncomingTransfer[] {
  const out: IncomingTransfer[] = [];
  const seen = new Set<string>();
  for (const tx of txs) {
    if (!isObject(tx) || typeof tx.txid !== 'string' || !TXID_RE.test(tx.txid) || seen.has(tx.txid)) continue;
    if (!Array.isArray(tx.vin) || !Array.isArray(tx.vout) || !isObject(tx.status)) continue;
    seen.add(tx.txid);
    const inputs = tx.vin.map((i) => (isObject(i) ? addressOf(i.prevout) : null));
    if (inputs.some((a) => a !== null && mine.has(a))) continue; // our own send (its change comes back to us)
    let value = 0n;
    let to: string | null = null;
    for (const o of tx.vout) {
      const a = addressOf(o);
      const v = isObject(o) ? toUnits(o.value) : null;
      if (a === null || v === null || !mine.has(a)) continue;
      value += v;
      to ??= a;
    }
    if (to === null || value === 0n) continue;
    const status = tx.status;
    const confirmed = status.confirmed === true;
    const blockTime = typeof status.block_time === 'number' && Number.isSafeInteger(status.block_time) ? status.block_time * 1000 : null;
    out.push({ hash: tx.txid, from: inputs.find((a) => a !== null) ?? null, to, value, token: null, status: confirmed ? 'confirmed' : 'pending', time: confirmed ? blockTime : null });
  }
  return out;
}
