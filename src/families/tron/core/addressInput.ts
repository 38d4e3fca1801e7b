/**
 * TRON address input: base58check "T…" addresses (21 bytes, 0x41 prefix) with a specific reason
 * when an input is not one — a hex address (41… or 0x…) instead of base58, a bad checksum (typo),
 * characters outside base58, a wrong length or another chain's prefix — and conversions between
 * base58, the 21-byte form inside transactions, hex, and the 20-byte form inside ABI data.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createBase58check, base58 } from '@scure/base';
import { TronWalletError } from './errors.ts';

const base58check = createBase58check(sha256);
export const TRON_ADDRESS_PREFIX = 0x41;

export type TronAddressProblem = 'empty' | 'hex_address' | 'evm_address' | 'invalid_characters' | 'wrong_length' | 'bad_checksum' | 'wrong_prefix';

export type TronAddressCheck =
  | { ok: true; address: string; hex: string }
  | { ok: false; reason: TronAddressProblem; message: string; suggestion?: string };

/** 21 bytes (0x41 || 20) → "T…". */
export function tronAddressFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 21 || bytes[0] !== TRON_ADDRESS_PREFIX) throw new TronWalletError('INVALID_ADDRESS', 'A TRON address is 21 bytes starting with 0x41');
  return base58check.encode(bytes);
}

/** "T…" → 21 bytes; throws INVALID_ADDRESS. */
export function tronAddressToBytes(address: string): Uint8Array {
  const c = checkTronAddress(address);
  if (!c.ok) throw new TronWalletError('INVALID_ADDRESS', c.message, { reason: c.reason });
  return hexToBytes(c.hex);
}

/** "T…" → "41…" lower-case hex. */
export function tronAddressToHex(address: string): string {
  return bytesToHex(tronAddressToBytes(address));
}

/** "41…" hex (21 bytes) → "T…". */
export function tronHexToAddress(hex: string): string {
  const h = hex.replace(/^0x/i, '');
  if (!/^41[0-9a-fA-F]{40}$/.test(h)) throw new TronWalletError('INVALID_ADDRESS', 'A hex TRON address is 41 followed by 40 hex digits');
  return base58check.encode(hexToBytes(h));
}

/** 20-byte account id (as in ABI words) → "T…". */
export function tronAddressFrom20(bytes20: Uint8Array): string {
  const out = new Uint8Array(21);
  out[0] = TRON_ADDRESS_PREFIX;
  out.set(bytes20, 1);
  return base58check.encode(out);
}

/**
 * Checks user input. Hex forms are refused with the base58 equivalent as a suggestion (unless
 * `acceptHex`): TRON wallets and explorers show base58, and a hex paste is usually a mistake.
 */
export function checkTronAddress(input: string, options: { acceptHex?: boolean } = {}): TronAddressCheck {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, reason: 'empty', message: 'Enter a TRON address' };
  if (/^(0x)?41[0-9a-fA-F]{40}$/.test(text)) {
    const base = base58check.encode(hexToBytes(text.replace(/^0x/i, '')));
    if (options.acceptHex) return { ok: true, address: base, hex: text.replace(/^0x/i, '').toLowerCase() };
    return { ok: false, reason: 'hex_address', message: `This is a hex TRON address; use the base58 form ${base}`, suggestion: base };
  }
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) {
    return { ok: false, reason: 'evm_address', message: 'This is an Ethereum-style (0x…) address. A TRON address starts with T (base58)' };
  }
  const bad = /[^1-9A-HJ-NP-Za-km-z]/.exec(text);
  if (bad) {
    const ch = bad[0];
    const hint = ch === '0' || ch === 'O' || ch === 'I' || ch === 'l' ? ` ("${ch}" is not used in base58; check for a typo)` : '';
    return { ok: false, reason: 'invalid_characters', message: `A TRON address contains only base58 characters${hint}` };
  }
  let raw: Uint8Array;
  try {
    raw = base58.decode(text);
  } catch {
    return { ok: false, reason: 'invalid_characters', message: 'Not a valid base58 string' };
  }
  if (raw.length !== 25) {
    return { ok: false, reason: 'wrong_length', message: `A TRON address is 34 characters starting with T (this one has ${text.length})` };
  }
  let payload: Uint8Array;
  try {
    payload = base58check.decode(text);
  } catch {
    return { ok: false, reason: 'bad_checksum', message: 'This TRON address has an invalid checksum: a character is probably mistyped' };
  }
  if (payload[0] !== TRON_ADDRESS_PREFIX) {
    return { ok: false, reason: 'wrong_prefix', message: 'This base58 address belongs to another network (TRON addresses start with T)' };
  }
  return { ok: true, address: text, hex: bytesToHex(payload) };
}

/** Like checkTronAddress but throws INVALID_ADDRESS naming the field. */
export function parseTronAddress(input: string, field = 'address', options: { acceptHex?: boolean } = {}): string {
  const c = checkTronAddress(input, options);
  if (!c.ok) {
    throw new TronWalletError('INVALID_ADDRESS', `Invalid ${field}: ${c.message}`, { field, reason: c.reason, ...(c.suggestion ? { suggestion: c.suggestion } : {}) });
  }
  return c.address;
}

/** Normalizes base58 or 41-hex (as in node JSON with visible:false) to base58, or undefined. */
export function normalizeTronAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const c = checkTronAddress(value, { acceptHex: true });
  return c.ok ? c.address : undefined;
}
