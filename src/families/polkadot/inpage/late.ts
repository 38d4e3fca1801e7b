/** Polkadot's document_idle part (src/families/inpageLate.ts): what `enable()` resolves to (injected.ts). */
import { accounts, call, metadata, signer } from './injected';

export const polkadotLate = {
  async enable(): Promise<{ accounts: typeof accounts; metadata: typeof metadata; signer: typeof signer }> {
    await call('enable');
    return { accounts, metadata, signer };
  },
};
