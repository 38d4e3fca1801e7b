/**
 * A small Solana JSON-RPC client over fetch with the methods the wallet uses: balances, blockhash,
 * accounts (jsonParsed or base64), token accounts of an owner (Token and Token-2022), rent,
 * fee for a message, simulation with post-state accounts, send, signature statuses, genesis hash.
 * u64 values come back as bigint. Failures are SolanaRpcError (transport kind or the node's error).
 */
import { base64 } from '@scure/base';
import { SolanaRpcError } from './errors.ts';
import { postJson, TransportError, type FetchFn } from '../../../core/net/jsonHttp';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, tokenProgramKind, type TokenProgramKind } from './programs.ts';

export type Commitment = 'processed' | 'confirmed' | 'finalized';

export type AccountData =
  | { encoding: 'base64'; bytes: Uint8Array }
  | { encoding: 'jsonParsed'; program: string; parsed: unknown };

export interface SolanaAccountInfo {
  lamports: bigint;
  owner: string;
  executable: boolean;
  space: number;
  data: AccountData;
}

export interface TokenAccountEntry {
  /** Address of the token account. */
  pubkey: string;
  program: TokenProgramKind;
  mint: string;
  owner: string;
  amount: bigint;
  decimals: number;
  state: string;
  isNative: boolean;
  delegate?: string;
  delegatedAmount?: bigint;
}

export interface SimulationResult {
  /** The transaction error as the node reports it (e.g. "BlockhashNotFound" or {InstructionError:[i, …]}), null on success. */
  err: unknown;
  logs: string[];
  /** Post-state of the requested accounts, in request order (null = does not exist afterwards). */
  accounts: (SolanaAccountInfo | null)[] | null;
  unitsConsumed?: bigint;
}

export interface SignatureStatus {
  slot: bigint;
  confirmations: number | null;
  err: unknown;
  confirmationStatus: Commitment | null;
}

export interface SimulateOptions {
  /** Addresses whose post-simulation state to return (base64). */
  accounts?: readonly string[];
  sigVerify?: boolean;
  replaceRecentBlockhash?: boolean;
  commitment?: Commitment;
}

export interface SendOptions {
  skipPreflight?: boolean;
  preflightCommitment?: Commitment;
  maxRetries?: number;
  minContextSlot?: number;
}

export interface SolanaRpc {
  readonly url: string;
  /** Raw JSON-RPC call (for dApp passthrough or methods not wrapped here). */
  call<T = unknown>(method: string, params?: readonly unknown[]): Promise<T>;
  getBalance(address: string, commitment?: Commitment): Promise<bigint>;
  getLatestBlockhash(commitment?: Commitment): Promise<{ blockhash: string; lastValidBlockHeight: bigint }>;
  getAccountInfo(address: string, encoding?: 'jsonParsed' | 'base64', commitment?: Commitment): Promise<SolanaAccountInfo | null>;
  getMultipleAccounts(addresses: readonly string[], encoding?: 'jsonParsed' | 'base64', commitment?: Commitment): Promise<(SolanaAccountInfo | null)[]>;
  /** Token accounts of `owner` (jsonParsed); with a mint filter, or all of one token program. */
  getTokenAccountsByOwner(owner: string, filter: { mint: string } | { program: TokenProgramKind }, commitment?: Commitment): Promise<TokenAccountEntry[]>;
  getMinimumBalanceForRentExemption(dataLength: number): Promise<bigint>;
  /** Fee in lamports for a compiled message, or null when its blockhash is unknown to the node. */
  getFeeForMessage(message: Uint8Array, commitment?: Commitment): Promise<bigint | null>;
  simulateTransaction(transaction: Uint8Array, options?: SimulateOptions): Promise<SimulationResult>;
  /** Submits a signed wire transaction; returns the base58 signature the node reports. */
  sendTransaction(transaction: Uint8Array, options?: SendOptions): Promise<string>;
  getSignatureStatuses(signatures: readonly string[], searchTransactionHistory?: boolean): Promise<(SignatureStatus | null)[]>;
  getGenesisHash(): Promise<string>;
  getBlockHeight(commitment?: Commitment): Promise<bigint>;
}

export interface SolanaRpcOptions {
  url: string;
  fetchFn?: FetchFn;
  /** Per request, default 15 s. */
  timeoutMs?: number;
  headers?: Readonly<Record<string, string>>;
  /** Default 8 MiB. */
  maxResponseBytes?: number;
  /** Default 'confirmed'. */
  commitment?: Commitment;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** u64 / integer fields: numbers, bigints (above 2^53) or decimal strings (jsonParsed amounts). */
export function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return undefined;
}

export function createSolanaRpc(options: SolanaRpcOptions): SolanaRpc {
  const { url } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  const defaultCommitment: Commitment = options.commitment ?? 'confirmed';
  let nextId = 1;

  const invalid = (method: string, what: string): SolanaRpcError =>
    new SolanaRpcError(`RPC ${url} returned a malformed ${what} for ${method}`, { kind: 'invalid_response', url, method });

  async function call<T = unknown>(method: string, params: readonly unknown[] = []): Promise<T> {
    let answer: { status: number; json: unknown };
    try {
      answer = await postJson(url, { jsonrpc: '2.0', id: nextId++, method, params }, {
        timeoutMs,
        maxResponseBytes,
        ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      });
    } catch (err) {
      if (err instanceof TransportError) {
        throw new SolanaRpcError(`${err.message} (${method})`, {
          kind: err.kind,
          url,
          method,
          ...(err.status !== undefined ? { status: err.status } : {}),
          ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
        });
      }
      throw err;
    }
    const json = answer.json;
    if (!isObject(json)) throw invalid(method, 'answer');
    if (isObject(json.error)) {
      const e = json.error;
      const code = typeof e.code === 'number' ? e.code : -32603;
      const message = typeof e.message === 'string' ? e.message : 'RPC error';
      throw new SolanaRpcError(message, { kind: 'rpc', url, method, code, data: e.data });
    }
    if (answer.status >= 400) {
      throw new SolanaRpcError(`${url} answered HTTP ${answer.status} (${method})`, { kind: 'http', url, method, status: answer.status });
    }
    if (!('result' in json)) throw invalid(method, 'answer (no result)');
    return json.result as T;
  }

  /** Unwraps the `{ context, value }` envelope. */
  async function callValue(method: string, params: readonly unknown[]): Promise<unknown> {
    const result = await call(method, params);
    if (!isObject(result) || !('value' in result)) throw invalid(method, 'context/value envelope');
    return result.value;
  }

  function parseAccount(method: string, v: unknown): SolanaAccountInfo | null {
    if (v === null) return null;
    if (!isObject(v)) throw invalid(method, 'account');
    const lamports = toBigInt(v.lamports);
    if (lamports === undefined || typeof v.owner !== 'string') throw invalid(method, 'account');
    let data: AccountData;
    let space = typeof v.space === 'number' ? v.space : -1;
    if (Array.isArray(v.data) && typeof v.data[0] === 'string' && v.data[1] === 'base64') {
      try {
        data = { encoding: 'base64', bytes: base64.decode(v.data[0]) };
      } catch {
        throw invalid(method, 'base64 account data');
      }
      if (space < 0) space = data.bytes.length;
    } else if (isObject(v.data) && typeof v.data.program === 'string') {
      data = { encoding: 'jsonParsed', program: v.data.program, parsed: v.data.parsed };
      if (space < 0 && typeof v.data.space === 'number') space = v.data.space;
    } else {
      throw invalid(method, 'account data');
    }
    return { lamports, owner: v.owner, executable: v.executable === true, space: Math.max(space, 0), data };
  }

  function parseTokenEntry(method: string, item: unknown): TokenAccountEntry {
    if (!isObject(item) || typeof item.pubkey !== 'string') throw invalid(method, 'token account');
    const account = parseAccount(method, item.account);
    if (!account || account.data.encoding !== 'jsonParsed') throw invalid(method, 'token account (expected jsonParsed)');
    const program = tokenProgramKind(account.owner);
    const parsed = account.data.parsed;
    const info = isObject(parsed) && isObject(parsed.info) ? parsed.info : undefined;
    const tokenAmount = info && isObject(info.tokenAmount) ? info.tokenAmount : undefined;
    const amount = toBigInt(tokenAmount?.amount);
    if (!program || !info || !tokenAmount || amount === undefined || typeof info.mint !== 'string' || typeof info.owner !== 'string' || typeof tokenAmount.decimals !== 'number') {
      throw invalid(method, 'token account');
    }
    const delegatedAmount = isObject(info.delegatedAmount) ? toBigInt(info.delegatedAmount.amount) : undefined;
    return {
      pubkey: item.pubkey,
      program,
      mint: info.mint,
      owner: info.owner,
      amount,
      decimals: tokenAmount.decimals,
      state: typeof info.state === 'string' ? info.state : 'initialized',
      isNative: info.isNative === true,
      ...(typeof info.delegate === 'string' ? { delegate: info.delegate } : {}),
      ...(delegatedAmount !== undefined ? { delegatedAmount } : {}),
    };
  }

  return {
    url,
    call,

    async getBalance(address, commitment = defaultCommitment) {
      const v = toBigInt(await callValue('getBalance', [address, { commitment }]));
      if (v === undefined) throw invalid('getBalance', 'balance');
      return v;
    },

    async getLatestBlockhash(commitment = defaultCommitment) {
      const v = await callValue('getLatestBlockhash', [{ commitment }]);
      const height = isObject(v) ? toBigInt(v.lastValidBlockHeight) : undefined;
      if (!isObject(v) || typeof v.blockhash !== 'string' || height === undefined) throw invalid('getLatestBlockhash', 'blockhash');
      return { blockhash: v.blockhash, lastValidBlockHeight: height };
    },

    async getAccountInfo(address, encoding = 'jsonParsed', commitment = defaultCommitment) {
      return parseAccount('getAccountInfo', await callValue('getAccountInfo', [address, { encoding, commitment }]));
    },

    async getMultipleAccounts(addresses, encoding = 'base64', commitment = defaultCommitment) {
      if (addresses.length === 0) return [];
      const out: (SolanaAccountInfo | null)[] = [];
      // Nodes cap this method at 100 keys per call.
      for (let i = 0; i < addresses.length; i += 100) {
        const v = await callValue('getMultipleAccounts', [addresses.slice(i, i + 100), { encoding, commitment }]);
        if (!Array.isArray(v)) throw invalid('getMultipleAccounts', 'account list');
        for (const item of v) out.push(parseAccount('getMultipleAccounts', item));
      }
      if (out.length !== addresses.length) throw invalid('getMultipleAccounts', 'account list length');
      return out;
    },

    async getTokenAccountsByOwner(owner, filter, commitment = defaultCommitment) {
      const f = 'mint' in filter ? { mint: filter.mint } : { programId: filter.program === 'token' ? TOKEN_PROGRAM_ID : TOKEN_2022_PROGRAM_ID };
      const v = await callValue('getTokenAccountsByOwner', [owner, f, { encoding: 'jsonParsed', commitment }]);
      if (!Array.isArray(v)) throw invalid('getTokenAccountsByOwner', 'token account list');
      return v.map((item) => parseTokenEntry('getTokenAccountsByOwner', item));
    },

    async getMinimumBalanceForRentExemption(dataLength) {
      const v = toBigInt(await call('getMinimumBalanceForRentExemption', [dataLength]));
      if (v === undefined) throw invalid('getMinimumBalanceForRentExemption', 'amount');
      return v;
    },

    async getFeeForMessage(message, commitment = defaultCommitment) {
      const v = await callValue('getFeeForMessage', [base64.encode(message), { commitment }]);
      if (v === null) return null;
      const fee = toBigInt(v);
      if (fee === undefined) throw invalid('getFeeForMessage', 'fee');
      return fee;
    },

    async simulateTransaction(transaction, opts = {}) {
      const config: Json = {
        encoding: 'base64',
        commitment: opts.commitment ?? defaultCommitment,
        sigVerify: opts.sigVerify ?? false,
        replaceRecentBlockhash: opts.replaceRecentBlockhash ?? false,
      };
      if (opts.accounts && opts.accounts.length > 0) config.accounts = { encoding: 'base64', addresses: [...opts.accounts] };
      const v = await callValue('simulateTransaction', [base64.encode(transaction), config]);
      if (!isObject(v)) throw invalid('simulateTransaction', 'simulation result');
      const logs = Array.isArray(v.logs) ? v.logs.filter((l): l is string => typeof l === 'string') : [];
      const accounts = Array.isArray(v.accounts) ? v.accounts.map((a) => parseAccount('simulateTransaction', a)) : null;
      const unitsConsumed = toBigInt(v.unitsConsumed);
      return { err: v.err ?? null, logs, accounts, ...(unitsConsumed !== undefined ? { unitsConsumed } : {}) };
    },

    async sendTransaction(transaction, opts = {}) {
      const config: Json = { encoding: 'base64', skipPreflight: opts.skipPreflight ?? false, preflightCommitment: opts.preflightCommitment ?? defaultCommitment };
      if (opts.maxRetries !== undefined) config.maxRetries = opts.maxRetries;
      if (opts.minContextSlot !== undefined) config.minContextSlot = opts.minContextSlot;
      const v = await call('sendTransaction', [base64.encode(transaction), config]);
      if (typeof v !== 'string') throw invalid('sendTransaction', 'signature');
      return v;
    },

    async getSignatureStatuses(signatures, searchTransactionHistory = false) {
      const v = await callValue('getSignatureStatuses', [[...signatures], { searchTransactionHistory }]);
      if (!Array.isArray(v)) throw invalid('getSignatureStatuses', 'status list');
      return v.map((s): SignatureStatus | null => {
        if (s === null) return null;
        if (!isObject(s)) throw invalid('getSignatureStatuses', 'status');
        const cs = s.confirmationStatus;
        return {
          slot: toBigInt(s.slot) ?? 0n,
          confirmations: typeof s.confirmations === 'number' ? s.confirmations : null,
          err: s.err ?? null,
          confirmationStatus: cs === 'processed' || cs === 'confirmed' || cs === 'finalized' ? cs : null,
        };
      });
    },

    async getGenesisHash() {
      const v = await call('getGenesisHash', []);
      if (typeof v !== 'string') throw invalid('getGenesisHash', 'hash');
      return v;
    },

    async getBlockHeight(commitment = defaultCommitment) {
      const v = toBigInt(await call('getBlockHeight', [{ commitment }]));
      if (v === undefined) throw invalid('getBlockHeight', 'height');
      return v;
    },
  };
}
