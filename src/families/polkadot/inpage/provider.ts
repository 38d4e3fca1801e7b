/**
 * The Polkadot provider as @polkadot/extension-inject defines it: `window.injectedWeb3[KEY] =
 * { enable(originName), version }`, set at document_start. enable() evaluates injected.ts (accounts,
 * metadata, signer) on its first call (lazy.ts) and resolves to it once the user connected the site.
 */
import { once } from '../../../inpage/lazy';

const KEY = 'multichain-wallet';
const VERSION = '0.1.0';

const injected = once(() => require('./injected') as typeof import('./injected'));

export function installPolkadotProvider(): void {
  const w = window as unknown as { injectedWeb3?: Record<string, unknown> };
  const all = (w.injectedWeb3 ??= {});
  if (all[KEY]) return;
  all[KEY] = Object.freeze({
    version: VERSION,
    async enable(_originName?: string) {
      const { accounts, call, metadata, signer } = injected();
      await call('enable');
      return { accounts, metadata, signer };
    },
  });
}
