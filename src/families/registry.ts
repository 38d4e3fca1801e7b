/**
 * The background registry: for each family, its descriptor (eager, tiny: the networks) and the
 * loader of its background module (reached only through import(), so a family's SDK costs nothing
 * at the worker's start). `satisfies Record<Family, …>`: a family missing here fails to compile.
 *
 * null: the family derives addresses only, no module yet.
 * Adding a family = one import of its descriptor + one entry below (see README "Adding a chain family").
 */
import type { Family } from './ids';
import type { FamilyBackgroundLoader, FamilyDescriptor, FamilyNetworkState } from './types';
import { evmDescriptor } from './evm/core/descriptor';
import type { FamilyHandler } from '../background/dapp/router';
import { eosDescriptor } from './eos/core/networks';
import { polkadotDescriptor } from './polkadot/descriptor';
import { aptosDescriptor } from './aptos/core/descriptor';
import { tronDescriptor } from './tron/core/descriptor';
import { bitcoinDescriptor } from './bitcoin/core/descriptor';
import { solanaDescriptor } from './solana/core/descriptor';

export interface FamilyModuleEntry {
  descriptor: FamilyDescriptor;
  background: FamilyBackgroundLoader;
  /** Optional: the family keeps its own (changing) network list and active network; see FamilyNetworkState. */
  networkState?: () => Promise<FamilyNetworkState>;
  /**
   * A family whose dApp methods are still its own handler (not yet a DappMethod table on the
   * shared pipeline): the router registers this one, loaded on the family's first dApp request.
   */
  dappHandler?: () => Promise<FamilyHandler>;
}

export const FAMILY_MODULES = {
  // The EVM dApp handler is still its own (src/families/evm/background/dapp.ts, registered in src/background/index.ts).
  evm: { descriptor: evmDescriptor, background: () => import('./evm/background/index').then((m) => m.evmBackground), networkState: () => import('./evm/background/networkState').then((m) => m.evmNetworkState) },
  bitcoin: { descriptor: bitcoinDescriptor, background: () => import('./bitcoin/background/index').then((m) => m.default) },
  tron: { descriptor: tronDescriptor, background: () => import('./tron/background/index').then((m) => m.tronBackground) },
  solana: { descriptor: solanaDescriptor, background: () => import('./solana/background/index').then((m) => m.solanaBackground) },
  aptos: { descriptor: aptosDescriptor, background: async () => (await import('./aptos/background/index')).aptosBackground },
  polkadot: { descriptor: polkadotDescriptor, background: () => import('./polkadot/background/index').then((m) => m.default) },
  eos: { descriptor: eosDescriptor, background: () => import('./eos/background').then((m) => m.default) },
} as const satisfies Record<Family, FamilyModuleEntry | null>;

type Modules = typeof FAMILY_MODULES;
/** Families built as modules (their entry is a FamilyModuleEntry). */
export type ModularFamily = { [K in keyof Modules]: Modules[K] extends FamilyModuleEntry ? K : never }[keyof Modules];
