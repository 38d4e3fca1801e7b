/**
 * Accounts from imported raw private keys, in each family's usual text form:
 * evm/tron hex; bitcoin compressed WIF or hex; solana base58 (64-byte secret or 32-byte seed) or
 * a JSON byte array; aptos hex or AIP-80 `ed25519-priv-0x…`; eos `PVT_K1_…` or legacy WIF;
 * polkadot the 0x-hex 32-byte raw seed (mini-secret). The path is 'imported'.
 */
import type { DerivedKeypair, Family } from '../types.ts';
import { KeyDerivationError } from './errors.ts';
import { familyKeys, resolveOptions, type KeyOptions } from './options.ts';

export function accountFromPrivateKey(family: Family, secret: string, opts: KeyOptions = {}): DerivedKeypair {
  const keys = familyKeys(family);
  const resolved = resolveOptions(keys, opts);
  if (typeof secret !== 'string' || secret.trim() === '') throw new KeyDerivationError('Private key is empty');
  return keys.fromSecret(secret, resolved);
}
