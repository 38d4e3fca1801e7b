/**
 * The shared shape of account-based secp256k1 families (EVM, TRON, EOS): one BIP44 path
 * m/44'/coin'/0'/0/i, an address computed from the public key, and a raw private key import.
 * Each family supplies only what differs.
 */
import { secp256k1FromSecret } from '../derive/curves.ts';
import { withSecretSafeErrors } from '../derive/errors.ts';
import type { DerivedKeypair, Family } from '../types.ts';
import { IMPORTED_PATH, type AddressValidation, type ChainFamilyKeys, type Secp256k1KeyPair } from './types.ts';

export interface Secp256k1AccountFamily {
  family: Family;
  coinType: number;
  networks: readonly string[];
  /** The family's address for a compressed public key. */
  address(publicKey: Uint8Array): string;
  /** How `publicKey` is shown (0x-hex for EVM, plain hex elsewhere). */
  publicKeyText(publicKey: Uint8Array): string;
  /** Parses the family's private key text into 32 bytes (throws on anything else). */
  parseSecret(secret: string): Uint8Array;
  /** Shown when an imported key is refused (never includes the key). */
  invalidSecretMessage: string;
  validateAddress(address: string, network: string): AddressValidation;
}

export function secp256k1AccountKeys(f: Secp256k1AccountFamily): ChainFamilyKeys {
  const derivePath = (index: number): string => `m/44'/${f.coinType}'/0'/0/${index}`;
  const keypair = (pair: Secp256k1KeyPair, path: string): DerivedKeypair => ({
    address: f.address(pair.publicKey),
    publicKey: f.publicKeyText(pair.publicKey),
    path,
    secretKey: pair.secretKey,
  });
  return {
    family: f.family,
    networks: f.networks,
    schemes: [],
    derivePath,
    fromSeed(seed, index) {
      const path = derivePath(index);
      return keypair(seed.secp256k1(path), path);
    },
    fromSecret(secret) {
      return withSecretSafeErrors(f.invalidSecretMessage, () => keypair(secp256k1FromSecret(f.parseSecret(secret)), IMPORTED_PATH));
    },
    formatAddress: (publicKey) => f.address(publicKey),
    validateAddress: (address, network) => f.validateAddress(address, network),
  };
}
