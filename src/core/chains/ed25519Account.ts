/**
 * The shared shape of account-based ed25519 families (Solana, Aptos): a SLIP-0010 hardened path per
 * index, an address computed from the 32-byte public key, and an import of the family's private key text.
 * Each family supplies only what differs.
 */
import { ed25519PublicKey } from '../derive/curves.ts';
import { withSecretSafeErrors } from '../derive/errors.ts';
import type { DerivedKeypair, Family } from '../types.ts';
import { IMPORTED_PATH, type AddressValidation, type ChainFamilyKeys } from './types.ts';

export interface Ed25519AccountFamily {
  family: Family;
  networks: readonly string[];
  /** The SLIP-0010 path of account `index` (every step hardened). */
  derivePath(index: number): string;
  /** The family's address for a public key. */
  address(publicKey: Uint8Array): string;
  /** How `publicKey` is shown (0x-hex for Aptos; for Solana, its address). */
  publicKeyText(publicKey: Uint8Array): string;
  /** Parses the family's private key text into the 32-byte seed (throws on anything else). */
  parseSecret(secret: string): Uint8Array;
  /** Shown when an imported key is refused (never includes the key). */
  invalidSecretMessage: string;
  validateAddress(address: string): AddressValidation;
}

export function ed25519AccountKeys(f: Ed25519AccountFamily): ChainFamilyKeys {
  const keypair = (seed32: Uint8Array, path: string): DerivedKeypair => {
    const publicKey = ed25519PublicKey(seed32);
    return { address: f.address(publicKey), publicKey: f.publicKeyText(publicKey), path, secretKey: seed32 };
  };
  return {
    family: f.family,
    networks: f.networks,
    schemes: [],
    derivePath: f.derivePath,
    fromSeed(seed, index) {
      const path = f.derivePath(index);
      return keypair(seed.ed25519(path), path);
    },
    fromSecret(secret) {
      return withSecretSafeErrors(f.invalidSecretMessage, () => keypair(f.parseSecret(secret), IMPORTED_PATH));
    },
    formatAddress: (publicKey) => f.address(publicKey),
    validateAddress: (address) => f.validateAddress(address),
  };
}
