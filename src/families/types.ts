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
 */
import type { ComponentType } from 'react';
import type { ActivityItem } from '../background/activity';
import type { DappContext } from '../background/dapp/router';
import type { ChainFamilyKeys } from '../core/chains/types';
import type { PaymentRequest } from '../core/payments/types';
import type { RiskInput } from '../core/risk/types';
import type { ApprovalDecision } from '../protocol/approvals';
import type { ChainSendPreview } from '../protocol/ui';
import type { Family } from './ids';

/** A family-qualified network reference: 'evm:1', 'bitcoin:testnet', 'polkadot:kusama'. */
export type ChainRef = `${string}:${string}`;

export interface NetworkInfo {
  ref: ChainRef;
  name: string;
  testnet: boolean;
  native: { symbol: string; decimals: number };
  explorerTx?(hash: string): string;
}

/** The facts a family states about a request; the shared risk engine judges them. */
export type RiskFacts = Omit<RiskInput, 'origin' | 'chainFamily'>;

/** Pure layer: no browser API, no other layer; tested in Node. */
export interface FamilyCore<F extends Family = Family> {
  id: F;
  keys: ChainFamilyKeys;
  networks: readonly NetworkInfo[];
  /** Look-alike checks without a switch on the family (today src/core/risk/lookalike.ts). */
  comparableAddress(address: string): { key: string; body: string };
  burnAddresses?: readonly string[];
  /** EIP-681, BIP-21/321, Solana Pay, the TRON convention… */
  parsePaymentUri?(uri: string): PaymentRequest | null;
}

/** Which account of which wallet (the popup's selection, or a site's connected account). */
export interface Selection {
  walletId: string;
  index: number;
}

/** A signing key lent for the duration of `fn` and wiped afterwards; only the background has one. */
export interface KeyLease {
  address: string;
  secretKey: Uint8Array;
}
/** `expected`: refuse when the selection's address is no longer the one the user approved. */
export type WithKey = <T>(sel: Selection, fn: (k: KeyLease) => Promise<T>, expected?: string) => Promise<T>;

export interface NetworkState {
  list(): Promise<readonly NetworkInfo[]>;
  active(): Promise<NetworkInfo>;
  /** Also tells the family's connected sites (chainChanged / networkChanged). */
  select(ref: ChainRef): Promise<void>;
  endpoints(): Promise<Record<string, string>>;
  setEndpoint(ref: ChainRef, url: string): Promise<void>;
}

export interface SendRequestGeneric {
  to: string;
  /** Whole units as typed ("1.5"), or 'max'. */
  amount: string;
  /** Token contract / mint; absent for the native coin. */
  token?: string;
  /** Family-specific fields (EVM fees, Bitcoin fee level, memo…), checked by the family. */
  extra?: Readonly<Record<string, unknown>>;
}

/**
 * What the one Send screen shows: today's ChainSendPreview (Bitcoin, Solana, TRON) with the network
 * named by its ref instead of the family; risk warnings come from the shared engine, not the family.
 * EVM's SendPreview (gas fields) folds into `fee` + `details` when the two pipelines merge.
 */
export type SendPreviewGeneric = Omit<ChainSendPreview, 'family' | 'warnings'> & { ref: ChainRef };

export interface PreparedSend {
  preview: SendPreviewGeneric;
  facts: RiskFacts;
  /** The plan lives in this closure: nothing the popup sends back can change what is signed. */
  confirm(): Promise<{ hash: string }>;
}

/** One gate per dApp method; one pipeline enforces lock, permission (+ expiry), queue, risk, errors. */
export type Gate = 'safe' | 'connect' | 'account' | 'approval';

export interface DappMethod {
  gate: Gate;
  /** Throws -32602 before any window opens; `run` executes after the gate (and approval) passed. */
  prepare(ctx: DappContext, params: unknown): Promise<{ approval?: unknown; run(decision?: ApprovalDecision): Promise<unknown> }>;
}

export interface FamilyBackground {
  core: FamilyCore;
  networks: NetworkState;
  withKey: WithKey;
  address(sel: Selection): Promise<string>;
  balances(sel: Selection): Promise<unknown>;
  prepareSend(sel: Selection, req: SendRequestGeneric): Promise<PreparedSend>;
  /** Incoming and outgoing, from the chain's API. */
  activity?(sel: Selection): Promise<ActivityItem[]>;
  dapp: Readonly<Record<string, DappMethod>>;
  mapError?(err: unknown): { code: number; message: string } | undefined;
  /** A family's extra popup calls (Bitcoin speed-up, TRC-20 watch), reached via one familyCall. */
  uiCalls?: Readonly<Record<string, (sel: Selection, params: unknown) => Promise<unknown>>>;
}

/** The background registry's entry: a loader, so a family's code stays out of the worker's start. */
export type FamilyBackgroundLoader = () => Promise<FamilyBackground>;

/** Parts the generic popup screens render; each family's UI is one lazy chunk. */
export interface FamilyUi {
  addressPlaceholder: string;
  SendFields?: ComponentType<{ value: Readonly<Record<string, unknown>>; onChange(v: Record<string, unknown>): void }>;
  BalancesExtras?: ComponentType<{ ref: ChainRef }>;
  ActivityActions?: ComponentType<{ item: ActivityItem }>;
  approvalViews?: Readonly<Record<string, ComponentType<{ approvalId: string }>>>;
}

/** The page side: tiny, no SDK, imports only the bridge, the emitter and the dApp protocol. */
export interface FamilyInpage {
  install(bridge: { request(family: Family, method: string, params?: unknown): Promise<unknown> }): void;
}
