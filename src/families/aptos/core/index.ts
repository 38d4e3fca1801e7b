export { aptosKeys } from './keys.ts';
export { aptosAddressFromPublicKey, validateAptosAddress } from './address.ts';
