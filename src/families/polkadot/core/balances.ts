/**
 * An account's balance as pallet-balances keeps it (System.Account → AccountData): free, reserved
 * and frozen. What can be sent while keeping the account alive is
 *   free − max(frozen − reserved, existential deposit)
 * (frozen funds may overlap reserved ones; polkadot-sdk fungible::Inspect::reducible_balance with
 * Preservation::Preserve), minus the fee.
 */
export interface PolkadotBalances {
  free: bigint;
  reserved: bigint;
  frozen: bigint;
  /** free minus what frozen funds hold back (what a transferAllowDeath could move). */
  transferable: bigint;
  /** What a transferKeepAlive can move, fee not yet taken off. */
  keepAliveMax: bigint;
  existentialDeposit: bigint;
}

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : typeof v === 'number' ? BigInt(v) : 0n);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** `data`: the decoded AccountData (current `frozen`, or the older `misc_frozen` / `fee_frozen`). */
export function accountBalances(data: Record<string, unknown> | undefined, existentialDeposit: bigint): PolkadotBalances {
  const free = big(data?.free);
  const reserved = big(data?.reserved);
  const frozen = data && 'frozen' in data ? big(data.frozen) : max(big(data?.misc_frozen), big(data?.fee_frozen));
  const held = max(frozen - reserved, 0n);
  const transferable = max(free - held, 0n);
  const keepAliveMax = max(free - max(held, existentialDeposit), 0n);
  return { free, reserved, frozen, transferable, keepAliveMax, existentialDeposit };
}
