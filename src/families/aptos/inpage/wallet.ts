/**
 * Registers the Aptos (AIP-62) Wallet Standard wallet at document_start. What is registered is a
 * stand-in carrying the static fields apps read to list wallets (version, name, icon, url, chains);
 * its `features` and `accounts` are the real wallet's (aptosWallet.ts), which arrives with the
 * document_idle script (late.ts) and is built on the first read after that; before, the features
 * answer from chains.ts and wait for it (src/inpage/late.ts).
 */
import type { IdentifierArray } from '@wallet-standard/base';
import { late } from '../../../inpage/late';
import { standardStandIn } from '../../../inpage/lazy';
import { registerWallet } from '../../../inpage/registerWallet';
import { CHAINS, FEATURES, WALLET_URL } from './chains';

export function installAptosProvider(): void {
  // Not frozen: @aptos-labs/wallet-adapter-core writes readyState / isAptosNativeWallet on the wallet
  // object it finds. The wallet's state lives in the real wallet's private fields, out of the page's reach.
  const standIn = standardStandIn(CHAINS as unknown as IdentifierArray, () => late('aptos')?.wallet(), FEATURES, { url: WALLET_URL });
  registerWallet(standIn);
}
