/**
 * The one error class of the EOS family: a stable `reason` (what the background maps to a dApp
 * error code or a popup message) and a specific English message. Pure, so core and background
 * both throw it.
 */
export type EosErrorReason =
  | 'invalid-params'
  | 'malformed-transaction'
  | 'unknown-chain'
  | 'chain-mismatch'
  | 'missing-abi'
  | 'invalid-account'
  | 'invalid-amount'
  | 'refused-digest'
  | 'node'
  | 'resources';

export class EosError extends Error {
  readonly reason: EosErrorReason;
  constructor(reason: EosErrorReason, message: string) {
    super(message);
    this.name = 'EosError';
    this.reason = reason;
  }
}
