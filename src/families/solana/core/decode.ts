/**
 * What a Solana transaction does, for the approval window: System transfers and account changes,
 * SPL Token transfer/transferChecked/approve/revoke/setAuthority/close/burn (Token and Token-2022),
 * associated token account creation, Compute Budget and Memo; anything else listed by program id
 * with a name for well-known programs. Risky patterns become warnings (unlimited or any approval,
 * owner or authority changes, durable nonce, high priority fee). Balance changes from a simulation
 * are in balanceChanges.ts.
 */
import type { VersionedMessage } from '@solana/web3.js';
import { base58 } from '@scure/base';
import type { RiskWarning } from '../../../core/risk/types.ts';
import {
  ASSOCIATED_TOKEN_PROGRAM_ID,
  COMPUTE_BUDGET_PROGRAM_ID,
  MEMO_PROGRAM_ID,
  MEMO_V1_PROGRAM_ID,
  programName,
  SYSTEM_PROGRAM_ID,
  tokenProgramKind,
  type TokenProgramKind,
} from './programs.ts';

export const U64_MAX = (1n << 64n) - 1n;
const DEFAULT_UNITS_PER_INSTRUCTION = 200_000;
const MAX_COMPUTE_UNITS = 1_400_000;
/** A priority fee above this many lamports (0.01 SOL) is flagged. */
export const HIGH_PRIORITY_FEE_LAMPORTS = 10_000_000n;

export type SplAuthorityType = 'mintTokens' | 'freezeAccount' | 'accountOwner' | 'closeAccount' | `other(${number})`;

interface Base {
  index: number;
  programId: string;
  programName?: string;
}

export type DecodedInstruction = Base &
  (
    | { type: 'systemTransfer'; from: string; to: string; lamports: bigint }
    | { type: 'systemTransferWithSeed'; from: string; to: string; lamports: bigint }
    | { type: 'systemCreateAccount'; from: string; newAccount: string; lamports: bigint; space: bigint; owner: string }
    | { type: 'systemAssign'; account: string; owner: string }
    | { type: 'systemAllocate'; account: string; space: bigint }
    | { type: 'advanceNonce'; nonceAccount: string; authority: string }
    | { type: 'withdrawNonce'; nonceAccount: string; to: string; lamports: bigint; authority: string }
    | { type: 'system'; name: string }
    | { type: 'splTransfer'; program: TokenProgramKind; source: string; destination: string; authority: string; amount: bigint; mint?: string; decimals?: number; checked: boolean }
    | { type: 'splApprove'; program: TokenProgramKind; source: string; delegate: string; owner: string; amount: bigint; unlimited: boolean; mint?: string; decimals?: number }
    | { type: 'splRevoke'; program: TokenProgramKind; source: string; owner: string }
    | { type: 'splSetAuthority'; program: TokenProgramKind; account: string; currentAuthority: string; authorityType: SplAuthorityType; newAuthority: string | null }
    | { type: 'splCloseAccount'; program: TokenProgramKind; account: string; destination: string; owner: string }
    | { type: 'splBurn'; program: TokenProgramKind; account: string; mint: string; owner: string; amount: bigint; decimals?: number }
    | { type: 'splMintTo'; program: TokenProgramKind; mint: string; destination: string; authority: string; amount: bigint; decimals?: number }
    | { type: 'spl'; program: TokenProgramKind; name: string }
    | { type: 'ataCreate'; idempotent: boolean; payer: string; account: string; owner: string; mint: string; tokenProgram: string }
    | { type: 'computeUnitLimit'; units: number }
    | { type: 'computeUnitPrice'; microLamports: bigint }
    | { type: 'computeBudget'; name: string }
    | { type: 'memo'; text: string }
    | { type: 'unknown'; accounts: string[]; dataLength: number }
  );

export type DecodeWarningCode =
  | 'UNLIMITED_APPROVAL'
  | 'TOKEN_APPROVAL'
  | 'AUTHORITY_CHANGE'
  | 'ACCOUNT_ASSIGN'
  | 'DURABLE_NONCE'
  | 'CLOSE_ACCOUNT_OTHER_DESTINATION'
  | 'UNKNOWN_PROGRAM'
  | 'HIGH_PRIORITY_FEE'
  | 'UNRESOLVED_LOOKUP_TABLES'
  | 'MALFORMED_INSTRUCTION';

export type DecodeWarning = RiskWarning<DecodeWarningCode>;

export interface DecodedTransaction {
  instructions: DecodedInstruction[];
  warnings: DecodeWarning[];
  /** Compute unit limit in effect (explicit or the runtime default). */
  computeUnitLimit: number;
  computeUnitPriceMicroLamports: bigint;
  /** ceil(price × limit / 10^6) lamports, on top of the signature fee. */
  priorityFeeLamports: bigint;
}

/** Account keys of a message: static keys, then lookup-table writable and read-only addresses. */
export interface ResolvedAccountKeys {
  keys: string[];
  /** True when some lookup-table addresses could not be resolved (placeholders in `keys`). */
  unresolved: boolean;
}

/**
 * Resolves a message's account keys. `lookupTables` maps a table address to its address list
 * (from the RPC); unresolved entries become "<table>#<index>" placeholders.
 */
export function resolveAccountKeys(message: VersionedMessage, lookupTables?: ReadonlyMap<string, readonly string[]>): ResolvedAccountKeys {
  const keys = message.staticAccountKeys.map((k) => k.toBase58());
  let unresolved = false;
  const lookups = message.addressTableLookups;
  const take = (part: 'writableIndexes' | 'readonlyIndexes'): void => {
    for (const l of lookups) {
      const table = l.accountKey.toBase58();
      const entries = lookupTables?.get(table);
      for (const i of l[part]) {
        const addr = entries?.[i];
        if (addr === undefined) unresolved = true;
        keys.push(addr ?? `${table}#${i}`);
      }
    }
  };
  take('writableIndexes');
  take('readonlyIndexes');
  return { keys, unresolved };
}

class Reader {
  private offset = 0;
  private readonly dv: DataView;
  constructor(private readonly data: Uint8Array) {
    this.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  need(n: number): void {
    if (this.offset + n > this.data.length) throw new RangeError('instruction data too short');
  }
  u8(): number {
    this.need(1);
    return this.data[this.offset++] as number;
  }
  u32(): number {
    this.need(4);
    const v = this.dv.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }
  u64(): bigint {
    this.need(8);
    const v = this.dv.getBigUint64(this.offset, true);
    this.offset += 8;
    return v;
  }
  key(): string {
    this.need(32);
    const v = base58.encode(this.data.subarray(this.offset, this.offset + 32));
    this.offset += 32;
    return v;
  }
  skip(n: number): void {
    this.need(n);
    this.offset += n;
  }
}

const SYSTEM_NAMES = [
  'CreateAccount', 'Assign', 'Transfer', 'CreateAccountWithSeed', 'AdvanceNonceAccount', 'WithdrawNonceAccount',
  'InitializeNonceAccount', 'AuthorizeNonceAccount', 'Allocate', 'AllocateWithSeed', 'AssignWithSeed',
  'TransferWithSeed', 'UpgradeNonceAccount',
];

const TOKEN_NAMES = [
  'InitializeMint', 'InitializeAccount', 'InitializeMultisig', 'Transfer', 'Approve', 'Revoke', 'SetAuthority',
  'MintTo', 'Burn', 'CloseAccount', 'FreezeAccount', 'ThawAccount', 'TransferChecked', 'ApproveChecked',
  'MintToChecked', 'BurnChecked', 'InitializeAccount2', 'SyncNative', 'InitializeAccount3', 'InitializeMultisig2',
  'InitializeMint2', 'GetAccountDataSize', 'InitializeImmutableOwner', 'AmountToUiAmount', 'UiAmountToAmount',
];

const AUTHORITY_TYPES: readonly SplAuthorityType[] = ['mintTokens', 'freezeAccount', 'accountOwner', 'closeAccount'];

type Body = DecodedInstruction extends infer D ? (D extends unknown ? Omit<D, keyof Base> : never) : never;

function decodeSystem(data: Uint8Array, acc: (i: number) => string): Body {
  const r = new Reader(data);
  const kind = r.u32();
  switch (kind) {
    case 0:
      return { type: 'systemCreateAccount', from: acc(0), newAccount: acc(1), lamports: r.u64(), space: r.u64(), owner: r.key() };
    case 1:
      return { type: 'systemAssign', account: acc(0), owner: r.key() };
    case 2:
      return { type: 'systemTransfer', from: acc(0), to: acc(1), lamports: r.u64() };
    case 4:
      return { type: 'advanceNonce', nonceAccount: acc(0), authority: acc(2) };
    case 5:
      return { type: 'withdrawNonce', nonceAccount: acc(0), to: acc(1), lamports: r.u64(), authority: acc(4) };
    case 8:
      return { type: 'systemAllocate', account: acc(0), space: r.u64() };
    case 11:
      return { type: 'systemTransferWithSeed', from: acc(0), to: acc(2), lamports: r.u64() };
    default:
      return { type: 'system', name: SYSTEM_NAMES[kind] ?? `Instruction ${kind}` };
  }
}

function decodeToken(program: TokenProgramKind, data: Uint8Array, acc: (i: number) => string): Body {
  const r = new Reader(data);
  const kind = r.u8();
  switch (kind) {
    case 3:
      return { type: 'splTransfer', program, source: acc(0), destination: acc(1), authority: acc(2), amount: r.u64(), checked: false };
    case 12: {
      const amount = r.u64();
      return { type: 'splTransfer', program, source: acc(0), mint: acc(1), destination: acc(2), authority: acc(3), amount, decimals: r.u8(), checked: true };
    }
    case 4: {
      const amount = r.u64();
      return { type: 'splApprove', program, source: acc(0), delegate: acc(1), owner: acc(2), amount, unlimited: amount === U64_MAX };
    }
    case 13: {
      const amount = r.u64();
      return { type: 'splApprove', program, source: acc(0), mint: acc(1), delegate: acc(2), owner: acc(3), amount, decimals: r.u8(), unlimited: amount === U64_MAX };
    }
    case 5:
      return { type: 'splRevoke', program, source: acc(0), owner: acc(1) };
    case 6: {
      const t = r.u8();
      const hasNew = r.u8();
      return {
        type: 'splSetAuthority',
        program,
        account: acc(0),
        currentAuthority: acc(1),
        authorityType: AUTHORITY_TYPES[t] ?? `other(${t})`,
        newAuthority: hasNew === 1 ? r.key() : null,
      };
    }
    case 9:
      return { type: 'splCloseAccount', program, account: acc(0), destination: acc(1), owner: acc(2) };
    case 8:
      return { type: 'splBurn', program, account: acc(0), mint: acc(1), owner: acc(2), amount: r.u64() };
    case 15: {
      const amount = r.u64();
      return { type: 'splBurn', program, account: acc(0), mint: acc(1), owner: acc(2), amount, decimals: r.u8() };
    }
    case 7:
      return { type: 'splMintTo', program, mint: acc(0), destination: acc(1), authority: acc(2), amount: r.u64() };
    case 14: {
      const amount = r.u64();
      return { type: 'splMintTo', program, mint: acc(0), destination: acc(1), authority: acc(2), amount, decimals: r.u8() };
    }
    default:
      return { type: 'spl', program, name: TOKEN_NAMES[kind] ?? `Instruction ${kind}` };
  }
}

function decodeAta(data: Uint8Array, acc: (i: number) => string): Body {
  const kind = data.length === 0 ? 0 : data[0];
  if (kind === 0 || kind === 1) {
    return { type: 'ataCreate', idempotent: kind === 1, payer: acc(0), account: acc(1), owner: acc(2), mint: acc(3), tokenProgram: acc(5) };
  }
  return { type: 'unknown', accounts: [], dataLength: data.length };
}

function decodeComputeBudget(data: Uint8Array): Body {
  const r = new Reader(data);
  const kind = r.u8();
  if (kind === 2) return { type: 'computeUnitLimit', units: r.u32() };
  if (kind === 3) return { type: 'computeUnitPrice', microLamports: r.u64() };
  return { type: 'computeBudget', name: kind === 1 ? 'RequestHeapFrame' : kind === 4 ? 'SetLoadedAccountsDataSizeLimit' : `Instruction ${kind}` };
}

function decodeMemo(data: Uint8Array): Body {
  try {
    return { type: 'memo', text: new TextDecoder('utf-8', { fatal: true }).decode(data) };
  } catch {
    return { type: 'unknown', accounts: [], dataLength: data.length };
  }
}

export interface DecodeContext {
  /** The signing wallet's address: warnings about its own accounts are stricter. */
  wallet: string;
  lookupTables?: ReadonlyMap<string, readonly string[]>;
}

/** Decodes every instruction of a message and derives the warnings the approval window shows. */
export function decodeSolanaMessage(message: VersionedMessage, ctx: DecodeContext): DecodedTransaction {
  const { keys, unresolved } = resolveAccountKeys(message, ctx.lookupTables);
  const instructions: DecodedInstruction[] = [];
  const warnings: DecodeWarning[] = [];
  if (unresolved) warnings.push({ code: 'UNRESOLVED_LOOKUP_TABLES', severity: 'info', params: {} });
  let unitLimit: number | undefined;
  let unitPrice = 0n;
  let nonBudgetInstructions = 0;

  message.compiledInstructions.forEach((ix, index) => {
    const programId = keys[ix.programIdIndex] ?? '?';
    const name = programName(programId);
    const acc = (i: number): string => {
      const k = ix.accountKeyIndexes[i];
      const v = k === undefined ? undefined : keys[k];
      if (v === undefined) throw new RangeError('missing instruction account');
      return v;
    };
    const data = ix.data;
    const token = tokenProgramKind(programId);
    let body: Body;
    try {
      if (programId === SYSTEM_PROGRAM_ID) body = decodeSystem(data, acc);
      else if (token) body = decodeToken(token, data, acc);
      else if (programId === ASSOCIATED_TOKEN_PROGRAM_ID) body = decodeAta(data, acc);
      else if (programId === COMPUTE_BUDGET_PROGRAM_ID) body = decodeComputeBudget(data);
      else if (programId === MEMO_PROGRAM_ID || programId === MEMO_V1_PROGRAM_ID) body = decodeMemo(data);
      else body = { type: 'unknown', accounts: ix.accountKeyIndexes.map((k) => keys[k] ?? '?'), dataLength: data.length };
    } catch {
      warnings.push({ code: 'MALFORMED_INSTRUCTION', severity: 'danger', params: { index, programId } });
      body = { type: 'unknown', accounts: ix.accountKeyIndexes.map((k) => keys[k] ?? '?'), dataLength: data.length };
    }
    if (programId !== COMPUTE_BUDGET_PROGRAM_ID) nonBudgetInstructions++;
    const decoded = { index, programId, ...(name !== undefined ? { programName: name } : {}), ...body } as DecodedInstruction;
    instructions.push(decoded);
    warnings.push(...instructionWarnings(decoded, ctx.wallet, index));
    if (decoded.type === 'computeUnitLimit') unitLimit = decoded.units;
    if (decoded.type === 'computeUnitPrice') unitPrice = decoded.microLamports;
  });

  const computeUnitLimit = Math.min(unitLimit ?? DEFAULT_UNITS_PER_INSTRUCTION * nonBudgetInstructions, MAX_COMPUTE_UNITS);
  const priorityFeeLamports = (unitPrice * BigInt(computeUnitLimit) + 999_999n) / 1_000_000n;
  if (priorityFeeLamports > HIGH_PRIORITY_FEE_LAMPORTS) {
    warnings.push({ code: 'HIGH_PRIORITY_FEE', severity: 'warning', params: { lamports: priorityFeeLamports.toString() } });
  }
  return { instructions, warnings, computeUnitLimit, computeUnitPriceMicroLamports: unitPrice, priorityFeeLamports };
}

function instructionWarnings(d: DecodedInstruction, wallet: string, index: number): DecodeWarning[] {
  switch (d.type) {
    case 'splApprove':
      return [
        d.unlimited
          ? { code: 'UNLIMITED_APPROVAL', severity: 'danger', params: { index, delegate: d.delegate, source: d.source } }
          : { code: 'TOKEN_APPROVAL', severity: 'warning', params: { index, delegate: d.delegate, amount: d.amount.toString() } },
      ];
    case 'splSetAuthority': {
      const own = d.currentAuthority === wallet;
      const severe = d.authorityType === 'accountOwner' || d.authorityType === 'closeAccount';
      return [{ code: 'AUTHORITY_CHANGE', severity: own && severe ? 'danger' : 'warning', params: { index, account: d.account, authorityType: d.authorityType, newAuthority: d.newAuthority ?? 'none' } }];
    }
    case 'systemAssign':
      return d.account === wallet ? [{ code: 'ACCOUNT_ASSIGN', severity: 'danger', params: { index, owner: d.owner } }] : [];
    case 'advanceNonce':
      return [{ code: 'DURABLE_NONCE', severity: 'warning', params: { index, nonceAccount: d.nonceAccount } }];
    case 'splCloseAccount':
      return d.owner === wallet && d.destination !== wallet ? [{ code: 'CLOSE_ACCOUNT_OTHER_DESTINATION', severity: 'warning', params: { index, destination: d.destination } }] : [];
    case 'unknown':
      return d.programName === undefined ? [{ code: 'UNKNOWN_PROGRAM', severity: 'info', params: { index, programId: d.programId } }] : [];
    default:
      return [];
  }
}
