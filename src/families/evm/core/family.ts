/**
 * The EVM family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (hex, case-insensitive; the 0x is not counted).
 */
import type { FamilyCore } from '../../types.ts';
import { evmDescriptor } from './descriptor.ts';
import { evmKeys } from './keys.ts';

export const evmCore: FamilyCore<'evm'> = {
  id: 'evm',
  keys: evmKeys,
  descriptor: evmDescriptor,
  accountRows: ['mainnet'],
  comparableAddress(a) {
    const body = a.toLowerCase().replace(/^0x/, '');
    return { key: body, body };
  },
  burnAddresses: ['0x0000000000000000000000000000000000000000', '0x000000000000000000000000000000000000dead'],
};
