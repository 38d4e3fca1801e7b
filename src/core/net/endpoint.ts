/**
 * The one check of a node URL a user types in Settings (Esplora, Solana JSON-RPC, TRON full node):
 * http(s) without credentials, and plain http only to this machine, because elsewhere anyone on
 * the path could lie about balances and transactions. Pure: no browser API.
 */
export type EndpointErrorCode = 'INVALID_URL' | 'INSECURE_RPC';

/** The error a family without its own error class throws (its `code` is what the UI translates). */
export class EndpointError extends Error {
  constructor(
    readonly code: EndpointErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** The URL without a trailing slash, or `fail(code, message)` thrown (a family may pass its own error class). */
export function cleanHttpEndpoint(raw: string, fail: (code: EndpointErrorCode, message: string) => Error = (c, m) => new EndpointError(c, m)): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw fail('INVALID_URL', 'Enter an http(s) URL');
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) throw fail('INVALID_URL', 'Enter an http(s) URL');
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) throw fail('INSECURE_RPC', 'Use https (plain http only for a node on this computer)');
  return u.toString().replace(/\/$/, '');
}
