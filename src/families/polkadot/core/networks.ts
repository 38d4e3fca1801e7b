/**
 * Polkadot-family networks and their SS58 prefixes. Keys are the same on each; only the address
 * encoding differs. 'mainnet' is an alias of 'polkadot' so generic callers can pass the default.
 */
import { KeyDerivationError } from '../../../core/derive/errors.ts';

export const POLKADOT_NETWORKS = ['polkadot', 'kusama', 'westend', 'mainnet'] as const;

const PREFIX: Readonly<Record<string, number>> = { polkadot: 0, mainnet: 0, kusama: 2, westend: 42 };

export function ss58Prefix(network: string): number {
  const prefix = PREFIX[network];
  if (prefix === undefined) throw new KeyDerivationError(`Unknown Polkadot-family network "${network}"`);
  return prefix;
}
