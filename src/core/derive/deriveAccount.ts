/**
 * One-shot derivation from a mnemonic: deriveKeypair (with the secret key, for the background)
 * and deriveAccount (public data only). For many accounts of one mnemonic use createDeriver.
 */
import type { DerivedAccount, DerivedKeypair, DeriveOptions } from '../types.ts';
import { assertAccountIndex } from './path.ts';
import { familyKeys, resolveOptions } from './options.ts';
import { createSeedSource } from './seedSource.ts';

export function deriveKeypair(options: DeriveOptions): DerivedKeypair {
  const keys = familyKeys(options.family);
  assertAccountIndex(options.index);
  const resolved = resolveOptions(keys, options);
  const seed = createSeedSource(options.mnemonic, options.passphrase);
  try {
    return keys.fromSeed(seed, options.index, resolved);
  } finally {
    seed.wipe();
  }
}

export function deriveAccount(options: DeriveOptions): DerivedAccount {
  const { address, publicKey, path, secretKey } = deriveKeypair(options);
  secretKey.fill(0);
  return { address, publicKey, path };
}
