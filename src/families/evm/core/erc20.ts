/**
 * ERC-20 helpers: the ABIs the wallet decodes, token metadata and balance reads (several eth_calls
 * in one batched HTTP request, no multicall contract needed), transfer calldata, and amount
 * formatting/parsing with decimals. Token-supplied strings are sanitised before display.
 */
import {
  decodeFunctionResult,
  encodeFunctionData,
  erc20Abi,
  formatUnits,
  hexToString,
  trim,
  type Address,
  type Hex,
} from 'viem';
import type { RpcClient, RpcSettled } from './rpc.ts';

// The ABIs below are written out as parseAbi would return them: parsing human-readable ABIs at
// import cost the service worker's cold start (tests/families/evm/abiLiterals.test.ts checks each one
// against parseAbi of its signature).

/** ERC-20 plus the allowance-granting extras wallets must decode (security checklist item 52). */
export const ERC20_EXTRA_ABI = [
  { name: 'increaseAllowance', type: 'function', stateMutability: 'nonpayable', inputs: [{ type: 'address', name: 'spender' }, { type: 'uint256', name: 'addedValue' }], outputs: [{ type: 'bool' }] },
  { name: 'increaseApproval', type: 'function', stateMutability: 'nonpayable', inputs: [{ type: 'address', name: 'spender' }, { type: 'uint256', name: 'addedValue' }], outputs: [{ type: 'bool' }] },
] as const;

/** ERC-721 / ERC-1155 operator approval. */
export const NFT_APPROVAL_ABI = [
  { name: 'setApprovalForAll', type: 'function', stateMutability: 'nonpayable', inputs: [{ type: 'address', name: 'operator' }, { type: 'bool', name: 'approved' }], outputs: [] },
] as const;

/** Uniswap Permit2 AllowanceTransfer.approve (an on-chain allowance to a spender with expiry). */
export const PERMIT2_APPROVE_ABI = [
  {
    name: 'approve',
    type: 'function',
    stateMutability: 'nonpayable',
    inputs: [{ type: 'address', name: 'token' }, { type: 'address', name: 'spender' }, { type: 'uint160', name: 'amount' }, { type: 'uint48', name: 'expiration' }],
    outputs: [],
  },
] as const;

/** The canonical Permit2 deployment (same address on every chain). */
export const PERMIT2_ADDRESS: Address = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

/** Tokens (MKR…) whose symbol() returns bytes32. */
export const BYTES32_SYMBOL_ABI = [{ name: 'symbol', type: 'function', stateMutability: 'view', inputs: [], outputs: [{ type: 'bytes32' }] }] as const;
const BYTES32_ABI = BYTES32_SYMBOL_ABI;

export interface TokenMetadata {
  address: Address;
  name?: string;
  symbol?: string;
  decimals?: number;
  totalSupply?: bigint;
}

const MAX_TOKEN_TEXT = 64;

/** Removes control and bidi-override characters and caps the length of token-supplied text. */
export function sanitizeTokenText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  return cleaned.length > MAX_TOKEN_TEXT ? `${cleaned.slice(0, MAX_TOKEN_TEXT)}…` : cleaned;
}

function decodeText(data: Hex, fn: 'name' | 'symbol'): string | undefined {
  try {
    return sanitizeTokenText(decodeFunctionResult({ abi: erc20Abi, functionName: fn, data }));
  } catch {
    // Old tokens (MKR, SAI) return bytes32.
    try {
      const raw = decodeFunctionResult({ abi: BYTES32_ABI, functionName: 'symbol', data });
      const text = hexToString(trim(raw, { dir: 'right' }));
      return text.length > 0 ? sanitizeTokenText(text) : undefined;
    } catch {
      return undefined;
    }
  }
}

function callFor(to: Address, data: Hex, blockTag: string): { method: string; params: unknown[] } {
  return { method: 'eth_call', params: [{ to, data }, blockTag] };
}

function okData(s: RpcSettled | undefined): Hex | undefined {
  if (!s || !s.ok || typeof s.result !== 'string' || s.result === '0x') return undefined;
  return s.result as Hex;
}

/** name, symbol, decimals and totalSupply in one batched request; missing pieces stay undefined. */
export async function readTokenMetadata(rpc: RpcClient, token: Address, blockTag = 'latest'): Promise<TokenMetadata> {
  const calls = (['name', 'symbol', 'decimals', 'totalSupply'] as const).map((functionName) =>
    callFor(token, encodeFunctionData({ abi: erc20Abi, functionName }), blockTag),
  );
  const [name, symbol, decimals, totalSupply] = await rpc.batch(calls);
  const out: TokenMetadata = { address: token };
  const nameData = okData(name);
  const symbolData = okData(symbol);
  const decimalsData = okData(decimals);
  const supplyData = okData(totalSupply);
  if (nameData) {
    const v = decodeText(nameData, 'name');
    if (v !== undefined) out.name = v;
  }
  if (symbolData) {
    const v = decodeText(symbolData, 'symbol');
    if (v !== undefined) out.symbol = v;
  }
  if (decimalsData) {
    try {
      const d = decodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', data: decimalsData });
      if (d <= 77) out.decimals = d;
    } catch {
      // not an ERC-20 decimals()
    }
  }
  if (supplyData) {
    try {
      out.totalSupply = decodeFunctionResult({ abi: erc20Abi, functionName: 'totalSupply', data: supplyData });
    } catch {
      // ignore
    }
  }
  return out;
}

export type TokenBalance = { token: Address; ok: true; balance: bigint } | { token: Address; ok: false; error: string };

/** balanceOf(owner) for many tokens in one batched request. */
export async function readTokenBalances(rpc: RpcClient, owner: Address, tokens: readonly Address[], blockTag = 'latest'): Promise<TokenBalance[]> {
  if (tokens.length === 0) return [];
  const data = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner] });
  const settled = await rpc.batch(tokens.map((t) => callFor(t, data, blockTag)));
  return tokens.map((token, i): TokenBalance => {
    const s = settled[i];
    if (!s || !s.ok) return { token, ok: false, error: s && !s.ok ? s.error.message : 'no answer' };
    try {
      const balance = decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data: s.result as Hex });
      return { token, ok: true, balance };
    } catch {
      return { token, ok: false, error: 'not an ERC-20 balanceOf result' };
    }
  });
}

/** balanceOf(owner) of one token. */
export async function readTokenBalance(rpc: RpcClient, token: Address, owner: Address): Promise<bigint> {
  const data = await rpc.request<Hex>('eth_call', [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [owner] }) }, 'latest']);
  return decodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', data });
}

/** allowance(owner, spender). */
export async function readAllowance(rpc: RpcClient, token: Address, owner: Address, spender: Address): Promise<bigint> {
  const data = await rpc.request<Hex>('eth_call', [{ to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'allowance', args: [owner, spender] }) }, 'latest']);
  return decodeFunctionResult({ abi: erc20Abi, functionName: 'allowance', data });
}

/** True when the address has code (a contract, or an EIP-7702-delegated account). R2/R18 use it. */
export async function isContractAddress(rpc: RpcClient, address: Address): Promise<boolean> {
  const code = await rpc.request<string>('eth_getCode', [address, 'latest']);
  return typeof code === 'string' && code !== '0x' && code !== '0x0';
}

export function encodeErc20Transfer(to: Address, amount: bigint): Hex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });
}

export function encodeErc20Approve(spender: Address, amount: bigint): Hex {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] });
}

/** Amount in whole units ("1.5"), exact (no rounding); `symbol` appended when given. */
export function formatTokenAmount(amount: bigint, decimals: number, symbol?: string): string {
  const text = formatUnits(amount, decimals);
  return symbol !== undefined ? `${text} ${symbol}` : text;
}

/**
 * Parses a user-typed decimal amount into base units. Refuses (instead of rounding) more fraction
 * digits than the token has, negative numbers, exponents and garbage.
 */
export function parseTokenAmount(text: string, decimals: number): bigint {
  const t = text.trim();
  const m = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(t);
  if (!m) throw new Error(`Not a valid amount: ${JSON.stringify(t.slice(0, 40))}`);
  const whole = m[1] ?? '0';
  const frac = m[2] ?? m[3] ?? '';
  if (frac.length > decimals) throw new Error(`Too many decimal places: this asset has ${decimals}`);
  return BigInt(whole) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
}
