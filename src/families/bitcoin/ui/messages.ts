/**
 * The Bitcoin family's strings (address types, fee rates, speed-up (RBF), PSBT details and risk codes). English (messages.en.ts) is bundled with every page; the
 * Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';
import { bitcoinEn } from './messages.en';

export type BitcoinMessageKey = keyof typeof bitcoinEn;

export const bitcoinMessages: FamilyMessages<BitcoinMessageKey> = {
  en: bitcoinEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.bitcoinZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.bitcoinZhTW),
};
