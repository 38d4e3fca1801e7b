/**
 * The typed protocol between extension pages (popup, onboarding, approval) and the background.
 * Declared once, used by both ends. Extension pages ask; only the background holds secrets.
 */
import type { EndpointFamily, Family, WalletFamily } from '../families/ids';

export type { EndpointFamily } from '../families/ids';
import type { ApprovalDecision, ApprovalRecord, RiskOverride } from './approvals';
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
  /** The user's names for accounts (index → name); unnamed ones show "Account n". */
  accountNames?: Record<string, string>;
  /** Accounts hidden from the switcher (their keys stay; unhide any time). */
  hiddenAccounts?: number[];
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
  /** Colour theme of the extension pages; unset or 'auto' follows the OS. */
  theme?: 'auto' | 'light' | 'dark';
  bitcoinScheme: 'p2wpkh' | 'p2tr' | 'p2sh-p2wpkh' | 'p2pkh';
  /** Pre-sign risk thresholds: warn before a transfer at or above a limit, or too many per hour. */
  risk: { maxTransfersPerHour: number; singleTransferLimit: Record<string, string> };
  /** window.ethereum.isMetaMask = true for sites that only enable MetaMask-compatible providers (EIP-6963 info stays ours). */
  evmMetaMaskCompat?: boolean;
  /** Site connections unused for this many days expire (0 = never; default 30). */
  siteGrantDays?: number;
  /** Browser notifications when a transfer confirms or fails and when a payment arrives (default on). */
  notifications?: boolean;
  /** Fiat prices from the price API (default on); off: no price request at all. */
  prices?: boolean;
  /** ISO 4217 code (src/core/prices/currencies.ts); unset or null follows the UI language. */
  currency?: string | null;
  /** Base URL of a CoinGecko simple/price compatible API; unset or null is the public default. */
  priceApiUrl?: string | null;
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
  /** Last time the site used the connection. */
  lastUsed: number;
  /** When it expires unless used again (null: never). */
  expiresAt: number | null;
}

/** Connected sites, blocked sites and the expiry period, for the Connected sites screen. */
export interface SitesView {
  sites: ConnectedSite[];
  blocked: Array<{ origin: string; blockedAt: number }>;
  /** 0 = never. */
  grantDays: number;
}

/** Every request an extension page can send, with its result type. */
export interface UiRequests {
  getState: { params: Record<string, never>; result: WalletState };
  /** replaceExisting: restore from a phrase at the unlock screen (forgotten password): the old vault is replaced only once the new one is built. */
  createVault: { params: { password: string; secret: NewWalletSecret; name?: string; replaceExisting?: boolean }; result: WalletState };
  addWallet: { params: { secret: NewWalletSecret; name?: string }; result: WalletState };
  unlock: { params: { password: string }; result: WalletState };
  lock: { params: Record<string, never>; result: WalletState };
  listAccounts: { params: { walletId?: string; index?: number }; result: AccountView[] };
  selectWallet: { params: { walletId: string }; result: WalletState };
  selectAccount: { params: { index: number }; result: WalletState };
  addAccount: { params: { walletId: string }; result: WalletState };
  renameWallet: { params: { walletId: string; name: string }; result: WalletState };
  renameAccount: { params: { walletId: string; index: number; name: string }; result: WalletState };
  /** Hides an account from the switcher (not the last visible one); the selection moves off a hidden account. */
  setAccountHidden: { params: { walletId: string; index: number; hidden: boolean }; result: WalletState };
  updateSettings: { params: Partial<Settings>; result: WalletState };
  changePassword: { params: { oldPassword: string; newPassword: string }; result: WalletState };
  exportSecret: { params: { walletId: string; password: string }; result: { secret: string; kind: 'mnemonic' | 'privateKey' } };
  resetWallet: { params: { confirm: 'RESET' }; result: WalletState };
  listApprovals: { params: Record<string, never>; result: ApprovalRecord[] };
  resolveApproval: { params: { id: string; decision: ApprovalDecision }; result: { ok: true } };
  /** The approval window closes itself (empty queue): not a rejection. */
  approvalWindowClosing: { params: Record<string, never>; result: { ok: true } };
  listConnections: { params: Record<string, never>; result: ConnectedSite[] };
  /** Connected sites with expiry, blocked sites and the expiry period. */
  listSites: { params: Record<string, never>; result: SitesView };
  /** Site connections unused for `days` expire (0 = never). */
  setSiteGrantDays: { params: { days: number }; result: SitesView };
  /** Blocks (every request refused, pending ones rejected) or unblocks a site. */
  setSiteBlocked: { params: { origin: string; blocked: boolean }; result: SitesView };
  /** "Reject all from this site" in the approval window: the site's pending requests get 4001 and it cools down. */
  rejectSiteApprovals: { params: { origin: string }; result: { rejected: number } };
  /** Danger warnings the user approved anyway (the activity log). */
  listRiskOverrides: { params: Record<string, never>; result: RiskOverride[] };
  revokeConnection: { params: { origin?: string; family?: DappFamily }; result: ConnectedSite[] };
  /** Keeps the auto-lock timer fresh while the user is active. */
  touch: { params: Record<string, never>; result: { autoLockAt: number | null } };
  // EVM networks
  listNetworks: { params: Record<string, never>; result: { networks: NetworkView[]; activeChainId: number } };
  setActiveNetwork: { params: { chainId: number }; result: { networks: NetworkView[]; activeChainId: number } };
  /** Adds a custom network after checking that the RPC serves the declared chain id (eth_chainId). */
  addNetwork: { params: { name: string; chainId: number; rpcUrl: string; symbol: string; explorer?: string }; result: { networks: NetworkView[]; activeChainId: number } };
  removeNetwork: { params: { chainId: number }; result: { networks: NetworkView[]; activeChainId: number } };
  /** Sets any network's RPC (checked with eth_chainId first; nothing changes when it fails) and explorer. */
  editNetwork: { params: { chainId: number; rpcUrl: string; explorer?: string }; result: { networks: NetworkView[]; activeChainId: number } };
  /** A built-in network's RPC and explorer back to their defaults. */
  resetNetwork: { params: { chainId: number }; result: { networks: NetworkView[]; activeChainId: number } };
  /** Adds an ERC-20 to the active EVM network's watched tokens (metadata read from the chain); the refreshed balances. */
  addToken: { params: { address: string }; result: ChainBalancesView };
  // Send
  checkAddress: { params: { family: Family; address: string; network?: string }; result: { ok: true } | { ok: false; reason: 'format' | 'checksum' | 'network'; message: string } };
  listActivity: { params: Record<string, never>; result: ActivityView[] };
  /** Reads incoming transfers of the selected account on the active chain from its API into the activity. */
  refreshIncoming: { params: Record<string, never>; result: { added: number; supported: boolean } };
  // Address book (MAC'd with a vault-derived key)
  listAddressBook: { params: Record<string, never>; result: AddressBookView };
  saveAddressBookEntry: { params: { name: string; address: string; family: Family }; result: AddressBookView };
  removeAddressBookEntry: { params: { address: string; family: Family }; result: AddressBookView };
  // Chains of every family in the popup's selector; balances and send of the active chain (one pipeline)
  listChains: { params: Record<string, never>; result: ChainsView };
  setActiveChain: { params: { id: string }; result: ChainsView };
  /** Bitcoin Esplora URL, Solana RPC or TRON full node of one network (http(s) only). */
  setChainEndpoint: { params: { family: EndpointFamily; network: string; url: string }; result: ChainEndpoints };
  getChainEndpoints: { params: Record<string, never>; result: ChainEndpoints };
  /** From storage only (no node request): what the popup paints at once. Null when nothing was cached yet. */
  getCachedChainBalances: { params: Record<string, never>; result: ChainBalancesView | null };
  /** Asks the node again (EVM: one batched request for the native coin and every watched token); refreshes the cache. */
  refreshChainBalances: { params: Record<string, never>; result: ChainBalancesView };
  /** Watches a TRC-20 on the active TRON network (symbol and decimals read from the contract). */
  addChainToken: { params: { address: string }; result: ChainBalancesView };
  /** A fresh receive address of the family on its active network, for a family that rotates them (else null). */
  receiveAddress: { params: { family: Family }; result: { address: string; path: string; network: string } | null };
  /** Builds, estimates and checks funds; nothing is signed. */
  prepareChainSend: { params: ChainSendRequest; result: ChainSendPreview };
  /** A speed-up of one of this wallet's pending sends at a higher fee rate (Bitcoin: replace-by-fee), confirmed with confirmChainSend. */
  prepareSpeedUp: { params: { hash: string; feeRate: number }; result: ChainSendPreview };
  /** Signs and broadcasts a prepared send (by id), records it in the activity. */
  confirmChainSend: { params: { id: string }; result: { hash: string; explorer: string | null } };
  /**
   * A payment link's transaction request opened from Send (Solana Pay's `solana:<https URL>`), run by
   * the family's background (FamilyBackground.paymentRequest): the worker fetches the merchant's
   * transaction for the selected account and shows it in the approval window; answers once it is
   * sent (or refused, with a PAY_* error).
   */
  paymentRequest: { params: { family: Family; link: string }; result: PaymentRequestResult };
  /** Watched ERC-721/1155 of the selected account on the active EVM network, balances fresh from the chain. */
  listNfts: { params: Record<string, never>; result: NftView[] };
  /** safeTransferFrom of a watched NFT (amount for ERC-1155); funds checked before signing. */
  sendNft: { params: { contract: string; tokenId: string; to: string; amount?: string }; result: { hash: string; explorer: string | null } };
  // Fiat prices (src/background/prices/service.ts), in the currency chosen in Settings, else defaultCurrency (the UI language's)
  /** From storage only: what a page paints at once. */
  getCachedPrices: { params: { defaultCurrency: string }; result: PricesView };
  /** Asks the price API unless the cached prices are under a minute old; a failure returns the last prices with the error. */
  refreshPrices: { params: { defaultCurrency: string }; result: PricesView };
}

export interface PricesView {
  /** False when prices are turned off in Settings: nothing was asked, nothing is shown. */
  enabled: boolean;
  currency: string;
  /** Price id (src/core/prices/assets.ts) → price of one whole coin, exact decimal text. */
  prices: Record<string, string>;
  /** When these prices were fetched; null when none ever were. */
  updatedAt: number | null;
  /** Why the last fetch failed; the prices above are then the last known ones. */
  error?: { code: string; message: string };
}

export interface NftView {
  standard: 'ERC721' | 'ERC1155';
  chainId: number;
  contract: string;
  /** Decimal string. */
  tokenId: string;
  owner: string;
  name?: string;
  collection?: string;
  /** data:image, https or the ipfs gateway only. */
  image?: string;
  /** Held amount (ERC-721: 1 or 0), null when the node could not be read. */
  balance: string | null;
}

export type PopupFamily = WalletFamily;

export interface ChainOption {
  /** 'evm:1', 'bitcoin:mainnet', 'solana:devnet', 'tron:nile'… */
  id: string;
  family: PopupFamily;
  name: string;
  testnet: boolean;
}

export interface ChainsView {
  chains: ChainOption[];
  active: string;
  family: PopupFamily;
}

/** Node URL per network name, per family. */
export type ChainEndpoints = Record<EndpointFamily, Record<string, string>>;

export interface ChainBalancesView {
  family: PopupFamily;
  chain: string;
  networkName: string;
  address: string;
  assets: AssetBalance[];
  /** Family extras shown under the assets: TRON bandwidth/energy, Bitcoin confirmed/unconfirmed and receive address. */
  details: Record<string, string>;
  updatedAt: number;
}

export interface ChainSendRequest {
  to: string;
  /** Whole units ("0.5") or 'max'. */
  amount: string;
  /** ERC-20 contract, SPL mint or TRC-20 contract; absent for the native coin. */
  token?: string;
  /** A family module's own send fields (memo, keep-alive, Bitcoin fee rate, EVM gas and fees per gas…), from its UI parts; checked by the family. */
  extra?: Record<string, string | boolean>;
}

/** What a payment link's transaction request answers once it is sent (UiRequests.paymentRequest). */
export interface PaymentRequestResult {
  signature: string;
  explorer: string | null;
  /** The merchant's label, as its server gave it. */
  label: string;
  /** The merchant's message from its answer, when it gave one. */
  message?: string;
}

export interface ChainSendPreview {
  id: string;
  family: PopupFamily;
  networkName: string;
  from: string;
  to: string;
  /** Whole units, exact. */
  amount: string;
  symbol: string;
  /** Total network fee (TRON: expected burn; Solana: fee + new token account rent), whole units. */
  fee: string;
  feeSymbol: string;
  /** Message key of the fee row's label when the fee is an upper bound (EVM: 'maxNetworkFee'); default 'networkFee'. */
  feeLabel?: string;
  /** Labelled extras (message keys of the family's dictionary, or plain labels) → values. */
  details: Record<string, string>;
  /** Values the family's review part edits (EVM: feeType, gas, maxFeePerGas…), not listed as details. */
  reviewData?: Record<string, string>;
  warnings: Array<{ code: string; severity: 'info' | 'warning' | 'danger'; params: Record<string, string | number | boolean> }>;
}

export interface NetworkView {
  chainId: number;
  name: string;
  symbol: string;
  rpcUrl: string;
  explorer: string | null;
  testnet: boolean;
  custom: boolean;
  /** A built-in network whose RPC or explorer the user changed (Settings offers "Reset to default"). */
  edited: boolean;
}

export interface AssetBalance {
  /** null for the native currency. */
  token: string | null;
  symbol: string;
  decimals: number;
  /** Smallest units, decimal string; null when this asset could not be read. */
  balance: string | null;
  /** Whole units, exact. */
  formatted: string | null;
  /** The token's name from on-chain metadata (SPL), when it has one. */
  name?: string;
  /** data: URI of the token's image (from its metadata), when there is one. */
  icon?: string;
}

export interface ActivityView {
  hash: string;
  family: Family;
  chainId: number | string;
  networkName: string;
  from: string;
  to: string | null;
  amount: string;
  symbol: string;
  origin: string | null;
  explorer: string | null;
  /** 'replaced': a Bitcoin transaction superseded by its speed-up (RBF). */
  status: 'pending' | 'confirmed' | 'failed' | 'replaced';
  time: number;
  /** 'in': a transfer that arrived (from = the sender); 'out': sent by this wallet. */
  direction: 'in' | 'out';
}

export interface AddressBookEntry {
  name: string;
  address: string;
  family: Family;
}

export interface AddressBookView {
  entries: AddressBookEntry[];
  /** True when the stored list failed its integrity check (it was changed outside the wallet). */
  tampered: boolean;
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
  /** Values for the translated message (e.g. the shortfall of an insufficient-funds error). */
  params?: Record<string, string | number>;
}

export type UiResponse<M extends UiMethod = UiMethod> =
  | { ok: true; result: UiRequests[M]['result'] }
  | { ok: false; error: UiErrorShape };

/** Broadcast from the background to open extension pages. */
export type UiEvent = { kind: 'event'; event: 'locked' | 'unlocked' | 'stateChanged' };
