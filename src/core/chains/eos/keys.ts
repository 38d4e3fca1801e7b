/**
 * EOS (Antelope) keys: m/44'/194'/0'/0/i. EOS accounts are named on chain, so the "address" of a
 * key is its public key string, PUB_K1_…; the legacy EOS… form is `eosLegacyPublicKey(address)`.
 * publicKey is the compressed secp256k1 key as plain hex.
 */
import { bytesToHex } from '../../derive/bytes.ts';
import { secp256k1FromSecret } from '../../derive/curves.ts';
import { withSecretSafeErrors } from '../../derive/errors.ts';
import type { DerivedKeypair } from '../../types.ts';
import { IMPORTED_PATH, type ChainFamilyKeys, type Secp256k1KeyPair } from '../types.ts';
import { eosPublicKeyString, parseEosPrivateKey, validateEosPublicKey } from './keyString.ts';

const derivePath = (index: number): string => `m/44'/194'/0'/0/${index}`;

function keypair(pair: Secp256k1KeyPair, path: string): DerivedKeypair {
  return { address: eosPublicKeyString(pair.publicKey), publicKey: bytesToHex(pair.publicKey), path, secretKey: pair.secretKey };
}

export const eosKeys: ChainFamilyKeys = {
  family: 'eos',
  networks: ['mainnet', 'testnet'],
  schemes: [],
  derivePath,
  fromSeed(seed, index) {
    const path = derivePath(index);
    return keypair(seed.secp256k1(path), path);
  },
  fromSecret(secret) {
    return withSecretSafeErrors('Not a valid EOS private key', () => keypair(secp256k1FromSecret(parseEosPrivateKey(secret)), IMPORTED_PATH));
  },
  formatAddress: (publicKey) => eosPublicKeyString(publicKey),
  validateAddress: (address) => validateEosPublicKey(address),
};
