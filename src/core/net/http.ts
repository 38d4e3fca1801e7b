/**
 * The one HTTP exchange every chain client uses (EVM JSON-RPC, Solana RPC, the TRON HTTP API,
 * Esplora): a per-request timeout by abort, no credentials (a wallet never sends its cookies to a
 * node), the whole body read as text, and a typed failure that tells a timeout from an unreachable
 * server and from a connection cut mid-answer. Each client keeps its own error class and wording
 * (the messages users and dApps see) and maps an ExchangeError onto it.
 */

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export type ExchangeFailure = 'timeout' | 'unreachable' | 'interrupted';

export class ExchangeError extends Error {
  readonly kind: ExchangeFailure;
  readonly url: string;
  /** The fetch failure's own message, for 'unreachable'. */
  readonly reason: string;

  constructor(kind: ExchangeFailure, url: string, reason: string) {
    super(`${kind}: ${url}${reason ? ` (${reason})` : ''}`);
    this.name = 'ExchangeError';
    this.kind = kind;
    this.url = url;
    this.reason = reason;
  }
}

export interface ExchangeRequest {
  method: 'GET' | 'POST';
  headers: Readonly<Record<string, string>>;
  /** Text, or bytes for binary APIs (Aptos BCS submission). */
  body?: string | Uint8Array<ArrayBuffer>;
}

export interface ExchangeOptions {
  fetchFn?: FetchFn;
  timeoutMs: number;
}

/** Sends one request and reads the whole answer; HTTP status handling is the caller's. */
export async function httpExchange(url: string, req: ExchangeRequest, options: ExchangeOptions): Promise<{ response: Response; text: string }> {
  const fetchFn: FetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: req.method,
        headers: { ...req.headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: controller.signal,
        credentials: 'omit',
      });
    } catch (err) {
      if (timedOut) throw new ExchangeError('timeout', url, '');
      throw new ExchangeError('unreachable', url, err instanceof Error ? err.message : String(err));
    }
    try {
      return { response, text: await response.text() };
    } catch {
      throw new ExchangeError(timedOut ? 'timeout' : 'interrupted', url, '');
    }
  } finally {
    clearTimeout(timer);
  }
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
