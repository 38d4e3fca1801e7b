/**
 * Address validation for any family, with a reason the UI can act on: 'format' (not this
 * family's address), 'checksum' (probably a typo), 'network' (valid, but for another network).
 */
import type { AddressValidation } from '../chains/types.ts';
import type { Family } from '../types.ts';
import { familyKeys, resolveOptions } from './options.ts';

export function validateAddress(family: Family, address: string, network?: string): AddressValidation {
  const keys = familyKeys(family);
  const resolved = resolveOptions(keys, { network });
  if (typeof address !== 'string') return { ok: false, reason: 'format', message: 'Address must be text' };
  return keys.validateAddress(address.trim(), resolved.network);
}

export function isValidAddress(family: Family, address: string, network?: string): boolean {
  return validateAddress(family, address, network).ok;
}
