/**
 * Solana addresses: the 32-byte ed25519 public key in base58. No checksum exists, so only the
 * shape is checked; off-curve addresses (program-derived) are valid recipients and accepted.
 */
import { base58 } from '@scure/base';
import type { AddressValidation } from '../../../core/chains/types.ts';

export function solanaAddressFromPublicKey(publicKey: Uint8Array): string {
  return base58.encode(publicKey);
}

export function validateSolanaAddress(address: string): AddressValidation {
  const fail: AddressValidation = { ok: false, reason: 'format', message: 'A Solana address is a base58-encoded 32-byte public key' };
  if (typeof address !== 'string' || !/^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(address)) return fail;
  try {
    return base58.decode(address).length === 32 ? { ok: true } : fail;
  } catch {
    return fail;
  }
}
