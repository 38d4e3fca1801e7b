/**
 * The typed protocol between extension pages (popup, onboarding, approval) and the background.
 * Declared once, used by both ends. Extension pages ask; only the background holds secrets.
 */
import type { Family } from '../core/types';
import type { ApprovalDecision, ApprovalRecord } from './approvals';
import type { DappFamily } from './dapp';

export type NewWalletSecret =
  | { kind: 'mnemonic'; mnemonic: string; passphrase?: string }
  | { kind: 'privateKey'; family: Family; privateKey: string };

export interface WalletMeta {
  id: string;
  name: string;
  kind: 'mnemonic' | 'privateKey';
  /** For an imported private key: its only family. */
  family?: Family;
  accountCount: number;
  createdAt: number;
}

export interface AccountView {
  walletId: string;
  index: number;
  family: Family;
  /** A sub-network of the family where it changes the address: bitcoin 'testnet', polkadot 'kusama'. */
  network: string;
  address: string;
  publicKey: string;
  path: string;
  /** Extra display forms, e.g. the legacy EOS… key. */
  altAddress?: string;
}

export interface Settings {
  autoLockMinutes: number;
  language: 'auto' | 'en' | 'zh-CN' | 'zh-TW';
  bitcoinScheme: 'p2wpkh' | 'p2tr' | 'p2sh-p2wpkh' | 'p2pkh';
  /** Pre-sign risk thresholds: warn before a transfer at or above a limit, or too many per hour. */
  risk: { maxTransfersPerHour: number; singleTransferLimit: Record<string, string> };
}

export interface WalletState {
  initialized: boolean;
  unlocked: boolean;
  wallets: WalletMeta[];
  selectedWalletId: string | null;
  selectedAccountIndex: number;
  settings: Settings;
  /** Milliseconds to wait before another unlock attempt is accepted (0 when free). */
  unlockWaitMs: number;
}

export interface ConnectedSite {
  origin: string;
  family: DappFamily;
  accounts: string[];
  grantedAt: number;
}

/** Every request an extension page can send, with its result type. */
export interface UiRequests {
  getState: { params: Record<string, never>; result: WalletState };
  createVault: { params: { password: string; secret: NewWalletSecret; name?: string }; result: WalletState };
  addWallet: { params: { secret: NewWalletSecret; name?: string }; result: WalletState };
  unlock: { params: { password: string }; result: WalletState };
  lock: { params: Record<string, never>; result: WalletState };
  listAccounts: { params: { walletId?: string; index?: number }; result: AccountView[] };
  selectWallet: { params: { walletId: string }; result: WalletState };
  selectAccount: { params: { index: number }; result: WalletState };
  addAccount: { params: { walletId: string }; result: WalletState };
  renameWallet: { params: { walletId: string; name: string }; result: WalletState };
  updateSettings: { params: Partial<Settings>; result: WalletState };
  changePassword: { params: { oldPassword: string; newPassword: string }; result: WalletState };
  exportSecret: { params: { walletId: string; password: string }; result: { secret: string; kind: 'mnemonic' | 'privateKey' } };
  resetWallet: { params: { confirm: 'RESET' }; result: WalletState };
  listApprovals: { params: Record<string, never>; result: ApprovalRecord[] };
  resolveApproval: { params: { id: string; decision: ApprovalDecision }; result: { ok: true } };
  listConnections: { params: Record<string, never>; result: ConnectedSite[] };
  revokeConnection: { params: { origin?: string; family?: DappFamily }; result: ConnectedSite[] };
  /** Keeps the auto-lock timer fresh while the user is active. */
  touch: { params: Record<string, never>; result: { autoLockAt: number | null } };
}

export type UiMethod = keyof UiRequests;

export interface UiMessage<M extends UiMethod = UiMethod> {
  kind: 'ui';
  method: M;
  params: UiRequests[M]['params'];
}

export interface UiErrorShape {
  /** A stable code the UI translates, e.g. WRONG_PASSWORD, LOCKED, INVALID_MNEMONIC. */
  code: string;
  message: string;
  /** For throttled unlocks. */
  waitMs?: number;
}

export type UiResponse<M extends UiMethod = UiMethod> =
  | { ok: true; result: UiRequests[M]['result'] }
  | { ok: false; error: UiErrorShape };

/** Broadcast from the background to open extension pages. */
export type UiEvent = { kind: 'event'; event: 'locked' | 'unlocked' | 'stateChanged' };
