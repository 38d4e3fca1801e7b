/**
 * Registers the Aptos (AIP-62) Wallet Standard wallet at document_start. What is registered is a
 * stand-in carrying the static fields apps read to list wallets (version, name, icon, url, chains);
 * its `features` and `accounts` are the real wallet's (aptosWallet.ts), which is built on the first
 * read of either (lazy.ts), so a page that never lists wallets does not build it.
 */
import type { IdentifierArray } from '@wallet-standard/base';
import { once, standardStandIn } from '../../../inpage/lazy';
import { registerWallet } from '../../../inpage/registerWallet';
import { AptosWallet } from './aptosWallet';
import { CHAINS, WALLET_URL } from './chains';

const wallet = once(() => new AptosWallet());

export function installAptosProvider(): void {
  // Not frozen: @aptos-labs/wallet-adapter-core writes readyState / isAptosNativeWallet on the wallet
  // object it finds. The wallet's state lives in the real wallet's private fields, out of the page's reach.
  const standIn = standardStandIn(CHAINS as unknown as IdentifierArray, wallet, { url: WALLET_URL });
  registerWallet(standIn);
}
