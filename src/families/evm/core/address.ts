/**
 * EVM addresses: keccak-256 of the uncompressed public key, last 20 bytes, EIP-55 checksummed.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '../../../core/derive/bytes.ts';
import { secp256k1Uncompressed } from '../../../core/derive/curves.ts';
import type { AddressValidation } from '../../../core/chains/types.ts';

/** EIP-55 mixed-case checksum of a 0x-prefixed 40-hex-digit address (any case). */
export function toChecksumAddress(address: string): string {
  const lower = address.slice(2).toLowerCase();
  const hash = bytesToHex(keccak_256(utf8ToBytes(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i] ?? '';
    out += parseInt(hash[i] ?? '0', 16) >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

/** Checksummed address of a secp256k1 public key (compressed or uncompressed). */
export function evmAddressFromPublicKey(publicKey: Uint8Array): string {
  const hash = keccak_256(secp256k1Uncompressed(publicKey).subarray(1));
  return toChecksumAddress(`0x${bytesToHex(hash.subarray(12))}`);
}

/** All-lower or all-upper addresses carry no checksum and are accepted; mixed case must match EIP-55. */
export function validateEvmAddress(address: string): AddressValidation {
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address)) {
    return { ok: false, reason: 'format', message: 'An EVM address is 0x followed by 40 hex characters' };
  }
  const body = address.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return { ok: true };
  if (toChecksumAddress(address) !== address) {
    return { ok: false, reason: 'checksum', message: 'EVM address has an invalid EIP-55 checksum (check for a typo)' };
  }
  return { ok: true };
}
