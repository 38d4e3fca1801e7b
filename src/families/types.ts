/**
 * The contracts a chain family implements, one per layer (issue 11; target design in
 * shared/family-modules.md). Type-only: importing this file costs no bundle bytes, and the layering
 * test does not follow `import type`, so the contracts may name types of every layer.
 *
 * Differences from the design sketch, taught by the code as it is:
 * - `keys` is the existing ChainFamilyKeys (derive, import, format, validate), not a new shape.
 * - Networks are named by their `ChainRef` ('evm:1', 'tron:nile') everywhere the popup already does
 *   (ChainOption.id), so NetworkInfo carries the ref rather than a separate id.
 * - A prepared send keeps its plan in its closure, but the popup still needs a handle between
 *   "preview" and "confirm" (the popup and the worker are separate processes): `id` is that handle,
 *   and a confirm by id finds the closure in the send service's map.
 * - The background registry holds LOADERS, not modules: Bitcoin, Solana and TRON must stay
 *   reachable only through import() (tests/unit/lazyFamilies.test.ts), so an eager registry of
 *   modules would defeat the lazy worker start.
 * - The shared code owns what every family needs alike, so a family module does not: the active
 *   network and node URL per family (storage), the selected account's address on that network, key
 *   lending (`FamilyContext.withKey`), the prepared-send map, activity records, the balance cache,
 *   and the dApp gates (src/background/families/*, src/background/dapp/pipeline.ts). A family's
 *   background is therefore a few functions of a `FamilyContext`, not a stateful service.
 * - A family's networks are a tiny eager `FamilyDescriptor` (the popup lists them without loading
 *   the family's SDK); everything else of the family loads on first use.
 *
 * Plugging a family in (README "Adding a chain family"): src/families/<f>/{core,background,ui,inpage},
 * its name in FAMILIES (ids.ts), then one entry per bundle context: its core object in
 * src/core/chains/cores.ts (worker and core), its loaders in registry.ts (worker),
 * its popup entry (strings, UI parts, payment links) in ui.ts, its provider or null in inpage.ts
 * (page); each of these is one line.
 */
import type { ComponentType } from 'react';
import type { ActivityItem } from '../background/activity';
import type { ChainFamilyKeys } from '../core/chains/types';
import type { RiskInput } from '../core/risk/types';
import type { RiskWarning } from '../protocol/approvals';
import type { DappMethod } from './dappTypes';
import type { ActivityView, AssetBalance, ChainBalancesView, ChainSendPreview, PaymentRequestResult } from '../protocol/ui';
import type { PaymentDraft } from '../ui/popup/paymentLinkRead';
import type { PaymentCodec } from '../core/payments/types';
import type { Family } from './ids';
/** Families built as modules (src/families/registry.ts), for shared types that exclude them. */
export type { ModularFamily } from './registry';

/** A family-qualified network reference: 'evm:1', 'bitcoin:testnet', 'polkadot:kusama'. */
export type ChainRef = `${string}:${string}`;

export interface NetworkInfo {
  /** 'aptos:mainnet', 'polkadot:kusama', 'eos:jungle': `<family>:<id>`; the id is stored and shown to dApps. */
  ref: ChainRef;
  name: string;
  testnet: boolean;
  native: { symbol: string; decimals: number };
  /** The node URL used until the user sets one (Settings → network endpoints); '' when none is public. */
  defaultEndpoint: string;
  /** The keyring's `network` option when the address depends on the network (Kusama's SS58 prefix). */
  keyNetwork?: string;
  explorerTx?(hash: string): string;
}

/** The facts a family states about a request; the shared risk engine judges them. */
export type RiskFacts = Omit<RiskInput, 'origin' | 'chainFamily' | 'knownAddresses' | 'userThresholds' | 'recentTransfers'>;

/**
 * The small, pure, eagerly-loaded part of a family the shared code needs without loading the family's
 * background: its networks (the popup's chain selector lists them before anything is fetched).
 * Part of the family's core object (FamilyCore.descriptor).
 */
export interface FamilyDescriptor {
  id: Family;
  /** The first network is the default. */
  networks: readonly NetworkInfo[];
  /** Checks a node URL the user typed (scheme, loopback-only http…); returns the cleaned URL or throws. */
  cleanEndpoint?(url: string): string;
  /**
   * A family that kept its network choice and node URLs under its own storage key before it became
   * a module: how to read that value (pure). The shared store reads it while it holds nothing of its
   * own for the family, so an existing install keeps its network and nodes; the first choice the
   * user makes is then written to the shared keys. `network` is a ref, `endpoints` by network id.
   */
  legacyStorage?: {
    key: string;
    read(stored: unknown): { network?: string; endpoints?: Record<string, string> };
    /** The old key held nothing else: move it into the shared records once and remove it (src/background/families/legacyStorage.ts). */
    move?: boolean;
  };
}

/**
 * Pure layer: no browser API, no other layer; tested in Node. ONE object per family
 * (src/families/<f>/core/family.ts), the family's one line in the core registry
 * (src/core/chains/cores.ts, read through registry.ts), which the worker and core code read: keys,
 * networks (the descriptor), the Accounts rows, the look-alike address rule and burn addresses, so
 * shared code needs no switch.
 */
export interface FamilyCore<F extends Family = Family> {
  id: F;
  keys: ChainFamilyKeys;
  /** Its networks and endpoint rule (eager and tiny: the popup lists them before anything loads). */
  descriptor: FamilyDescriptor;
  /**
   * The Accounts screen's rows for one account index: the key networks (KeyOptions.network) whose
   * address it lists, usually ['mainnet'] (Polkadot: 'polkadot' and 'kusama', one SS58 address each).
   */
  accountRows: readonly string[];
  /** A second form of an account's address the Accounts screen shows beside it (EOS: the legacy EOS… key). */
  altAddress?(address: string): string;
  /**
   * For the look-alike rule (src/core/risk/lookalike.ts), given a trimmed address: `key` equal for the
   * same account (hex is case-insensitive, base58 is not), `body` the part whose first and last
   * characters a poisoner imitates (fixed leading characters such as 0x, T, an hrp not counted).
   */
  comparableAddress(address: string): { key: string; body: string };
  /** Addresses nobody holds the key of (a send there is flagged by the risk engine). */
  burnAddresses?: readonly string[];
}

/** Which account of which wallet (the popup's selection, or a site's connected account). */
export interface Selection {
  walletId: string;
  index: number;
}

/** A signing key lent for the duration of `fn` and wiped afterwards; only the background has one. */
export interface KeyLease {
  address: string;
  /** As the keyring derives it: secp256k1 32 bytes, ed25519 32-byte seed, sr25519 64-byte secret. */
  secretKey: Uint8Array;
  /** As the keyring formats it for the family (DerivedAccount.publicKey). */
  publicKey: string;
}

/**
 * What the shared code hands a family's background for one call: the selected account on the
 * family's active network. Built fresh per call; holds no secret (keys are lent by `withKey`).
 */
export interface FamilyContext {
  family: Family;
  sel: Selection;
  network: NetworkInfo;
  /** The user's node URL for this network, else its default. */
  endpoint: string;
  /** The selected account's address on this network. */
  address: string;
  /**
   * Lends the selected account's key. Refuses (ACCOUNT_CHANGED) when the selected address is no
   * longer `address` above: what the user approved is what gets signed, or nothing.
   */
  withKey<T>(fn: (k: KeyLease) => Promise<T>): Promise<T>;
  /** This family's own keys in storage.local (public data only: token lists, caches). */
  storage: {
    get<T>(key: string): Promise<T | undefined>;
    set(key: string, value: unknown): Promise<void>;
  };
}

export interface SendRequestGeneric {
  to: string;
  /** Whole units as typed ("1.5"), or 'max'. */
  amount: string;
  /** Token contract / asset id; absent for the native coin. */
  token?: string;
  /** Family send fields (memo, keep-alive…) from the family's SendFields, checked by the family. */
  extra?: Readonly<Record<string, string | boolean>>;
}

/**
 * What the one Send screen shows before the user confirms: the popup's preview less what the
 * shared code adds (the handle, the family, the network name and the risk warnings).
 */
export type SendPreviewGeneric = Omit<ChainSendPreview, 'id' | 'family' | 'networkName' | 'warnings'>;

export interface SentTransfer {
  hash: string;
  explorer: string | null;
  /** Settles when the chain says final (true) or failed (false); Activity follows it. */
  settled?: Promise<boolean>;
}

export interface PreparedSend {
  preview: SendPreviewGeneric;
  /** For the shared risk engine (amount, recipient, token). */
  facts: RiskFacts;
  /** Family warnings the shared engine cannot know (existential deposit, missing memo…). */
  warnings?: RiskWarning[];
  /** For Activity: smallest units and decimals of what leaves; `replaces`: the entry this send supersedes (marked 'replaced'). */
  record: { value: string; decimals: number; replaces?: string };
  /** The plan lives in this closure: nothing the popup sends back can change what is signed. */
  confirm(): Promise<SentTransfer>;
}

export interface FamilyBalances {
  assets: AssetBalance[];
  /** Family extras shown under the assets (reserved/frozen, CPU/NET/RAM…): label → value. */
  details: Record<string, string>;
}

export type { DappApproval, DappCall, DappMethod, DappPrepared, DappSite, Gate } from './dappTypes';

export interface FamilyBackground {
  balances(ctx: FamilyContext): Promise<FamilyBalances>;
  prepareSend(ctx: FamilyContext, req: SendRequestGeneric): Promise<PreparedSend>;
  /** Checks a node before it is saved (chain id / genesis matches the network); throws a clear error. */
  checkEndpoint?(network: NetworkInfo, url: string): Promise<void>;
  /** Incoming and outgoing, from the chain's API. */
  activity?(ctx: FamilyContext): Promise<ActivityItem[]>;
  /**
   * For a family whose token icons are large (data URIs) and kept once in its own bounded cache
   * (Solana's token metadata): the shared balance cache then stores its views without icons, and
   * this puts them back when a cached view is painted.
   */
  cachedIcons?(ctx: FamilyContext, assets: readonly AssetBalance[]): Promise<AssetBalance[]>;
  /**
   * Watches a token the user names by its contract address (TRON's TRC-20s: a chain whose tokens
   * an account holds cannot be listed from the node). Reads its symbol and decimals from the chain
   * and stores it in the family's list; throws a clear error for an address that is not a token.
   * The popup offers "Add token" only for a family that has this and a `BalancesExtras` part.
   */
  watchToken?(ctx: FamilyContext, contract: string): Promise<void>;
  /** The dApp methods; absent: the family has no dApp provider. */
  dapp?: Readonly<Record<string, DappMethod>>;
  /**
   * Optional: what the pipeline applies to every error of the family's dApp methods (its own gates'
   * included: no account of the family, account changed) before the site sees it: the family's
   * core and node errors become dApp errors (ProviderError) with clear, key-free messages.
   * Returns any other error unchanged.
   */
  mapError?(err: unknown): unknown;
  /** Optional: the family's refusal of a method its table lacks (EVM: 4200, with advice for eth_sign). */
  unsupportedMethod?(method: string): unknown;
  /** Optional: the form granted accounts reach a site in (`accountsChanged`): EVM sites get lower case. */
  dappAccounts?(accounts: readonly string[]): unknown;
  /**
   * Events for connected sites when the popup's account or the family's network changes; the default
   * sends `accountsChanged` with [address] and `networkChanged` with the network id.
   */
  onChange?(ctx: FamilyContext, what: 'account' | 'network', emit: (origin: string | null, event: string, data: unknown) => void): void | Promise<void>;
  /**
   * The account's address as the popup shows it (balances, cache, send), when it is not the keyring's
   * address at the selected index (Bitcoin: the HD account's first address of the chosen address type).
   */
  popupAddress?(ctx: FamilyContext): Promise<string>;
  /**
   * Optional: the address a site is granted and its methods see (DappCall.address), when it is not
   * the keyring's (Bitcoin: the selected address type's address on the active network). Called only
   * while unlocked.
   */
  dappAddress?(ctx: FamilyContext): Promise<string>;
  /** A fresh address for Receive, for a family that rotates them (Bitcoin: the first unused one). */
  receiveAddress?(ctx: FamilyContext): Promise<{ address: string; path: string }>;
  /**
   * Sends that follow from one of the wallet's own activity entries (Bitcoin: 'speedUp', a
   * replace-by-fee), prepared and confirmed like a send; `params` come from the family's ActivityActions.
   */
  activityActions?: Readonly<Record<string, (ctx: FamilyContext, item: ActivityItem, params: unknown) => Promise<PreparedSend>>>;
  /**
   * Runs a payment link's transaction request the user opened from Send (Solana Pay: the merchant's
   * server builds the transaction; the approval window shows it before anything is signed). `link`
   * is as the popup sent it: checked here. The popup side is FamilyUi.openPaymentRequest.
   */
  paymentRequest?(link: unknown): Promise<PaymentRequestResult>;
}

/**
 * Networks a family keeps itself, for a family whose network list changes at run time (EVM: the
 * user's and dApps' added networks) and whose active network its dApp side reads from its own
 * storage. When a family has one, the shared code asks it instead of the descriptor's fixed list and
 * the shared `familyNetwork` key, so an existing install keeps its selection. Optional.
 */
export interface FamilyNetworkState {
  list(): Promise<NetworkInfo[]>;
  active(): Promise<NetworkInfo>;
  /** Selects one of the family's networks (and tells its connected sites); false when the ref is not one. */
  select(ref: string): Promise<boolean>;
}

/** The incoming-history hook of a family (FamilyModuleEntry.incoming), loaded on its own. */
export interface IncomingSource {
  /** Transfers to `sel`'s address on the family's active network, newest first; public data only. */
  incoming(sel: Selection): Promise<ActivityItem[]>;
}

/** The background registry's entry: a loader, so a family's code stays out of the worker's start. */
export type FamilyBackgroundLoader = () => Promise<FamilyBackground>;

/** Parts the generic popup screens render; each family's UI is one lazy chunk. */
export interface FamilyUi {
  /** The recipient field's placeholder ('0x…', '5Grw…'). */
  addressPlaceholder?: string;
  /** Extra send fields (memo, keep-alive); their values go to prepareSend as `extra`. */
  SendFields?: ComponentType<{ value: Readonly<Record<string, string | boolean>>; onChange(v: Record<string, string | boolean>): void }>;
  /**
   * Extra controls on the review screen (EVM: edit gas and fees). `onApply(extra)` prepares the send
   * again with these values merged into `extra`; the shown preview is replaced by the new one.
   */
  ReviewFields?: ComponentType<{ preview: ChainSendPreview; busy: boolean; onApply(extra: Record<string, string>): void }>;
  /** Shown under the balances (EVM: add an ERC-20); `onView` replaces the shown balances. */
  BalancesExtras?: ComponentType<{ view: ChainBalancesView | null; onView(v: ChainBalancesView): void }>;
  /** Buttons under one of the wallet's own activity entries (Bitcoin: speed up a pending send). */
  ActivityActions?: ComponentType<{ item: ActivityView }>;
  /** Its payment-link standard's parser and builder (core code): present when its entry has a `paymentScheme`. */
  paymentCodec?: PaymentCodec;
  /**
   * The payment-link hook: what a link asks of the transaction itself beyond recipient, asset and
   * amount (Solana Pay's references and memo), as this family's send fields (`extra`); the Send form
   * keeps them until the recipient is retyped. Absent: a link fills only the shared fields.
   */
  paymentFields?(draft: PaymentDraft): Record<string, string>;
  /**
   * Runs a link's transaction request (Solana Pay: the merchant's server builds the transaction; the
   * approval window shows it). Absent: the family's links carry no transaction requests.
   */
  openPaymentRequest?(link: string): Promise<{ signature: string; explorer: string | null; message?: string }>;
}

/**
 * A family's strings, merged into the shared dictionaries (src/families/messages.ts, src/ui/i18n/index.ts).
 * English is bundled with every page; each Chinese part is its own chunk, loaded with the shared Chinese
 * dictionary, so the popup's first render carries no Chinese text. `K` makes the compiler check that every
 * locale has every key.
 */
export interface FamilyMessages<K extends string = string> {
  en: Readonly<Record<K, string>>;
  'zh-CN': () => Promise<Readonly<Record<K, string>>>;
  'zh-TW': () => Promise<Readonly<Record<K, string>>>;
}

/**
 * A family's popup entry (src/families/<f>/ui/entry.ts; its one line in src/families/ui.ts), eager and
 * tiny: the family's strings, and loaders for the rest, so the popup's first render carries none of the
 * family's UI code.
 */
export interface FamilyUiEntry<K extends string = string> {
  /** Its strings (English eager, Chinese lazy); absent: it has none of its own. */
  messages?: FamilyMessages<K>;
  /** Its UI parts (one lazy chunk); absent: the generic screens need nothing of its own. */
  parts?: () => Promise<FamilyUi>;
  /**
   * The URI scheme of its payment-link standard ('ethereum', 'bitcoin', …), whose parser and builder
   * are its parts' `paymentCodec`. Eager: the Send field recognises a link by it, and Receive offers
   * "Request a payment" for it; the codec loads with the parts when a link is read or built.
   */
  paymentScheme?: string;
}

/** The page side: tiny, no SDK, imports only the bridge, the emitter and the dApp protocol. */
export type FamilyInpage = () => void;
