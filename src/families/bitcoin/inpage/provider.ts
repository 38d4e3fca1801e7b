/**
 * Announces the Bitcoin providers at document_start: `window.unisat` (only where no other wallet
 * holds it), `window.MultichainWallet.BitcoinProvider` and its `window.btc_providers` entry. Both
 * are stand-ins for the real providers (bitcoinProviders.ts), which arrive with the document_idle
 * script (late.ts) and are built on the first read after that; before, their methods wait for them
 * (src/inpage/late.ts).
 */
import { WALLET_ICON, WALLET_NAME } from '../../../inpage/icon';
import { EMITTER_SUBS, late, lateObject } from '../../../inpage/late';
import { defineLazyGlobal, once } from '../../../inpage/lazy';

const PROVIDER_ID = 'MultichainWallet.BitcoinProvider';
const METHODS = ['getInfo', 'getAccounts', 'getAddresses', 'getBalance', 'signMessage', 'signPsbt', 'sendTransfer', 'wallet_connect', 'wallet_disconnect', 'wallet_getAccount', 'wallet_getNetwork'];

/** UniSat's methods, all returning promises (its listener methods are the EventEmitter's). */
const UNISAT_CALLS = [
  'requestAccounts', 'getAccounts', 'disconnect', 'getNetwork', 'switchNetwork', 'getChain', 'switchChain', 'getPublicKey', 'getBalance', 'getBalanceV2',
  'signMessage', 'signPsbt', 'signPsbts', 'pushPsbt', 'pushTx', 'sendBitcoin', 'getInscriptions',
];

const unisat = once(() => lateObject(() => late('bitcoin')?.providers().unisat, { early: { isMultichainWallet: true }, calls: UNISAT_CALLS, subs: EMITTER_SUBS }));
const wbip = once(() => lateObject(() => late('bitcoin')?.providers().wbip, { calls: ['request'], subs: ['addListener'], subsReturn: 'off' }));

export function installBitcoinProvider(): void {
  const w = window as unknown as Record<string, unknown>;
  if (!('MultichainWallet' in window)) {
    const ns = Object.freeze({
      get BitcoinProvider(): unknown {
        return wbip();
      },
    });
    Object.defineProperty(window, 'MultichainWallet', { value: ns, configurable: false, enumerable: true, writable: false });
  }
  defineLazyGlobal('unisat', unisat, false);
  if (!Array.isArray(w.btc_providers)) w.btc_providers = [];
  (w.btc_providers as unknown[]).push(Object.freeze({ id: PROVIDER_ID, name: WALLET_NAME, icon: WALLET_ICON, methods: METHODS }));
}
