/**
 * The EOS family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (account names, lower-case, the whole name).
 */
import type { FamilyCore } from '../../types.ts';
import { eosDescriptor } from './networks.ts';
import { eosKeys } from './keys.ts';

export const eosCore: FamilyCore<'eos'> = {
  id: 'eos',
  keys: eosKeys,
  descriptor: eosDescriptor,
  accountRows: ['mainnet'],
  comparableAddress(a) {
    const name = a.toLowerCase();
    return { key: name, body: name };
  },
};
