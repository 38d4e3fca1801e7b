/**
 * The Aptos family's strings: approval titles, detail labels and risk codes.
 * English (messages.en.ts) is bundled with every page; the Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks
 * loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';
import { aptosEn } from './messages.en';

export type AptosMessageKey = keyof typeof aptosEn;

export const aptosMessages: FamilyMessages<AptosMessageKey> = {
  en: aptosEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.aptosZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.aptosZhTW),
};
