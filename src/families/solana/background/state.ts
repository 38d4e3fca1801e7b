/**
 * The Solana state kept by the background: the active cluster and the JSON-RPC URL of each cluster
 * (storage.local 'solana'), and the dApp-facing account: the selected wallet's Solana address at
 * the selected account index (m/44'/501'/index'/0', the address the popup shows), or the single
 * address of an imported Solana key. The address is public and cached; the secret key is derived
 * on demand from the unlocked keyring and wiped after use (withSolanaSigner).
 */
import { browser } from 'wxt/browser';
import { createSolanaRpc, type SolanaRpc } from '../core/rpc';
import { chainOfCluster, type SolanaChain } from '../core/networks';
import { solanaAddressOfSecret } from '../core/sign';
import { keyring } from '../../../background/keyring';
import { allPermissions } from '../../../background/permissions';
import { WalletError } from '../../../background/errors';
import { AccountCache } from '../../../background/accountCache';
import { selectedAccount } from '../../../background/selectedAccount';
import { emitToOrigin } from '../../../background/dapp/router';

export type SolanaClusterId = 'mainnet-beta' | 'devnet' | 'testnet' | 'localnet';

export interface SolanaState {
  cluster: SolanaClusterId;
  rpcUrl: Record<SolanaClusterId, string>;
}

export const SOLANA_CLUSTERS: readonly SolanaClusterId[] = ['mainnet-beta', 'devnet', 'testnet', 'localnet'];

export const DEFAULT_SOLANA_STATE: SolanaState = Object.freeze({
  cluster: 'mainnet-beta',
  rpcUrl: Object.freeze({
    'mainnet-beta': 'https://api.mainnet-beta.solana.com',
    devnet: 'https://api.devnet.solana.com',
    testnet: 'https://api.testnet.solana.com',
    localnet: 'http://127.0.0.1:8899',
  }),
}) as SolanaState;

const KEY = 'solana';

export function isSolanaClusterId(v: unknown): v is SolanaClusterId {
  return typeof v === 'string' && (SOLANA_CLUSTERS as readonly string[]).includes(v);
}

/** The Wallet Standard chain id of the active cluster ('solana:mainnet' for mainnet-beta). */
export function solanaChainOf(s: SolanaState): SolanaChain {
  return chainOfCluster(s.cluster);
}

export async function solanaState(): Promise<SolanaState> {
  const got = (await browser.storage.local.get(KEY))[KEY] as Partial<SolanaState> | undefined;
  const cluster = isSolanaClusterId(got?.cluster) ? got.cluster : DEFAULT_SOLANA_STATE.cluster;
  const rpcUrl = { ...DEFAULT_SOLANA_STATE.rpcUrl };
  for (const c of SOLANA_CLUSTERS) {
    const u = got?.rpcUrl?.[c];
    if (typeof u === 'string' && validRpcUrl(u)) rpcUrl[c] = u;
  }
  return { cluster, rpcUrl };
}

async function save(s: SolanaState): Promise<SolanaState> {
  await browser.storage.local.set({ [KEY]: s });
  return { cluster: s.cluster, rpcUrl: { ...s.rpcUrl } };
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

export async function setSolanaCluster(cluster: SolanaClusterId): Promise<SolanaState> {
  if (!isSolanaClusterId(cluster)) throw new WalletError('INVALID_INPUT', 'Unknown Solana cluster');
  const s = await solanaState();
  if (s.cluster === cluster) return s;
  const next = await save({ ...s, cluster });
  await announceSolanaState(next);
  return next;
}

function validRpcUrl(url: string): URL | null {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.username !== '' || u.password !== '') return null;
    return u;
  } catch {
    return null;
  }
}

export async function setSolanaRpcUrl(cluster: SolanaClusterId, url: string): Promise<SolanaState> {
  if (!isSolanaClusterId(cluster)) throw new WalletError('INVALID_INPUT', 'Unknown Solana cluster');
  const u = typeof url === 'string' ? validRpcUrl(url) : null;
  if (!u) throw new WalletError('INVALID_URL', 'The RPC URL must be an http(s) URL without credentials');
  const s = await solanaState();
  return save({ ...s, rpcUrl: { ...s.rpcUrl, [cluster]: u.href } });
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

/** Runs `fn` with the selected account's 32-byte ed25519 seed and always wipes it afterwards. */
/**
 * `expected`: the address the user saw in the approval; if the selected account changed while the
 * window was open, nothing is signed (the site must ask again).
 */
export async function withSolanaSigner<T>(fn: (s: { address: string; secretKey: Uint8Array }) => T | Promise<T>, expected?: string): Promise<T> {
  const { walletId, index } = await selectedAccount();
  const secretKey = secretOf(walletId, index);
  try {
    const address = solanaAddressOfSecret(secretKey);
    addressCache.set([walletId, index], address);
    if (expected !== undefined && address !== expected) throw new WalletError('ACCOUNT_CHANGED', 'The selected account changed after the request was shown; nothing was signed');
    return await fn({ address, secretKey });
  } finally {
    secretKey.fill(0);
  }
}
