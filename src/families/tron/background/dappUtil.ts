/**
 * What the TRON dApp handler's parts share: the approval windows' network names, error mapping
 * (core and node failures become dApp errors with their key-free message) and params checks.
 */
import { TronApiError, TronWalletError } from '../core/errors';
import type { TronNetworkId } from '../core/descriptor';
import { assessRisk } from '../../../core/risk';
import type { RiskWarning } from '../../../protocol/approvals';
import { invalidParams, ProviderError, errorGuard } from '../../../background/dapp/providerError';

export const NETWORK_NAMES: Record<TronNetworkId, string> = { mainnet: 'TRON Mainnet', nile: 'TRON Nile Testnet', shasta: 'TRON Shasta Testnet', custom: 'TRON custom node' };

/** Core and node failures become dApp errors with their (key-free) message. */
export function asProviderError(err: unknown): unknown {
  if (err instanceof TronWalletError) return new ProviderError(err.providerCode, err.message, { reason: err.code, ...err.details });
  if (err instanceof TronApiError) return new ProviderError(-32603, `TRON node error: ${err.message.slice(0, 300)}`, err.code ? { reason: err.code } : undefined);
  const code = (err as { code?: unknown })?.code;
  if (code === 'WRONG_FAMILY' || code === 'UNKNOWN_WALLET') return new ProviderError(4100, 'The selected wallet has no TRON account');
  return err;
}

export const guard = errorGuard(asProviderError);

export function args(params: unknown): unknown[] {
  if (params === undefined || params === null) return [];
  return Array.isArray(params) ? params : [params];
}

export function obj(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidParams(`${what} must be an object`);
  return v as Record<string, unknown>;
}

export function insecureWarnings(origin: string): RiskWarning[] {
  return assessRisk({ origin, chainFamily: 'tron', kind: 'sign' }).filter((w) => w.code === 'INSECURE_ORIGIN') as RiskWarning[];
}
