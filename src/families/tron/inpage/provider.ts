/**
 * Announces the TRON providers at document_start: TIP-6963 (announce + re-announce on request,
 * src/inpage/announce.ts) and the lazy globals `window.tron`, and where no other wallet holds them
 * `tronLink` and `tronWeb`. Everything else (tronProviders.ts: the TIP-1193 provider, the tronWeb
 * facade, TronLink's object) is built on the page's first read of one of them (lazy.ts).
 */
import { announceProvider } from '../../../inpage/announce';
import { defineLazyGlobal } from '../../../inpage/lazy';
import { facade, tronLink, tronProvider } from './tronProviders';

export function installTronProvider(): void {
  defineLazyGlobal('tron', tronProvider, false);
  defineLazyGlobal('tronLink', tronLink, true);
  // Pages sometimes assign their own TronWeb here: keep it writable.
  defineLazyGlobal('tronWeb', facade, true);
  announceProvider('TIP6963', tronProvider);
}
