export { solanaKeys } from './keys.ts';
export { solanaAddressFromPublicKey, validateSolanaAddress } from './address.ts';
