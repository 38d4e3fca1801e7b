/**
 * The contract every chain family's key module implements (architecture principle 2), and the
 * seed material they derive from. Generic logic (mnemonic → seed, BIP32 secp256k1, SLIP-0010
 * ed25519, substrate mini-secret, option checking) lives once in src/core/derive.
 */
import type { DerivedKeypair, Family } from '../types.ts';

/** Options after defaults were applied and checked against the family's lists. */
export interface ResolvedKeyOptions {
  network: string;
  /** Only Bitcoin has schemes; empty string for the others. */
  scheme: string;
}

export type AddressValidation =
  | { ok: true }
  | { ok: false; reason: 'format' | 'checksum' | 'network'; message: string };

/** A 33-byte compressed secp256k1 public key and its 32-byte secret. */
export interface Secp256k1KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/**
 * Seed material for one mnemonic + passphrase. Expensive parts (PBKDF2, BIP32 parents) are
 * computed once and cached; every returned byte array is a fresh copy the caller may wipe.
 */
export interface SeedSource {
  /** BIP32 secp256k1 key at a path such as "m/44'/60'/0'/0/3". */
  secp256k1(path: string): Secp256k1KeyPair;
  /** SLIP-0010 ed25519 private key (32-byte seed) at an all-hardened path. */
  ed25519(path: string): Uint8Array;
  /** 32-byte substrate-bip39 mini-secret (polkadot.js compatible). */
  substrateMiniSecret(): Uint8Array;
  /** Overwrites every cached secret; the source is unusable afterwards. */
  wipe(): void;
}

export interface ChainFamilyKeys {
  readonly family: Family;
  /** Accepted networks; the first one is the default. */
  readonly networks: readonly string[];
  /** Accepted address schemes; the first is the default. Empty when the family has none. */
  readonly schemes: readonly string[];
  /** The derivation path (or SURI junctions for Polkadot) of account `index`. */
  derivePath(index: number, opts: ResolvedKeyOptions): string;
  /** Account `index` from seed material. */
  fromSeed(seed: SeedSource, index: number, opts: ResolvedKeyOptions): DerivedKeypair;
  /** An imported raw private key in the family's usual text form(s). Path is 'imported'. */
  fromSecret(secret: string, opts: ResolvedKeyOptions): DerivedKeypair;
  /** The family's address for a public key (the form `publicKey` bytes take in DerivedAccount). */
  formatAddress(publicKey: Uint8Array, opts: ResolvedKeyOptions): string;
  validateAddress(address: string, network: string): AddressValidation;
}

/** Path recorded for accounts imported from a raw private key. */
export const IMPORTED_PATH = 'imported';
