/**
 * Thin wrappers over @noble/curves used by several families: key pairs from raw secrets with
 * validation, and public-key re-encodings (uncompressed secp256k1 for keccak-hashed addresses).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Secp256k1KeyPair } from '../chains/types.ts';
import { KeyDerivationError } from './errors.ts';

/** Validates a 32-byte secp256k1 secret (1 ≤ k < n) and returns it with its compressed public key. */
export function secp256k1FromSecret(secretKey: Uint8Array): Secp256k1KeyPair {
  if (secretKey.length !== 32 || !secp256k1.utils.isValidSecretKey(secretKey)) {
    throw new KeyDerivationError('Not a valid secp256k1 private key (must be 32 bytes, 1 ≤ k < n)');
  }
  return { secretKey, publicKey: secp256k1.getPublicKey(secretKey, true) };
}

/** 65-byte uncompressed (0x04 || x || y) form of a compressed or uncompressed secp256k1 key. */
export function secp256k1Uncompressed(publicKey: Uint8Array): Uint8Array {
  return secp256k1.Point.fromBytes(publicKey).toBytes(false);
}

/** True when bytes are a valid compressed secp256k1 point. */
export function isSecp256k1CompressedPoint(publicKey: Uint8Array): boolean {
  return publicKey.length === 33 && secp256k1.utils.isValidPublicKey(publicKey, true);
}

/** 32-byte ed25519 public key of a 32-byte private key (RFC 8032 seed). */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  if (seed.length !== 32) throw new KeyDerivationError('An ed25519 private key is 32 bytes');
  return ed25519.getPublicKey(seed);
}
