/**
 * What the TRON dApp methods share: the approval windows' network names, error mapping (core and
 * node failures become dApp errors with their key-free message; it is also the family's `mapError`,
 * which the shared pipeline applies to every error of these methods) and params checks.
 */
import { TronApiError, TronWalletError } from '../core/errors';
import type { TronNetworkId } from '../core/descriptor';
import type { DappPrepared } from '../../types';
import { invalidParams, ProviderError, errorGuard } from '../../../background/dapp/providerError';
import { tronChainIdOf, type TronState } from './state';

export const NETWORK_NAMES: Record<TronNetworkId, string> = { mainnet: 'TRON Mainnet', nile: 'TRON Nile Testnet', shasta: 'TRON Shasta Testnet', custom: 'TRON custom node' };

/** "TRON Nile Testnet (0xcd8690dc)": the network as connect and transaction windows name it. */
export const networkLabel = (s: TronState): string => `${NETWORK_NAMES[s.network]} (${tronChainIdOf(s)})`;

/** Core and node failures become dApp errors with their (key-free) message. */
export function asProviderError(err: unknown): unknown {
  if (err instanceof TronWalletError) return new ProviderError(err.providerCode, err.message, { reason: err.code, ...err.details });
  if (err instanceof TronApiError) return new ProviderError(-32603, `TRON node error: ${err.message.slice(0, 300)}`, err.code ? { reason: err.code } : undefined);
  const code = (err as { code?: unknown })?.code;
  if (code === 'WRONG_FAMILY' || code === 'UNKNOWN_WALLET') return new ProviderError(4100, 'The selected wallet has no TRON account');
  // The pipeline's key lending refuses when the selected account changed after the window was shown.
  if (code === 'ACCOUNT_CHANGED') return new ProviderError(4100, 'The selected account changed; nothing was signed. Ask the site to send the request again');
  return err;
}

export const guard = errorGuard(asProviderError);

/** A method's answer with no window to ask. */
export const ready = (run: () => Promise<unknown>): DappPrepared => ({ run });

export function args(params: unknown): unknown[] {
  if (params === undefined || params === null) return [];
  return Array.isArray(params) ? params : [params];
}

export function obj(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidParams(`${what} must be an object`);
  return v as Record<string, unknown>;
}
