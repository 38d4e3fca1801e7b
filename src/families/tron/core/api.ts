/**
 * A client for the TRON full-node HTTP API (java-tron /wallet/*, as served by TronGrid), always
 * with visible:true (base58 addresses): accounts and resources, unsigned transaction creation
 * (createtransaction, triggersmartcontract), constant calls (balances, energy estimates),
 * broadcast, transaction info, chain parameters and blocks. Node refusals (an `Error` string, a
 * `result.code` with a hex message, a broadcast `code`) become TronApiError kind 'node'.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { TronApiError } from './errors.ts';
import { postJson, TransportError, type FetchFn } from '../../../core/net/jsonHttp';

export interface TronTransaction {
  txID: string;
  raw_data: unknown;
  raw_data_hex: string;
  visible?: boolean;
  signature?: string[];
}

export interface SignedTronTransaction extends TronTransaction {
  signature: string[];
}

export interface TronAccount {
  address: string;
  balanceSun: bigint;
  /** 'Normal' | 'AssetIssue' | 'Contract' as the node reports it. */
  type: string;
  createTime?: bigint;
}

export interface TronAccountResources {
  freeNetLimit: bigint;
  freeNetUsed: bigint;
  netLimit: bigint;
  netUsed: bigint;
  energyLimit: bigint;
  energyUsed: bigint;
}

export interface TronConstantResult {
  constantResult: string[];
  energyUsed: bigint;
  energyPenalty: bigint;
  /** True when the call reverted (constantResult then holds the revert data). */
  reverted: boolean;
}

export interface TronTransactionInfo {
  id: string;
  blockNumber?: bigint;
  blockTimeStamp?: bigint;
  feeSun: bigint;
  /** 'SUCCESS' unless the contract failed ('REVERT', 'OUT_OF_ENERGY', …). */
  result: string;
  energyUsageTotal: bigint;
  netUsage: bigint;
  netFeeSun: bigint;
  energyFeeSun: bigint;
  message?: string;
}

export interface TronBlockRef {
  blockID: string;
  number: bigint;
  timestamp: bigint;
}

export interface TronApi {
  readonly url: string;
  /** Raw POST to a /wallet/* path (visible:true unless the body says otherwise), node errors thrown. */
  post<T = unknown>(path: string, body?: Record<string, unknown>): Promise<T>;
  /** null when the account does not exist (never received TRX: not activated). */
  getAccount(address: string): Promise<TronAccount | null>;
  getAccountResource(address: string): Promise<TronAccountResources>;
  createTransaction(p: { owner: string; to: string; amountSun: bigint }): Promise<TronTransaction>;
  triggerSmartContract(p: { owner: string; contract: string; functionSelector: string; parameter: string; feeLimitSun: bigint; callValueSun?: bigint }): Promise<TronTransaction>;
  triggerConstantContract(p: { owner: string; contract: string; functionSelector: string; parameter: string }): Promise<TronConstantResult>;
  broadcastTransaction(tx: SignedTronTransaction): Promise<{ txid: string }>;
  /** null while the transaction is not yet in a block (or unknown). */
  getTransactionInfoById(txid: string): Promise<TronTransactionInfo | null>;
  /** Chain parameters by key (getEnergyFee, getTransactionFee, …). */
  getChainParameters(): Promise<Record<string, bigint>>;
  getNowBlock(): Promise<TronBlockRef>;
  getBlockByNum(num: bigint): Promise<TronBlockRef | null>;
}

export interface TronApiOptions {
  url: string;
  fetchFn?: FetchFn;
  /** Per request, default 15 s. */
  timeoutMs?: number;
  /** TronGrid key (TRON-PRO-API-KEY header). */
  apiKey?: string;
  headers?: Readonly<Record<string, string>>;
  maxResponseBytes?: number;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function int(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return undefined;
}

/** Nodes hex-encode UTF-8 messages in several answers; plain text is returned as is. */
export function decodeNodeMessage(message: unknown): string {
  if (typeof message !== 'string') return '';
  if (/^(?:[0-9a-fA-F]{2})+$/.test(message)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(hexToBytes(message));
    } catch {
      return message;
    }
  }
  return message;
}

/** "class org.tron.core.exception.ContractValidateException : Validate … error" → the readable part. */
function cleanJavaError(text: string): string {
  return text.replace(/^class [\w.$]+\s*:\s*/, '').trim();
}

function asTransaction(v: unknown): TronTransaction | undefined {
  if (!isObject(v) || typeof v.txID !== 'string' || typeof v.raw_data_hex !== 'string' || !('raw_data' in v)) return undefined;
  return {
    txID: v.txID,
    raw_data: v.raw_data,
    raw_data_hex: v.raw_data_hex,
    ...(typeof v.visible === 'boolean' ? { visible: v.visible } : {}),
    ...(Array.isArray(v.signature) ? { signature: v.signature.filter((s): s is string => typeof s === 'string') } : {}),
  };
}

export function createTronApi(options: TronApiOptions): TronApi {
  const url = options.url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  const headers: Record<string, string> = { ...options.headers, ...(options.apiKey ? { 'TRON-PRO-API-KEY': options.apiKey } : {}) };

  const fail = (endpoint: string, message: string, code?: string): TronApiError =>
    new TronApiError(message, { kind: 'node', url, endpoint, ...(code !== undefined ? { code } : {}) });
  const invalid = (endpoint: string, what: string): TronApiError =>
    new TronApiError(`${url} returned a malformed ${what} for ${endpoint}`, { kind: 'invalid_response', url, endpoint });

  async function post<T = unknown>(path: string, body: Record<string, unknown> = {}): Promise<T> {
    const endpoint = path.startsWith('/') ? path : `/${path}`;
    let answer: { status: number; json: unknown };
    try {
      answer = await postJson(`${url}${endpoint}`, { visible: true, ...body }, { timeoutMs, maxResponseBytes, headers, ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}) });
    } catch (err) {
      if (err instanceof TransportError) {
        throw new TronApiError(err.message, {
          kind: err.kind,
          url,
          endpoint,
          ...(err.status !== undefined ? { status: err.status } : {}),
          ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
        });
      }
      throw err;
    }
    const json = answer.json;
    if (isObject(json) && typeof json.Error === 'string') throw fail(endpoint, cleanJavaError(json.Error));
    if (answer.status >= 400) throw new TronApiError(`${url} answered HTTP ${answer.status} (${endpoint})`, { kind: 'http', url, endpoint, status: answer.status });
    return json as T;
  }

  /** triggersmartcontract-style `{ result: { result | code, message } }` envelopes. */
  function checkResult(endpoint: string, v: unknown): Json {
    if (!isObject(v)) throw invalid(endpoint, 'answer');
    const r = v.result;
    if (isObject(r) && typeof r.code === 'string' && r.result !== true) {
      throw fail(endpoint, decodeNodeMessage(r.message) || r.code, r.code);
    }
    return v;
  }

  return {
    url,
    post,

    async getAccount(address) {
      const v = await post('/wallet/getaccount', { address });
      if (!isObject(v)) throw invalid('/wallet/getaccount', 'account');
      if (Object.keys(v).length === 0) return null;
      const createTime = int(v.create_time);
      return {
        address: typeof v.address === 'string' ? v.address : address,
        balanceSun: int(v.balance) ?? 0n,
        type: typeof v.type === 'string' ? v.type : 'Normal',
        ...(createTime !== undefined ? { createTime } : {}),
      };
    },

    async getAccountResource(address) {
      const v = await post('/wallet/getaccountresource', { address });
      if (!isObject(v)) throw invalid('/wallet/getaccountresource', 'resources');
      return {
        freeNetLimit: int(v.freeNetLimit) ?? 0n,
        freeNetUsed: int(v.freeNetUsed) ?? 0n,
        netLimit: int(v.NetLimit) ?? 0n,
        netUsed: int(v.NetUsed) ?? 0n,
        energyLimit: int(v.EnergyLimit) ?? 0n,
        energyUsed: int(v.EnergyUsed) ?? 0n,
      };
    },

    async createTransaction({ owner, to, amountSun }) {
      const v = await post('/wallet/createtransaction', { owner_address: owner, to_address: to, amount: amountSun });
      const tx = asTransaction(v);
      if (!tx) throw invalid('/wallet/createtransaction', 'transaction');
      return tx;
    },

    async triggerSmartContract({ owner, contract, functionSelector, parameter, feeLimitSun, callValueSun }) {
      const endpoint = '/wallet/triggersmartcontract';
      const v = checkResult(endpoint, await post(endpoint, {
        owner_address: owner,
        contract_address: contract,
        function_selector: functionSelector,
        parameter,
        fee_limit: feeLimitSun,
        call_value: callValueSun ?? 0n,
      }));
      const tx = asTransaction(v.transaction);
      if (!tx) throw invalid(endpoint, 'transaction');
      return tx;
    },

    async triggerConstantContract({ owner, contract, functionSelector, parameter }) {
      const endpoint = '/wallet/triggerconstantcontract';
      const v = checkResult(endpoint, await post(endpoint, { owner_address: owner, contract_address: contract, function_selector: functionSelector, parameter }));
      const constantResult = Array.isArray(v.constant_result) ? v.constant_result.filter((s): s is string => typeof s === 'string') : [];
      const tx = isObject(v.transaction) ? v.transaction : undefined;
      const ret = tx && Array.isArray(tx.ret) && isObject(tx.ret[0]) ? tx.ret[0].ret : undefined;
      return { constantResult, energyUsed: int(v.energy_used) ?? 0n, energyPenalty: int(v.energy_penalty) ?? 0n, reverted: ret === 'REVERT' };
    },

    async broadcastTransaction(tx) {
      const endpoint = '/wallet/broadcasttransaction';
      // A dApp's transaction may use hex addresses (visible:false); the node must read its JSON the same way.
      const v = await post(endpoint, { txID: tx.txID, raw_data: tx.raw_data, raw_data_hex: tx.raw_data_hex, signature: tx.signature, visible: tx.visible ?? false });
      if (!isObject(v)) throw invalid(endpoint, 'answer');
      if (v.result !== true) {
        const code = typeof v.code === 'string' ? v.code : 'BROADCAST_FAILED';
        throw fail(endpoint, decodeNodeMessage(v.message) || code, code);
      }
      return { txid: typeof v.txid === 'string' ? v.txid : tx.txID };
    },

    async getTransactionInfoById(txid) {
      const v = await post('/wallet/gettransactioninfobyid', { value: txid });
      if (!isObject(v)) throw invalid('/wallet/gettransactioninfobyid', 'answer');
      if (typeof v.id !== 'string') return null;
      const receipt = isObject(v.receipt) ? v.receipt : {};
      const blockNumber = int(v.blockNumber);
      const blockTimeStamp = int(v.blockTimeStamp);
      const failed = v.result === 'FAILED';
      const message = decodeNodeMessage(v.resMessage);
      return {
        id: v.id,
        ...(blockNumber !== undefined ? { blockNumber } : {}),
        ...(blockTimeStamp !== undefined ? { blockTimeStamp } : {}),
        feeSun: int(v.fee) ?? 0n,
        result: typeof receipt.result === 'string' ? receipt.result : failed ? 'FAILED' : 'SUCCESS',
        energyUsageTotal: int(receipt.energy_usage_total) ?? 0n,
        netUsage: int(receipt.net_usage) ?? 0n,
        netFeeSun: int(receipt.net_fee) ?? 0n,
        energyFeeSun: int(receipt.energy_fee) ?? 0n,
        ...(message ? { message } : {}),
      };
    },

    async getChainParameters() {
      const v = await post('/wallet/getchainparameters');
      if (!isObject(v) || !Array.isArray(v.chainParameter)) throw invalid('/wallet/getchainparameters', 'parameter list');
      const out: Record<string, bigint> = {};
      for (const p of v.chainParameter) {
        if (isObject(p) && typeof p.key === 'string') out[p.key] = int(p.value) ?? 0n;
      }
      return out;
    },

    async getNowBlock() {
      const v = await post('/wallet/getnowblock');
      const b = parseBlock(v);
      if (!b) throw invalid('/wallet/getnowblock', 'block');
      return b;
    },

    async getBlockByNum(num) {
      const v = await post('/wallet/getblockbynum', { num });
      return parseBlock(v) ?? null;
    },
  };
}

function parseBlock(v: unknown): TronBlockRef | undefined {
  if (!isObject(v) || typeof v.blockID !== 'string') return undefined;
  const header = isObject(v.block_header) && isObject(v.block_header.raw_data) ? v.block_header.raw_data : {};
  return { blockID: v.blockID.toLowerCase(), number: int(header.number) ?? 0n, timestamp: int(header.timestamp) ?? 0n };
}
