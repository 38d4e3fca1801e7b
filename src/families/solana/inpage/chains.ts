/**
 * What the Solana stand-in (provider.ts, document_start) and the real wallet (solanaWallet.ts,
 * document_idle) share: the chains, and each feature's fields and method names, from which the
 * stand-in answers a page before the real wallet arrived and the real wallet takes its versions.
 */
import type { Surface } from '../../../inpage/late';

export const CHAINS = ['solana:mainnet', 'solana:devnet', 'solana:testnet', 'solana:localnet'] as const;

const v1 = { version: '1.0.0' };
const txs = { version: '1.0.0', supportedTransactionVersions: ['legacy', 0] };

export const FEATURES = {
  'standard:connect': { early: v1, calls: ['connect'] },
  'standard:disconnect': { early: v1, calls: ['disconnect'] },
  'standard:events': { early: v1, subs: ['on'], subsReturn: 'off' },
  'solana:signTransaction': { early: txs, calls: ['signTransaction'] },
  'solana:signAndSendTransaction': { early: txs, calls: ['signAndSendTransaction'] },
  'solana:signMessage': { early: { version: '1.1.0' }, calls: ['signMessage'] },
  'solana:signIn': { early: v1, calls: ['signIn'] },
} as const satisfies Record<string, Surface>;
