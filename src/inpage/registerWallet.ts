/**
 * The wallet side of the Wallet Standard's registration handshake (what `registerWallet` of
 * @wallet-standard/wallet does, used by the Solana and Aptos providers): dispatch a
 * `wallet-standard:register-wallet` event whose detail is a callback taking the app's `{ register }`,
 * and answer every later `wallet-standard:app-ready` with the same callback, so the wallet is
 * registered whether the app loads before or after it. Same event shapes and error messages; written
 * here with a native private field because the package's build carries TypeScript's WeakMap
 * down-level helpers into a script injected into every page. tests/unit/registerWallet.test.ts checks
 * it against @wallet-standard/app's getWallets.
 */
import type { Wallet, WalletEventsWindow, WindowRegisterWalletEventCallback as Callback } from '@wallet-standard/base';

class RegisterWalletEvent extends Event {
  readonly #detail: Callback;
  get detail(): Callback {
    return this.#detail;
  }
  override get type(): 'wallet-standard:register-wallet' {
    return 'wallet-standard:register-wallet';
  }
  constructor(callback: Callback) {
    super('wallet-standard:register-wallet', { bubbles: false, cancelable: false, composed: false });
    this.#detail = callback;
  }
  /** The app must not be able to stop other listeners from seeing the wallet. */
  override preventDefault(): never {
    throw new Error('preventDefault cannot be called');
  }
  override stopImmediatePropagation(): never {
    throw new Error('stopImmediatePropagation cannot be called');
  }
  override stopPropagation(): never {
    throw new Error('stopPropagation cannot be called');
  }
}

export function registerWallet(wallet: Wallet): void {
  const callback: Callback = ({ register }) => register(wallet);
  try {
    window.dispatchEvent(new RegisterWalletEvent(callback));
  } catch (error) {
    console.error('wallet-standard:register-wallet event could not be dispatched\n', error);
  }
  try {
    (window as unknown as WalletEventsWindow).addEventListener('wallet-standard:app-ready', ({ detail: api }) => callback(api));
  } catch (error) {
    console.error('wallet-standard:app-ready event listener could not be added\n', error);
  }
}
