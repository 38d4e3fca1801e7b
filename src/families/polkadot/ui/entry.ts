/**
 * The Polkadot/Kusama family's popup entry (its one line in src/families/ui.ts), eager and tiny: its strings.
 */
import type { FamilyUiEntry } from '../../types';
import { polkadotMessages } from './messages';

export const polkadotUi = {
  messages: polkadotMessages,
} satisfies FamilyUiEntry;
