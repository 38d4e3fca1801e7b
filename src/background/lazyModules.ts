/**
 * Family code evaluated on first use. A service worker may not use a runtime `import()` (the
 * HTML spec disallows it there), so the background is built as one file, in which the
 * bundler (rolldown) inlines every `import()`: a module reached ONLY through `import()` is wrapped
 * in a lazy initializer and runs the first time that `import()` is awaited. So the family modules
 * and the popup's multi-chain operations (and the SDK modules only they import, such as
 * @solana/web3.js) cost nothing at worker start; a static import of any of
 * them elsewhere would make them eager again (tests/unit/lazyFamilies.test.ts checks the import graph).
 */
type WalletChains = typeof import('./families/popupChains');
let chains: Promise<WalletChains> | null = null;

/** The popup's chain requests for every family (families/popupChains.ts). */
export function walletChains(): Promise<WalletChains> {
  return (chains ??= import('./families/popupChains'));
}
