/**
 * Announces the TRON providers at document_start: TIP-6963 (announce + re-announce on request) and
 * the lazy globals `window.tron`, and where no other wallet holds them `tronLink` and `tronWeb`.
 * Everything else (tronProviders.ts: the TIP-1193 provider, the tronWeb facade, TronLink's object)
 * is evaluated and built on the page's first read of one of them (lazy.ts).
 */
import { WALLET_ICON, WALLET_NAME, WALLET_RDNS } from '../../../inpage/icon';
import { defineLazyGlobal, once } from '../../../inpage/lazy';

const lib = once(() => require('./tronProviders') as typeof import('./tronProviders'));

export function installTronProvider(): void {
  defineLazyGlobal('tron', () => lib().tronProvider(), false);
  defineLazyGlobal('tronLink', () => lib().tronLink(), true);
  // Pages sometimes assign their own TronWeb here: keep it writable.
  defineLazyGlobal('tronWeb', () => lib().facade(), true);

  const info = Object.freeze({ uuid: crypto.randomUUID(), name: WALLET_NAME, icon: WALLET_ICON, rdns: WALLET_RDNS });
  const detail = Object.freeze({
    info,
    get provider(): unknown {
      return lib().tronProvider();
    },
  });
  const announce = (): void => void window.dispatchEvent(new CustomEvent('TIP6963:announceProvider', { detail }));
  window.addEventListener('TIP6963:requestProvider', announce);
  announce();
}
