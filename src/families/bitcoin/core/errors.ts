/**
 * The one error type the Bitcoin wallet core throws for user-facing failures (bad recipient, not
 * enough funds, a PSBT input that is not ours...). `code` is stable and meant for the UI and the
 * dApp error mapping; `details` carries numbers such as the shortfall. Messages never quote keys.
 */

export type BitcoinErrorCode =
  // recipients and amounts
  | 'INVALID_ADDRESS'
  | 'INVALID_CHECKSUM'
  | 'WRONG_NETWORK'
  | 'INVALID_AMOUNT'
  | 'AMOUNT_BELOW_DUST'
  | 'INVALID_FEE_RATE'
  // funds and inputs
  | 'NO_UTXOS'
  | 'INSUFFICIENT_FUNDS'
  | 'MISSING_PREV_TX'
  | 'KEY_MISMATCH'
  | 'INVALID_PLAN'
  // replace-by-fee
  | 'RBF_FOREIGN_INPUT'
  | 'RBF_NO_CHANGE'
  | 'RBF_INSUFFICIENT_FUNDS'
  | 'RBF_UNCONFIRMED_INPUT'
  | 'INVALID_TRANSACTION'
  // PSBT signing
  | 'INVALID_PSBT'
  | 'PSBT_INDEX_OUT_OF_RANGE'
  | 'PSBT_INPUT_NOT_OURS'
  | 'PSBT_ADDRESS_MISMATCH'
  | 'PSBT_SIGHASH_NOT_ALLOWED'
  | 'PSBT_MISSING_UTXO'
  | 'PSBT_NOTHING_TO_SIGN'
  | 'PSBT_UNSUPPORTED'
  | 'PSBT_NOT_FINALIZED'
  // messages
  | 'UNSUPPORTED_SCHEME'
  | 'INVALID_SIGNATURE';

export class BitcoinError extends Error {
  override readonly name = 'BitcoinError';
  readonly code: BitcoinErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: BitcoinErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** True when `err` is a BitcoinError with the given code (or any code when omitted). */
export function isBitcoinError(err: unknown, code?: BitcoinErrorCode): err is BitcoinError {
  return err instanceof BitcoinError && (code === undefined || err.code === code);
}
