/**
 * Providers built on the page's first touch. The MAIN-world script runs at document_start in every
 * page, and most pages never use a wallet: each family still announces itself at once (a property
 * on window, an EIP-6963 / TIP-6963 detail, a `btc_providers` entry), but its provider objects are
 * built, and subscribed to the bridge's events, only when the page first reads one of them. Events
 * reach a page only after it asked something, which needs the provider, so none is missed.
 *
 * EVM's provider module is a plain static import of the document_start script; every other family's
 * real provider code comes with the document_idle script (src/inpage/late.ts). Reaching them through
 * `require()` made the bundler wrap every page module in a lazy initializer (~0.7 KiB gzipped of
 * wrappers and module namespaces) and deferred the bridge's capture of the page's natives to the first
 * touch, after a page could have patched them; the page-load CPU measured the same either way
 * (README "Benchmarks").
 */
import type { IdentifierArray, Wallet, WalletAccount } from '@wallet-standard/base';
import { WALLET_ICON, WALLET_NAME } from './icon';
import { lateObject, type Surface } from './late';

/** A memoized builder: `build` runs on the first call, every later call returns the same value. */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}

/**
 * Defines `window[name]` as the value `get` returns (built on the first read), only where no other
 * wallet holds the name (undefined counts as free). Without `writable` the page cannot replace it
 * (a getter without a setter, as read-only as a non-writable value); with it, an assignment replaces
 * ours by the page's value (pages assign their own TronWeb to `window.tronWeb`).
 * Returns whether it was defined.
 */
export function defineLazyGlobal(name: string, get: () => unknown, writable: boolean): boolean {
  if ((window as unknown as Record<string, unknown>)[name] !== undefined) return false;
  const set = (value: unknown): void => {
    Object.defineProperty(window, name, { value, configurable: true, enumerable: true, writable: true });
  };
  Object.defineProperty(window, name, { get, ...(writable ? { set } : {}), configurable: true, enumerable: true });
  return true;
}

/** What a family's real Wallet Standard wallet supplies: the page only ever sees it through the stand-in. */
export type StandardWalletParts = Pick<Wallet, 'features' | 'accounts'>;

/**
 * The Wallet Standard wallet registered at document_start: a stand-in with the static fields apps
 * read to list wallets (version, name, icon, chains and the family's `extra`, e.g. Aptos' url),
 * whose `features` and `accounts` are the real wallet's once the late script brought it (`real`
 * builds it on the first read after that; src/inpage/late.ts). Before, `accounts` is empty (no
 * page can have connected yet) and `features` are stand-ins from `features` (each feature's
 * version and fields, its methods waiting for the real wallet).
 */
export function standardStandIn<Extra extends object>(
  chains: IdentifierArray,
  real: () => StandardWalletParts | undefined,
  features: Readonly<Record<string, Surface>>,
  extra: Extra,
): Wallet & Extra {
  const early = once(() => {
    const out: Record<string, unknown> = {};
    for (const name in features) out[name] = lateObject(() => real()?.features[name as `${string}:${string}`] as object | undefined, features[name]!);
    return Object.freeze(out) as Wallet['features'];
  });
  return {
    version: '1.0.0' as const,
    name: WALLET_NAME,
    icon: WALLET_ICON as Wallet['icon'],
    ...extra,
    chains,
    get features(): Wallet['features'] {
      return real()?.features ?? early();
    },
    get accounts(): readonly WalletAccount[] {
      return real()?.accounts ?? [];
    },
  };
}
