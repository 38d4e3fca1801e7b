/**
 * The Bitcoin family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (bech32 lower-cased without its hrp and version; base58 case-sensitive without its version character).
 */
import type { FamilyCore } from '../../types.ts';
import { bitcoinDescriptor } from './descriptor.ts';
import { bitcoinKeys } from './keys.ts';

export const bitcoinCore: FamilyCore<'bitcoin'> = {
  id: 'bitcoin',
  keys: bitcoinKeys,
  descriptor: bitcoinDescriptor,
  accountRows: ['mainnet'],
  comparableAddress(a) {
    const bech = /^(bc|tb|bcrt)1([qp])(.+)$/i.exec(a);
    if (bech) return { key: a.toLowerCase(), body: (bech[3] ?? '').toLowerCase() };
    return { key: a, body: a.slice(1) };
  },
};
