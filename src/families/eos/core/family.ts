/**
 * The EOS family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (account names, lower-case, the whole name).
 */
import type { FamilyCore } from '../../types.ts';
import { eosDescriptor } from './networks.ts';
import { eosKeys } from './keys.ts';
import { eosLegacyPublicKey } from './keyString.ts';

export const eosCore: FamilyCore<'eos'> = {
  id: 'eos',
  keys: eosKeys,
  descriptor: eosDescriptor,
  accountRows: ['mainnet'],
  // The key's legacy EOS… form, shown beside the PUB_K1_… one (older tools and block explorers print it).
  altAddress: eosLegacyPublicKey,
  comparableAddress(a) {
    const name = a.toLowerCase();
    return { key: name, body: name };
  },
};
