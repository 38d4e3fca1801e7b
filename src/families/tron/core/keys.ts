/**
 * TRON accounts: m/44'/195'/0'/0/i (TronLink's numbering). publicKey is the compressed
 * secp256k1 key as plain hex.
 */
import { bytesToHex, parseHexSecret } from '../../../core/derive/bytes.ts';
import type { ChainFamilyKeys } from '../../../core/chains/types.ts';
import { secp256k1AccountKeys } from '../../../core/chains/secp256k1Account.ts';
import { tronAddressFromPublicKey, validateTronAddress } from './address.ts';

export const tronKeys: ChainFamilyKeys = secp256k1AccountKeys({
  family: 'tron',
  coinType: 195,
  // Shasta and Nile use mainnet's address format.
  networks: ['mainnet', 'testnet'],
  address: tronAddressFromPublicKey,
  publicKeyText: bytesToHex,
  parseSecret: (secret) => parseHexSecret(secret, 32, 'A TRON private key'),
  invalidSecretMessage: 'Not a valid TRON private key',
  validateAddress: (address) => validateTronAddress(address),
});
