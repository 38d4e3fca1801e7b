/**
 * The EOS family's pure description for the registries: keys, networks, how account names compare
 * (lower-case, the whole name), and the burn account.
 */
import type { FamilyCore } from '../../types.ts';
import { eosKeys } from './keys.ts';
import { EOS_NETWORKS } from './networks.ts';

export const eosCore: FamilyCore<'eos'> = {
  id: 'eos',
  keys: eosKeys,
  networks: EOS_NETWORKS,
  comparableAddress: (address) => {
    const a = address.trim().toLowerCase();
    return { key: a, body: a };
  },
  burnAddresses: ['eosio.null'],
};
