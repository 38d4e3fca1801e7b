/**
 * EVM accounts: BIP44 m/44'/60'/0'/0/i (MetaMask's numbering). publicKey is the compressed
 * secp256k1 key as 0x-hex (33 bytes): compact, and viem/ethers both accept it for recovery checks.
 */
import { to0xHex, parseHexSecret } from '../../../core/derive/bytes.ts';
import type { ChainFamilyKeys } from '../../../core/chains/types.ts';
import { secp256k1AccountKeys } from '../../../core/chains/secp256k1Account.ts';
import { evmAddressFromPublicKey, validateEvmAddress } from './address.ts';

export const evmKeys: ChainFamilyKeys = secp256k1AccountKeys({
  family: 'evm',
  coinType: 60,
  // EVM addresses are the same on every EVM network.
  networks: ['mainnet', 'testnet'],
  address: evmAddressFromPublicKey,
  publicKeyText: to0xHex,
  parseSecret: (secret) => parseHexSecret(secret, 32, 'An EVM private key'),
  invalidSecretMessage: 'Not a valid EVM private key',
  validateAddress: (address) => validateEvmAddress(address),
});
