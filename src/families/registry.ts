/**
 * The background registry: for each family, its descriptor (eager, tiny: the networks) and the
 * loader of its background module (reached only through import(), so a family's SDK costs nothing
 * at the worker's start). `satisfies Record<Family, …>`: a family missing here fails to compile.
 *
 * 'legacy': the family is still wired by hand (src/background/wallet/chains.ts, dapp/<family>.ts)
 * until it moves into its folder. null: the family derives addresses only, no module yet.
 * Adding a family = one import of its descriptor + one entry below (see README "Adding a chain family").
 */
import type { Family } from './ids';
import type { FamilyBackgroundLoader, FamilyDescriptor } from './types';
import { eosDescriptor } from './eos/core/networks';
import { polkadotDescriptor } from './polkadot/descriptor';
import { aptosDescriptor } from './aptos/core/descriptor';
import { bitcoinDescriptor } from './bitcoin/core/descriptor';

export interface FamilyModuleEntry {
  descriptor: FamilyDescriptor;
  background: FamilyBackgroundLoader;
}

export const FAMILY_MODULES = {
  evm: 'legacy',
  bitcoin: { descriptor: bitcoinDescriptor, background: () => import('./bitcoin/background/index').then((m) => m.default) },
  tron: 'legacy',
  solana: 'legacy',
  aptos: { descriptor: aptosDescriptor, background: async () => (await import('./aptos/background/index')).aptosBackground },
  polkadot: { descriptor: polkadotDescriptor, background: () => import('./polkadot/background/index').then((m) => m.default) },
  eos: { descriptor: eosDescriptor, background: () => import('./eos/background').then((m) => m.default) },
} as const satisfies Record<Family, FamilyModuleEntry | 'legacy' | null>;

type Modules = typeof FAMILY_MODULES;
/** Families built as modules (their entry is a FamilyModuleEntry). */
export type ModularFamily = { [K in keyof Modules]: Modules[K] extends FamilyModuleEntry ? K : never }[keyof Modules];
/** Families still wired by hand. */
export type HandWiredFamily = { [K in keyof Modules]: Modules[K] extends 'legacy' ? K : never }[keyof Modules];
