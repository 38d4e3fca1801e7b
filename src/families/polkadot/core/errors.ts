/**
 * The one error type the Polkadot core throws for bad input: a dApp's payload, a node's answer
 * that does not match the network, an address or amount. `code` says which (the background maps
 * `invalid` and `network` to JSON-RPC -32602 before any approval window opens); messages name the
 * field that is wrong and never quote secrets.
 */
export type PolkadotErrorCode =
  /** Malformed request: a field missing, not hex, too long, or a method that does not decode. */
  | 'invalid'
  /** The payload names another chain (genesis hash) or another runtime than the one the wallet trusts. */
  | 'network'
  /** A node's answer does not match what the wallet knows about the network. */
  | 'node'
  /** A send the runtime would refuse or that would reap the account. */
  | 'funds'
  /** A request refused on purpose (bytes that could be a transaction, an unsupported extension). */
  | 'refused';

export class PolkadotError extends Error {
  override readonly name = 'PolkadotError';
  constructor(
    readonly code: PolkadotErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string): PolkadotError => new PolkadotError('invalid', message);
