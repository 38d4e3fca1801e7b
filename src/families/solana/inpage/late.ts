/** Solana's document_idle part (src/families/inpageLate.ts): the real Wallet Standard wallet, built on first use. */
import { once } from '../../../inpage/lazy';
import { SolanaWallet } from './solanaWallet';

export const solanaLate = { wallet: once(() => Object.freeze(new SolanaWallet())) };
