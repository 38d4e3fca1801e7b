/**
 * Aptos addresses for single-key Ed25519 accounts: the legacy authentication key
 * sha3-256(public key || 0x00), as 0x + 64 hex (what Petra shows for a fresh account).
 */
import { sha3_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes } from '../../../core/derive/bytes.ts';
import type { AddressValidation } from '../../../core/chains/types.ts';

const ED25519_SCHEME = 0x00;

export function aptosAddressFromPublicKey(publicKey: Uint8Array): string {
  return `0x${bytesToHex(sha3_256(concatBytes(publicKey, Uint8Array.of(ED25519_SCHEME))))}`;
}

/**
 * AIP-40: the long form (0x + 64 hex) is always valid; the short form only for the special
 * addresses 0x0–0xf. A short non-special address is refused: it is usually a truncated paste.
 * Aptos addresses have no checksum.
 */
export function validateAptosAddress(address: string): AddressValidation {
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(address)) {
    return { ok: false, reason: 'format', message: 'An Aptos address is 0x followed by 64 hex characters' };
  }
  if (address.length === 66 || /^0x0*[0-9a-fA-F]$/.test(address)) return { ok: true };
  return { ok: false, reason: 'format', message: 'An Aptos address is 0x followed by 64 hex characters (this one is too short)' };
}
