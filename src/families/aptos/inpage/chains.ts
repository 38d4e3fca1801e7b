/**
 * What the Aptos stand-in (wallet.ts, document_start) and the real wallet (aptosWallet.ts,
 * document_idle) share: the chains, the wallet's URL, and each AIP-62 feature's version and method
 * names, from which the stand-in answers a page before the real wallet arrived and the real wallet
 * takes its versions.
 */
import type { Surface } from '../../../inpage/late';

export const CHAINS = ['aptos:mainnet', 'aptos:testnet', 'aptos:devnet', 'aptos:localnet'] as const;
export const WALLET_URL = 'https://github.com/multichain-wallet';

const v1 = { version: '1.0.0' };
const v11 = { version: '1.1.0' };

export const FEATURES = {
  'aptos:connect': { early: v1, calls: ['connect'] },
  'aptos:disconnect': { early: v1, calls: ['disconnect'] },
  'aptos:account': { early: v1, calls: ['account'] },
  'aptos:network': { early: v1, calls: ['network'] },
  'aptos:onAccountChange': { early: v1, calls: ['onAccountChange'] },
  'aptos:onNetworkChange': { early: v1, calls: ['onNetworkChange'] },
  'aptos:signMessage': { early: v1, calls: ['signMessage'] },
  'aptos:signTransaction': { early: v11, calls: ['signTransaction'] },
  'aptos:signAndSubmitTransaction': { early: v11, calls: ['signAndSubmitTransaction'] },
  'aptos:signIn': { early: v1, calls: ['signIn'] },
} as const satisfies Record<string, Surface>;
