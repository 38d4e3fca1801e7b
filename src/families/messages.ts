/**
 * Each family's own strings (approval titles, send-field labels, risk codes, balance details),
 * looked up after the shared dictionaries (src/ui/i18n). A family with no strings of its own has null.
 */
import type { Family } from './ids';
import type { FamilyMessages } from './types';
import { eosMessages } from './eos/ui/messages';
import { polkadotMessages } from './polkadot/ui/messages';
import { aptosMessages } from './aptos/ui/messages';

export const FAMILY_MESSAGES: Readonly<Record<Family, FamilyMessages | null>> = {
  evm: null,
  bitcoin: null,
  tron: null,
  solana: null,
  aptos: aptosMessages,
  polkadot: polkadotMessages,
  eos: eosMessages,
};
