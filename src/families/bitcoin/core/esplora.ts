/**
 * Client for an Esplora REST API (Blockstream electrs / mempool.space shape): address stats and
 * UTXOs, raw transactions and their status, fee estimates, broadcast and tip height. The base URL
 * is configurable (mainnet, testnet, signet or a local regtest Esplora) and fetch is injectable.
 * Failures are EsploraError with a kind that tells an unreachable server and a timeout from rate
 * limiting (HTTP 429), a missing object (404) and any other HTTP error (whose body text, e.g. the
 * node's broadcast rejection reason, is kept).
 */

import { ExchangeError, httpExchange, parseRetryAfter, type FetchFn } from '../../../core/net/http.ts';
import { NodeError } from '../../../core/net/nodeError.ts';

export type { FetchFn } from '../../../core/net/http.ts';

export type EsploraErrorKind = 'unreachable' | 'timeout' | 'rate_limited' | 'not_found' | 'http' | 'invalid_response';

export class EsploraError extends NodeError<EsploraErrorKind> {
  override readonly name = 'EsploraError';
  /** Response body text for HTTP errors (e.g. "sendrawtransaction RPC error: …"). */
  readonly body: string | undefined;

  constructor(message: string, d: { kind: EsploraErrorKind; url: string; status?: number; body?: string; retryAfterMs?: number }) {
    super(message, d);
    this.body = d.body;
  }
}

export interface EsploraAddressStats {
  fundedTxoCount: number;
  fundedTxoSum: number;
  spentTxoCount: number;
  spentTxoSum: number;
  txCount: number;
}

export interface EsploraAddressInfo {
  address: string;
  chain: EsploraAddressStats;
  mempool: EsploraAddressStats;
}

export interface EsploraTxStatus {
  confirmed: boolean;
  blockHeight?: number;
  blockHash?: string;
  blockTime?: number;
}

export interface EsploraUtxo {
  txid: string;
  vout: number;
  /** Satoshis. */
  value: number;
  status: EsploraTxStatus;
}

/** Confirmation target in blocks (as a string key, e.g. "1", "6", "144") → sat/vB. */
export type FeeEstimates = Readonly<Record<string, number>>;

export interface EsploraClient {
  readonly baseUrl: string;
  getAddress(address: string): Promise<EsploraAddressInfo>;
  getAddressUtxos(address: string): Promise<EsploraUtxo[]>;
  /** GET /address/:a/txs: up to 50 mempool and the newest 25 confirmed transactions, as Esplora's JSON (read by incoming.ts). */
  getAddressTxs(address: string): Promise<unknown[]>;
  getTxHex(txid: string): Promise<string>;
  getTxStatus(txid: string): Promise<EsploraTxStatus>;
  getFeeEstimates(): Promise<FeeEstimates>;
  /** POST /tx with the raw hex; resolves with the txid the server returns. */
  broadcast(txHex: string): Promise<string>;
  getTipHeight(): Promise<number>;
}

export interface EsploraClientOptions {
  /** e.g. "https://mempool.space/api", "https://blockstream.info/testnet/api", "http://127.0.0.1:3002". */
  baseUrl: string;
  fetchFn?: FetchFn;
  /** Per request, default 15 s. */
  timeoutMs?: number;
  headers?: Readonly<Record<string, string>>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const TXID_RE = /^[0-9a-f]{64}$/;
const HEX_RE = /^(?:[0-9a-fA-F]{2})+$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function checkTxid(txid: string): string {
  const t = txid.toLowerCase();
  if (!TXID_RE.test(t)) throw new TypeError('A txid is 64 hex characters');
  return t;
}

/** Creates a client bound to one Esplora base URL. */
export function createEsploraClient(options: EsploraClientOptions): EsploraClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchFn: FetchFn = options.fetchFn ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request(path: string, init: { method?: 'GET' | 'POST'; body?: string; contentType?: string } = {}): Promise<string> {
    const url = `${baseUrl}${path}`;
    let response: Response;
    let text: string;
    try {
      ({ response, text } = await httpExchange(
        url,
        {
          method: init.method ?? 'GET',
          headers: { ...(init.contentType ? { 'content-type': init.contentType } : {}), ...options.headers },
          ...(init.body !== undefined ? { body: init.body } : {}),
        },
        { fetchFn, timeoutMs },
      ));
    } catch (err) {
      if (!(err instanceof ExchangeError)) throw err;
      if (err.kind === 'timeout') throw new EsploraError(`Esplora request timed out after ${timeoutMs} ms: ${url}`, { kind: 'timeout', url });
      if (err.kind === 'interrupted') throw new EsploraError(`Esplora connection was interrupted: ${url}`, { kind: 'unreachable', url });
      throw new EsploraError(`Esplora server unreachable: ${url} (${err.reason})`, { kind: 'unreachable', url });
    }
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw new EsploraError(`Esplora server ${baseUrl} is rate limiting requests (HTTP 429)`, {
        kind: 'rate_limited',
        url,
        status: 429,
        body: text,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    }
    if (response.status === 404) {
      throw new EsploraError(`Not found on Esplora server: ${path}${text ? ` (${text.slice(0, 200)})` : ''}`, { kind: 'not_found', url, status: 404, body: text });
    }
    if (!response.ok) {
      throw new EsploraError(`Esplora server answered HTTP ${response.status}${text ? `: ${text.slice(0, 500)}` : ''}`, { kind: 'http', url, status: response.status, body: text });
    }
    return text;
  }

  async function json(path: string): Promise<unknown> {
    const text = await request(path);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new EsploraError(`Esplora server returned non-JSON for ${path}`, { kind: 'invalid_response', url: `${baseUrl}${path}` });
    }
  }

  const bad = (path: string, what: string): EsploraError =>
    new EsploraError(`Esplora server returned a malformed ${what}`, { kind: 'invalid_response', url: `${baseUrl}${path}` });

  function parseStats(v: unknown, path: string): EsploraAddressStats {
    if (!isObj(v)) throw bad(path, 'address');
    const { funded_txo_count, funded_txo_sum, spent_txo_count, spent_txo_sum, tx_count } = v;
    if (![funded_txo_count, funded_txo_sum, spent_txo_count, spent_txo_sum, tx_count].every(isCount)) throw bad(path, 'address');
    return {
      fundedTxoCount: funded_txo_count as number,
      fundedTxoSum: funded_txo_sum as number,
      spentTxoCount: spent_txo_count as number,
      spentTxoSum: spent_txo_sum as number,
      txCount: tx_count as number,
    };
  }

  function parseStatus(v: unknown, path: string): EsploraTxStatus {
    if (!isObj(v) || typeof v.confirmed !== 'boolean') throw bad(path, 'transaction status');
    const s: EsploraTxStatus = { confirmed: v.confirmed };
    if (isCount(v.block_height)) s.blockHeight = v.block_height;
    if (typeof v.block_hash === 'string') s.blockHash = v.block_hash;
    if (isCount(v.block_time)) s.blockTime = v.block_time;
    return s;
  }

  return {
    baseUrl,
    async getAddress(address: string): Promise<EsploraAddressInfo> {
      const path = `/address/${encodeURIComponent(address)}`;
      const v = await json(path);
      if (!isObj(v)) throw bad(path, 'address');
      return { address: typeof v.address === 'string' ? v.address : address, chain: parseStats(v.chain_stats, path), mempool: parseStats(v.mempool_stats, path) };
    },
    async getAddressUtxos(address: string): Promise<EsploraUtxo[]> {
      const path = `/address/${encodeURIComponent(address)}/utxo`;
      const v = await json(path);
      if (!Array.isArray(v)) throw bad(path, 'UTXO list');
      return v.map((u: unknown): EsploraUtxo => {
        if (!isObj(u) || typeof u.txid !== 'string' || !TXID_RE.test(u.txid) || !isCount(u.vout) || !isCount(u.value)) throw bad(path, 'UTXO');
        return { txid: u.txid, vout: u.vout, value: u.value, status: parseStatus(u.status, path) };
      });
    },
    async getAddressTxs(address: string): Promise<unknown[]> {
      const path = `/address/${encodeURIComponent(address)}/txs`;
      const v = await json(path);
      if (!Array.isArray(v)) throw bad(path, 'transaction list');
      return v;
    },
    async getTxHex(txid: string): Promise<string> {
      const path = `/tx/${checkTxid(txid)}/hex`;
      const text = (await request(path)).trim();
      if (!HEX_RE.test(text)) throw bad(path, 'raw transaction');
      return text.toLowerCase();
    },
    async getTxStatus(txid: string): Promise<EsploraTxStatus> {
      const path = `/tx/${checkTxid(txid)}/status`;
      return parseStatus(await json(path), path);
    },
    async getFeeEstimates(): Promise<FeeEstimates> {
      const path = '/fee-estimates';
      const v = await json(path);
      if (!isObj(v)) throw bad(path, 'fee estimate map');
      const out: Record<string, number> = {};
      for (const [k, rate] of Object.entries(v)) {
        if (/^\d+$/.test(k) && typeof rate === 'number' && Number.isFinite(rate) && rate > 0) out[k] = rate;
      }
      return out;
    },
    async broadcast(txHex: string): Promise<string> {
      if (!HEX_RE.test(txHex)) throw new TypeError('A raw transaction is hex');
      const text = (await request('/tx', { method: 'POST', body: txHex, contentType: 'text/plain' })).trim();
      if (!TXID_RE.test(text)) throw bad('/tx', 'broadcast answer (expected a txid)');
      return text;
    },
    async getTipHeight(): Promise<number> {
      const path = '/blocks/tip/height';
      const n = Number((await request(path)).trim());
      if (!isCount(n)) throw bad(path, 'tip height');
      return n;
    },
  };
}
