/**
 * Registers the Solana Wallet Standard wallet at document_start. What is registered is a frozen
 * stand-in carrying the static fields apps read to list wallets (version, name, icon, chains); its
 * `features` and `accounts` are the real wallet's (solanaWallet.ts), which arrives with the
 * document_idle script (late.ts) and is built on the first read after that; before, the features
 * answer from chains.ts and wait for it (src/inpage/late.ts).
 */
import type { IdentifierArray } from '@wallet-standard/base';
import { late } from '../../../inpage/late';
import { standardStandIn } from '../../../inpage/lazy';
import { registerWallet } from '../../../inpage/registerWallet';
import { CHAINS, FEATURES } from './chains';

export function installSolanaProvider(): void {
  const standIn = Object.freeze(standardStandIn(CHAINS as unknown as IdentifierArray, () => late('solana')?.wallet(), FEATURES, {}));
  registerWallet(standIn);
}
