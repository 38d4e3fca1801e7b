/**
 * Strict calldata decoding for the approval screen: ERC-20 transfer / transferFrom / approve /
 * increaseAllowance / increaseApproval, ERC-721/1155 setApprovalForAll, Permit2 approve, and
 * contract creation. Decoding is checked against canonical ABI encoding (security checklist 51,
 * rule R4): short, over-long or dirty-padded calldata is flagged, and the values shown are the
 * ones the contract would actually read. Unlimited allowances are flagged (R1), any non-zero bool
 * in setApprovalForAll counts as true (R3), value-carrying or self-destruct-forwarder creations
 * are flagged (R5).
 */
import { decodeFunctionData, encodeFunctionData, erc20Abi, getAddress, size, slice, type Abi, type Address, type Hex } from 'viem';
import { ERC20_EXTRA_ABI, NFT_APPROVAL_ABI, PERMIT2_APPROVE_ABI } from './erc20.ts';

export const SELECTORS = {
  transfer: '0xa9059cbb',
  transferFrom: '0x23b872dd',
  approve: '0x095ea7b3',
  increaseAllowance: '0x39509351',
  increaseApproval: '0xd73dd623',
  setApprovalForAll: '0xa22cb465',
  permit2Approve: '0x87517c45',
} as const;

export const MAX_UINT256 = 2n ** 256n - 1n;
/** Amounts at or above 2^255 are "infinite" for every practical token. */
export const UNLIMITED_FLOOR = 2n ** 255n;

export type UnlimitedReason = 'max_value' | 'exceeds_total_supply';

export interface AllowanceVerdict {
  unlimited: boolean;
  reason?: UnlimitedReason;
}

/**
 * An allowance is unlimited when it is ≥ 2^255, the all-ones value of its type (uint96/uint128/
 * uint160/uint256 are used as "infinite" by tokens and Permit2), or ≥ the token's total supply.
 */
export function classifyAllowance(amount: bigint, opts: { bits?: number; totalSupply?: bigint } = {}): AllowanceVerdict {
  const bits = opts.bits ?? 256;
  if (amount >= UNLIMITED_FLOOR || amount === 2n ** BigInt(bits) - 1n) return { unlimited: true, reason: 'max_value' };
  for (const b of [96n, 112n, 128n, 160n]) if (amount === 2n ** b - 1n) return { unlimited: true, reason: 'max_value' };
  if (opts.totalSupply !== undefined && opts.totalSupply > 0n && amount >= opts.totalSupply) {
    return { unlimited: true, reason: 'exceeds_total_supply' };
  }
  return { unlimited: false };
}

export type NonCanonicalReason = 'short_calldata' | 'extra_bytes' | 'dirty_padding' | 'invalid_bool';

interface Strictness {
  /** False when the calldata is not the canonical ABI encoding: show the raw hex and a warning. */
  canonical: boolean;
  nonCanonicalReason?: NonCanonicalReason;
}

interface AllowanceFields {
  spender: Address;
  amount: bigint;
  unlimited: boolean;
  unlimitedReason?: UnlimitedReason;
}

export type DecodedCall =
  | { kind: 'native_transfer'; to: Address; value: bigint }
  | ({ kind: 'erc20_transfer'; token: Address; to: Address; amount: bigint } & Strictness)
  | ({ kind: 'erc20_transfer_from'; token: Address; from: Address; to: Address; amount: bigint } & Strictness)
  | ({ kind: 'erc20_approve'; token: Address; revoke: boolean } & AllowanceFields & Strictness)
  | ({ kind: 'erc20_increase_allowance'; method: 'increaseAllowance' | 'increaseApproval'; token: Address } & AllowanceFields & Strictness)
  | ({ kind: 'set_approval_for_all'; collection: Address; operator: Address; approved: boolean } & Strictness)
  | ({ kind: 'permit2_approve'; permit2: Address; token: Address; expiration: number } & AllowanceFields & Strictness)
  | { kind: 'contract_creation'; value: bigint; codeSize: number; selfDestructForwarder?: Address }
  | { kind: 'contract_call'; to: Address; selector: Hex; value: bigint };

export interface DecodeInput {
  to?: Address | null;
  value?: bigint;
  data?: Hex;
}

export interface DecodeOptions {
  /** Total supply of the token at `to`, when known (unlimited = at or above it). */
  totalSupply?: bigint;
}

/** Kinds that grant someone the right to move the user's assets. */
export function isApprovalCall(call: DecodedCall): boolean {
  return call.kind === 'erc20_approve' || call.kind === 'erc20_increase_allowance' || call.kind === 'set_approval_for_all' || call.kind === 'permit2_approve';
}

interface KnownFunction {
  abi: Abi;
  /** Static argument types, for the raw-word fallback. */
  args: readonly ('address' | 'uint' | 'bool')[];
}

const KNOWN: Readonly<Record<string, KnownFunction>> = {
  [SELECTORS.transfer]: { abi: erc20Abi, args: ['address', 'uint'] },
  [SELECTORS.transferFrom]: { abi: erc20Abi, args: ['address', 'address', 'uint'] },
  [SELECTORS.approve]: { abi: erc20Abi, args: ['address', 'uint'] },
  [SELECTORS.increaseAllowance]: { abi: ERC20_EXTRA_ABI, args: ['address', 'uint'] },
  [SELECTORS.increaseApproval]: { abi: ERC20_EXTRA_ABI, args: ['address', 'uint'] },
  [SELECTORS.setApprovalForAll]: { abi: NFT_APPROVAL_ABI, args: ['address', 'bool'] },
  [SELECTORS.permit2Approve]: { abi: PERMIT2_APPROVE_ABI, args: ['address', 'address', 'uint', 'uint'] },
};

type Word = bigint;

interface RawArgs extends Strictness {
  words: Word[];
}

const ADDRESS_MASK = (1n << 160n) - 1n;

/**
 * Reads the static arguments the way the EVM does: missing bytes read as zero (so a truncated
 * amount is *larger* on chain), extra bytes are ignored.
 */
function readRawArgs(data: Hex, fn: KnownFunction): RawArgs {
  const body = data.slice(10);
  const needed = fn.args.length * 64;
  const padded = body.padEnd(needed, '0');
  const words: Word[] = [];
  for (let i = 0; i < fn.args.length; i++) words.push(BigInt(`0x${padded.slice(i * 64, i * 64 + 64)}`));
  let reason: NonCanonicalReason | undefined;
  if (body.length < needed) reason = 'short_calldata';
  else if (body.length > needed) reason = 'extra_bytes';
  else {
    fn.args.forEach((t, i) => {
      const w = words[i] ?? 0n;
      if (t === 'address' && w > ADDRESS_MASK) reason ??= 'dirty_padding';
      if (t === 'bool' && w > 1n) reason ??= 'invalid_bool';
    });
    // uint160/uint48 of Permit2 must also be clean.
    if (data.slice(0, 10) === SELECTORS.permit2Approve) {
      if ((words[2] ?? 0n) > ADDRESS_MASK || (words[3] ?? 0n) >= 1n << 48n) reason ??= 'dirty_padding';
    }
  }
  return reason === undefined ? { words, canonical: true } : { words, canonical: false, nonCanonicalReason: reason };
}

/** viem decode + re-encode must reproduce the exact bytes; otherwise use the raw EVM reading. */
function strictDecode(data: Hex, fn: KnownFunction): RawArgs {
  const raw = readRawArgs(data, fn);
  try {
    const decoded = decodeFunctionData({ abi: fn.abi, data });
    const reencoded = encodeFunctionData({ abi: fn.abi, functionName: decoded.functionName, args: decoded.args } as Parameters<typeof encodeFunctionData>[0]);
    if (reencoded.toLowerCase() === data.toLowerCase()) return { words: raw.words, canonical: true };
  } catch {
    // fall through to the raw reading
  }
  return raw.canonical ? { words: raw.words, canonical: false, nonCanonicalReason: 'dirty_padding' } : raw;
}

const toAddr = (w: Word | undefined): Address => getAddress(`0x${((w ?? 0n) & ADDRESS_MASK).toString(16).padStart(40, '0')}`);

function strictness(r: RawArgs): Strictness {
  return r.nonCanonicalReason !== undefined ? { canonical: r.canonical, nonCanonicalReason: r.nonCanonicalReason } : { canonical: r.canonical };
}

function allowance(spender: Address, amount: bigint, opts: DecodeOptions, bits = 256): AllowanceFields {
  const v = classifyAllowance(amount, { bits, ...(opts.totalSupply !== undefined ? { totalSupply: opts.totalSupply } : {}) });
  return { spender, amount, unlimited: v.unlimited, ...(v.reason !== undefined ? { unlimitedReason: v.reason } : {}) };
}

/** `PUSH20 <addr> SELFDESTRUCT`: a creation that forwards its value to <addr> (SlowMist Rabby N2). */
function selfDestructForwarder(data: Hex): Address | undefined {
  const m = /^0x(?:[0-9a-f]{2}){0,16}?73([0-9a-f]{40})ff/i.exec(data);
  return m && size(data) <= 64 && m[1] !== undefined ? getAddress(`0x${m[1]}`) : undefined;
}

/** Decodes what a transaction does from its `to`, `value` and `data`. */
export function decodeCalldata(input: DecodeInput, opts: DecodeOptions = {}): DecodedCall {
  const value = input.value ?? 0n;
  const data: Hex = input.data ?? '0x';
  if (input.to === undefined || input.to === null) {
    const fwd = selfDestructForwarder(data);
    return { kind: 'contract_creation', value, codeSize: size(data), ...(fwd !== undefined ? { selfDestructForwarder: fwd } : {}) };
  }
  const to = getAddress(input.to);
  if (data === '0x') return { kind: 'native_transfer', to, value };
  const selector = (size(data) >= 4 ? slice(data, 0, 4) : data).toLowerCase() as Hex;
  const fn = KNOWN[selector];
  if (!fn) return { kind: 'contract_call', to, selector, value };
  const r = strictDecode(data, fn);
  const w = r.words;
  const s = strictness(r);
  switch (selector) {
    case SELECTORS.transfer:
      return { kind: 'erc20_transfer', token: to, to: toAddr(w[0]), amount: w[1] ?? 0n, ...s };
    case SELECTORS.transferFrom:
      return { kind: 'erc20_transfer_from', token: to, from: toAddr(w[0]), to: toAddr(w[1]), amount: w[2] ?? 0n, ...s };
    case SELECTORS.approve: {
      const amount = w[1] ?? 0n;
      return { kind: 'erc20_approve', token: to, revoke: amount === 0n, ...allowance(toAddr(w[0]), amount, opts), ...s };
    }
    case SELECTORS.increaseAllowance:
    case SELECTORS.increaseApproval:
      return {
        kind: 'erc20_increase_allowance',
        method: selector === SELECTORS.increaseAllowance ? 'increaseAllowance' : 'increaseApproval',
        token: to,
        ...allowance(toAddr(w[0]), w[1] ?? 0n, opts),
        ...s,
      };
    case SELECTORS.setApprovalForAll:
      // Any non-zero word is `true` to a Solidity <0.8 contract: never show "revoke" for bool = 2.
      return { kind: 'set_approval_for_all', collection: to, operator: toAddr(w[0]), approved: (w[1] ?? 0n) !== 0n, ...s };
    case SELECTORS.permit2Approve: {
      const expiration = Number((w[3] ?? 0n) & ((1n << 48n) - 1n));
      return { kind: 'permit2_approve', permit2: to, token: toAddr(w[0]), expiration, ...allowance(toAddr(w[1]), w[2] ?? 0n, {}, 160), ...s };
    }
    default:
      return { kind: 'contract_call', to, selector, value };
  }
}
