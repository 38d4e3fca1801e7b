/**
 * Announces the Bitcoin providers at document_start: `window.unisat` (only where no other wallet
 * holds it), `window.MultichainWallet.BitcoinProvider` and its `window.btc_providers` entry. The
 * providers (bitcoinProviders.ts) are built on the page's first read of either.
 */
import { WALLET_ICON, WALLET_NAME } from '../../../inpage/icon';
import { defineLazyGlobal, once } from '../../../inpage/lazy';
import { buildProviders } from './bitcoinProviders';

const PROVIDER_ID = 'MultichainWallet.BitcoinProvider';
const METHODS = ['getInfo', 'getAccounts', 'getAddresses', 'getBalance', 'signMessage', 'signPsbt', 'sendTransfer', 'wallet_connect', 'wallet_disconnect', 'wallet_getAccount', 'wallet_getNetwork'];

const providers = once(buildProviders);

export function installBitcoinProvider(): void {
  const w = window as unknown as Record<string, unknown>;
  if (!('MultichainWallet' in window)) {
    const ns = Object.freeze({
      get BitcoinProvider(): unknown {
        return providers().wbip;
      },
    });
    Object.defineProperty(window, 'MultichainWallet', { value: ns, configurable: false, enumerable: true, writable: false });
  }
  defineLazyGlobal('unisat', () => providers().unisat, false);
  if (!Array.isArray(w.btc_providers)) w.btc_providers = [];
  (w.btc_providers as unknown[]).push(Object.freeze({ id: PROVIDER_ID, name: WALLET_NAME, icon: WALLET_ICON, methods: METHODS }));
}
