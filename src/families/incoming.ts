/**
 * The incoming-history hook of each family: `incoming(sel)` reads, from the chain's own API, the
 * transfers that arrived at the selected account on the family's active network. A LOADER per
 * family, so a family's code (and its SDK) is evaluated only when its history is asked for (an
 * MV3 worker cannot import() at run time; the bundler turns these into lazy initialisers, see
 * src/background/lazyModules.ts). A family without an entry simply has no incoming history yet:
 * a new family adds one line here and its own background/incoming.ts.
 */
import type { ActivityItem } from '../background/activity';
import type { Family } from './ids';
import type { Selection } from './types';

export interface IncomingSource {
  /** Transfers to `sel`'s address on the family's active network, newest first; public data only. */
  incoming(sel: Selection): Promise<ActivityItem[]>;
}

export const INCOMING: Partial<Record<Family, () => Promise<IncomingSource>>> = {
  evm: () => import('./evm/background/incoming'),
  bitcoin: () => import('./bitcoin/background/incoming'),
  solana: () => import('./solana/background/incoming'),
  tron: () => import('./tron/background/incoming'),
  aptos: () => import('./aptos/background/incoming'),
  polkadot: () => import('./polkadot/background/incoming'),
  eos: () => import('./eos/background/incoming'),
};
