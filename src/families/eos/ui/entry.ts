/**
 * The EOS family's popup entry (its one line in src/families/ui.ts), eager and tiny: its strings and
 * where its UI parts load from (one lazy chunk).
 */
import type { FamilyUiEntry } from '../../types';
import { eosMessages } from './messages';

export const eosUi = {
  messages: eosMessages,
  parts: () => import('./index').then((m) => m.default),
} satisfies FamilyUiEntry;
