/**
 * Looks a family up and applies/checks network and scheme defaults: the one place where an
 * unknown family, network or scheme becomes an error.
 */
import { CHAIN_KEYS, isFamily } from '../chains/registry.ts';
import type { ChainFamilyKeys, ResolvedKeyOptions } from '../chains/types.ts';
import { KeyDerivationError } from './errors.ts';

export interface KeyOptions {
  /** Defaults to the family's first network ('mainnet'; 'polkadot' for the polkadot family). */
  network?: string;
  /** Bitcoin only: 'p2wpkh' (default), 'p2tr', 'p2sh-p2wpkh', 'p2pkh'. */
  scheme?: string;
}

export function familyKeys(family: unknown): ChainFamilyKeys {
  if (!isFamily(family)) throw new KeyDerivationError(`Unknown chain family "${String(family)}"`);
  return CHAIN_KEYS[family];
}

export function resolveOptions(keys: ChainFamilyKeys, opts: KeyOptions = {}): ResolvedKeyOptions {
  const network = opts.network ?? keys.networks[0] ?? 'mainnet';
  if (!keys.networks.includes(network)) {
    throw new KeyDerivationError(`Unknown network "${network}" for ${keys.family} (expected one of: ${keys.networks.join(', ')})`);
  }
  let scheme = '';
  if (keys.schemes.length > 0) {
    scheme = opts.scheme ?? keys.schemes[0] ?? '';
    if (!keys.schemes.includes(scheme)) {
      throw new KeyDerivationError(`Unknown address scheme "${scheme}" for ${keys.family} (expected one of: ${keys.schemes.join(', ')})`);
    }
  } else if (opts.scheme !== undefined) {
    throw new KeyDerivationError(`The ${keys.family} family has no address schemes`);
  }
  return { network, scheme };
}
