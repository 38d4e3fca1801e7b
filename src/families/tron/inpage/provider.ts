/**
 * Announces the TRON providers at document_start: TIP-6963 (announce + re-announce on request,
 * src/inpage/announce.ts) and `window.tron`, a stand-in for the TIP-1193 provider (tronProviders.ts),
 * which arrives with the document_idle script (late.ts; src/inpage/late.ts). TronLink's `tronLink`
 * and `tronWeb` are defined when it arrives, where no other wallet holds them: as with TronLink,
 * whose objects also appear after the page started, dApps and the TronLink adapter wait for them.
 */
import { announceProvider } from '../../../inpage/announce';
import { EMITTER_SUBS, late, lateObject, lateParts } from '../../../inpage/late';
import { defineLazyGlobal, once } from '../../../inpage/lazy';

const tron = once(() => lateObject(() => late('tron')?.provider(), { early: { isMultichainWallet: true }, calls: ['request'], subs: EMITTER_SUBS }));

export function installTronProvider(): void {
  defineLazyGlobal('tron', tron, false);
  announceProvider('TIP6963', tron);
  void lateParts('tron').then((parts) => {
    // Pages sometimes assign their own TronWeb here: keep it writable.
    defineLazyGlobal('tronWeb', parts.tronWeb, true);
    // TronLink's own announcement, which dApps that found no window.tronLink at start listen for.
    if (defineLazyGlobal('tronLink', parts.tronLink, true)) window.dispatchEvent(new Event('tronLink#initialized'));
  });
}
