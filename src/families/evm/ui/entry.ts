/**
 * The EVM family's popup entry (its one line in src/families/ui.ts), eager and tiny: its strings and
 * where its UI parts load from (one lazy chunk), and its payment-link scheme (its codec loads when an ethereum: link is read or built).
 */
import type { FamilyUiEntry } from '../../types';
import { evmMessages } from './messages';

export const evmUi = {
  messages: evmMessages,
  parts: () => import('./index').then((m) => m.default),
  payment: { scheme: 'ethereum', codec: () => import('../core/paymentUri').then((m) => m.evmPaymentCodec) },
} satisfies FamilyUiEntry;
