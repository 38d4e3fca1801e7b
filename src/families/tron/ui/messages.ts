/**
 * The TRON family's strings (networks, resources, transaction details and risk codes, TRON errors). English (messages.en.ts) is bundled with every page; the
 * Chinese parts (messages.zh-CN.ts, messages.zh-TW.ts) are chunks loaded with the shared Chinese dictionary.
 */
import type { FamilyMessages } from '../../types';
import { tronEn } from './messages.en';

export type TronMessageKey = keyof typeof tronEn;

export const tronMessages: FamilyMessages<TronMessageKey> = {
  en: tronEn,
  'zh-CN': () => import('./messages.zh-CN').then((m) => m.tronZhCN),
  'zh-TW': () => import('./messages.zh-TW').then((m) => m.tronZhTW),
};
