/** The Solana chains our Wallet Standard wallet supports (shared by the stand-in and the wallet). */
export const CHAINS = ['solana:mainnet', 'solana:devnet', 'solana:testnet', 'solana:localnet'] as const;
