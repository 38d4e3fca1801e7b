/**
 * The core registry: each chain family's pure core object (src/families/<f>/core/family.ts: keys,
 * networks, look-alike address rule, burn addresses), by family. Read by core, background and popup
 * code alike (never by the page). Adding a family = one import and one entry here.
 */
import type { Family } from '../types.ts';
import type { FamilyCore } from '../../families/types.ts';
import type { ChainFamilyKeys } from './types.ts';
import { evmCore } from '../../families/evm/core/family.ts';
import { bitcoinCore } from '../../families/bitcoin/core/family.ts';
import { tronCore } from '../../families/tron/core/family.ts';
import { solanaCore } from '../../families/solana/core/family.ts';
import { aptosCore } from '../../families/aptos/core/family.ts';
import { polkadotCore } from '../../families/polkadot/core/family.ts';
import { eosCore } from '../../families/eos/core/family.ts';

export const FAMILY_CORES = {
  evm: evmCore,
  bitcoin: bitcoinCore,
  tron: tronCore,
  solana: solanaCore,
  aptos: aptosCore,
  polkadot: polkadotCore,
  eos: eosCore,
} as const satisfies { readonly [F in Family]: FamilyCore<F> };

/** The key modules alone (derive, import, validate, format), by family. */
export const CHAIN_KEYS: Readonly<Record<Family, ChainFamilyKeys>> = Object.fromEntries(
  Object.entries(FAMILY_CORES).map(([f, c]) => [f, c.keys]),
) as Record<Family, ChainFamilyKeys>;

export { isFamily } from '../../families/ids.ts';
