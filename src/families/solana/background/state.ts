/**
 * The Solana state kept by the background: the active cluster and the JSON-RPC URL of each cluster
 * (the shared family store, src/background/families/modules.ts; an install's older 'solana' key is
 * moved there on first read, see core/descriptor.ts), and the dApp-facing account: the selected wallet's Solana address at
 * the selected account index (m/44'/501'/index'/0', the address the popup shows), or the single
 * address of an imported Solana key. The address is public and cached; keys are lent by the shared
 * `FamilyContext.withKey` (src/background/families/modules.ts), never kept here.
 */
import { createSolanaRpc, type SolanaRpc } from '../core/rpc';
import { chainOfCluster, type SolanaChain } from '../core/networks';
import { SOLANA_CLUSTERS, isSolanaClusterId } from '../core/descriptor';
import { solanaAddressOfSecret } from '../core/sign';
import { keyring } from '../../../background/keyring';
import { allPermissions } from '../../../background/permissions';
import { WalletError } from '../../../background/errors';
import { AccountCache } from '../../../background/accountCache';
import { selectedAccount } from '../../../background/selectedAccount';
import { emitToOrigin } from '../../../background/dapp/router';
import { activeNetwork, endpointsOf, networkIdOf, selectNetwork, setEndpoint } from '../../../background/families/modules';

export type SolanaClusterId = 'mainnet-beta' | 'devnet' | 'testnet' | 'localnet';

export interface SolanaState {
  cluster: SolanaClusterId;
  rpcUrl: Record<SolanaClusterId, string>;
}

export { SOLANA_CLUSTERS, isSolanaClusterId };

/** The Wallet Standard chain id of the active cluster ('solana:mainnet' for mainnet-beta). */
export function solanaChainOf(s: SolanaState): SolanaChain {
  return chainOfCluster(s.cluster);
}

/** The active cluster and each cluster's RPC URL, from the shared family store (which moves an older install's 'solana' key in). */
export async function solanaState(): Promise<SolanaState> {
  const [net, urls] = await Promise.all([activeNetwork('solana'), endpointsOf('solana')]);
  const id = networkIdOf(net.ref);
  return { cluster: isSolanaClusterId(id) ? id : 'mainnet-beta', rpcUrl: urls as Record<SolanaClusterId, string> };
}

/** Tells every origin holding a Solana grant about the active chain (and its account). */
export async function announceSolanaState(s?: SolanaState): Promise<void> {
  const state = s ?? (await solanaState());
  const chain = solanaChainOf(state);
  const perms = await allPermissions();
  for (const [origin, site] of Object.entries(perms)) {
    if (site.solana) emitToOrigin(origin, 'solana', 'chainChanged', chain);
  }
}

/** Selects a cluster (the demo set-up; the popup selects through the shared store and onChange announces). */
export async function setSolanaCluster(cluster: SolanaClusterId): Promise<SolanaState> {
  if (!isSolanaClusterId(cluster)) throw new WalletError('INVALID_INPUT', 'Unknown Solana cluster');
  const s = await solanaState();
  if (s.cluster === cluster) return s;
  await selectNetwork('solana', `solana:${cluster}`);
  const next = await solanaState();
  await announceSolanaState(next);
  return next;
}

/** Sets a cluster's RPC URL (checked as in Settings: descriptor.cleanEndpoint). */
export async function setSolanaRpcUrl(cluster: SolanaClusterId, url: string): Promise<SolanaState> {
  if (!isSolanaClusterId(cluster)) throw new WalletError('INVALID_INPUT', 'Unknown Solana cluster');
  await setEndpoint('solana', cluster, url);
  return solanaState();
}

export function solanaRpcFor(s: SolanaState): SolanaRpc {
  return createSolanaRpc({ url: s.rpcUrl[s.cluster] });
}

/** The secret seed (32 bytes) of the selected Solana account; the caller wipes it. */
function secretOf(walletId: string, index: number): Uint8Array {
  const w = keyring.wallet(walletId);
  if (w.kind !== 'mnemonic' && w.family !== 'solana') throw new WalletError('WRONG_FAMILY', 'The selected wallet has no Solana key');
  const kp = keyring.keypair(walletId, 'solana', w.kind === 'mnemonic' ? index : 0);
  const secret = kp.secretKey.slice();
  kp.secretKey.fill(0);
  return secret;
}

const addressCache = new AccountCache<string>();

/** Public address only (cached per wallet/index while the worker lives). */
export async function currentSolanaAddress(): Promise<string> {
  const { walletId, index } = await selectedAccount();
  return addressCache.get([walletId, index], () => {
    const secret = secretOf(walletId, index);
    try {
      return solanaAddressOfSecret(secret);
    } finally {
      secret.fill(0);
    }
  });
}

/** Forgets cached addresses (after a wallet is removed or the vault replaced). */
export function clearSolanaAddressCache(): void {
  addressCache.clear();
}
