/**
 * The EVM family's strings (fee editing, NFTs, Sign-In with Ethereum and other EVM risk codes, EVM errors). English (messages.en.ts) is bundled with every page; the
 * Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';
import { evmEn } from './messages.en';

export type EvmMessageKey = keyof typeof evmEn;

export const evmMessages: FamilyMessages<EvmMessageKey> = {
  en: evmEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.evmZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.evmZhTW),
};
