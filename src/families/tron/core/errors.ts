/**
 * TRON error types: TronApiError for anything that went wrong talking to a full node (transport,
 * or the node's own refusal with its code and decoded message), and TronWalletError for what the
 * wallet refuses (bad address, insufficient funds, a node-built transaction that does not match
 * the request, a dApp transaction for another account or network). Stable `code`s for the UI.
 */
import type { TransportErrorKind } from '../../../core/net/jsonHttp';
import { NodeError, WalletRefusal } from '../../../core/net/nodeError';

export type TronApiErrorKind = TransportErrorKind | 'node';

/** `code` is the node's error code ("CONTRACT_VALIDATE_ERROR", "SIGERROR", …) for kind 'node'. */
export class TronApiError extends NodeError<TronApiErrorKind, string> {
  override readonly name = 'TronApiError';
  /** The API path called (/wallet/…). */
  readonly endpoint: string;

  constructor(message: string, details: { kind: TronApiErrorKind; url: string; endpoint: string; status?: number; code?: string; retryAfterMs?: number }) {
    super(message, { ...details, method: details.endpoint });
    this.endpoint = details.endpoint;
  }
}

export type TronErrorCode =
  | 'INVALID_ADDRESS'
  | 'INVALID_AMOUNT'
  | 'ACCOUNT_NOT_ACTIVATED'
  | 'INSUFFICIENT_TRX'
  | 'INSUFFICIENT_TRX_FOR_FEE'
  | 'INSUFFICIENT_TOKEN'
  | 'NOT_A_TRC20'
  | 'MALFORMED_TRANSACTION'
  | 'TXID_MISMATCH'
  | 'TRANSACTION_MISMATCH'
  | 'RAW_DATA_JSON_MISMATCH'
  | 'UNSUPPORTED_TRANSACTION'
  | 'TRANSACTION_EXPIRED'
  | 'ALREADY_SIGNED'
  | 'WRONG_OWNER'
  | 'WRONG_NETWORK'
  | 'INVALID_MESSAGE'
  | 'MESSAGE_TOO_LONG'
  | 'INVALID_SECRET_KEY'
  | 'INVALID_NETWORK'
  | 'INVALID_TYPED_DATA'
  | 'INVALID_URL'
  | 'INSECURE_RPC';

/** A refusal by the wallet; `providerCode` is what a dApp receives (-32602 unless stated). */
export class TronWalletError extends WalletRefusal<TronErrorCode> {
  override readonly name = 'TronWalletError';
}

/** An integer amount in base units as a decimal string ("1.5"); sun → TRX with 6 decimals. */
export function formatUnits(amount: bigint, decimals: number): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  if (decimals === 0) return `${negative ? '-' : ''}${abs.toString()}`;
  const base = 10n ** BigInt(decimals);
  const frac = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${(abs / base).toString()}${frac ? `.${frac}` : ''}`;
}

export function formatSun(sun: bigint): string {
  return formatUnits(sun, 6);
}
