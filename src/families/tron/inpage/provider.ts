/**
 * Announces the TRON providers at document_start: TIP-6963 (announce + re-announce on request) and
 * the lazy globals `window.tron`, and where no other wallet holds them `tronLink` and `tronWeb`.
 * Everything else (tronProviders.ts: the TIP-1193 provider, the tronWeb facade, TronLink's object)
 * is built on the page's first read of one of them (lazy.ts).
 */
import { WALLET_ICON, WALLET_NAME, WALLET_RDNS } from '../../../inpage/icon';
import { defineLazyGlobal } from '../../../inpage/lazy';
import { facade, tronLink, tronProvider } from './tronProviders';

export function installTronProvider(): void {
  defineLazyGlobal('tron', tronProvider, false);
  defineLazyGlobal('tronLink', tronLink, true);
  // Pages sometimes assign their own TronWeb here: keep it writable.
  defineLazyGlobal('tronWeb', facade, true);

  const info = Object.freeze({ uuid: crypto.randomUUID(), name: WALLET_NAME, icon: WALLET_ICON, rdns: WALLET_RDNS });
  const detail = Object.freeze({
    info,
    get provider(): unknown {
      return tronProvider();
    },
  });
  const announce = (): void => void window.dispatchEvent(new CustomEvent('TIP6963:announceProvider', { detail }));
  window.addEventListener('TIP6963:requestProvider', announce);
  announce();
}
