export { evmKeys } from './keys.ts';
export { evmAddressFromPublicKey, toChecksumAddress, validateEvmAddress } from './address.ts';
