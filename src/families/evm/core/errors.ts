/**
 * EVM error types shared by the EVM core: the EIP-1193 / EIP-1474 provider error a dApp receives
 * ({ code, message, data? }), and the wallet-side INSUFFICIENT_FUNDS error the send screen shows.
 * Plain Error subclasses so the background can `instanceof` them or read `code` directly.
 */

/** Standard provider error codes (EIP-1193, EIP-1474, MetaMask/viem conventions, EIP-5792). */
export const PROVIDER_ERROR_CODES = {
  userRejected: 4001,
  unauthorized: 4100,
  unsupportedMethod: 4200,
  disconnected: 4900,
  chainDisconnected: 4901,
  unrecognizedChain: 4902,
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  invalidInput: -32000,
  resourceNotFound: -32001,
  resourceUnavailable: -32002,
  transactionRejected: -32003,
  methodNotSupported: -32004,
  limitExceeded: -32005,
  unsupportedNonOptionalCapability: 5700,
  unsupportedChain: 5710,
  duplicateId: 5720,
  unknownBundleId: 5730,
  bundleTooLarge: 5740,
  atomicityNotSupported: 5760,
} as const;

export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[keyof typeof PROVIDER_ERROR_CODES];

const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  4001: 'User rejected the request.',
  4100: 'The requested account and/or method has not been authorized by the user.',
  4200: 'The requested method is not supported by this Ethereum provider.',
  4900: 'The provider is disconnected from all chains.',
  4901: 'The provider is disconnected from the specified chain.',
  4902: 'Unrecognized chain ID. Try adding the chain using wallet_addEthereumChain first.',
  [-32700]: 'Invalid JSON was received.',
  [-32600]: 'The JSON sent is not a valid request object.',
  [-32601]: 'The method does not exist / is not available.',
  [-32602]: 'Invalid method parameter(s).',
  [-32603]: 'Internal JSON-RPC error.',
  [-32000]: 'Invalid input.',
  [-32001]: 'Resource not found.',
  [-32002]: 'Request already pending. Please wait.',
  [-32003]: 'Transaction rejected.',
  [-32004]: 'Method not supported.',
  [-32005]: 'Request limit exceeded.',
};

/** The serialisable shape sent back to a page (same as src/protocol ProviderErrorShape). */
export interface ProviderErrorJson {
  code: number;
  message: string;
  data?: unknown;
}

/** An EIP-1193 ProviderRpcError. `data` is passed through untouched (e.g. a node's revert data). */
export class ProviderRpcError extends Error {
  readonly code: number;
  readonly data: unknown;

  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'ProviderRpcError';
    this.code = code;
    this.data = data;
  }

  toJSON(): ProviderErrorJson {
    return { code: this.code, message: this.message, ...(this.data !== undefined ? { data: this.data } : {}) };
  }
}

/** Builds a provider error; the message defaults to the standard text of the code. */
export function providerError(code: number, message?: string, data?: unknown): ProviderRpcError {
  return new ProviderRpcError(code, message ?? DEFAULT_MESSAGES[code] ?? 'Unknown error.', data);
}

/** -32602 with a "why" that names the offending field; dApp developers rely on these messages. */
export function invalidParams(why: string, data?: unknown): ProviderRpcError {
  return new ProviderRpcError(PROVIDER_ERROR_CODES.invalidParams, `Invalid params: ${why}`, data);
}

export function isProviderRpcError(value: unknown): value is ProviderRpcError {
  return value instanceof ProviderRpcError;
}

/** Which asset is short: the native coin (value and/or gas) or a token. */
export interface FundsShortfall {
  asset: 'native' | 'token';
  symbol: string;
  decimals: number;
  required: bigint;
  available: bigint;
  shortfall: bigint;
}

/**
 * Raised before signing when the account cannot pay value + gas × max fee (native) or the token
 * amount. `code` is a stable string for the UI; the message names the shortfall in whole units.
 */
export class InsufficientFundsError extends Error {
  readonly code = 'INSUFFICIENT_FUNDS' as const;
  readonly shortfall: FundsShortfall;

  constructor(shortfall: FundsShortfall, message: string) {
    super(message);
    this.name = 'InsufficientFundsError';
    this.shortfall = shortfall;
  }
}
