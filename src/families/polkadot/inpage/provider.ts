/**
 * The Polkadot provider as @polkadot/extension-inject defines it: `window.injectedWeb3[KEY] =
 * { enable(originName), version }`, set at document_start. enable() resolves to injected.ts' accounts,
 * metadata and signer once the user connected the site; nothing is asked before the first enable().
 * That code arrives with the document_idle script (late.ts): an earlier enable() waits for it.
 */
import { lateParts } from '../../../inpage/late';

const KEY = 'multichain-wallet';
const VERSION = '0.1.0';

export function installPolkadotProvider(): void {
  const w = window as unknown as { injectedWeb3?: Record<string, unknown> };
  const all = (w.injectedWeb3 ??= {});
  if (all[KEY]) return;
  all[KEY] = Object.freeze({
    version: VERSION,
    async enable(_originName?: string) {
      return (await lateParts('polkadot')).enable();
    },
  });
}
