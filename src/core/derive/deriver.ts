/**
 * A deriver for one mnemonic + passphrase that computes the BIP39 seed, the substrate
 * mini-secret and BIP32/SLIP-0010 parent nodes once, so the background can list many accounts
 * quickly. Each returned secretKey is a fresh copy the caller may wipe.
 */
import type { DerivedKeypair, Family } from '../types.ts';
import { assertAccountIndex } from './path.ts';
import { familyKeys, resolveOptions, type KeyOptions } from './options.ts';
import { createSeedSource } from './seedSource.ts';

export interface Deriver {
  account(family: Family, index: number, opts?: KeyOptions): DerivedKeypair;
  /** Overwrites the cached seed material; later calls throw. */
  wipe(): void;
}

/**
 * Throws (without echoing the phrase) if the mnemonic is invalid. `bip39Seed`, when given, is the
 * phrase's BIP39 seed computed elsewhere (WebCrypto PBKDF2); it is copied, not kept.
 */
export function createDeriver(mnemonic: string, passphrase?: string, bip39Seed?: Uint8Array): Deriver {
  const seed = createSeedSource(mnemonic, passphrase, bip39Seed);
  return {
    account(family, index, opts = {}) {
      const keys = familyKeys(family);
      assertAccountIndex(index);
      return keys.fromSeed(seed, index, resolveOptions(keys, opts));
    },
    wipe: () => seed.wipe(),
  };
}
