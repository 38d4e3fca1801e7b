/**
 * Family code evaluated on first use. A service worker may not use a runtime `import()` (the
 * HTML spec disallows it there), so the background is built as one file, in which the
 * bundler (rolldown) inlines every `import()`: a module reached ONLY through `import()` is wrapped
 * in a lazy initializer and runs the first time that `import()` is awaited. So the Bitcoin,
 * Solana and TRON dApp handlers and the popup's multi-chain operations (and the SDK modules only
 * they import, such as @solana/web3.js) cost nothing at worker start; a static import of any of
 * them elsewhere would make them eager again (tests/unit/lazyFamilies.test.ts checks the import graph).
 */
import type { DappFamily } from '../protocol/dapp';
import { connectedOrigins, type FamilyHandler } from './dapp/router';
import { listenerCount, notifyListenersFrom, onSelectionChanged } from './selection';
import { createSerial } from './serial';

// Catch-up loads run one after another, so each notifies only the listeners its own module added
// (concurrent loads would each see the others' listeners as new and run them twice).
const catchUp = createSerial();

type WalletChains = typeof import('./families/popupChains');
let chains: Promise<WalletChains> | null = null;

/** The popup's chain requests for every family (families/popupChains.ts). */
export function walletChains(): Promise<WalletChains> {
  return (chains ??= import('./families/popupChains'));
}

/** Solana Pay transaction requests opened from Send (they reach the Solana dApp handler's send path). */
export function solanaPayRequests(): Promise<typeof import('../families/solana/background/payRequest')> {
  return import('../families/solana/background/payRequest');
}

/**
 * A dApp family handler whose module loads on the family's first request. A family whose sites
 * follow the popup's selection registers its listener when it loads; if the selection changes
 * while ports are open and the family is not loaded yet, it is loaded then and its listener runs.
 */
export function lazyFamily(family: DappFamily, load: () => Promise<FamilyHandler>): FamilyHandler {
  let loaded: Promise<FamilyHandler> | null = null;
  const get = (): Promise<FamilyHandler> =>
    (loaded ??= load().catch((err: unknown) => {
      loaded = null; // a failed load is retried by the next request
      throw err;
    }));
  onSelectionChanged(() =>
    catchUp(async () => {
      if (loaded || connectedOrigins().length === 0) return;
      const before = listenerCount();
      await get();
      notifyListenersFrom(before);
    }),
  );
  return { family, handle: async (ctx, method, params) => (await get()).handle(ctx, method, params) };
}
