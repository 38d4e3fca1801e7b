/**
 * Chain-independent types of the pre-sign risk engine: what a signing request looks like to the
 * rules, and the warnings they return (code + severity + display params, no prose: the UI
 * translates codes). Chain modules (EVM SIWE / typed-data checks, …) use the same warning shape.
 */
import type { Family } from '../types.ts';

export type RiskSeverity = 'info' | 'warning' | 'danger';

export type RiskParamValue = string | number | boolean;

export interface RiskWarning<Code extends string = string> {
  code: Code;
  severity: RiskSeverity;
  params: Record<string, RiskParamValue>;
}

export type RiskKind = 'transfer' | 'approve' | 'sign' | 'contract';

/** Where a known address comes from; own accounts and the address book are "safe" signals (R9). */
export type KnownAddressSource = 'own' | 'addressBook' | 'history' | 'whitelist';

export interface KnownAddress {
  address: string;
  source: KnownAddressSource;
  label?: string;
}

export interface RiskAmount {
  /** Amount in whole units as a decimal string ("1.5"), exact. */
  value: string;
  /** Asset symbol as the user's thresholds name it ("ETH", "USDC"). */
  symbol: string;
  /** Value in USD when a price is known. */
  usd?: number;
  /** The account's balance of that asset in whole units, when known (for the % of balance rule). */
  balance?: string;
}

export interface RiskThresholds {
  /** Per asset symbol: a single transfer at or above this many whole units is "large". */
  singleTransferLimit?: Readonly<Record<string, string | number>>;
  /** A single transfer at or above this USD value is "large". */
  singleTransferLimitUsd?: number;
  /** More transfers than this within an hour (this one included) is "frequent". */
  maxTransfersPerHour?: number;
  /** Share of the balance (0..1) at or above which a transfer is "large"; default 0.5 (R26). */
  largeShareOfBalance?: number;
}

export interface RiskInput {
  /** The requesting site's origin (from the browser), or null for the wallet's own send screen. */
  origin: string | null;
  chainFamily: Family;
  kind: RiskKind;
  amount?: RiskAmount;
  /** Recipient of a transfer, spender/operator of an approval, or the called contract. */
  recipient?: string;
  /** For token transfers: the token contract/mint/asset id (to catch tokens sent to the token itself). */
  tokenContract?: string;
  /** Own accounts, address book and previous recipients. */
  knownAddresses?: readonly KnownAddress[];
  userThresholds?: RiskThresholds;
  /** Timestamps (ms) of the account's recent outgoing transfers. */
  recentTransfers?: readonly number[];
  unlimitedApproval?: boolean;
  /** Set when the request names another chain than the active one. */
  chainIdMismatch?: { expected: string | number; actual: string | number } | boolean;
  /** Current time (ms), for tests. */
  now?: number;
}

export type RiskCode =
  | 'LARGE_TRANSFER'
  | 'FREQUENT_TRANSFERS'
  | 'UNLIMITED_APPROVAL'
  | 'ADDRESS_LOOKALIKE'
  | 'CHAIN_ID_MISMATCH'
  | 'INSECURE_ORIGIN'
  | 'NEW_RECIPIENT'
  | 'CONTRACT_RECIPIENT_FOR_TOKEN'
  | 'BURN_RECIPIENT'
  | 'KNOWN_RECIPIENT';
