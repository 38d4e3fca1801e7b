/**
 * Providers built on the page's first touch. The MAIN-world script runs at document_start in every
 * page, and most pages never use a wallet: each family still announces itself at once (a property
 * on window, an EIP-6963 / TIP-6963 detail, a `btc_providers` entry), but its provider objects are
 * built, and subscribed to the bridge's events, only when the page first reads one of them. Events
 * reach a page only after it asked something, which needs the provider, so none is missed.
 *
 * The provider modules themselves are plain static imports, evaluated at document_start (class
 * definitions and constant tables; nothing is built, subscribed or asked). Reaching them through
 * `require()` made the bundler wrap every page module in a lazy initializer (~0.7 KiB gzipped of
 * wrappers and module namespaces) and deferred the bridge's capture of the page's natives to the first
 * touch, after a page could have patched them; the page-load CPU measured the same either way
 * (README "Benchmarks").
 */
import type { IdentifierArray, Wallet, WalletAccount } from '@wallet-standard/base';
import { WALLET_ICON, WALLET_NAME } from './icon';

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
 * whose `features` and `accounts` are the real wallet's, built by `real` on the first read of either.
 * The stand-in is the only wallet object a page can reach, so the real one carries no static fields.
 */
export function standardStandIn<Extra extends object>(chains: IdentifierArray, real: () => StandardWalletParts, extra: Extra): Wallet & Extra {
  return {
    version: '1.0.0' as const,
    name: WALLET_NAME,
    icon: WALLET_ICON as Wallet['icon'],
    ...extra,
    chains,
    get features(): Wallet['features'] {
      return real().features;
    },
    get accounts(): readonly WalletAccount[] {
      return real().accounts;
    },
  };
}
