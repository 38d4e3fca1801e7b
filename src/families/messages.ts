/**
 * Each family's own strings (approval titles, send-field labels, risk codes, balance details), merged with the
 * shared dictionaries by src/ui/i18n/index.ts. A family with no strings of its own has null.
 */
import type { Family } from './ids';
import type { FamilyMessages } from './types';
import { evmMessages } from './evm/ui/messages';
import { bitcoinMessages } from './bitcoin/ui/messages';
import { tronMessages } from './tron/ui/messages';
import { solanaMessages } from './solana/ui/messages';
import { eosMessages } from './eos/ui/messages';
import { polkadotMessages } from './polkadot/ui/messages';
import { aptosMessages } from './aptos/ui/messages';

export const FAMILY_MESSAGES = {
  evm: evmMessages,
  bitcoin: bitcoinMessages,
  tron: tronMessages,
  solana: solanaMessages,
  aptos: aptosMessages,
  polkadot: polkadotMessages,
  eos: eosMessages,
} satisfies Readonly<Record<Family, FamilyMessages<string> | null>>;

/** Every family's keys: with the shared keys, what `t()` accepts (src/ui/i18n). */
export type FamilyMessageKey = {
  [F in Family]: (typeof FAMILY_MESSAGES)[F] extends FamilyMessages<infer K> ? K : never;
}[Family];
