/**
 * The Polkadot family's strings (approval titles, balance details, send details, risk codes).
 * English (messages.en.ts) is bundled with every page; the Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks
 * loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';
import { polkadotEn } from './messages.en';

export type PolkadotMessageKey = keyof typeof polkadotEn;

export const polkadotMessages: FamilyMessages<PolkadotMessageKey> = {
  en: polkadotEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.polkadotZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.polkadotZhTW),
};
