/**
 * Typed access to the extension storage areas. storage.local holds the encrypted vault and
 * non-secret state only; storage.session (memory-only, trusted contexts) may hold the vault's
 * data key while unlocked, never the password or a decrypted secret.
 */
import { browser } from 'wxt/browser';
import type { Settings, WalletMeta } from '../protocol/ui';
import type { VaultFile } from '../core/vault';
import type { ThrottleState } from '../core/vault/unlockThrottle';
import { localArea, sessionArea } from './storageCache';

export interface LocalState {
  vault: VaultFile;
  wallets: WalletMeta[];
  selection: { walletId: string | null; accountIndex: number };
  settings: Settings;
  throttle: ThrottleState;
}

export interface SessionState {
  /** base64 data key of the unlocked vault. */
  dek: string;
  autoLockAt: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  language: 'auto',
  bitcoinScheme: 'p2wpkh',
  risk: { maxTransfersPerHour: 10, singleTransferLimit: { ETH: '1', BNB: '5', POL: '5000', AVAX: '50', BTC: '0.05', SOL: '20', TRX: '10000', USDT: '2000', USDC: '2000' } },
};

export async function getLocal<K extends keyof LocalState>(key: K): Promise<LocalState[K] | undefined> {
  const got = await localArea.get(key);
  return got[key] as LocalState[K] | undefined;
}

/** One `set` call: the browser writes all keys of one call together, which makes vault updates atomic. */
export async function setLocal(values: Partial<LocalState>): Promise<void> {
  await localArea.set(values);
}

export async function getSession<K extends keyof SessionState>(key: K): Promise<SessionState[K] | undefined> {
  const got = await sessionArea.get(key);
  return got[key] as SessionState[K] | undefined;
}

export async function setSession(values: Partial<SessionState>): Promise<void> {
  await sessionArea.set(values);
}

/** Forgets the unlocked session (data key and deadline); other session records stay. */
export async function clearSession(): Promise<void> {
  await sessionArea.remove(['dek', 'autoLockAt']);
}

export async function clearAll(): Promise<void> {
  await Promise.all([localArea.clear(), sessionArea.clear(), browser.storage.sync.clear()]);
}
