/**
 * Announces the EVM provider at document_start: EIP-6963 (announce + re-announce on request) and
 * window.ethereum when no other wallet holds it. The provider itself (evmProvider.ts) is built on
 * the page's first touch of either (src/inpage/lazy.ts).
 */
import { WALLET_ICON, WALLET_NAME, WALLET_RDNS } from '../../../inpage/icon';
import { once } from '../../../inpage/lazy';
import { EvmProvider } from './evmProvider';

const provider = once((): EvmProvider => new EvmProvider());

export function installEvmProvider(): void {
  // The announce detail is frozen; the provider object is left extensible because some dApp
  // libraries tag it, and a page can only ever tamper with its own copy.
  const info = Object.freeze({ uuid: crypto.randomUUID(), name: WALLET_NAME, icon: WALLET_ICON, rdns: WALLET_RDNS });
  const detail = Object.freeze({
    info,
    get provider(): EvmProvider {
      return provider();
    },
  });
  const announce = (): void => void window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
  if ((window as { ethereum?: unknown }).ethereum === undefined) {
    // A getter without a setter: as read-only to the page as a non-writable value.
    Object.defineProperty(window, 'ethereum', { get: provider, configurable: true, enumerable: true });
    window.dispatchEvent(new Event('ethereum#initialized'));
  }
}
