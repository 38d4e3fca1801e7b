/** The Aptos chains our AIP-62 wallet supports and its URL (shared by the stand-in and the wallet). */
export const CHAINS = ['aptos:mainnet', 'aptos:testnet', 'aptos:devnet', 'aptos:localnet'] as const;
export const WALLET_URL = 'https://github.com/multichain-wallet';
