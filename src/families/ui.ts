/**
 * The popup registry: each family's popup entry (src/families/<f>/ui/entry.ts: its strings, the
 * loader of its UI parts, its payment-link scheme and codec loader), exported under the family's
 * name. The entries are eager and tiny; what they load is one lazy chunk per family, so a family's
 * UI never weighs on the popup's first paint. Read through messages.ts (strings), useFamilyUi.ts
 * (parts) and src/ui/popup/paymentStandards.ts (payment links).
 * Adding a family = one line; `UiRegistry` below refuses a family without one.
 */
import type { Family } from './ids';
import type { FamilyUiEntry } from './types';
import type * as registry from './ui';

export { evmUi as evm } from './evm/ui/entry';
export { bitcoinUi as bitcoin } from './bitcoin/ui/entry';
export { tronUi as tron } from './tron/ui/entry';
export { solanaUi as solana } from './solana/ui/entry';
export { aptosUi as aptos } from './aptos/ui/entry';
export { polkadotUi as polkadot } from './polkadot/ui/entry';
export { eosUi as eos } from './eos/ui/entry';

/** This module's exports, checked: one popup entry per family (each keeps its own message keys). */
export type UiRegistry = Checked<typeof registry>;
type Checked<T extends { readonly [F in Family]: FamilyUiEntry }> = T;
