/**
 * Balance changes from account states before and after a simulation, for the approval window
 * (SOL per account, SPL amounts under the token account's owner). Split from decode.ts, which
 * decodes what the instructions say.
 */
import type { SolanaAccountInfo } from './rpc.ts';
import { decodeMint, decodeTokenAccount } from './tokenLayout.ts';

export interface BalanceChange {
  /** Wallet whose balance changes: the account itself for SOL, the token account's owner for tokens. */
  owner: string;
  asset: 'SOL' | 'token';
  mint?: string;
  tokenAccount?: string;
  decimals?: number;
  before: bigint;
  after: bigint;
  delta: bigint;
}

/**
 * Balance changes between account states before and after a simulation (same address order).
 * SOL changes are reported for non-token accounts; token accounts report their token amount under
 * their owner (their own lamports are rent, paid by whoever created them). Zero deltas are dropped.
 */
export function computeBalanceChanges(
  addresses: readonly string[],
  pre: readonly (SolanaAccountInfo | null)[],
  post: readonly (SolanaAccountInfo | null)[],
  decimalsByMint: ReadonlyMap<string, number> = new Map(),
): BalanceChange[] {
  const out: BalanceChange[] = [];
  addresses.forEach((address, i) => {
    const before = pre[i] ?? null;
    const after = post[i] ?? null;
    const tokenOf = (a: SolanaAccountInfo | null): ReturnType<typeof decodeTokenAccount> =>
      a && a.data.encoding === 'base64' ? decodeTokenAccount(a.data.bytes, a.owner) : undefined;
    const tBefore = tokenOf(before);
    const tAfter = tokenOf(after);
    const isMint = [before, after].some((a) => a && a.data.encoding === 'base64' && decodeMint(a.data.bytes, a.owner) !== undefined);
    if (tBefore || tAfter) {
      const t = (tAfter ?? tBefore)!;
      const b = tBefore?.amount ?? 0n;
      const a = tAfter?.amount ?? 0n;
      if (a !== b) {
        const decimals = decimalsByMint.get(t.mint);
        out.push({ owner: t.owner, asset: 'token', mint: t.mint, tokenAccount: address, ...(decimals !== undefined ? { decimals } : {}), before: b, after: a, delta: a - b });
      }
      return;
    }
    if (isMint) return;
    const b = before?.lamports ?? 0n;
    const a = after?.lamports ?? 0n;
    if (a !== b) out.push({ owner: address, asset: 'SOL', decimals: 9, before: b, after: a, delta: a - b });
  });
  return out;
}
