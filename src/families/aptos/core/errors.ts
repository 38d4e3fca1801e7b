/**
 * Aptos errors with a stable code: the background maps them to dApp errors (-32602 for bad input)
 * and the popup translates the code; the message is English, specific and never holds key material.
 */
export type AptosErrorCode =
  | 'MALFORMED'
  | 'UNSUPPORTED'
  | 'CHAIN_MISMATCH'
  | 'MESSAGE_TOO_LONG'
  | 'BAD_NODE_URL'
  | 'NODE'
  | 'NETWORK'
  | 'NOT_FOUND'
  | 'SIMULATION_FAILED'
  | 'INSUFFICIENT_FUNDS';

export class AptosError extends Error {
  readonly code: AptosErrorCode;
  constructor(code: AptosErrorCode, message: string) {
    super(message);
    this.name = 'AptosError';
    this.code = code;
  }
}

export const malformed = (what: string): AptosError => new AptosError('MALFORMED', what);
