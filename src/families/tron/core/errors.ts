/**
 * TRON error types: TronApiError for anything that went wrong talking to a full node (transport,
 * or the node's own refusal with its code and decoded message), and TronWalletError for what the
 * wallet refuses (bad address, insufficient funds, a node-built transaction that does not match
 * the request, a dApp transaction for another account or network). Stable `code`s for the UI.
 */
import type { TransportErrorKind } from '../../../core/net/jsonHttp';

export type TronApiErrorKind = TransportErrorKind | 'node';

export class TronApiError extends Error {
  readonly kind: TronApiErrorKind;
  readonly url: string;
  readonly endpoint: string;
  readonly status: number | undefined;
  /** The node's error code ("CONTRACT_VALIDATE_ERROR", "SIGERROR", …) for kind 'node'. */
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: { kind: TronApiErrorKind; url: string; endpoint: string; status?: number; code?: string; retryAfterMs?: number }) {
    super(message);
    this.name = 'TronApiError';
    this.kind = details.kind;
    this.url = details.url;
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
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
export class TronWalletError extends Error {
  readonly code: TronErrorCode;
  readonly providerCode: number;
  readonly details: Readonly<Record<string, string | number | boolean>>;

  constructor(code: TronErrorCode, message: string, details: Record<string, string | number | boolean> = {}, providerCode = -32602) {
    super(message);
    this.name = 'TronWalletError';
    this.code = code;
    this.details = details;
    this.providerCode = providerCode;
  }
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
