/**
 * The one typed result every payment-request standard parses into (EIP-681, BIP-21/321, Solana
 * Pay, the TRON convention), and the input the builders take for Receive's "Request a payment".
 * Declared once so the Send screen, the QR scanner and the family modules share it.
 */

import type { Family } from '../../families/ids.ts';

/**
 * A family with a payment-request standard: any family may have one (its codec, src/families/<f>/core/paymentUri.ts,
 * reached from its popup entry's `payment` hook); which ones do is known from the registries, not listed here.
 */
export type PaymentFamily = Family;

/** A family-qualified network reference: 'evm:1', 'bitcoin:testnet'. */
export type ChainRef = `${string}:${string}`;

/** What is paid: the network's own coin, or a token by contract address (EVM, TRON) or mint (Solana). */
export type PaymentAsset = { type: 'native' } | { type: 'token'; address: string };

/**
 * An exact amount. Standards differ in what they state: EIP-681 ERC-20 requests give base units
 * without the token's decimals; Solana Pay and TRON token requests give whole units without them.
 * The missing half is filled in by resolvePaymentAmount once the token's decimals are read.
 */
export type PaymentAmount =
  | { known: 'both'; base: bigint; decimal: string; decimals: number }
  | { known: 'base'; base: bigint }
  | { known: 'decimal'; decimal: string };

interface PaymentRequestCommon {
  family: PaymentFamily;
  /** The URI scheme as written in the standard ('ethereum', 'bitcoin', 'solana', 'tron'). */
  scheme: string;
  label?: string;
  message?: string;
  /**
   * Parameters the standard lets a wallet ignore (unknown, not prefixed req-) or that name
   * payment methods this wallet does not offer (lightning=). Shown, never acted on.
   */
  ignoredParams: readonly string[];
}

/** "Pay this recipient this asset": every standard's plain payment request. */
export interface PaymentTransferRequest extends PaymentRequestCommon {
  kind: 'transfer';
  /**
   * The network the URI names ('evm:1', 'bitcoin:mainnet'); undefined when it names none (EIP-681
   * without @chainId, Solana Pay, TRON), in which case the selected network applies.
   */
  network?: ChainRef;
  /** Normalized: EIP-55 checksummed, lower-case bech32, base58 as given. */
  recipient: string;
  asset: PaymentAsset;
  /** Undefined when the request leaves the amount to the payer. */
  amount?: PaymentAmount;
  /** Solana Pay memo (an SPL Memo instruction). */
  memo?: string;
  /** Solana Pay reference keys, in order; added read-only to the transfer instruction. */
  references: readonly string[];
  /** EIP-681 gas limit (gas= or gasLimit=). */
  gasLimit?: bigint;
  /** EIP-681 gasPrice= in wei. */
  gasPrice?: bigint;
}

/** Solana Pay transaction request: the merchant's server builds the transaction. */
export interface PaymentTransactionRequest extends PaymentRequestCommon {
  kind: 'transactionRequest';
  family: 'solana';
  /** The absolute https URL (http only for localhost / 127.0.0.1) to GET and POST {account} to. */
  link: string;
}

export type PaymentRequest = PaymentTransferRequest | PaymentTransactionRequest;

/** What a builder needs for Receive's QR: the transfer fields a payee chooses. */
export interface PaymentRequestInput {
  family: PaymentFamily;
  /** EVM: 'evm:<chainId>' adds @chainId. Bitcoin: checked against the address. Others: unused. */
  network?: ChainRef;
  recipient: string;
  asset?: PaymentAsset;
  amount?: PaymentAmount;
  label?: string;
  message?: string;
  memo?: string;
  references?: readonly string[];
}

/** Options that tell the parsers what this wallet knows. */
export interface ParsePaymentOptions {
  /** User-added EVM networks (matched before the built-in list). */
  evmNetworks?: readonly { chainId: number }[];
  /** When set, a Bitcoin address of another network is refused with WRONG_NETWORK. */
  bitcoinNetwork?: 'mainnet' | 'testnet' | 'signet' | 'regtest';
}

/**
 * One family's payment-link standard (its URI scheme's parser, and the builder for Receive's QR code),
 * written in the family's folder. The family's popup entry names its URI scheme and loads this lazily.
 */
export interface PaymentCodec {
  family: PaymentFamily;
  parse(text: string, options: ParsePaymentOptions): PaymentRequest;
  build(input: PaymentRequestInput): string;
}

/** The codecs a caller has at hand, by URI scheme (lower case, as a link writes it before its colon). */
export type PaymentCodecs = Readonly<Record<string, PaymentCodec>>;
