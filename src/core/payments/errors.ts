/**
 * The error every payment-URI parser and builder throws. `code` is stable for the UI (each has a
 * translated sentence there); `details` carries what the UI needs to act, such as the unknown
 * chain id it can offer to add. Messages are specific English for logs and developers.
 */

export type PaymentUriErrorCode =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'NOT_A_URI'
  | 'UNSUPPORTED_SCHEME'
  | 'MALFORMED_URI'
  | 'MULTIPLE_QUERY_MARKERS'
  | 'INVALID_ENCODING'
  | 'DUPLICATE_PARAMETER'
  | 'MISSING_PARAMETER'
  | 'INVALID_PARAMETER'
  | 'MISSING_RECIPIENT'
  | 'INVALID_ADDRESS'
  | 'INVALID_CHECKSUM'
  | 'WRONG_NETWORK'
  | 'ENS_NOT_SUPPORTED'
  | 'INVALID_CHAIN_ID'
  | 'UNKNOWN_CHAIN'
  | 'UNSUPPORTED_FUNCTION'
  | 'INVALID_AMOUNT'
  | 'NEGATIVE_AMOUNT'
  | 'ZERO_AMOUNT'
  | 'TOO_MANY_DECIMALS'
  | 'AMOUNT_OVERFLOW'
  | 'UNSUPPORTED_REQUIRED_PARAMETER'
  | 'UNSUPPORTED_PAYMENT_METHOD'
  | 'INVALID_TOKEN'
  | 'INVALID_REFERENCE'
  | 'INVALID_LINK'
  | 'FIELD_NOT_SUPPORTED';

export class PaymentUriError extends Error {
  override readonly name = 'PaymentUriError';
  readonly code: PaymentUriErrorCode;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(code: PaymentUriErrorCode, message: string, details: Record<string, string | number> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isPaymentUriError(err: unknown, code?: PaymentUriErrorCode): err is PaymentUriError {
  return err instanceof PaymentUriError && (code === undefined || err.code === code);
}
