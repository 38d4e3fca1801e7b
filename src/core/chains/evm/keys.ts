/**
 * EVM accounts: BIP44 m/44'/60'/0'/0/i (MetaMask's numbering). publicKey is the compressed
 * secp256k1 key as 0x-hex (33 bytes): compact, and viem/ethers both accept it for recovery checks.
 */
import { to0xHex, parseHexSecret } from '../../derive/bytes.ts';
import { secp256k1FromSecret } from '../../derive/curves.ts';
import { withSecretSafeErrors } from '../../derive/errors.ts';
import type { DerivedKeypair } from '../../types.ts';
import { IMPORTED_PATH, type ChainFamilyKeys, type Secp256k1KeyPair } from '../types.ts';
import { evmAddressFromPublicKey, validateEvmAddress } from './address.ts';

function keypair(pair: Secp256k1KeyPair, path: string): DerivedKeypair {
  return {
    address: evmAddressFromPublicKey(pair.publicKey),
    publicKey: to0xHex(pair.publicKey),
    path,
    secretKey: pair.secretKey,
  };
}

const derivePath = (index: number): string => `m/44'/60'/0'/0/${index}`;

export const evmKeys: ChainFamilyKeys = {
  family: 'evm',
  // EVM addresses are the same on every EVM network.
  networks: ['mainnet', 'testnet'],
  schemes: [],
  derivePath,
  fromSeed(seed, index) {
    const path = derivePath(index);
    return keypair(seed.secp256k1(path), path);
  },
  fromSecret(secret) {
    return withSecretSafeErrors('Not a valid EVM private key', () =>
      keypair(secp256k1FromSecret(parseHexSecret(secret, 32, 'An EVM private key')), IMPORTED_PATH),
    );
  },
  formatAddress: (publicKey) => evmAddressFromPublicKey(publicKey),
  validateAddress: (address) => validateEvmAddress(address),
};
