/**
 * JSON over HTTP POST for the chain clients that need it (Solana RPC, TRON HTTP API): a timeout
 * per request, typed transport failures (unreachable, timeout, 429, HTTP, malformed), and a JSON
 * parse that keeps integers above 2^53 exact (lamports, token amounts, sun) by turning them into bigint.
 */

import { ExchangeError, httpExchange, parseRetryAfter, type ExchangeRequest, type FetchFn } from './http.ts';

export type { FetchFn } from './http.ts';

export type TransportErrorKind = 'unreachable' | 'timeout' | 'rate_limited' | 'http' | 'invalid_response';

export class TransportError extends Error {
  readonly kind: TransportErrorKind;
  readonly url: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: TransportErrorKind, message: string, url: string, status?: number, retryAfterMs?: number) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    this.url = url;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface PostJsonOptions {
  fetchFn?: FetchFn;
  timeoutMs: number;
  maxResponseBytes: number;
  headers?: Readonly<Record<string, string>>;
}

/** Integers outside ±2^53 become bigint; every other JSON value parses as usual. */
export function parseJsonBig(text: string): unknown {
  // Quote long integer literals outside strings, then revive them as bigint. A tiny scanner keeps
  // string contents untouched (a regex alone would also rewrite digits inside strings).
  let out = '';
  let i = 0;
  const marked = new Set<string>();
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let j = i + 1;
      while (j < text.length && /[0-9.eE+-]/.test(text[j] as string)) j++;
      const literal = text.slice(i, j);
      if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        const key = `\u0000big:${literal}`;
        marked.add(key);
        out += JSON.stringify(key);
      } else {
        out += literal;
      }
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  if (marked.size === 0) return JSON.parse(text) as unknown;
  return JSON.parse(out, (_key, value: unknown) =>
    typeof value === 'string' && marked.has(value) ? BigInt(value.slice(5)) : value,
  ) as unknown;
}

/** JSON.stringify that writes bigint values as bare integer literals (u64 parameters). */
export function stringifyJsonBig(value: unknown): string {
  const tag = '\u0000bigint:';
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${tag}${v.toString()}` : v));
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

/** POSTs `body` as JSON and returns the parsed answer; HTTP errors with a JSON body still return it. */
export function postJson(url: string, body: unknown, options: PostJsonOptions): Promise<{ status: number; json: unknown }> {
  return exchangeJson(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers }, body: stringifyJsonBig(body) }, options);
}

/** GET of a JSON document (REST APIs such as TronGrid's /v1 history), with the same errors and limits as postJson. */
export function getJson(url: string, options: PostJsonOptions): Promise<{ status: number; json: unknown }> {
  return exchangeJson(url, { method: 'GET', headers: { accept: 'application/json', ...options.headers } }, options);
}

async function exchangeJson(url: string, req: ExchangeRequest, options: PostJsonOptions): Promise<{ status: number; json: unknown }> {
  let response: Response;
  let text: string;
  try {
    ({ response, text } = await httpExchange(url, req, { timeoutMs: options.timeoutMs, ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}) }));
  } catch (err) {
    if (!(err instanceof ExchangeError)) throw err;
    if (err.kind === 'timeout') throw new TransportError('timeout', `Request to ${url} timed out after ${options.timeoutMs} ms`, url);
    if (err.kind === 'interrupted') throw new TransportError('unreachable', `Connection to ${url} was interrupted`, url);
    throw new TransportError('unreachable', `Endpoint unreachable: ${url} (${err.reason})`, url);
  }
  if (response.status === 429) {
    throw new TransportError('rate_limited', `${url} is rate limiting requests (HTTP 429)`, url, 429, parseRetryAfter(response.headers.get('retry-after')));
  }
  if (text.length > options.maxResponseBytes) {
    throw new TransportError('invalid_response', `Response from ${url} is larger than ${options.maxResponseBytes} bytes`, url, response.status);
  }
  let json: unknown;
  try {
    json = parseJsonBig(text);
  } catch {
    if (!response.ok) throw new TransportError('http', `${url} answered HTTP ${response.status}`, url, response.status);
    throw new TransportError('invalid_response', `${url} returned a non-JSON answer`, url, response.status);
  }
  if (!response.ok && (typeof json !== 'object' || json === null)) {
    throw new TransportError('http', `${url} answered HTTP ${response.status}`, url, response.status);
  }
  return { status: response.status, json };
}
