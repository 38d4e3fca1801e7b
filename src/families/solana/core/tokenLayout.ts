/**
 * SPL Token account and mint layouts (Token and Token-2022), read from raw account bytes and from
 * an RPC's jsonParsed form: what the wallet needs to price, build and explain token transfers
 * (mint decimals, extensions, owner, amount, state). Also the size of an associated token account
 * a Token-2022 mint requires, for the rent the sender pays when creating it.
 */
import { PublicKey } from '@solana/web3.js';
import { toBigInt, type SolanaAccountInfo } from './rpc.ts';
import { tokenProgramKind, type TokenProgramKind } from './programs.ts';

export const MINT_SIZE = 82;
export const TOKEN_ACCOUNT_SIZE = 165;

export interface MintInfo {
  program: TokenProgramKind;
  decimals: number;
  supply: bigint;
  mintAuthority: string | null;
  freezeAuthority: string | null;
  isInitialized: boolean;
  /** Token-2022 extension names as the RPC's jsonParsed form spells them ("transferFeeConfig"). */
  extensions: string[];
}

export interface TokenAccountInfo {
  program: TokenProgramKind;
  mint: string;
  owner: string;
  amount: bigint;
  delegate: string | null;
  delegatedAmount: bigint;
  state: 'uninitialized' | 'initialized' | 'frozen';
  isNative: boolean;
  closeAuthority: string | null;
}

// Token-2022 ExtensionType numbering (spl-token-2022 extension/mod.rs).
const EXTENSION_NAMES: readonly string[] = [
  'uninitialized', 'transferFeeConfig', 'transferFeeAmount', 'mintCloseAuthority', 'confidentialTransferMint',
  'confidentialTransferAccount', 'defaultAccountState', 'immutableOwner', 'memoTransfer', 'nonTransferable',
  'interestBearingConfig', 'cpiGuard', 'permanentDelegate', 'nonTransferableAccount', 'transferHook',
  'transferHookAccount', 'confidentialTransferFeeConfig', 'confidentialTransferFeeAmount', 'metadataPointer',
  'tokenMetadata', 'groupPointer', 'tokenGroup', 'groupMemberPointer', 'tokenGroupMember', 'confidentialMintBurn',
  'scaledUiAmountConfig', 'pausableConfig', 'pausableAccount',
];

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const key = (bytes: Uint8Array, offset: number): string => new PublicKey(bytes.subarray(offset, offset + 32)).toBase58();

function optionKey(bytes: Uint8Array, offset: number): string | null {
  return view(bytes).getUint32(offset, true) === 1 ? key(bytes, offset + 4) : null;
}

/** Extension names from a Token-2022 account's TLV area (after the 165-byte base and type byte). */
function tlvExtensions(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let off = TOKEN_ACCOUNT_SIZE + 1;
  const dv = view(bytes);
  while (off + 4 <= bytes.length) {
    const type = dv.getUint16(off, true);
    const len = dv.getUint16(off + 2, true);
    if (type === 0) break;
    out.push(EXTENSION_NAMES[type] ?? `extension${type}`);
    off += 4 + len;
  }
  return out;
}

/** Decodes a mint from raw account bytes owned by a token program; undefined if it is not one. */
export function decodeMint(bytes: Uint8Array, ownerProgram: string): MintInfo | undefined {
  const program = tokenProgramKind(ownerProgram);
  if (!program || bytes.length < MINT_SIZE) return undefined;
  // Token-2022 mints with extensions are padded to the account size and typed 1 (Mint).
  if (bytes.length > MINT_SIZE && (program === 'token' || bytes.length <= TOKEN_ACCOUNT_SIZE || bytes[TOKEN_ACCOUNT_SIZE] !== 1)) return undefined;
  const dv = view(bytes);
  return {
    program,
    mintAuthority: optionKey(bytes, 0),
    supply: dv.getBigUint64(36, true),
    decimals: bytes[44] ?? 0,
    isInitialized: bytes[45] === 1,
    freezeAuthority: optionKey(bytes, 46),
    extensions: bytes.length > TOKEN_ACCOUNT_SIZE ? tlvExtensions(bytes) : [],
  };
}

/** Decodes a token account from raw bytes owned by a token program; undefined if it is not one. */
export function decodeTokenAccount(bytes: Uint8Array, ownerProgram: string): TokenAccountInfo | undefined {
  const program = tokenProgramKind(ownerProgram);
  if (!program || bytes.length < TOKEN_ACCOUNT_SIZE) return undefined;
  if (bytes.length > TOKEN_ACCOUNT_SIZE && (program === 'token' || bytes[TOKEN_ACCOUNT_SIZE] !== 2)) return undefined;
  const dv = view(bytes);
  const stateByte = bytes[108];
  return {
    program,
    mint: key(bytes, 0),
    owner: key(bytes, 32),
    amount: dv.getBigUint64(64, true),
    delegate: optionKey(bytes, 72),
    state: stateByte === 1 ? 'initialized' : stateByte === 2 ? 'frozen' : 'uninitialized',
    isNative: dv.getUint32(109, true) === 1,
    delegatedAmount: dv.getBigUint64(121, true),
    closeAuthority: optionKey(bytes, 129),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A mint from getAccountInfo in either encoding (jsonParsed preferred, base64 as fallback). */
export function mintFromAccount(account: SolanaAccountInfo): MintInfo | undefined {
  if (account.data.encoding === 'base64') return decodeMint(account.data.bytes, account.owner);
  const program = tokenProgramKind(account.owner);
  const parsed = account.data.parsed;
  if (!program || !isObject(parsed) || parsed.type !== 'mint' || !isObject(parsed.info)) return undefined;
  const info = parsed.info;
  const supply = toBigInt(info.supply);
  if (typeof info.decimals !== 'number' || supply === undefined) return undefined;
  const extensions = Array.isArray(info.extensions)
    ? info.extensions.flatMap((e) => (isObject(e) && typeof e.extension === 'string' ? [e.extension] : []))
    : [];
  return {
    program,
    decimals: info.decimals,
    supply,
    mintAuthority: typeof info.mintAuthority === 'string' ? info.mintAuthority : null,
    freezeAuthority: typeof info.freezeAuthority === 'string' ? info.freezeAuthority : null,
    isInitialized: info.isInitialized !== false,
    extensions,
  };
}

/** A token account from getAccountInfo in either encoding. */
export function tokenAccountFromAccount(account: SolanaAccountInfo): TokenAccountInfo | undefined {
  if (account.data.encoding === 'base64') return decodeTokenAccount(account.data.bytes, account.owner);
  const program = tokenProgramKind(account.owner);
  const parsed = account.data.parsed;
  if (!program || !isObject(parsed) || parsed.type !== 'account' || !isObject(parsed.info)) return undefined;
  const info = parsed.info;
  const amount = isObject(info.tokenAmount) ? toBigInt(info.tokenAmount.amount) : undefined;
  if (typeof info.mint !== 'string' || typeof info.owner !== 'string' || amount === undefined) return undefined;
  const delegated = isObject(info.delegatedAmount) ? toBigInt(info.delegatedAmount.amount) : undefined;
  const state = info.state === 'frozen' ? 'frozen' : info.state === 'uninitialized' ? 'uninitialized' : 'initialized';
  return {
    program,
    mint: info.mint,
    owner: info.owner,
    amount,
    delegate: typeof info.delegate === 'string' ? info.delegate : null,
    delegatedAmount: delegated ?? 0n,
    state,
    isNative: info.isNative === true,
    closeAuthority: typeof info.closeAuthority === 'string' ? info.closeAuthority : null,
  };
}

/** Account-side extensions Token-2022 adds to every new account of a mint with these extensions (TLV value sizes). */
const REQUIRED_ACCOUNT_EXTENSIONS: Readonly<Record<string, number>> = {
  transferFeeConfig: 8, // TransferFeeAmount
  nonTransferable: 0, // NonTransferableAccount
  transferHook: 1, // TransferHookAccount
  pausableConfig: 0, // PausableAccount
};

/** Mint extensions whose account-side size this module does not know (rent is then an estimate). */
const UNKNOWN_ACCOUNT_IMPACT = new Set(['confidentialTransferFeeConfig']);

/**
 * Data size of a new associated token account: 165 for Token; for Token-2022 the base, the account
 * type byte and the ImmutableOwner TLV the ATA program always adds, plus what the mint requires.
 */
export function associatedTokenAccountSize(mint: MintInfo): { size: number; exact: boolean } {
  if (mint.program === 'token') return { size: TOKEN_ACCOUNT_SIZE, exact: true };
  let size = TOKEN_ACCOUNT_SIZE + 1 + 4; // + AccountType + ImmutableOwner TLV header
  let exact = true;
  for (const ext of mint.extensions) {
    const len = REQUIRED_ACCOUNT_EXTENSIONS[ext];
    if (len !== undefined) size += 4 + len;
    if (UNKNOWN_ACCOUNT_IMPACT.has(ext)) exact = false;
  }
  return { size, exact };
}
