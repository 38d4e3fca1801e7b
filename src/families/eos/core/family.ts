/**
 * The EOS family's pure core for the shared code (the one entry in src/core/chains/registry.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (account names, lower-case, the whole name).
 */
import type { FamilyCore } from '../../types.ts';
import { eosDescriptor } from './networks.ts';
import { eosKeys } from './keys.ts';

export const eosCore: FamilyCore<'eos'> = {
  id: 'eos',
  keys: eosKeys,
  descriptor: eosDescriptor,
  comparableAddress(a) {
    const name = a.toLowerCase();
    return { key: name, body: name };
  },
};
