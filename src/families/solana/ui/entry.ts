/**
 * The Solana family's popup entry (its one line in src/families/ui.ts), eager and tiny: its strings and
 * where its UI parts load from (one lazy chunk), and its payment-link scheme (its codec loads when a solana: link is read or built).
 */
import type { FamilyUiEntry } from '../../types';
import { solanaMessages } from './messages';

export const solanaUi = {
  messages: solanaMessages,
  parts: () => import('./index').then((m) => m.default),
  payment: { scheme: 'solana', codec: () => import('../core/paymentUri').then((m) => m.solanaPaymentCodec) },
} satisfies FamilyUiEntry;
