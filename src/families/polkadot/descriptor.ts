/** The eager, tiny part of the Polkadot family: its networks and endpoint rule (no SDK, no chain code). */
import type { FamilyDescriptor } from '../types';
import { checkEndpoint, POLKADOT_CHAINS } from './core/chains.ts';

export const polkadotDescriptor: FamilyDescriptor = {
  id: 'polkadot',
  networks: POLKADOT_CHAINS,
  cleanEndpoint: (url) => checkEndpoint(url).replace(/\/$/, ''),
};
