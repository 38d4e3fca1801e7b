/**
 * The Solana family's popup entry (its one line in src/families/ui.ts), eager and tiny: its strings and
 * where its UI parts load from (one lazy chunk), and its payment-link scheme (its codec is one of those parts).
 */
import type { FamilyUiEntry } from '../../types';
import { solanaMessages } from './messages';

export const solanaUi = {
  messages: solanaMessages,
  parts: () => import('./index').then((m) => m.default),
  paymentScheme: 'solana',
} satisfies FamilyUiEntry;
