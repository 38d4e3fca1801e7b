/**
 * The EIP-6963 handshake, used by EVM (`eip6963`) and by TRON's TIP-6963 copy of it (`TIP6963`): a
 * frozen `{ info, provider }` detail announced at document_start and again on every
 * `<prefix>:requestProvider`. Its `provider` getter builds the provider on the page's first read
 * (lazy.ts). One helper for both: one copy in the script injected into every page, compiled once per load.
 */
import { WALLET_ICON, WALLET_NAME, WALLET_RDNS } from './icon';

export function announceProvider(prefix: 'eip6963' | 'TIP6963', provider: () => unknown): void {
  // The detail is frozen; the provider object is left extensible because some dApp libraries tag it,
  // and a page can only ever tamper with its own copy.
  const info = Object.freeze({ uuid: crypto.randomUUID(), name: WALLET_NAME, icon: WALLET_ICON, rdns: WALLET_RDNS });
  const detail = Object.freeze({
    info,
    get provider(): unknown {
      return provider();
    },
  });
  const announce = (): void => void window.dispatchEvent(new CustomEvent(`${prefix}:announceProvider`, { detail }));
  window.addEventListener(`${prefix}:requestProvider`, announce);
  announce();
}
