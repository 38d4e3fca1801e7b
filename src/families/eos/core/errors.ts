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
  /** Values for a translated message (`err_<code>` in the family's strings); the English message otherwise. */
  readonly details: Readonly<Record<string, string | number>>;
  constructor(reason: EosErrorReason, message: string, details: Record<string, string | number> = {}) {
    super(message);
    this.name = 'EosError';
    this.reason = reason;
    this.details = details;
  }
  /** The popup's error code ('EOS_RESOURCES'): the shared error mapping keeps it and its details. */
  get code(): string {
    return `EOS_${this.reason.toUpperCase().replace(/-/g, '_')}`;
  }
}
