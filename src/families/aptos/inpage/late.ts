/** Aptos' document_idle part (src/families/inpageLate.ts): the real AIP-62 wallet, built on first use. */
import { once } from '../../../inpage/lazy';
import { AptosWallet } from './aptosWallet';

export const aptosLate = { wallet: once(() => new AptosWallet()) };
