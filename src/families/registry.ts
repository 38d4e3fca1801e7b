/**
 * The worker registry: for each family, one line of loaders for its background code (reached only
 * through import(), so a family's code and SDK cost nothing at the worker's start). Its eager, tiny
 * part (keys, networks, address rule) is its core object (one line in src/core/chains/cores.ts, read through src/core/chains/registry.ts).
 * `satisfies Record<Family, …>`: a family missing here fails to compile.
 *
 * null: the family derives addresses only, no module yet.
 * Adding a family = one entry below (see README "Adding a chain family").
 */
import type { Family } from './ids';
import type { FamilyBackgroundLoader, FamilyNetworkState, IncomingSource } from './types';

export interface FamilyModuleEntry {
  background: FamilyBackgroundLoader;
  /** Optional: the family keeps its own (changing) network list and active network; see FamilyNetworkState. */
  networkState?: () => Promise<FamilyNetworkState>;
  /**
   * Optional: the incoming-history hook (src/background/incoming/), its own loader so a poll for
   * incoming payments evaluates only that code. Absent: the family has no incoming history yet.
   */
  incoming?: () => Promise<IncomingSource>;
}

export const FAMILY_MODULES = {
  evm: { background: () => import('./evm/background/index').then((m) => m.evmBackground), networkState: () => import('./evm/background/networkState').then((m) => m.evmNetworkState), incoming: () => import('./evm/background/incoming') },
  bitcoin: { background: () => import('./bitcoin/background/index').then((m) => m.default), incoming: () => import('./bitcoin/background/incoming') },
  tron: { background: () => import('./tron/background/index').then((m) => m.tronBackground), incoming: () => import('./tron/background/incoming') },
  solana: { background: () => import('./solana/background/index').then((m) => m.solanaBackground), incoming: () => import('./solana/background/incoming') },
  aptos: { background: async () => (await import('./aptos/background/index')).aptosBackground, incoming: () => import('./aptos/background/incoming') },
  polkadot: { background: () => import('./polkadot/background/index').then((m) => m.default), incoming: () => import('./polkadot/background/incoming') },
  eos: { background: () => import('./eos/background').then((m) => m.default), incoming: () => import('./eos/background/incoming') },
} as const satisfies Record<Family, FamilyModuleEntry | null>;

/** A family's entry as the shared code reads it (the `as const` record keeps each family's own shape). */
export function moduleEntry(family: Family): FamilyModuleEntry | null {
  return FAMILY_MODULES[family];
}

type Modules = typeof FAMILY_MODULES;
/** Families built as modules (their entry is a FamilyModuleEntry). */
export type ModularFamily = { [K in keyof Modules]: Modules[K] extends FamilyModuleEntry ? K : never }[keyof Modules];
