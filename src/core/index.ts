/**
 * Public surface of src/core key handling: HD derivation for every chain family, imports of raw
 * private keys, and address validation. Pure TypeScript; runs in Node and in the service worker.
 */
export * from './types.ts';
export {
  accountFromPrivateKey,
  createDeriver,
  deriveAccount,
  deriveKeypair,
  isValidAddress,
  isValidMnemonic,
  generateMnemonic,
  isMnemonicWord,
  KeyDerivationError,
  validateAddress,
  type Deriver,
  type KeyOptions,
} from './derive/index.ts';
export type { AddressValidation, ChainFamilyKeys, ResolvedKeyOptions } from './chains/types.ts';
export { CHAIN_KEYS } from './chains/registry.ts';
export { bitcoinTaprootInternalKey, BITCOIN_SCHEMES, type BitcoinScheme } from '../families/bitcoin/core/index.ts';
export { eosLegacyPublicKey, eosPrivateKeyString, isValidEosAccountName } from '../families/eos/core/index.ts';
export { toChecksumAddress } from '../families/evm/core/index.ts';
export { substrateDerivationPath, ss58Decode, ss58Encode } from '../families/polkadot/core/index.ts';
