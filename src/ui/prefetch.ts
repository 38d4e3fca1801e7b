/**
 * The popup's first requests, sent before React is even evaluated: the module is imported first
 * by the popup entry, so the background works on the state, the accounts, the cached balances
 * and the networks while the page parses its UI code. Each answer is taken once, by the first
 * component that asks for it; later calls go to the background as usual. The popup entry waits
 * (briefly) for the answers before its first render, so components start from them synchronously
 * (`takeResolved`) and the first frame already shows the account and its cached balances.
 */
import type { UiMethod, UiRequests, UiResponse } from '../protocol/ui';
import { call, unwrap } from './api';

export const PREFETCHED: readonly UiMethod[] = ['getState', 'listAccounts', 'listChains', 'getCachedChainBalances'];
const pending = new Map<UiMethod, Promise<unknown>>();
const resolved = new Map<UiMethod, unknown>();

/** Sends one parameterless request (or adopts the early script's) and keeps its answer for the first taker. */
function prefetch(m: UiMethod, sent?: Promise<UiResponse | undefined>): void {
  const p = sent ? sent.then((r) => unwrap(r)) : call(m, {} as never);
  resolved.delete(m);
  p.then(
    (v) => pending.get(m) === p && resolved.set(m, v),
    () => undefined, // a failure is seen by whoever takes it (or by its own retry)
  );
  pending.set(m, p);
}

export function startPrefetch(): void {
  // Sent even earlier by public/popup-early.js (a classic script in popup.html) when present.
  const early = (globalThis as { __mcwPrefetch?: Partial<Record<UiMethod, Promise<UiResponse | undefined>>> }).__mcwPrefetch;
  for (const m of PREFETCHED) prefetch(m, early?.[m]);
}

/** What the locked popup could not prefetch (they answer LOCKED), asked again the moment the vault opens. */
const AFTER_UNLOCK: UiMethod[] = ['listAccounts', 'getCachedChainBalances'];

/**
 * After the popup's unlock: sends the unlocked Home's first requests (the public account rows come
 * from storage, no derivation) and settles when they answered (at most `maxMs`), so Home's first
 * render starts from them and paints the account at once instead of after a second round trip.
 */
export function prefetchUnlocked(maxMs = 400): Promise<void> {
  for (const m of AFTER_UNLOCK) prefetch(m);
  return prefetchSettled(maxMs);
}

/** Settles when every prefetched request has answered, or after `maxMs` (a slow worker must not hold the page). */
export function prefetchSettled(maxMs = 400): Promise<void> {
  const all = Promise.allSettled([...pending.values()]).then(() => undefined);
  return Promise.race([all, new Promise<void>((r) => setTimeout(r, maxMs))]);
}

/** The prefetched answer if it has arrived, without taking it. */
export function peekResolved<M extends UiMethod>(method: M): UiRequests[M]['result'] | undefined {
  return resolved.get(method) as UiRequests[M]['result'] | undefined;
}

/** The prefetched answer if it has already arrived (taken once), else undefined. */
export function takeResolved<M extends UiMethod>(method: M): UiRequests[M]['result'] | undefined {
  if (!resolved.has(method)) return undefined;
  const v = resolved.get(method) as UiRequests[M]['result'];
  resolved.delete(method);
  pending.delete(method);
  return v;
}

/** The prefetched answer of a parameterless request, once; otherwise a fresh call. */
export function callOnce<M extends UiMethod>(method: M, params: UiRequests[M]['params']): Promise<UiRequests[M]['result']> {
  const p = pending.get(method);
  if (p && Object.keys(params as object).length === 0) {
    pending.delete(method);
    resolved.delete(method);
    // A prefetched failure (e.g. LOCKED before the unlock) is not reused: ask again.
    return (p as Promise<UiRequests[M]['result']>).catch(() => call(method, params));
  }
  return call(method, params);
}

/** Forget what was prefetched (after a change that makes it stale, e.g. unlock or a new selection). */
export function dropPrefetch(): void {
  pending.clear();
  resolved.clear();
}
