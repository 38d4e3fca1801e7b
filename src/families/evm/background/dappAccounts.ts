/**
 * Which EVM accounts an origin may see, and the form a dApp receives them in: lower-case, as
 * MetaMask returns them (dApps compare with === against what @metamask/eth-sig-util recovers,
 * which is lower-case). The wallet's own screens keep EIP-55 checksums.
 */
import type { Address } from 'viem';
import { awaitUnlock } from '../../../background/approvals';
import { keyring } from '../../../background/keyring';
import { grantOf } from '../../../background/permissions';
import { unauthorized } from '../../../background/dapp/providerError';

/** The dApp-facing form of account addresses. */
export function forDapp(accounts: readonly string[]): Address[] {
  return accounts.map((a) => a.toLowerCase() as Address);
}

/** Accounts the origin may see: nothing while locked or not connected. */
export async function permittedAccounts(origin: string): Promise<Address[]> {
  if (!keyring.unlocked) return [];
  const g = await grantOf(origin, 'evm');
  return (g?.accounts ?? []) as Address[];
}

export async function requirePermitted(origin: string, address?: string): Promise<Address[]> {
  const accounts = await permittedAccounts(origin);
  if (accounts.length === 0 && keyring.unlocked) throw unauthorized();
  if (accounts.length === 0) {
    // Locked but connected: unlock first, then check again.
    if (!(await grantOf(origin, 'evm'))) throw unauthorized();
    await awaitUnlock(() => keyring.unlocked);
    return requirePermitted(origin, address);
  }
  if (address && !accounts.some((a) => a.toLowerCase() === address.toLowerCase())) throw unauthorized();
  return accounts;
}
