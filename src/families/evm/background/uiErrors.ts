/**
 * Turns EVM pipeline failures into WalletErrors with stable codes the popup translates: an
 * unreachable or rate-limited RPC, a transaction the node says would fail, a shortfall of funds.
 */
import { formatUnits } from 'viem';
import { WalletError } from '../../../background/errors';
import type { FundsShortfall } from '../core/errors';

const KIND_CODES: Record<string, string> = {
  unreachable: 'RPC_UNREACHABLE',
  timeout: 'RPC_TIMEOUT',
  rate_limited: 'RPC_RATE_LIMITED',
  http: 'RPC_BAD_RESPONSE',
  invalid_response: 'RPC_BAD_RESPONSE',
};

export function toWalletError(err: unknown): unknown {
  if (err instanceof WalletError) return err;
  const e = err as { name?: string; kind?: string; code?: unknown; data?: unknown; message?: string; shortfall?: FundsShortfall };
  if (e?.code === 'INSUFFICIENT_FUNDS' && e.shortfall) {
    const s = e.shortfall;
    const f = (v: bigint): string => formatUnits(v, s.decimals);
    return new WalletError(s.asset === 'native' ? 'INSUFFICIENT_FUNDS' : 'INSUFFICIENT_TOKEN', e.message ?? 'Insufficient funds', undefined, {
      symbol: s.symbol,
      required: f(s.required),
      available: f(s.available),
      shortfall: f(s.shortfall),
    });
  }
  if (e?.name === 'RpcError' && typeof e.kind === 'string') {
    if (e.kind === 'rpc') return new WalletError('RPC_ERROR', 'The network node refused the request', undefined, { detail: String(e.message ?? '').slice(0, 200) });
    return new WalletError(KIND_CODES[e.kind] ?? 'RPC_BAD_RESPONSE', e.message ?? 'RPC failure');
  }
  if (typeof e?.code === 'number') {
    const kind = (e.data as { kind?: unknown } | undefined)?.kind;
    if (typeof kind === 'string' && KIND_CODES[kind]) return new WalletError(KIND_CODES[kind]!, e.message ?? 'RPC failure');
    if (e.code === -32005) return new WalletError('RPC_RATE_LIMITED', e.message ?? 'Rate limited');
    if (e.code === -32602) return new WalletError('INVALID_INPUT', e.message ?? 'Invalid input', undefined, { detail: String(e.message ?? '').slice(0, 200) });
    // The node refused an estimate: the transaction would revert or is invalid.
    return new WalletError('TX_WOULD_FAIL', e.message ?? 'The network says this transaction would fail', undefined, { detail: String(e.message ?? '').slice(0, 200) });
  }
  return err;
}
