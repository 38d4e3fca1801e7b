export { bitcoinKeys } from './keys.ts';
export { bitcoinAddress, bitcoinTaprootInternalKey, validateBitcoinAddress } from './address.ts';
export { BITCOIN_NETWORKS, BITCOIN_SCHEMES, type BitcoinScheme } from './networks.ts';
