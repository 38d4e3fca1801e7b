/**
 * Each family's own strings (approval titles, send-field labels, risk codes, balance details),
 * looked up after the shared dictionaries (src/ui/i18n). Partial: a family with no strings of its
 * own (its words are still in the shared dictionaries) has no entry; one with strings adds one line.
 */
import type { Family } from './ids';
import type { FamilyMessages } from './types';
import { eosMessages } from './eos/ui/messages';
import { polkadotMessages } from './polkadot/ui/messages';
import { aptosMessages } from './aptos/ui/messages';

export const FAMILY_MESSAGES: Readonly<Partial<Record<Family, FamilyMessages>>> = {
  aptos: aptosMessages,
  polkadot: polkadotMessages,
  eos: eosMessages,
};
