/**
 * The Aptos fullnode REST API (/v1) the wallet uses: ledger info, accounts, resources, module ABIs,
 * view functions, gas estimate, simulate and submit (BCS bodies) and transactions by hash. Built on
 * the shared HTTP exchange; node errors keep the node's message (it names the VM status), trimmed.
 */
import { httpExchange, ExchangeError, type FetchFn } from '../../../core/net/http.ts';
import { AptosError } from './errors.ts';

const TIMEOUT_MS = 15_000;
const SIGNED_TX_BCS = 'application/x.aptos.signed_transaction+bcs';

export interface LedgerInfo {
  chain_id: number;
  ledger_version: string;
  ledger_timestamp: string;
}

export interface MoveResource {
  type: string;
  data: unknown;
}

export interface UserTransaction {
  type: string;
  hash: string;
  success?: boolean;
  vm_status?: string;
  gas_used?: string;
  gas_unit_price?: string;
  max_gas_amount?: string;
  sequence_number?: string;
  events?: Array<{ type: string; data: unknown }>;
}

export class AptosNodeError extends AptosError {
  readonly status: number;
  readonly errorCode: string | undefined;
  constructor(status: number, message: string, errorCode?: string) {
    super(status === 404 ? 'NOT_FOUND' : 'NODE', message);
    this.status = status;
    this.errorCode = errorCode;
  }
}

export interface AptosClient {
  url: string;
  ledgerInfo(): Promise<LedgerInfo>;
  /** null when the account does not exist on chain yet. */
  account(address: string): Promise<{ sequence_number: string; authentication_key: string } | null>;
  resources(address: string): Promise<MoveResource[]>;
  resource(address: string, type: string): Promise<MoveResource | null>;
  module(address: string, name: string): Promise<unknown>;
  view(fn: string, typeArgs: string[], args: unknown[]): Promise<unknown[]>;
  gasPrice(): Promise<bigint>;
  simulate(signedBytes: Uint8Array): Promise<UserTransaction>;
  submit(signedBytes: Uint8Array): Promise<UserTransaction>;
  transaction(hash: string): Promise<UserTransaction | null>;
  /** Events of an account's event handle (`GET /accounts/:a/events/:struct/:field?start=&limit=`); null when the account has no such resource. */
  events(address: string, handleStruct: string, field: string, start: bigint, limit: number): Promise<unknown[] | null>;
  /** The committed transaction at a ledger version (`GET /transactions/by_version/:v`). */
  transactionByVersion(version: string): Promise<unknown>;
}

export function createAptosClient(url: string, fetchFn?: FetchFn): AptosClient {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: { json?: unknown; bcs?: Uint8Array }, allow404 = false): Promise<T | null> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body?.bcs !== undefined) {
      headers['content-type'] = SIGNED_TX_BCS;
      payload = new Uint8Array(body.bcs);
    }
    let res: { response: Response; text: string };
    try {
      res = await httpExchange(`${url}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) }, { timeoutMs: TIMEOUT_MS, ...(fetchFn ? { fetchFn } : {}) });
    } catch (err) {
      if (err instanceof ExchangeError) throw new AptosError('NETWORK', err.kind === 'timeout' ? `The Aptos node did not answer in time (${url})` : `The Aptos node is unreachable (${url})`);
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.text);
    } catch {
      throw new AptosNodeError(res.response.status, `The Aptos node answered with something that is not JSON (HTTP ${res.response.status})`);
    }
    if (res.response.ok) return parsed as T;
    const e = parsed as { message?: unknown; error_code?: unknown };
    if (res.response.status === 404 && allow404) return null;
    throw new AptosNodeError(res.response.status, String(e?.message ?? `HTTP ${res.response.status}`).slice(0, 500), typeof e?.error_code === 'string' ? e.error_code : undefined);
  }
  const need = <T>(v: T | null): T => {
    if (v === null) throw new AptosNodeError(404, 'Not found');
    return v;
  };
  const enc = encodeURIComponent;
  return {
    url,
    ledgerInfo: async () => need(await call<LedgerInfo>('GET', '')),
    account: (a) => call('GET', `/accounts/${a}`, undefined, true),
    resources: async (a) => need(await call<MoveResource[]>('GET', `/accounts/${a}/resources?limit=9999`)),
    resource: (a, type) => call('GET', `/accounts/${a}/resource/${enc(type)}`, undefined, true),
    module: async (a, name) => need(await call('GET', `/accounts/${a}/module/${enc(name)}`)),
    view: async (fn, typeArgs, args) => need(await call<unknown[]>('POST', '/view', { json: { function: fn, type_arguments: typeArgs, arguments: args } })),
    gasPrice: async () => {
      const r = need(await call<{ gas_estimate?: unknown }>('GET', '/estimate_gas_price'));
      if (typeof r.gas_estimate !== 'number' || !Number.isSafeInteger(r.gas_estimate) || r.gas_estimate <= 0) throw new AptosNodeError(200, 'The node returned an invalid gas price estimate');
      return BigInt(r.gas_estimate);
    },
    simulate: async (bytes) => {
      const r = need(await call<UserTransaction[]>('POST', '/transactions/simulate', { bcs: bytes }));
      if (!Array.isArray(r) || !r[0]) throw new AptosNodeError(200, 'The node returned no simulation result');
      return r[0];
    },
    submit: async (bytes) => need(await call<UserTransaction>('POST', '/transactions', { bcs: bytes })),
    transaction: (hash) => call('GET', `/transactions/by_hash/${enc(hash)}`, undefined, true),
    events: (a, handle, field, start, limit) => call<unknown[]>('GET', `/accounts/${a}/events/${enc(handle)}/${enc(field)}?start=${start}&limit=${limit}`, undefined, true),
    transactionByVersion: async (v) => need(await call<unknown>('GET', `/transactions/by_version/${enc(v)}`)),
  };
}
