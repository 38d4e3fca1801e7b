/**
 * A small JSON-RPC 2.0 client over fetch: single requests, batches in one HTTP request, a timeout
 * per call, and typed failures that tell apart an unreachable node, rate limiting (HTTP 429), an
 * HTTP failure, a malformed answer and a node's own JSON-RPC error (code/message/data preserved so
 * a dApp receives exactly what the node said).
 */
import { ExchangeError, httpExchange, parseRetryAfter, type FetchFn } from '../../../core/net/http.ts';
import { NodeError, type NodeErrorDetails } from '../../../core/net/nodeError.ts';
import { PROVIDER_ERROR_CODES, ProviderRpcError } from './errors.ts';

export type { FetchFn } from '../../../core/net/http.ts';

export type RpcErrorKind = 'unreachable' | 'timeout' | 'rate_limited' | 'http' | 'invalid_response' | 'rpc';

export type RpcErrorDetails = NodeErrorDetails<RpcErrorKind>;

export class RpcError extends NodeError<RpcErrorKind> {
  override readonly name = 'RpcError';
}

export interface RpcCall {
  method: string;
  params?: readonly unknown[] | Record<string, unknown>;
}

export type RpcSettled<T = unknown> = { ok: true; result: T } | { ok: false; error: RpcError };

export interface RpcClient {
  readonly url: string;
  request<T = unknown>(method: string, params?: RpcCall['params']): Promise<T>;
  /** All calls in one HTTP request; each settles on its own (a node error in one does not fail the rest). */
  batch(calls: readonly RpcCall[]): Promise<RpcSettled[]>;
}

export interface RpcClientOptions {
  url: string;
  fetchFn?: FetchFn;
  /** Per HTTP request; default 15 s. */
  timeoutMs?: number;
  headers?: Readonly<Record<string, string>>;
  /** Largest response accepted, default 16 MiB (eth_getLogs can be big, but not unbounded). */
  maxResponseBytes?: number;
}

interface JsonRpcResponse {
  id: unknown;
  result?: unknown;
  error?: { code?: unknown; message?: unknown; data?: unknown };
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RESPONSE = 16 * 1024 * 1024;

function isResponseObject(v: unknown): v is JsonRpcResponse {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'id' in v;
}

function toRpcError(url: string, method: string, res: JsonRpcResponse): RpcError | null {
  if (res.error === undefined || res.error === null) return null;
  const e = res.error;
  const code = typeof e.code === 'number' ? e.code : PROVIDER_ERROR_CODES.internal;
  const message = typeof e.message === 'string' ? e.message : 'RPC error';
  return new RpcError(message, { kind: 'rpc', url, method, code, data: e.data });
}

/** Creates a client bound to one endpoint. Ids are per client and never reused. */
export function createRpcClient(options: RpcClientOptions): RpcClient {
  const { url } = options;
  const fetchFn: FetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE;
  let nextId = 1;

  async function post(body: unknown, methodLabel: string): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      ({ response, text } = await httpExchange(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers }, body: JSON.stringify(body) },
        { fetchFn, timeoutMs },
      ));
    } catch (err) {
      if (!(err instanceof ExchangeError)) throw err;
      if (err.kind === 'timeout') throw new RpcError(`RPC request timed out after ${timeoutMs} ms (${methodLabel} to ${url})`, { kind: 'timeout', url, method: methodLabel });
      if (err.kind === 'interrupted') throw new RpcError(`RPC connection to ${url} was interrupted`, { kind: 'unreachable', url, method: methodLabel });
      throw new RpcError(`RPC endpoint unreachable: ${url} (${err.reason})`, { kind: 'unreachable', url, method: methodLabel });
    }
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw new RpcError(`RPC endpoint ${url} is rate limiting requests (HTTP 429)`, {
        kind: 'rate_limited',
        url,
        method: methodLabel,
        status: 429,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    if (text.length > maxBytes) {
      throw new RpcError(`RPC response from ${url} is larger than ${maxBytes} bytes`, { kind: 'invalid_response', url, method: methodLabel, status: response.status });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      if (!response.ok) {
        throw new RpcError(`RPC endpoint ${url} answered HTTP ${response.status}`, { kind: 'http', url, method: methodLabel, status: response.status });
      }
      throw new RpcError(`RPC endpoint ${url} returned a non-JSON answer`, { kind: 'invalid_response', url, method: methodLabel, status: response.status });
    }
    // Some nodes answer JSON-RPC errors with HTTP 4xx/5xx: a well-formed body wins over the status.
    if (!response.ok && !isResponseObject(parsed) && !Array.isArray(parsed)) {
      throw new RpcError(`RPC endpoint ${url} answered HTTP ${response.status}`, { kind: 'http', url, method: methodLabel, status: response.status });
    }
    return parsed;
  }

  async function request<T>(method: string, params?: RpcCall['params']): Promise<T> {
    const id = nextId++;
    const parsed = await post({ jsonrpc: '2.0', id, method, params: params ?? [] }, method);
    if (!isResponseObject(parsed)) {
      throw new RpcError(`RPC endpoint ${url} returned a malformed answer to ${method}`, { kind: 'invalid_response', url, method });
    }
    const error = toRpcError(url, method, parsed);
    if (error) throw error;
    if (!('result' in parsed)) {
      throw new RpcError(`RPC endpoint ${url} returned no result for ${method}`, { kind: 'invalid_response', url, method });
    }
    return parsed.result as T;
  }

  async function batch(calls: readonly RpcCall[]): Promise<RpcSettled[]> {
    if (calls.length === 0) return [];
    const ids = calls.map(() => nextId++);
    const body = calls.map((c, i) => ({ jsonrpc: '2.0', id: ids[i], method: c.method, params: c.params ?? [] }));
    const label = `batch(${calls.map((c) => c.method).join(',')})`.slice(0, 200);
    const parsed = await post(body, label);
    if (!Array.isArray(parsed)) {
      // A node that rejects batching answers with a single error object.
      if (isResponseObject(parsed)) {
        const error = toRpcError(url, label, parsed);
        if (error) throw error;
      }
      throw new RpcError(`RPC endpoint ${url} does not support batch requests`, { kind: 'invalid_response', url, method: label });
    }
    const byId = new Map<unknown, JsonRpcResponse>();
    for (const item of parsed) if (isResponseObject(item)) byId.set(item.id, item);
    return calls.map((c, i): RpcSettled => {
      const res = byId.get(ids[i]);
      if (!res) {
        return { ok: false, error: new RpcError(`RPC endpoint ${url} gave no answer for ${c.method} in a batch`, { kind: 'invalid_response', url, method: c.method }) };
      }
      const error = toRpcError(url, c.method, res);
      if (error) return { ok: false, error };
      if (!('result' in res)) {
        return { ok: false, error: new RpcError(`RPC endpoint ${url} returned no result for ${c.method}`, { kind: 'invalid_response', url, method: c.method }) };
      }
      return { ok: true, result: res.result };
    });
  }

  return { url, request, batch };
}

/** The result of a settled batch item, or its error thrown. */
export function unwrap<T>(settled: RpcSettled | undefined): T {
  if (!settled) throw new Error('Missing batch result');
  if (!settled.ok) throw settled.error;
  return settled.result as T;
}

/**
 * What a dApp should receive for a failed passthrough call: the node's own error untouched, -32005
 * when rate limited (viem retries it), -32603 with a clear message when the node cannot be reached.
 */
export function rpcErrorToProviderError(err: unknown): ProviderRpcError {
  if (err instanceof ProviderRpcError) return err;
  if (err instanceof RpcError) {
    switch (err.kind) {
      case 'rpc':
        return new ProviderRpcError(err.code ?? PROVIDER_ERROR_CODES.internal, err.message, err.data);
      case 'rate_limited':
        return new ProviderRpcError(PROVIDER_ERROR_CODES.limitExceeded, 'The network RPC is rate limiting requests. Try again shortly.', {
          kind: err.kind,
          ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
        });
      case 'unreachable':
      case 'timeout':
        return new ProviderRpcError(PROVIDER_ERROR_CODES.internal, 'The network RPC could not be reached.', { kind: err.kind });
      case 'http':
      case 'invalid_response':
        return new ProviderRpcError(PROVIDER_ERROR_CODES.internal, 'The network RPC returned an invalid response.', { kind: err.kind, status: err.status });
    }
  }
  return new ProviderRpcError(PROVIDER_ERROR_CODES.internal, 'Internal JSON-RPC error.');
}
