/**
 * The Solana family's strings (approvals, Sign-In with Solana, token-extension and transaction risk codes, Solana Pay). English (messages.en.ts) is bundled with every page; the
 * Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';
import { solanaEn } from './messages.en';

export type SolanaMessageKey = keyof typeof solanaEn;

export const solanaMessages: FamilyMessages<SolanaMessageKey> = {
  en: solanaEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.solanaZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.solanaZhTW),
};
