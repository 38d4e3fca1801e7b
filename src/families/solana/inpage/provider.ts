/**
 * Registers the Solana Wallet Standard wallet at document_start. What is registered is a frozen
 * stand-in carrying the static fields apps read to list wallets (version, name, icon, chains); its
 * `features` and `accounts` are the real wallet's (solanaWallet.ts), which is built on the first
 * read of either (lazy.ts), so a page that never lists wallets does not build it.
 */
import type { IdentifierArray } from '@wallet-standard/base';
import { once, standardStandIn } from '../../../inpage/lazy';
import { registerWallet } from '../../../inpage/registerWallet';
import { CHAINS } from './chains';
import { SolanaWallet } from './solanaWallet';

const wallet = once(() => Object.freeze(new SolanaWallet()));

export function installSolanaProvider(): void {
  const standIn = Object.freeze(standardStandIn(CHAINS as unknown as IdentifierArray, wallet, {}));
  registerWallet(standIn);
}
