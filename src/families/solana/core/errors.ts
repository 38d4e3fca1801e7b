/**
 * Solana error types: SolanaRpcError for anything that went wrong talking to a node (transport or
 * the node's own JSON-RPC error, code/message/data preserved), and SolanaWalletError for what the
 * wallet itself refuses (bad address, insufficient funds, malformed or foreign transaction, unsafe
 * message). Both carry a stable `code` the UI translates; messages are developer-readable English.
 */
import type { TransportErrorKind } from '../../../core/net/jsonHttp';
import { NodeError, WalletRefusal, type NodeErrorDetails } from '../../../core/net/nodeError';

export type SolanaRpcErrorKind = TransportErrorKind | 'rpc';

export class SolanaRpcError extends NodeError<SolanaRpcErrorKind> {
  override readonly name = 'SolanaRpcError';
  declare readonly method: string;

  constructor(message: string, details: NodeErrorDetails<SolanaRpcErrorKind> & { method: string }) {
    super(message, details);
  }
}

export type SolanaErrorCode =
  // addresses
  | 'INVALID_ADDRESS'
  // amounts and funds
  | 'INVALID_AMOUNT'
  | 'INSUFFICIENT_SOL'
  | 'INSUFFICIENT_SOL_FOR_FEE'
  | 'INSUFFICIENT_TOKEN'
  | 'SENDER_BELOW_RENT_EXEMPT'
  | 'RECIPIENT_BELOW_RENT_EXEMPT'
  // tokens
  | 'NOT_A_TOKEN_MINT'
  | 'TOKEN_ACCOUNT_FROZEN'
  | 'RECIPIENT_TOKEN_ACCOUNT_MISMATCH'
  | 'UNSUPPORTED_TOKEN_EXTENSION'
  // transactions
  | 'MALFORMED_TRANSACTION'
  | 'TRANSACTION_TOO_LARGE'
  | 'UNSUPPORTED_TRANSACTION_VERSION'
  | 'NOT_A_SIGNER'
  | 'BLOCKHASH_UNAVAILABLE'
  // messages
  | 'INVALID_MESSAGE'
  | 'MESSAGE_TOO_LONG'
  | 'MESSAGE_IS_TRANSACTION'
  | 'SIWS_INVALID'
  | 'SIWS_DOMAIN_MISMATCH'
  | 'SIWS_ADDRESS_MISMATCH'
  // keys / networks
  | 'INVALID_SECRET_KEY'
  | 'INVALID_NETWORK';

/**
 * A refusal by the wallet. `providerCode` is what a dApp should receive if the request came from
 * one (-32602 invalid params, 4100 unauthorized account, -32000 domain binding failure).
 */
export class SolanaWalletError extends WalletRefusal<SolanaErrorCode> {
  override readonly name = 'SolanaWalletError';
}

/** Lamports as SOL text without floating point ("1.5", "0.000005"). */
export function formatLamports(lamports: bigint): string {
  return formatUnits(lamports, 9);
}

/** An integer amount in base units as a decimal string with `decimals` places, trailing zeros cut. */
export function formatUnits(amount: bigint, decimals: number): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  if (decimals === 0) return `${negative ? '-' : ''}${abs.toString()}`;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole.toString()}${frac ? `.${frac}` : ''}`;
}

/** Parses "1.5" into base units with `decimals` places; refuses more precision than the token has. */
export function parseUnits(text: string, decimals: number): bigint {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || ((m[1] ?? '') === '' && (m[2] ?? '') === '')) throw new SolanaWalletError('INVALID_AMOUNT', `Not a decimal amount: ${JSON.stringify(text.slice(0, 40))}`);
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  if (frac.length > decimals) throw new SolanaWalletError('INVALID_AMOUNT', `At most ${decimals} decimal places are allowed`, { decimals });
  return BigInt(whole === '' ? '0' : whole) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
}
