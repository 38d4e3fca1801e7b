/**
 * The TRON family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (base58, case-sensitive; the leading T is not counted).
 */
import type { FamilyCore } from '../../types.ts';
import { tronDescriptor } from './descriptor.ts';
import { tronKeys } from './keys.ts';

export const tronCore: FamilyCore<'tron'> = {
  id: 'tron',
  keys: tronKeys,
  descriptor: tronDescriptor,
  accountRows: ['mainnet'],
  comparableAddress: (a) => ({ key: a, body: a.replace(/^T/, '') }),
  burnAddresses: ['T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb'],
};
