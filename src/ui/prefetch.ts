/**
 * The popup's first requests, sent before React is even evaluated: the module is imported first
 * by the popup entry, so the background works on the state, the accounts, the cached balances
 * and the networks while the page parses its UI code. Each answer is taken once, by the first
 * component that asks for it; later calls go to the background as usual.
 */
import type { UiMethod, UiRequests } from '../protocol/ui';
import { call } from './api';

const PREFETCHED: UiMethod[] = ['getState', 'listAccounts', 'listChains', 'getCachedBalances', 'getCachedChainBalances'];
const pending = new Map<UiMethod, Promise<unknown>>();

export function startPrefetch(): void {
  for (const m of PREFETCHED) {
    const p = call(m, {} as never);
    p.catch(() => undefined); // a failure is seen by whoever takes it (or by its own retry)
    pending.set(m, p);
  }
}

/** The prefetched answer of a parameterless request, once; otherwise a fresh call. */
export function callOnce<M extends UiMethod>(method: M, params: UiRequests[M]['params']): Promise<UiRequests[M]['result']> {
  const p = pending.get(method);
  if (p && Object.keys(params as object).length === 0) {
    pending.delete(method);
    // A prefetched failure (e.g. LOCKED before the unlock) is not reused: ask again.
    return (p as Promise<UiRequests[M]['result']>).catch(() => call(method, params));
  }
  return call(method, params);
}

/** Forget what was prefetched (after a change that makes it stale, e.g. unlock or a new selection). */
export function dropPrefetch(): void {
  pending.clear();
}
