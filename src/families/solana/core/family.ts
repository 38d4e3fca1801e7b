/**
 * The Solana family's pure core for the shared code (its one line in src/core/chains/cores.ts):
 * keys, networks, and how two addresses compare for the look-alike rule (base58, case-sensitive, every character counts).
 */
import type { FamilyCore } from '../../types.ts';
import { solanaDescriptor } from './descriptor.ts';
import { solanaKeys } from './keys.ts';

export const solanaCore: FamilyCore<'solana'> = {
  id: 'solana',
  keys: solanaKeys,
  descriptor: solanaDescriptor,
  accountRows: ['mainnet'],
  comparableAddress: (a) => ({ key: a, body: a }),
  burnAddresses: ['11111111111111111111111111111111'],
};
