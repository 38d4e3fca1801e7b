import { startBackground } from '../src/background';
import { adoptPort } from '../src/background/dapp/router';
import { dispatchWake } from '../src/background/wakeEvents';
import { WALLET_GLOBAL, type WalletBackground } from '../src/background/boot/handoff';

// The background beyond its eager core, loaded by src/background/boot/core.ts with importScripts()
// on first need (Chrome) or listed before it in the manifest (Firefox). Evaluating it only
// publishes this object; the core calls start().
export default defineUnlistedScript(() => {
  let started = false;
  const api: WalletBackground = {
    start: () => {
      if (started) return;
      started = true;
      startBackground();
    },
    dispatch: dispatchWake,
    adoptPort,
  };
  (globalThis as unknown as Record<string, WalletBackground>)[WALLET_GLOBAL] = api;
});
