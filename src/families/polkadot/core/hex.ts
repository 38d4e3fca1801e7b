/** Strict 0x-hex parsing for untrusted fields (dApp payloads, node answers). */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { invalid } from './errors.ts';

export function toHex(bytes: Uint8Array): `0x${string}` {
  return `0x${bytesToHex(bytes)}`;
}

/** `value` as bytes; `len` fixes the byte length, `max` bounds it. */
export function parseHex(value: unknown, field: string, opts: { len?: number; max?: number } = {}): Uint8Array {
  if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) throw invalid(`${field} must be 0x-prefixed hex with whole bytes`);
  const n = (value.length - 2) / 2;
  if (opts.len !== undefined && n !== opts.len) throw invalid(`${field} must be ${opts.len} bytes, not ${n}`);
  if (opts.max !== undefined && n > opts.max) throw invalid(`${field} is too long (${n} bytes; at most ${opts.max})`);
  return hexToBytes(value.slice(2));
}

/** A hex or decimal unsigned integer field (pjs sends hex; some dApps send numbers). */
export function parseUint(value: unknown, field: string, bits: number): bigint {
  let n: bigint;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) n = BigInt(value);
  else if (typeof value === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(value)) n = BigInt(value);
  else if (typeof value === 'string' && /^[0-9]{1,78}$/.test(value)) n = BigInt(value);
  else throw invalid(`${field} must be an unsigned integer (hex or decimal)`);
  if (n >= 1n << BigInt(bits)) throw invalid(`${field} does not fit in ${bits} bits`);
  return n;
}
