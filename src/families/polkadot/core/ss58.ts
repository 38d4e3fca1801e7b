/**
 * SS58 address format: base58(prefix || account id || blake2b-512("SS58PRE" || prefix || id)[0..2]).
 * Supports the one- and two-byte prefix forms; validation accepts 32-byte account ids only.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { base58 } from '@scure/base';
import { concatBytes, equalBytes, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { KeyDerivationError } from '../../../core/derive/errors.ts';
import type { AddressValidation } from '../../../core/chains/types.ts';

const SS58PRE = utf8ToBytes('SS58PRE');

function checksum(data: Uint8Array): Uint8Array {
  return blake2b(concatBytes(SS58PRE, data), { dkLen: 64 }).subarray(0, 2);
}

function prefixBytes(prefix: number): Uint8Array {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 16383 || prefix === 46 || prefix === 47) {
    throw new KeyDerivationError(`Invalid SS58 prefix ${prefix}`);
  }
  if (prefix < 64) return Uint8Array.of(prefix);
  return Uint8Array.of(((prefix & 0b1111_1100) >> 2) | 0b0100_0000, (prefix >> 8) | ((prefix & 0b11) << 6));
}

export function ss58Encode(accountId: Uint8Array, prefix: number): string {
  if (accountId.length !== 32) throw new KeyDerivationError('An SS58 account id is 32 bytes');
  const data = concatBytes(prefixBytes(prefix), accountId);
  return base58.encode(concatBytes(data, checksum(data)));
}

export type Ss58Decoded = { ok: true; prefix: number; accountId: Uint8Array } | Extract<AddressValidation, { ok: false }>;

export function ss58Decode(address: string): Ss58Decoded {
  const format = { ok: false, reason: 'format', message: 'Not a valid SS58 address' } as const;
  if (typeof address !== 'string' || !/^[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(address)) return format;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(address);
  } catch {
    return format;
  }
  const b0 = bytes[0] ?? 255;
  const b1 = bytes[1] ?? 0;
  const prefixLen = b0 < 64 ? 1 : b0 < 128 ? 2 : 0;
  if (prefixLen === 0 || bytes.length !== prefixLen + 32 + 2) return format;
  const prefix = prefixLen === 1 ? b0 : ((b0 & 0b0011_1111) << 2) | (b1 >> 6) | ((b1 & 0b0011_1111) << 8);
  const data = bytes.subarray(0, prefixLen + 32);
  if (!equalBytes(checksum(data), bytes.subarray(prefixLen + 32))) {
    return { ok: false, reason: 'checksum', message: 'SS58 address has an invalid checksum (check for a typo)' };
  }
  return { ok: true, prefix, accountId: bytes.slice(prefixLen, prefixLen + 32) };
}
