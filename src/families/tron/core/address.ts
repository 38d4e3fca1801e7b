/**
 * TRON addresses: 0x41 || last 20 bytes of keccak-256(uncompressed key), base58check → "T…".
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { createBase58check } from '@scure/base';
import { secp256k1Uncompressed } from '../../../core/derive/curves.ts';
import type { AddressValidation } from '../../../core/chains/types.ts';

const base58check = createBase58check(sha256);
const TRON_PREFIX = 0x41;

export function tronAddressFromPublicKey(publicKey: Uint8Array): string {
  const hash = keccak_256(secp256k1Uncompressed(publicKey).subarray(1));
  const payload = new Uint8Array(21);
  payload[0] = TRON_PREFIX;
  payload.set(hash.subarray(12), 1);
  return base58check.encode(payload);
}

/** Same rules on every TRON network (mainnet, Shasta, Nile). */
export function validateTronAddress(address: string): AddressValidation {
  if (typeof address !== 'string' || !/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) {
    return { ok: false, reason: 'format', message: 'A TRON address is 34 base58 characters starting with T' };
  }
  let payload: Uint8Array;
  try {
    payload = base58check.decode(address);
  } catch {
    return { ok: false, reason: 'checksum', message: 'TRON address has an invalid checksum (check for a typo)' };
  }
  if (payload.length !== 21 || payload[0] !== TRON_PREFIX) {
    return { ok: false, reason: 'format', message: 'Not a TRON address' };
  }
  return { ok: true };
}
