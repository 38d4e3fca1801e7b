/**
 * The TRON family's popup entry (its one line in src/families/ui.ts), eager and tiny: its strings and
 * where its UI parts load from (one lazy chunk), and its payment-link scheme (its codec is one of those parts).
 */
import type { FamilyUiEntry } from '../../types';
import { tronMessages } from './messages';

export const tronUi = {
  messages: tronMessages,
  parts: () => import('./index').then((m) => m.default),
  paymentScheme: 'tron',
} satisfies FamilyUiEntry;
