/**
 * Handlers for the extension pages' requests (the UI protocol in src/protocol/ui.ts).
 * Every handler validates its input and returns public data only, except exportSecret,
 * which re-checks the password here, in the background, at export time.
 */
import { createVault, rewriteVault, changePassword as rewrapVault, type VaultWallet } from '../core/vault';
import { checkPasswordStrength } from '../core/password';
import { accountFromPrivateKey, createDeriver, isValidMnemonic } from '../core';
import { FAMILIES, type Family } from '../core/types';
import type { AccountView, NewWalletSecret, Settings, UiRequests, WalletMeta, WalletState } from '../protocol/ui';
import { WalletError } from './errors';
import { keyring } from './keyring';
import { accountViews } from './publicAccounts';
import { currentDek, lock, scheduleAutoLock, startSession, unlock, unlockWaitMs, verifyPasswordThrottled } from './session';
import { DEFAULT_SETTINGS, clearAll, getLocal, setLocal } from './storage';
import { approvalWindowClosing, listApprovals, rejectAll, resolveApproval } from './approvals';
import { revoke, revokeAll } from './permissions';
import { connectedSites, siteHandlers } from './siteService';
import { chainHandlers } from './chainHandlers';
import { applyPriceSettings } from './prices/service';
import { emitToOrigin } from './dapp/router';
import { selectionChanged } from './selection';
import { bitcoinState } from '../families/bitcoin/background/state';

type Handlers = { [M in keyof UiRequests]: (params: UiRequests[M]['params']) => Promise<UiRequests[M]['result']> };

const MAX_WALLETS = 100;
const MAX_ACCOUNTS = 1000;

function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function str(v: unknown, field: string, max = 1000): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw new WalletError('INVALID_INPUT', `${field} is missing or too long`);
  return v;
}

/** Normalises and checks a new wallet secret; the error never contains the secret. */
function checkSecret(secret: NewWalletSecret): NewWalletSecret {
  if (!secret || typeof secret !== 'object') throw new WalletError('INVALID_INPUT', 'A wallet secret is required');
  if (secret.kind === 'mnemonic') {
    const mnemonic = str(secret.mnemonic, 'Mnemonic', 1000).trim().toLowerCase().split(/\s+/).join(' ');
    const words = mnemonic.split(' ').length;
    if (![12, 15, 18, 21, 24].includes(words)) throw new WalletError('INVALID_MNEMONIC_LENGTH', 'A recovery phrase has 12, 15, 18, 21 or 24 words');
    if (!isValidMnemonic(mnemonic)) throw new WalletError('INVALID_MNEMONIC', 'The recovery phrase has an unknown word or a bad checksum');
    const passphrase = secret.passphrase ? str(secret.passphrase, 'Passphrase', 1000) : undefined;
    // Derive once so an unusable secret is refused before anything is written.
    createDeriver(mnemonic, passphrase).account('evm', 0, {});
    return passphrase ? { kind: 'mnemonic', mnemonic, passphrase } : { kind: 'mnemonic', mnemonic };
  }
  if (secret.kind === 'privateKey') {
    if (!FAMILIES.includes(secret.family)) throw new WalletError('UNKNOWN_FAMILY', 'Unknown chain family');
    const privateKey = str(secret.privateKey, 'Private key', 300).trim();
    try {
      accountFromPrivateKey(secret.family, privateKey, {});
    } catch {
      throw new WalletError('INVALID_PRIVATE_KEY', `That is not a valid ${secret.family} private key`);
    }
    return { kind: 'privateKey', family: secret.family, privateKey };
  }
  throw new WalletError('INVALID_INPUT', 'Unknown wallet kind');
}

function metaOf(w: VaultWallet, accountCount = 1): WalletMeta {
  return {
    id: w.id,
    name: w.name,
    kind: w.kind,
    ...(w.kind === 'privateKey' ? { family: w.family as Family } : {}),
    accountCount,
    createdAt: w.createdAt,
  };
}

function buildWallet(secret: NewWalletSecret, name: string | undefined, existing: number): VaultWallet {
  const checked = checkSecret(secret);
  const fallback = checked.kind === 'mnemonic' ? `Wallet ${existing + 1}` : `Imported ${existing + 1}`;
  return { id: newId(), name: name ? str(name, 'Name', 40) : fallback, createdAt: Date.now(), ...checked } as VaultWallet;
}

function assertDistinct(wallet: VaultWallet, others: VaultWallet[]): void {
  const same = others.some((o) =>
    o.kind === 'mnemonic' && wallet.kind === 'mnemonic'
      ? o.mnemonic === wallet.mnemonic && (o.passphrase ?? '') === (wallet.passphrase ?? '')
      : o.kind === 'privateKey' && wallet.kind === 'privateKey' && o.family === wallet.family && o.privateKey === wallet.privateKey,
  );
  if (same) throw new WalletError('DUPLICATE_WALLET', 'This wallet is already in the vault');
}


export async function walletState(): Promise<WalletState> {
  const [vault, wallets, selection, settings, wait] = await Promise.all([
    getLocal('vault'),
    getLocal('wallets'),
    getLocal('selection'),
    getLocal('settings'),
    unlockWaitMs(),
  ]);
  return {
    initialized: Boolean(vault),
    unlocked: keyring.unlocked,
    wallets: keyring.unlocked ? (wallets ?? []) : [],
    selectedWalletId: selection?.walletId ?? null,
    selectedAccountIndex: selection?.accountIndex ?? 0,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    unlockWaitMs: wait,
  };
}

async function walletsMeta(): Promise<WalletMeta[]> {
  return (await getLocal('wallets')) ?? [];
}

function requireUnlocked(): void {
  if (!keyring.unlocked) throw new WalletError('LOCKED', 'The wallet is locked');
}

async function settings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await getLocal('settings')) };
}

/** Risk thresholds: a whole number of transfers per hour, and per-symbol decimal limits. */
function checkRisk(r: unknown): Settings['risk'] {
  const v = r as Settings['risk'] | undefined;
  if (!v || typeof v !== 'object') throw new WalletError('INVALID_INPUT', 'Risk settings are required');
  if (!Number.isInteger(v.maxTransfersPerHour) || v.maxTransfersPerHour < 1 || v.maxTransfersPerHour > 10_000) throw new WalletError('INVALID_RISK_LIMIT', 'Transfers per hour must be between 1 and 10000');
  const limits = v.singleTransferLimit;
  if (!limits || typeof limits !== 'object' || Object.keys(limits).length > 100) throw new WalletError('INVALID_RISK_LIMIT', 'Invalid transfer limits');
  const out: Record<string, string> = {};
  for (const [sym, amount] of Object.entries(limits)) {
    if (!/^[A-Za-z0-9.$_-]{1,11}$/.test(sym) || typeof amount !== 'string' || !/^\d{1,30}(\.\d{1,18})?$/.test(amount)) throw new WalletError('INVALID_RISK_LIMIT', 'A limit must be a positive number');
    out[sym] = amount;
  }
  return { maxTransfersPerHour: v.maxTransfersPerHour, singleTransferLimit: out };
}

export const handlers: Handlers = {
  getState: () => walletState(),

  async createVault({ password, secret, name, replaceExisting }) {
    const exists = !!(await getLocal('vault'));
    if (exists && replaceExisting !== true) throw new WalletError('VAULT_EXISTS', 'A wallet already exists; reset it first');
    const strength = checkPasswordStrength(str(password, 'Password', 1000));
    if (!strength.ok) throw new WalletError('WEAK_PASSWORD', `Password rejected: ${strength.reason ?? 'weak'}`);
    const wallet = buildWallet(secret, name, 0);
    const payload = { wallets: [wallet] };
    const { file, dek } = await createVault(password, payload);
    const meta = [metaOf(wallet)];
    const kept = await settings();
    if (exists) {
      // Restore (forgotten password): everything of the old vault goes only now that the new one is
      // built, so a bad phrase or a weak password above leaves the old wallet as it was.
      await rejectAll();
      await lock();
      await clearAll();
    }
    await setLocal({ vault: file, wallets: meta, selection: { walletId: wallet.id, accountIndex: 0 }, settings: kept, throttle: { failures: 0, lockedUntil: 0 } });
    await startSession(payload, dek);
    return walletState();
  },

  async addWallet({ secret, name }) {
    requireUnlocked();
    const current = keyring.snapshot();
    if (current.wallets.length >= MAX_WALLETS) throw new WalletError('TOO_MANY_WALLETS', 'Too many wallets');
    const wallet = buildWallet(secret, name, current.wallets.length);
    assertDistinct(wallet, current.wallets);
    const payload = { wallets: [...current.wallets, wallet] };
    const vault = await getLocal('vault');
    if (!vault) throw new WalletError('NO_VAULT', 'No wallet has been created yet');
    const file = await rewriteVault(vault, currentDek(), payload);
    // Vault and metadata in one write: both or neither.
    await setLocal({ vault: file, wallets: [...(await walletsMeta()), metaOf(wallet)], selection: { walletId: wallet.id, accountIndex: 0 } });
    keyring.load(payload);
    return walletState();
  },

  async unlock({ password }) {
    await unlock(str(password, 'Password', 1000));
    return walletState();
  },

  async lock() {
    await lock();
    return walletState();
  },

  async listAccounts({ walletId, index }) {
    requireUnlocked();
    const [metas, selection, s, btc] = await Promise.all([walletsMeta(), getLocal('selection'), settings(), bitcoinState()]);
    const id = walletId ?? selection?.walletId ?? metas[0]?.id;
    const meta = metas.find((m) => m.id === id);
    if (!meta) throw new WalletError('UNKNOWN_WALLET', 'No wallet with that id');
    const i = index ?? selection?.accountIndex ?? 0;
    if (!Number.isInteger(i) || i < 0 || i >= meta.accountCount) throw new WalletError('UNKNOWN_ACCOUNT', 'No account with that number');
    const out: AccountView[] = await accountViews(meta, i, s, btc.network);
    return out;
  },

  async selectWallet({ walletId }) {
    requireUnlocked();
    if (!(await walletsMeta()).some((m) => m.id === walletId)) throw new WalletError('UNKNOWN_WALLET', 'No wallet with that id');
    await setLocal({ selection: { walletId, accountIndex: 0 } });
    selectionChanged();
    return walletState();
  },

  async selectAccount({ index }) {
    requireUnlocked();
    const selection = await getLocal('selection');
    const meta = (await walletsMeta()).find((m) => m.id === selection?.walletId);
    if (!meta || !Number.isInteger(index) || index < 0 || index >= meta.accountCount) throw new WalletError('UNKNOWN_ACCOUNT', 'No account with that number');
    await setLocal({ selection: { walletId: meta.id, accountIndex: index } });
    selectionChanged();
    return walletState();
  },

  async addAccount({ walletId }) {
    requireUnlocked();
    const metas = await walletsMeta();
    const meta = metas.find((m) => m.id === walletId);
    if (!meta) throw new WalletError('UNKNOWN_WALLET', 'No wallet with that id');
    if (meta.kind === 'privateKey') throw new WalletError('SINGLE_ACCOUNT', 'An imported key has a single account');
    if (meta.accountCount >= MAX_ACCOUNTS) throw new WalletError('TOO_MANY_ACCOUNTS', 'Too many accounts');
    const next = metas.map((m) => (m.id === walletId ? { ...m, accountCount: m.accountCount + 1 } : m));
    await setLocal({ wallets: next, selection: { walletId, accountIndex: meta.accountCount } });
    selectionChanged();
    return walletState();
  },

  async renameWallet({ walletId, name }) {
    requireUnlocked();
    const clean = str(name, 'Name', 40).trim();
    const metas = await walletsMeta();
    if (!metas.some((m) => m.id === walletId)) throw new WalletError('UNKNOWN_WALLET', 'No wallet with that id');
    await setLocal({ wallets: metas.map((m) => (m.id === walletId ? { ...m, name: clean } : m)) });
    return walletState();
  },

  async renameAccount({ walletId, index, name }) {
    requireUnlocked();
    const clean = str(name, 'Name', 40).trim();
    const metas = await walletsMeta();
    const meta = metas.find((m) => m.id === walletId);
    if (!meta) throw new WalletError('UNKNOWN_WALLET', 'No wallet with that id');
    if (!Number.isInteger(index) || index < 0 || index >= meta.accountCount) throw new WalletError('UNKNOWN_ACCOUNT', 'No account with that number');
    const names = { ...(meta.accountNames ?? {}), [String(index)]: clean };
    await setLocal({ wallets: metas.map((m) => (m.id === walletId ? { ...m, accountNames: names } : m)) });
    return walletState();
  },

  async setAccountHidden({ walletId, index, hidden }) {
    requireUnlocked();
    const metas = await walletsMeta();
    const meta = metas.find((m) => m.id === walletId);
    if (!meta) throw new WalletError('UNKNOWN_WALLET', 'No wallet with that id');
    if (!Number.isInteger(index) || index < 0 || index >= meta.accountCount) throw new WalletError('UNKNOWN_ACCOUNT', 'No account with that number');
    const set = new Set(meta.hiddenAccounts ?? []);
    if (hidden === true) set.add(index);
    else set.delete(index);
    const visible = Array.from({ length: meta.accountCount }, (_, i) => i).filter((i) => !set.has(i));
    if (visible.length === 0) throw new WalletError('LAST_VISIBLE_ACCOUNT', 'At least one account stays visible');
    const update: Parameters<typeof setLocal>[0] = { wallets: metas.map((m) => (m.id === walletId ? { ...m, hiddenAccounts: [...set].sort((a, b) => a - b) } : m)) };
    const selection = await getLocal('selection');
    const moved = selection?.walletId === walletId && set.has(selection.accountIndex);
    if (moved) update.selection = { walletId, accountIndex: visible[0]! };
    await setLocal(update);
    if (moved) selectionChanged();
    return walletState();
  },

  async updateSettings(patch) {
    const current = await settings();
    const next: Settings = { ...current };
    if (patch.autoLockMinutes !== undefined) {
      const m = patch.autoLockMinutes;
      if (!Number.isInteger(m) || m < 1 || m > 24 * 60) throw new WalletError('INVALID_INPUT', 'Auto-lock must be between 1 minute and 24 hours');
      next.autoLockMinutes = m;
    }
    if (patch.evmMetaMaskCompat !== undefined) {
      if (typeof patch.evmMetaMaskCompat !== 'boolean') throw new WalletError('INVALID_INPUT', 'MetaMask compatibility is on or off');
      next.evmMetaMaskCompat = patch.evmMetaMaskCompat;
    }
    if (patch.notifications !== undefined) {
      if (typeof patch.notifications !== 'boolean') throw new WalletError('INVALID_INPUT', 'Notifications are on or off');
      next.notifications = patch.notifications;
    }
    if (patch.language !== undefined) {
      if (!['auto', 'en', 'zh-CN', 'zh-TW'].includes(patch.language)) throw new WalletError('INVALID_INPUT', 'Unknown language');
      next.language = patch.language;
    }
    if (patch.theme !== undefined) {
      if (!['auto', 'light', 'dark'].includes(patch.theme)) throw new WalletError('INVALID_INPUT', 'Unknown theme');
      next.theme = patch.theme;
    }
    if (patch.bitcoinScheme !== undefined) {
      if (!['p2wpkh', 'p2tr', 'p2sh-p2wpkh', 'p2pkh'].includes(patch.bitcoinScheme)) throw new WalletError('INVALID_INPUT', 'Unknown address type');
      next.bitcoinScheme = patch.bitcoinScheme;
    }
    if (patch.risk !== undefined) next.risk = checkRisk(patch.risk);
    applyPriceSettings(patch, next);
    await setLocal({ settings: next });
    await scheduleAutoLock();
    return walletState();
  },

  async changePassword({ oldPassword, newPassword }) {
    requireUnlocked();
    const strength = checkPasswordStrength(str(newPassword, 'New password', 1000));
    if (!strength.ok) throw new WalletError('WEAK_PASSWORD', `Password rejected: ${strength.reason ?? 'weak'}`);
    const vault = await getLocal('vault');
    if (!vault) throw new WalletError('NO_VAULT', 'No wallet has been created yet');
    // One object replaces the other in a single write: a crash leaves the old or the new vault.
    const { file } = await rewrapVault(vault, str(oldPassword, 'Current password', 1000), newPassword);
    await setLocal({ vault: file });
    return walletState();
  },

  async exportSecret({ walletId, password }) {
    requireUnlocked();
    await verifyPasswordThrottled(str(password, 'Password', 1000));
    const w = keyring.wallet(walletId);
    return w.kind === 'mnemonic' ? { secret: w.mnemonic, kind: 'mnemonic' } : { secret: w.privateKey, kind: 'privateKey' };
  },

  async resetWallet({ confirm }) {
    if (confirm !== 'RESET') throw new WalletError('INVALID_INPUT', 'Reset needs confirmation');
    await rejectAll();
    await lock();
    await clearAll();
    return walletState();
  },

  async approvalWindowClosing() {
    await approvalWindowClosing();
    return { ok: true as const };
  },
  listApprovals: () => listApprovals(),

  async resolveApproval({ id, decision }) {
    str(id, 'Approval id', 100);
    if (!decision || typeof decision.approved !== 'boolean') throw new WalletError('INVALID_INPUT', 'A decision is required');
    if (decision.approved) requireUnlocked();
    await resolveApproval(id, decision);
    return { ok: true };
  },

  listConnections: () => connectedSites(),

  async revokeConnection({ origin, family }) {
    if (origin === undefined) {
      const before = await connectedSites();
      await revokeAll();
      for (const s of before) emitToOrigin(s.origin, s.family, 'accountsChanged', []);
    } else {
      await revoke(str(origin, 'Origin', 300), family);
      for (const f of family ? [family] : FAMILIES) emitToOrigin(origin, f, 'accountsChanged', []);
    }
    return connectedSites();
  },

  async touch() {
    return { autoLockAt: await scheduleAutoLock() };
  },

  ...chainHandlers,
  ...siteHandlers,
};
