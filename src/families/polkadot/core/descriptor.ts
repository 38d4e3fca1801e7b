/** The eager, tiny part of the Polkadot family: its networks and endpoint rule (no SDK, no chain code). */
import type { FamilyDescriptor } from '../../types';
import { checkEndpoint, POLKADOT_CHAINS } from './chains.ts';

/** The shared error shape takes an upper-case `code` and shows the message (it names the rule, not a secret). */
class EndpointError extends Error {
  readonly code = 'POLKADOT_ENDPOINT';
}

export const polkadotDescriptor: FamilyDescriptor = {
  id: 'polkadot',
  networks: POLKADOT_CHAINS,
  cleanEndpoint(url) {
    try {
      return checkEndpoint(url.trim()).replace(/\/$/, '');
    } catch (err) {
      throw new EndpointError((err as Error).message);
    }
  },
};
