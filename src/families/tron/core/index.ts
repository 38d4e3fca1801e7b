export { tronKeys } from './keys.ts';
export { tronAddressFromPublicKey, validateTronAddress } from './address.ts';
