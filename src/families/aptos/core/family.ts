/**
 * The Aptos family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (hex, case-insensitive, short forms padded to 32 bytes).
 */
import type { FamilyCore } from '../../types.ts';
import { aptosDescriptor } from './descriptor.ts';
import { aptosKeys } from './keys.ts';

export const aptosCore: FamilyCore<'aptos'> = {
  id: 'aptos',
  keys: aptosKeys,
  descriptor: aptosDescriptor,
  accountRows: ['mainnet'],
  comparableAddress(a) {
    const body = a.toLowerCase().replace(/^0x/, '').padStart(64, '0');
    return { key: body, body };
  },
};
