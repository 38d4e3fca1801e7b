/**
 * Announces the EVM provider at document_start: EIP-6963 (announce + re-announce on request,
 * src/inpage/announce.ts) and window.ethereum when no other wallet holds it. The provider itself
 * (evmProvider.ts) is built on the page's first touch of either (src/inpage/lazy.ts).
 */
import { announceProvider } from '../../../inpage/announce';
import { once } from '../../../inpage/lazy';
import { EvmProvider } from './evmProvider';

const provider = once((): EvmProvider => new EvmProvider());

export function installEvmProvider(): void {
  announceProvider('eip6963', provider);
  if ((window as { ethereum?: unknown }).ethereum === undefined) {
    // A getter without a setter: as read-only to the page as a non-writable value.
    Object.defineProperty(window, 'ethereum', { get: provider, configurable: true, enumerable: true });
    window.dispatchEvent(new Event('ethereum#initialized'));
  }
}
