/**
 * The Aptos family's popup entry (its one line in src/families/ui.ts), eager and tiny: its strings.
 */
import type { FamilyUiEntry } from '../../types';
import { aptosMessages } from './messages';

export const aptosUi = {
  messages: aptosMessages,
} satisfies FamilyUiEntry;
