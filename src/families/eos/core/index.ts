export { eosKeys } from './keys.ts';
export { eosLegacyPublicKey, eosPrivateKeyString, eosPublicKeyString, parseEosPrivateKey, validateEosPublicKey } from './keyString.ts';
export { isValidEosAccountName } from './accountName.ts';
