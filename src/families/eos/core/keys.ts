/**
 * EOS (Antelope) keys: m/44'/194'/0'/0/i. EOS accounts are named on chain, so the "address" of a
 * key is its public key string, PUB_K1_…, and a valid recipient is an account name or a key; the legacy EOS… form is `eosLegacyPublicKey(address)`.
 * publicKey is the compressed secp256k1 key as plain hex.
 */
import { bytesToHex } from '../../../core/derive/bytes.ts';
import type { ChainFamilyKeys } from '../../../core/chains/types.ts';
import { secp256k1AccountKeys } from '../../../core/chains/secp256k1Account.ts';
import { eosPublicKeyString, parseEosPrivateKey, validateEosPublicKey } from './keyString.ts';
import { isValidEosAccountName } from './accountName.ts';

export const eosKeys: ChainFamilyKeys = secp256k1AccountKeys({
  family: 'eos',
  coinType: 194,
  networks: ['mainnet', 'testnet'],
  address: eosPublicKeyString,
  publicKeyText: bytesToHex,
  parseSecret: parseEosPrivateKey,
  invalidSecretMessage: 'Not a valid EOS private key',
  // What a user sends to is an account name ("alice.gm"); a key's own "address" is its public key.
  validateAddress: (address) => (isValidEosAccountName(address) ? { ok: true } : validateEosPublicKey(address)),
});
