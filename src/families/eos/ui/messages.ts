/**
 * The EOS family's strings (merged after the shared dictionaries by src/families/messages.ts):
 * approval titles, risk codes, send fields, balance and review details, approval labels.
 * English (messages.en.ts) is bundled with every page; the Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks
 * loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';
import { eosEn } from './messages.en';

export type EosMessageKey = keyof typeof eosEn;

export const eosMessages: FamilyMessages<EosMessageKey> = {
  en: eosEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.eosZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.eosZhTW),
};
