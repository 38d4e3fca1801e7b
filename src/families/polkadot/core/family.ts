/**
 * The Polkadot/Kusama family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (SS58, case-sensitive; the network character is not counted).
 */
import type { FamilyCore } from '../../types.ts';
import { polkadotDescriptor } from './descriptor.ts';
import { polkadotKeys } from './keys.ts';

export const polkadotCore: FamilyCore<'polkadot'> = {
  id: 'polkadot',
  keys: polkadotKeys,
  descriptor: polkadotDescriptor,
  accountRows: ['polkadot', 'kusama'],
  comparableAddress: (a) => ({ key: a, body: a.slice(1) }),
};
