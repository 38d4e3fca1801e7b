/**
 * Test helper: a Solana JSON-RPC server on 127.0.0.1 (random port) backed by LiteSVM (npm
 * `litesvm`, the real SVM with the SPL Token, Token-2022 and ATA programs). It speaks the methods
 * the wallet's client uses — getBalance, getLatestBlockhash, getAccountInfo / getMultipleAccounts
 * (base64, and jsonParsed for token mints and accounts, parsed here from the raw layouts),
 * getTokenAccountsByOwner, getMinimumBalanceForRentExemption, getFeeForMessage,
 * simulateTransaction (with post-state accounts), sendTransaction (failures as the -32002 RPC
 * error), getSignatureStatuses, getSignaturesForAddress and getTransaction (the executed
 * transactions with the balances before and after, as jsonParsed meta; instructions left out), getGenesisHash, getBlockHeight — and exposes the SVM for setup.
 */
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { LiteSVM, FailedTransactionMetadata, type TransactionMetadata } from 'litesvm';
import { address, getTransactionDecoder, lamports, type Transaction as KitTransaction } from '@solana/kit';
import { PublicKey, VersionedMessage } from '@solana/web3.js';
import { base58 } from '@scure/base';
import { listenLoopback } from './loopback';

export const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const COMPUTE_BUDGET = 'ComputeBudget111111111111111111111111111111';
const U64_MAX = 18446744073709551615n;

export interface LiteSvmRpc {
  url: string;
  svm: LiteSVM;
  genesisHash: string;
  /** Every JSON-RPC method called, in order. */
  calls: string[];
  airdrop(address: string, lamports: bigint): void;
  balance(address: string): bigint;
  /** Expires the current blockhash and advances the slot (a "new block"). */
  nextBlock(): void;
  /** Answers the next calls of `method` with HTTP 429 (count times). */
  rateLimit(method: string, count: number): void;
  stop(): Promise<void>;
}

const TX_ERRORS = [
  'AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound', 'InsufficientFundsForFee',
  'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound', 'CallChainTooDeep', 'MissingSignatureForFee',
  'InvalidAccountIndex', 'SignatureFailure', 'InvalidProgramForExecution', 'SanitizeFailure', 'ClusterMaintenance',
  'AccountBorrowOutstanding', 'WouldExceedMaxBlockCostLimit', 'UnsupportedVersion', 'InvalidWritableAccount',
  'WouldExceedMaxAccountCostLimit', 'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks',
  'AddressLookupTableNotFound', 'InvalidAddressLookupTableOwner', 'InvalidAddressLookupTableData',
  'InvalidAddressLookupTableIndex', 'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit',
  'WouldExceedAccountDataTotalLimit', 'MaxLoadedAccountsDataSizeExceeded', 'ResanitizationNeeded',
  'InvalidLoadedAccountsDataSizeLimit', 'UnbalancedTransaction', 'ProgramCacheHitMaxLimit', 'CommitCancelled',
];
const IX_ERRORS = [
  'GenericError', 'InvalidArgument', 'InvalidInstructionData', 'InvalidAccountData', 'AccountDataTooSmall',
  'InsufficientFunds', 'IncorrectProgramId', 'MissingRequiredSignature', 'AccountAlreadyInitialized',
  'UninitializedAccount', 'UnbalancedInstruction', 'ModifiedProgramId', 'ExternalAccountLamportSpend',
  'ExternalAccountDataModified', 'ReadonlyLamportChange', 'ReadonlyDataModified', 'DuplicateAccountIndex',
  'ExecutableModified', 'RentEpochModified', 'NotEnoughAccountKeys', 'AccountDataSizeChanged',
  'AccountNotExecutable', 'AccountBorrowFailed', 'AccountBorrowOutstanding', 'DuplicateAccountOutOfSync',
  'InvalidError', 'ExecutableDataModified', 'ExecutableLamportChange', 'ExecutableAccountNotRentExempt',
  'UnsupportedProgramId', 'CallDepth', 'MissingAccount', 'ReentrancyNotAllowed', 'MaxSeedLengthExceeded',
  'InvalidSeeds', 'InvalidRealloc', 'ComputationalBudgetExceeded', 'PrivilegeEscalation',
  'ProgramEnvironmentSetupFailure', 'ProgramFailedToComplete', 'ProgramFailedToCompile', 'Immutable',
  'IncorrectAuthority', 'AccountNotRentExempt', 'InvalidAccountOwner', 'ArithmeticOverflow', 'UnsupportedSysvar',
  'IllegalOwner', 'MaxAccountsDataAllocationsExceeded', 'MaxAccountsExceeded', 'MaxInstructionTraceLengthExceeded',
  'BuiltinProgramsMustConsumeComputeUnits', 'BorshIoError',
];

/** LiteSVM's error objects → the JSON shape a validator's RPC uses. */
function errorJson(err: unknown): unknown {
  if (typeof err === 'number') return TX_ERRORS[err] ?? `TransactionError${err}`;
  const o = err as { constructor: { name: string }; index?: number; accountIndex?: number; err?: () => unknown };
  switch (o.constructor.name) {
    case 'TransactionErrorInstructionError': {
      const inner = o.err!() as unknown;
      let ie: unknown;
      if (typeof inner === 'number') ie = IX_ERRORS[inner] ?? `InstructionError${inner}`;
      else if ((inner as { constructor: { name: string } }).constructor.name === 'InstructionErrorCustom') ie = { Custom: (inner as { code: number }).code };
      else ie = 'BorshIoError';
      return { InstructionError: [o.index, ie] };
    }
    case 'TransactionErrorInsufficientFundsForRent':
      return { InsufficientFundsForRent: { account_index: o.accountIndex } };
    case 'TransactionErrorDuplicateInstruction':
      return { DuplicateInstruction: o.index };
    default:
      return String(err);
  }
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  const ie = (e as { InstructionError?: [number, unknown] }).InstructionError;
  if (ie) {
    const inner = ie[1];
    const what = typeof inner === 'object' && inner !== null && 'Custom' in inner ? `custom program error: 0x${(inner as { Custom: number }).Custom.toString(16)}` : String(inner);
    return `Error processing Instruction ${ie[0]}: ${what}`;
  }
  return JSON.stringify(e);
}

/** JSON with bigint written as bare integers (lamports/rentEpoch above 2^53 stay exact). */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `\u0000${v}` : v)).replace(/"\\u0000(\d+)"/g, '$1');
}

const pk = (bytes: Uint8Array, off: number): string => new PublicKey(bytes.subarray(off, off + 32)).toBase58();
const u64 = (bytes: Uint8Array, off: number): bigint => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(off, true);
const u32 = (bytes: Uint8Array, off: number): number => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(off, true);
const opt = (bytes: Uint8Array, off: number): string | null => (u32(bytes, off) === 1 ? pk(bytes, off + 4) : null);

const EXT_NAMES: Record<number, string> = { 1: 'transferFeeConfig', 3: 'mintCloseAuthority', 6: 'defaultAccountState', 7: 'immutableOwner', 9: 'nonTransferable', 12: 'permanentDelegate', 14: 'transferHook', 18: 'metadataPointer', 19: 'tokenMetadata' };

function extensions(data: Uint8Array): { extension: string }[] {
  const out: { extension: string }[] = [];
  let off = 166;
  while (off + 4 <= data.length) {
    const type = data[off]! | (data[off + 1]! << 8);
    const len = data[off + 2]! | (data[off + 3]! << 8);
    if (type === 0) break;
    out.push({ extension: EXT_NAMES[type] ?? 'unparseableExtension' });
    off += 4 + len;
  }
  return out;
}

export async function startLiteSvmRpc(): Promise<LiteSvmRpc> {
  const svm = new LiteSVM();
  const genesisHash = base58.encode(randomBytes(32));
  const statuses = new Map<string, { slot: bigint; err: unknown }>();
  /** Executed transactions (newest last) for getSignaturesForAddress / getTransaction. */
  const history: Array<{ signature: string; slot: bigint; blockTime: number; err: unknown; fee: bigint; keys: Array<{ pubkey: string; signer: boolean; writable: boolean }>; version: 0 | 'legacy'; recentBlockhash: string; signatures: string[]; pre: Snapshot; post: Snapshot }> = [];
  const calls: string[] = [];
  const limited = new Map<string, number>();
  const decoder = getTransactionDecoder();

  const slot = (): bigint => svm.getClock().slot;
  const ctx = (): { slot: bigint; apiVersion: string } => ({ slot: slot(), apiVersion: '2.2.0' });

  function rawAccount(addr: string): { lamports: bigint; owner: string; executable: boolean; data: Uint8Array } | null {
    const a = svm.getAccount(address(addr));
    if (!a.exists) return null;
    return { lamports: a.lamports, owner: a.programAddress, executable: a.executable, data: a.data as Uint8Array };
  }

  function parsedToken(a: { owner: string; data: Uint8Array }): { program: string; parsed: unknown; space: number } | null {
    const program = a.owner === TOKEN_PROGRAM ? 'spl-token' : a.owner === TOKEN_2022_PROGRAM ? 'spl-token-2022' : null;
    if (!program) return null;
    const d = a.data;
    const isMint = d.length === 82 || (a.owner === TOKEN_2022_PROGRAM && d.length > 165 && d[165] === 1);
    if (isMint) {
      const info: Record<string, unknown> = {
        decimals: d[44],
        freezeAuthority: opt(d, 46),
        isInitialized: d[45] === 1,
        mintAuthority: opt(d, 0),
        supply: u64(d, 36).toString(),
      };
      if (d.length > 165) info.extensions = extensions(d);
      return { program, parsed: { type: 'mint', info }, space: d.length };
    }
    const isAccount = d.length === 165 || (a.owner === TOKEN_2022_PROGRAM && d.length > 165 && d[165] === 2);
    if (!isAccount) return null;
    const mint = pk(d, 0);
    const mintAcc = rawAccount(mint);
    const decimals = mintAcc ? (mintAcc.data[44] ?? 0) : 0;
    const amount = u64(d, 64);
    const ui = (amt: bigint): Record<string, unknown> => {
      const s = amt.toString().padStart(decimals + 1, '0');
      const uiAmountString = decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`.replace(/\.?0+$/, '');
      return { amount: amt.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
    };
    const info: Record<string, unknown> = {
      isNative: u32(d, 109) === 1,
      mint,
      owner: pk(d, 32),
      state: d[108] === 2 ? 'frozen' : d[108] === 1 ? 'initialized' : 'uninitialized',
      tokenAmount: ui(amount),
    };
    const delegate = opt(d, 72);
    if (delegate) {
      info.delegate = delegate;
      info.delegatedAmount = ui(u64(d, 121));
    }
    const close = opt(d, 129);
    if (close) info.closeAuthority = close;
    if (d.length > 165) info.extensions = extensions(d);
    return { program, parsed: { type: 'account', info }, space: d.length };
  }

  function accountJson(addr: string, encoding: string): unknown {
    const a = rawAccount(addr);
    if (!a) return null;
    const base = { lamports: a.lamports, owner: a.owner, executable: a.executable, rentEpoch: U64_MAX, space: a.data.length };
    if (encoding === 'jsonParsed') {
      const parsed = parsedToken(a);
      if (parsed) return { ...base, data: parsed };
    }
    return { ...base, data: [Buffer.from(a.data).toString('base64'), 'base64'] };
  }

  function feeFor(message: VersionedMessage): bigint {
    const keys = message.staticAccountKeys.map((k) => k.toBase58());
    let limit: number | undefined;
    let price = 0n;
    let others = 0;
    for (const ix of message.compiledInstructions) {
      if (keys[ix.programIdIndex] !== COMPUTE_BUDGET) {
        others++;
        continue;
      }
      const d = ix.data;
      if (d[0] === 2) limit = u32(d, 1);
      if (d[0] === 3) price = u64(d, 1);
    }
    const units = BigInt(Math.min(limit ?? 200_000 * others, 1_400_000));
    return 5000n * BigInt(message.header.numRequiredSignatures) + (price * units + 999_999n) / 1_000_000n;
  }

  function decodeTx(b64: unknown): KitTransaction {
    if (typeof b64 !== 'string') throw { code: -32602, message: 'invalid transaction: expected base64 string' };
    try {
      return decoder.decode(Buffer.from(b64, 'base64'));
    } catch (e) {
      throw { code: -32602, message: `failed to deserialize transaction: ${(e as Error).message}` };
    }
  }

  function withChecks<T>(sigVerify: boolean, blockhashCheck: boolean, f: () => T): T {
    svm.withSigverify(sigVerify);
    svm.withBlockhashCheck(blockhashCheck);
    try {
      return f();
    } finally {
      svm.withSigverify(true);
      svm.withBlockhashCheck(true);
    }
  }

  type Snapshot = { balances: bigint[]; tokens: Array<Record<string, unknown>> };
  /** Lamports of every key, and the token balances among them, in getTransaction's meta shape. */
  function snapshot(keys: readonly string[]): Snapshot {
    const tokens: Array<Record<string, unknown>> = [];
    const balances = keys.map((k, accountIndex) => {
      const a = rawAccount(k);
      const parsed = a ? (parsedToken(a)?.parsed as { type?: string; info?: { mint: string; owner: string; tokenAmount: unknown } } | undefined) : undefined;
      if (a && parsed?.type === 'account' && parsed.info) tokens.push({ accountIndex, mint: parsed.info.mint, owner: parsed.info.owner, programId: a.owner, uiTokenAmount: parsed.info.tokenAmount });
      return a?.lamports ?? 0n;
    });
    return { balances, tokens };
  }

  function record(tx: KitTransaction, signature: string, err: unknown, pre: Snapshot): void {
    const message = VersionedMessage.deserialize(Uint8Array.from(tx.messageBytes));
    const keys = message.staticAccountKeys.map((k, i) => ({ pubkey: k.toBase58(), signer: i < message.header.numRequiredSignatures, writable: message.isAccountWritable(i) }));
    const signatures = Object.values(tx.signatures).map((sg) => base58.encode((sg as Uint8Array | null) ?? new Uint8Array(64)));
    history.push({ signature, slot: slot(), blockTime: Math.floor(Date.now() / 1000), err, fee: feeFor(message), keys, version: message.version, recentBlockhash: message.recentBlockhash, signatures, pre, post: snapshot(keys.map((k) => k.pubkey)) });
  }

  const methods: Record<string, (params: unknown[]) => unknown> = {
    getSignaturesForAddress: ([a, cfg]) => {
      const limit = Math.min(Number((cfg as { limit?: number } | undefined)?.limit ?? 1000), 1000);
      return history
        .filter((h) => h.keys.some((k) => k.pubkey === a))
        .reverse()
        .slice(0, limit)
        .map((h) => ({ signature: h.signature, slot: h.slot, err: h.err, memo: null, blockTime: h.blockTime, confirmationStatus: 'finalized' }));
    },
    getTransaction: ([sig, cfg]) => {
      const c = (cfg ?? {}) as { encoding?: string; maxSupportedTransactionVersion?: number };
      const h = history.find((x) => x.signature === sig);
      if (!h) return null;
      if (h.version === 0 && c.maxSupportedTransactionVersion === undefined) throw { code: -32015, message: 'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0' };
      return {
        slot: h.slot,
        blockTime: h.blockTime,
        version: h.version,
        meta: { err: h.err, status: h.err === null ? { Ok: null } : { Err: h.err }, fee: h.fee, preBalances: h.pre.balances, postBalances: h.post.balances, preTokenBalances: h.pre.tokens, postTokenBalances: h.post.tokens, innerInstructions: [], logMessages: [], rewards: [], loadedAddresses: { readonly: [], writable: [] }, computeUnitsConsumed: 0 },
        transaction: { signatures: h.signatures, message: { accountKeys: h.keys.map((k) => ({ ...k, source: 'transaction' })), instructions: [], recentBlockhash: h.recentBlockhash, addressTableLookups: [] } },
      };
    },
    getBalance: ([a]) => ({ context: ctx(), value: svm.getBalance(address(a as string)) ?? 0n }),
    getLatestBlockhash: () => ({ context: ctx(), value: { blockhash: svm.latestBlockhash(), lastValidBlockHeight: slot() + 150n } }),
    getAccountInfo: ([a, cfg]) => ({ context: ctx(), value: accountJson(a as string, (cfg as { encoding?: string } | undefined)?.encoding ?? 'base64') }),
    getMultipleAccounts: ([list, cfg]) => ({
      context: ctx(),
      value: (list as string[]).map((a) => accountJson(a, (cfg as { encoding?: string } | undefined)?.encoding ?? 'base64')),
    }),
    getTokenAccountsByOwner: ([owner, filter, cfg]) => {
      const f = filter as { mint?: string; programId?: string };
      let program = f.programId;
      if (f.mint) program = rawAccount(f.mint)?.owner;
      if (program !== TOKEN_PROGRAM && program !== TOKEN_2022_PROGRAM) {
        if (f.mint) throw { code: -32602, message: 'Invalid param: could not find mint' };
        throw { code: -32602, message: 'Invalid param: unrecognized Token program id' };
      }
      const encoding = (cfg as { encoding?: string } | undefined)?.encoding ?? 'base64';
      const value = svm
        .getProgramAccounts(address(program))
        .filter((acc) => {
          const d = acc.data as Uint8Array;
          const isAcc = d.length === 165 || (d.length > 165 && d[165] === 2);
          return isAcc && pk(d, 32) === owner && (!f.mint || pk(d, 0) === f.mint);
        })
        .map((acc) => ({ pubkey: acc.address, account: accountJson(acc.address, encoding) }));
      return { context: ctx(), value };
    },
    getMinimumBalanceForRentExemption: ([size]) => svm.minimumBalanceForRentExemption(BigInt(size as number)),
    getFeeForMessage: ([b64]) => {
      const message = VersionedMessage.deserialize(Buffer.from(b64 as string, 'base64'));
      return { context: ctx(), value: message.recentBlockhash === svm.latestBlockhash() ? feeFor(message) : null };
    },
    simulateTransaction: ([b64, cfg]) => {
      const c = (cfg ?? {}) as { sigVerify?: boolean; replaceRecentBlockhash?: boolean; accounts?: { addresses: string[] } };
      if (c.sigVerify && c.replaceRecentBlockhash) throw { code: -32602, message: 'sigVerify may not be used with replaceRecentBlockhash' };
      const tx = decodeTx(b64);
      const res = withChecks(c.sigVerify ?? false, !c.replaceRecentBlockhash, () => svm.simulateTransaction(tx));
      if (res instanceof FailedTransactionMetadata) {
        return { context: ctx(), value: { err: errorJson(res.err()), logs: res.meta().logs(), accounts: null, unitsConsumed: res.meta().computeUnitsConsumed(), returnData: null } };
      }
      const post = new Map(res.postAccounts().map((a) => [a.address as string, a]));
      const accounts = c.accounts?.addresses.map((addr) => {
        const p = post.get(addr);
        if (!p) return accountJson(addr, 'base64');
        if (p.lamports === 0n && (p.data as Uint8Array).length === 0) return null;
        return { lamports: p.lamports, owner: p.programAddress, executable: p.executable, rentEpoch: U64_MAX, space: (p.data as Uint8Array).length, data: [Buffer.from(p.data as Uint8Array).toString('base64'), 'base64'] };
      });
      return { context: ctx(), value: { err: null, logs: res.meta().logs(), accounts: accounts ?? null, unitsConsumed: res.meta().computeUnitsConsumed(), returnData: null } };
    },
    sendTransaction: ([b64, cfg]) => {
      const tx = decodeTx(b64);
      const pre = snapshot(VersionedMessage.deserialize(Uint8Array.from(tx.messageBytes)).staticAccountKeys.map((k) => k.toBase58()));
      let result: TransactionMetadata | FailedTransactionMetadata;
      try {
        result = svm.sendTransaction(tx);
      } catch (e) {
        throw { code: -32003, message: `Transaction signature verification failure (${(e as Error).message})` };
      }
      const firstSig = Object.values(tx.signatures)[0] as Uint8Array | null;
      const signature = base58.encode(firstSig ?? new Uint8Array(64));
      if (result instanceof FailedTransactionMetadata) {
        const err = errorJson(result.err());
        if ((cfg as { skipPreflight?: boolean } | undefined)?.skipPreflight) {
          statuses.set(signature, { slot: slot(), err });
          record(tx, signature, err, pre);
          return signature;
        }
        throw { code: -32002, message: `Transaction simulation failed: ${errorText(err)}`, data: { err, logs: result.meta().logs(), accounts: null, unitsConsumed: result.meta().computeUnitsConsumed() } };
      }
      statuses.set(signature, { slot: slot(), err: null });
      record(tx, signature, null, pre);
      return signature;
    },
    getSignatureStatuses: ([sigs]) => ({
      context: ctx(),
      value: (sigs as string[]).map((s) => {
        const st = statuses.get(s);
        if (!st) return null;
        return { slot: st.slot, confirmations: null, err: st.err, status: st.err === null ? { Ok: null } : { Err: st.err }, confirmationStatus: 'finalized' };
      }),
    }),
    getGenesisHash: () => genesisHash,
    getBlockHeight: () => slot(),
    getSlot: () => slot(),
    getVersion: () => ({ 'solana-core': '2.2.0-litesvm', 'feature-set': 0 }),
    getHealth: () => 'ok',
  };

  function handle(body: string, res: ServerResponse): void {
    let req: unknown;
    try {
      req = JSON.parse(body);
    } catch {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
      return;
    }
    const one = (r: unknown): unknown => {
      const { id, method, params } = r as { id: unknown; method: string; params?: unknown[] };
      calls.push(method);
      const fn = methods[method];
      if (!fn) return { jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } };
      try {
        return { jsonrpc: '2.0', id, result: fn(params ?? []) };
      } catch (e) {
        const err = e as { code?: number; message?: string; data?: unknown };
        if (typeof err.code === 'number') return { jsonrpc: '2.0', id, error: { code: err.code, message: err.message, ...(err.data !== undefined ? { data: err.data } : {}) } };
        return { jsonrpc: '2.0', id, error: { code: -32603, message: `Internal error: ${(e as Error).message}` } };
      }
    };
    const method = Array.isArray(req) ? undefined : (req as { method?: string }).method;
    const left = method !== undefined ? limited.get(method) : undefined;
    if (method !== undefined && left !== undefined && left > 0) {
      limited.set(method, left - 1);
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: 429, message: 'Too many requests' } }));
      return;
    }
    const out = Array.isArray(req) ? req.map(one) : one(req);
    res.writeHead(200, { 'content-type': 'application/json' }).end(toJson(out));
  }

  const { server, url } = await listenLoopback((_req, res, body) => handle(body, res));

  return {
    url,
    svm,
    genesisHash,
    calls,
    airdrop(to, amount) {
      const r = svm.airdrop(address(to), lamports(amount));
      if (r instanceof FailedTransactionMetadata) throw new Error(`airdrop failed: ${r.toString()}`);
    },
    balance: (a) => svm.getBalance(address(a)) ?? 0n,
    nextBlock() {
      svm.expireBlockhash();
      svm.warpToSlot(slot() + 1n);
    },
    rateLimit(method, count) {
      limited.set(method, count);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
