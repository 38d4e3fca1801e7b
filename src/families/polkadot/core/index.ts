export { polkadotKeys, polkadotAddressFromPublicKey, sr25519FromMiniSecret, substrateDerivationPath, validatePolkadotAddress } from './keys.ts';
export { ss58Decode, ss58Encode } from './ss58.ts';
export { POLKADOT_NETWORKS, ss58Prefix } from './networks.ts';
