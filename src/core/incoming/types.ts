/**
 * A transfer that arrived at one of the wallet's addresses, as read from a chain's own API
 * (Esplora, Solana JSON-RPC, TronGrid, EVM JSON-RPC). Public data only. Each family's parser
 * (src/core/chains/<family>/incoming.ts) turns its API's answer into these; the background adds
 * the family, network and display fields and stores them beside the sent items.
 */
export interface IncomingTransfer {
  /** Transaction id / signature; with `token`, the identity of the entry. */
  hash: string;
  /** The counterparty (the sender); null when the API does not name one (a coinbase). */
  from: string | null;
  /** The wallet's address that received it. */
  to: string;
  /** Smallest units. */
  value: bigint;
  /** Token contract / mint; null for the native coin. */
  token: string | null;
  status: 'pending' | 'confirmed' | 'failed';
  /** Milliseconds since the epoch; null while the API gives no time (mempool). */
  time: number | null;
  /** When the API itself states the token's symbol and decimals (TronGrid's token_info, Solana's uiTokenAmount). */
  symbol?: string;
  decimals?: number;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whole non-negative integers given as a number, bigint or decimal string. */
export function toUnits(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v >= 0n ? v : null;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^\d{1,78}$/.test(v)) return BigInt(v);
  return null;
}
