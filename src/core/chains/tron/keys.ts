/**
 * TRON accounts: m/44'/195'/0'/0/i (TronLink's numbering). publicKey is the compressed
 * secp256k1 key as plain hex.
 */
import { bytesToHex, parseHexSecret } from '../../derive/bytes.ts';
import { secp256k1FromSecret } from '../../derive/curves.ts';
import { withSecretSafeErrors } from '../../derive/errors.ts';
import type { DerivedKeypair } from '../../types.ts';
import { IMPORTED_PATH, type ChainFamilyKeys, type Secp256k1KeyPair } from '../types.ts';
import { tronAddressFromPublicKey, validateTronAddress } from './address.ts';

const derivePath = (index: number): string => `m/44'/195'/0'/0/${index}`;

function keypair(pair: Secp256k1KeyPair, path: string): DerivedKeypair {
  return { address: tronAddressFromPublicKey(pair.publicKey), publicKey: bytesToHex(pair.publicKey), path, secretKey: pair.secretKey };
}

export const tronKeys: ChainFamilyKeys = {
  family: 'tron',
  // Shasta and Nile use mainnet's address format.
  networks: ['mainnet', 'testnet'],
  schemes: [],
  derivePath,
  fromSeed(seed, index) {
    const path = derivePath(index);
    return keypair(seed.secp256k1(path), path);
  },
  fromSecret(secret) {
    return withSecretSafeErrors('Not a valid TRON private key', () =>
      keypair(secp256k1FromSecret(parseHexSecret(secret, 32, 'A TRON private key')), IMPORTED_PATH),
    );
  },
  formatAddress: (publicKey) => tronAddressFromPublicKey(publicKey),
  validateAddress: (address) => validateTronAddress(address),
};
