/**
 * Local tracker of nonces the wallet has handed out but the node may not show yet, per
 * (chainId, address). Combined with the node's pending nonce it gives several pending transactions
 * consecutive nonces and fills gaps left by failed broadcasts. The state is a plain JSON object
 * (the background may persist it); the functions mutate it in place and are synchronous, so a
 * reservation made right after awaiting the node's nonce cannot race another one.
 */

export interface NonceEntry {
  nonce: number;
  /** When it was reserved (ms); entries expire so a dropped transaction cannot stall the account. */
  at: number;
}

export interface NonceTrackerState {
  version: 1;
  accounts: Record<string, NonceEntry[]>;
  /**
   * The highest pending nonce the node has reported per account. Answers to concurrent reads can
   * arrive out of order: a stale, lower count read after a newer one pruned the reservations below
   * it would hand out a nonce already in use ("replacement transaction underpriced").
   */
  floors?: Record<string, NonceEntry>;
}

/** Entries older than this are forgotten: by then the node's pending nonce reflects them. */
export const NONCE_TTL_MS = 10 * 60 * 1000;

export function createNonceTracker(): NonceTrackerState {
  return { version: 1, accounts: {} };
}

export function nonceKey(chainId: number, address: string): string {
  return `${chainId}:${address.toLowerCase()}`;
}

/** Drops entries the node already counts (below its pending nonce) and expired ones. */
export function pruneNonces(state: NonceTrackerState, chainId: number, address: string, nodePendingNonce: number, now = Date.now(), ttlMs = NONCE_TTL_MS): void {
  const key = nonceKey(chainId, address);
  const kept = (state.accounts[key] ?? []).filter((e) => e.nonce >= nodePendingNonce && now - e.at < ttlMs);
  if (kept.length > 0) state.accounts[key] = kept;
  else delete state.accounts[key];
}

/** Nonces reserved locally for this account, ascending. */
export function pendingNonces(state: NonceTrackerState, chainId: number, address: string): number[] {
  return (state.accounts[nonceKey(chainId, address)] ?? []).map((e) => e.nonce).sort((a, b) => a - b);
}

/**
 * Reserves and returns the lowest nonce ≥ the node's pending nonce that is not already reserved.
 */
export function reserveNextNonce(state: NonceTrackerState, chainId: number, address: string, nodePendingNonce: number, now = Date.now()): number {
  const key = nonceKey(chainId, address);
  const floors = (state.floors ??= {});
  const seen = floors[key];
  const stale = !!seen && seen.nonce > nodePendingNonce && now - seen.at < NONCE_TTL_MS;
  const floor = stale ? seen.nonce : nodePendingNonce;
  if (!stale) floors[key] = { nonce: nodePendingNonce, at: now };
  pruneNonces(state, chainId, address, floor, now);
  const taken = new Set(pendingNonces(state, chainId, address));
  let nonce = floor;
  while (taken.has(nonce)) nonce++;
  reserveNonce(state, chainId, address, nonce, now);
  return nonce;
}

/** Records a specific nonce (a user-chosen one, or a replacement) as in use. */
export function reserveNonce(state: NonceTrackerState, chainId: number, address: string, nonce: number, now = Date.now()): void {
  const key = nonceKey(chainId, address);
  const list = (state.accounts[key] ?? []).filter((e) => e.nonce !== nonce);
  list.push({ nonce, at: now });
  state.accounts[key] = list;
}

/** Frees a nonce whose transaction was never broadcast (signing or sending failed). */
export function releaseNonce(state: NonceTrackerState, chainId: number, address: string, nonce: number): void {
  const key = nonceKey(chainId, address);
  const list = (state.accounts[key] ?? []).filter((e) => e.nonce !== nonce);
  if (list.length > 0) state.accounts[key] = list;
  else delete state.accounts[key];
}
