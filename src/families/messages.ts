/**
 * Each family's own strings (approval titles, send-field labels, risk codes, balance details), merged with the
 * shared dictionaries by src/ui/i18n/index.ts. Partial: a family with no strings of its own (yet) has no entry;
 * one with strings adds an import and an entry.
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
} satisfies Readonly<Partial<Record<Family, FamilyMessages<string>>>>;

/** Every family's keys: with the shared keys, what `t()` accepts (src/ui/i18n). */
export type FamilyMessageKey = {
  [F in keyof typeof FAMILY_MESSAGES]: (typeof FAMILY_MESSAGES)[F] extends FamilyMessages<infer K> ? K : never;
}[keyof typeof FAMILY_MESSAGES];
