/**
 * One checked ChainSession per (network, endpoint), kept while the worker lives; PolkadotError
 * turned into the shared error shapes (WalletError for the popup, ProviderError for dApps).
 */
import { WalletError } from '../../../background/errors';
import { invalidParams, ProviderError } from '../../../background/dapp/providerError';
import { polkadotChain } from '../core/chains.ts';
import { PolkadotError } from '../core/errors.ts';
import type { FamilyContext, NetworkInfo } from '../../types';
import { ChainSession } from './chain.ts';

const sessions = new Map<string, ChainSession>();

export function sessionFor(network: NetworkInfo, endpoint: string): ChainSession {
  if (!endpoint) throw new PolkadotError('node', `No node URL is set for ${network.name}; set one in Settings`);
  const key = `${network.ref}|${endpoint}`;
  let s = sessions.get(key);
  if (!s) {
    s = new ChainSession(polkadotChain(network.ref), endpoint);
    sessions.set(key, s);
  }
  return s;
}

export const sessionOf = (ctx: FamilyContext): ChainSession => sessionFor(ctx.network, ctx.endpoint);

/** For the popup: a PolkadotError becomes a WalletError with its message (they name the problem, never a secret). */
export async function forPopup<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof PolkadotError) throw new WalletError(`POLKADOT_${err.code.toUpperCase()}`, err.message);
    throw err;
  }
}

/** For dApps: bad input → -32602 (before any window); node trouble → -32603 with the reason. */
export async function forDapp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof PolkadotError) {
      if (err.code === 'node') throw new ProviderError(-32603, err.message);
      throw invalidParams(err.message);
    }
    throw err;
  }
}
