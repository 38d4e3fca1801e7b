/**
 * The little ABI the TRON core needs: TRC-20 selectors (keccak-256 of the signature), encoding of
 * address and uint256 words (TRON addresses as their 20-byte account id), decoding of uint256 and
 * string results, and recognition of transfer / approve / transferFrom call data for display.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { tronAddressFrom20, tronAddressToBytes } from './addressInput.ts';

export const UINT256_MAX = (1n << 256n) - 1n;

export function functionSelector(signature: string): string {
  return bytesToHex(keccak_256(utf8ToBytes(signature)).subarray(0, 4));
}

export const TRC20 = {
  transfer: 'transfer(address,uint256)',
  approve: 'approve(address,uint256)',
  transferFrom: 'transferFrom(address,address,uint256)',
  increaseApproval: 'increaseApproval(address,uint256)',
  balanceOf: 'balanceOf(address)',
  decimals: 'decimals()',
  symbol: 'symbol()',
  name: 'name()',
} as const;

/**
 * Selector → method, as literals: hashing eight signatures at import cost the service worker's
 * cold start several ms. tests/families/tron/selectors.test.ts proves each literal is functionSelector(TRC20[k]).
 */
export const TRC20_SELECTORS: Readonly<Record<string, keyof typeof TRC20>> = Object.freeze({
  a9059cbb: 'transfer',
  '095ea7b3': 'approve',
  '23b872dd': 'transferFrom',
  d73dd623: 'increaseApproval',
  '70a08231': 'balanceOf',
  '313ce567': 'decimals',
  '95d89b41': 'symbol',
  '06fdde03': 'name',
});
const SEL = TRC20_SELECTORS;

export function encodeAddressWord(address: string): string {
  return bytesToHex(tronAddressToBytes(address).subarray(1)).padStart(64, '0');
}

export function encodeUint256Word(value: bigint): string {
  if (value < 0n || value > UINT256_MAX) throw new RangeError('uint256 out of range');
  return value.toString(16).padStart(64, '0');
}

/** ABI-encoded parameters of transfer(address,uint256) (no selector, as /wallet/triggersmartcontract takes them). */
export function encodeTransferParams(to: string, amount: bigint): string {
  return encodeAddressWord(to) + encodeUint256Word(amount);
}

export function decodeUint256(hex: string): bigint {
  const h = hex.replace(/^0x/, '');
  if (!/^[0-9a-fA-F]{64}/.test(h)) throw new RangeError('not a uint256 word');
  return BigInt(`0x${h.slice(0, 64)}`);
}

/** A `string` return value (or a bytes32 as older tokens return for symbol/name). */
export function decodeAbiString(hex: string): string {
  const h = hex.replace(/^0x/, '');
  const bytes = hexToBytes(h.length % 2 === 0 ? h : `0${h}`);
  const word = (i: number): bigint => BigInt(`0x${bytesToHex(bytes.subarray(i * 32, i * 32 + 32)) || '0'}`);
  if (bytes.length >= 64) {
    const offset = Number(word(0));
    if (offset + 32 <= bytes.length) {
      const len = Number(BigInt(`0x${bytesToHex(bytes.subarray(offset, offset + 32))}`));
      if (offset + 32 + len <= bytes.length) return new TextDecoder().decode(bytes.subarray(offset + 32, offset + 32 + len));
    }
  }
  if (bytes.length === 32) return new TextDecoder().decode(bytes).replace(/\0+$/, '');
  throw new RangeError('not an ABI string');
}

export type Trc20Call =
  | { method: 'transfer'; to: string; amount: bigint }
  | { method: 'approve' | 'increaseApproval'; spender: string; amount: bigint; unlimited: boolean }
  | { method: 'transferFrom'; from: string; to: string; amount: bigint }
  | { method: 'unknown'; selector: string };

/** Recognizes TRC-20 call data (hex, selector + words); unknown selectors are reported as such. */
export function decodeTrc20Call(dataHex: string): Trc20Call {
  const h = dataHex.replace(/^0x/, '').toLowerCase();
  const selector = h.slice(0, 8);
  const method = SEL[selector];
  const words = h.slice(8);
  const addr = (i: number): string => {
    const w = words.slice(i * 64, i * 64 + 64);
    if (!/^0{24}[0-9a-f]{40}$/.test(w)) throw new RangeError('bad address word');
    return tronAddressFrom20(hexToBytes(w.slice(24)));
  };
  const uint = (i: number): bigint => decodeUint256(words.slice(i * 64, i * 64 + 64));
  try {
    if (method === 'transfer' && words.length === 128) return { method, to: addr(0), amount: uint(1) };
    if ((method === 'approve' || method === 'increaseApproval') && words.length === 128) {
      const amount = uint(1);
      // Many UIs approve 2^256-1 or "a lot"; anything ≥ 2^255 is effectively unlimited.
      return { method, spender: addr(0), amount, unlimited: amount >= 1n << 255n };
    }
    if (method === 'transferFrom' && words.length === 192) return { method, from: addr(0), to: addr(1), amount: uint(2) };
  } catch {
    // fall through
  }
  return { method: 'unknown', selector };
}
