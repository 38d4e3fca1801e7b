/**
 * Incoming Solana transfers from the node's own history: getSignaturesForAddress (the owner and
 * its token accounts) and getTransaction (jsonParsed). What arrived is read from the balance
 * changes the node reports (meta.preBalances/postBalances for SOL, pre/postTokenBalances whose
 * `owner` is the wallet for SPL tokens), so transfers made by any program (inner instructions
 * included) count, and nothing is inferred from instruction layouts. A transaction the wallet
 * signed is its own send and is skipped; a failed one moved nothing and is skipped too.
 */
import { isObject, toUnits, type IncomingTransfer } from '../../../core/incoming/types.ts';

/** One entry of getSignaturesForAddress. */
export interface SignatureInfo {
  signature: string;
  err: unknown;
  blockTime: number | null;
  confirmationStatus: string | null;
}

const SIG_RE = /^[1-9A-HJ-NP-Za-km-z]{64,88}$/;

export function parseSignatureList(v: unknown): SignatureInfo[] {
  if (!Array.isArray(v)) throw new TypeError('getSignaturesForAddress returned no list');
  return v.flatMap((e): SignatureInfo[] =>
    isObject(e) && typeof e.signature === 'string' && SIG_RE.test(e.signature)
      ? [{ signature: e.signature, err: e.err ?? null, blockTime: typeof e.blockTime === 'number' ? e.blockTime : null, confirmationStatus: typeof e.confirmationStatus === 'string' ? e.confirmationStatus : null }]
      : [],
  );
}

function keyOf(k: unknown): { pubkey: string; signer: boolean } | null {
  if (typeof k === 'string') return { pubkey: k, signer: false };
  if (isObject(k) && typeof k.pubkey === 'string') return { pubkey: k.pubkey, signer: k.signer === true };
  return null;
}

/** Sum of a token balance list's raw amounts owned by `owner`, per mint (with the decimals stated). */
function tokenTotals(list: unknown, owner: string): Map<string, { amount: bigint; decimals: number }> {
  const out = new Map<string, { amount: bigint; decimals: number }>();
  if (!Array.isArray(list)) return out;
  for (const b of list) {
    if (!isObject(b) || b.owner !== owner || typeof b.mint !== 'string' || !isObject(b.uiTokenAmount)) continue;
    const amount = toUnits(b.uiTokenAmount.amount);
    const decimals = b.uiTokenAmount.decimals;
    if (amount === null || typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 255) continue;
    const prev = out.get(b.mint);
    out.set(b.mint, { amount: (prev?.amount ?? 0n) + amount, decimals });
  }
  return out;
}

/**
 * One getTransaction (jsonParsed) answer → what `owner` received in it (SOL and each SPL mint), or
 * nothing when the owner signed it, it failed, or nothing arrived.
 */
export function incomingFromSolanaTx(signature: string, tx: unknown, owner: string): IncomingTransfer[] {
  if (!isObject(tx) || !isObject(tx.meta) || !isObject(tx.transaction) || !isObject(tx.transaction.message)) return [];
  const meta = tx.meta;
  if (meta.err !== null && meta.err !== undefined) return [];
  const keys = Array.isArray(tx.transaction.message.accountKeys) ? tx.transaction.message.accountKeys.map(keyOf) : [];
  if (keys.some((k) => k?.pubkey === owner && k.signer)) return []; // the wallet's own transaction
  const from = keys.find((k) => k?.signer)?.pubkey ?? keys[0]?.pubkey ?? null;
  const time = typeof tx.blockTime === 'number' && Number.isSafeInteger(tx.blockTime) ? tx.blockTime * 1000 : null;
  const base = { hash: signature, from, to: owner, status: 'confirmed' as const, time };
  const out: IncomingTransfer[] = [];

  const idx = keys.findIndex((k) => k?.pubkey === owner);
  if (idx >= 0 && Array.isArray(meta.preBalances) && Array.isArray(meta.postBalances)) {
    const pre = toUnits(meta.preBalances[idx]);
    const post = toUnits(meta.postBalances[idx]);
    if (pre !== null && post !== null && post > pre) out.push({ ...base, value: post - pre, token: null });
  }
  const before = tokenTotals(meta.preTokenBalances, owner);
  for (const [mint, after] of tokenTotals(meta.postTokenBalances, owner)) {
    const gained = after.amount - (before.get(mint)?.amount ?? 0n);
    if (gained > 0n) out.push({ ...base, value: gained, token: mint, decimals: after.decimals });
  }
  return out;
}
