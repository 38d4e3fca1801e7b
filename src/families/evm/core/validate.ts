/**
 * Strict readers for dApp-supplied EVM values (addresses, hex quantities, hex data, chain ids).
 * Each throws a -32602 ProviderRpcError naming the field, so the message reaches the dApp as is.
 */
import { bytesToHex, getAddress, type Address, type Hex } from 'viem';
import { invalidParams } from './errors.ts';

const ADDRESS_RE = /^0x[0-9a-fA-F]{40}$/;
const QUANTITY_RE = /^0x[0-9a-fA-F]{1,64}$/;
const DATA_RE = /^0x(?:[0-9a-fA-F]{2})*$/;
const CHAIN_ID_HEX_RE = /^0x[1-9a-fA-F][0-9a-fA-F]*$/;

/**
 * Largest chain id whose EIP-155 `v` (chainId * 2 + 36) is still a safe integer: MetaMask's
 * MAX_SAFE_CHAIN_ID. Stricter than Number.MAX_SAFE_INTEGER on purpose.
 */
export const MAX_SAFE_CHAIN_ID = 4503599627370476;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True for an all-lower, all-upper or correctly EIP-55 checksummed 0x address. */
export function isValidEvmAddress(value: unknown): value is string {
  if (typeof value !== 'string' || !ADDRESS_RE.test(value)) return false;
  const body = value.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  return getAddress(value) === value;
}

/** Looks like an address (0x + 40 hex), checksum not considered: the personal_sign swap test. */
export function resemblesAddress(value: unknown): boolean {
  return typeof value === 'string' && ADDRESS_RE.test(value);
}

/** A checksummed address, or -32602. Mixed case with a wrong EIP-55 checksum is refused (R20). */
export function readAddress(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !ADDRESS_RE.test(value)) {
    throw invalidParams(`${field} must be a 0x-prefixed 20-byte hex address`);
  }
  if (!isValidEvmAddress(value)) throw invalidParams(`${field} has an invalid EIP-55 checksum`);
  return getAddress(value);
}

/**
 * Any 0x + 40 hex address, case ignored, returned checksummed. For EIP-712 values only: typed data
 * encodes an address as a number, so its letter case changes nothing that is signed.
 */
export function readAnyCaseAddress(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !ADDRESS_RE.test(value)) throw invalidParams(`${field} must be a 0x-prefixed 20-byte hex address`);
  return getAddress(value.toLowerCase());
}

/** A 0x hex quantity up to 256 bits. Leading zeros are tolerated (old web3 versions send them). */
export function readQuantity(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !QUANTITY_RE.test(value)) {
    throw invalidParams(`${field} must be a 0x-prefixed hex quantity (e.g. "0x5208")`);
  }
  return BigInt(value);
}

/** A hex quantity that must fit a JS safe integer (nonce, chain id). */
export function readSafeQuantity(value: unknown, field: string): number {
  const n = readQuantity(value, field);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidParams(`${field} is too large`);
  return Number(n);
}

/** Even-length 0x hex bytes ("0x" allowed), lower-cased. `maxBytes` bounds the payload. */
export function readData(value: unknown, field: string, maxBytes: number): Hex {
  if (typeof value !== 'string' || !DATA_RE.test(value)) {
    throw invalidParams(`${field} must be 0x-prefixed hex bytes of even length`);
  }
  if ((value.length - 2) / 2 > maxBytes) throw invalidParams(`${field} is larger than ${maxBytes} bytes`);
  return value.toLowerCase() as Hex;
}

/**
 * An EIP-3085/EIP-3326 chain id: 0x hex, no leading zeros, 1..MAX_SAFE_CHAIN_ID. Returns the number.
 */
export function readChainIdHex(value: unknown, field = 'chainId'): number {
  if (typeof value !== 'string' || !CHAIN_ID_HEX_RE.test(value) || value.length > 18) {
    throw invalidParams(`${field} must be a 0x-prefixed hexadecimal string without leading zeros, got ${describe(value)}`);
  }
  const n = Number(BigInt(value));
  if (!Number.isSafeInteger(n) || n > MAX_SAFE_CHAIN_ID) {
    throw invalidParams(`${field} ${value} exceeds the largest supported chain id (${MAX_SAFE_CHAIN_ID})`);
  }
  return n;
}

/** Chain id as 0x hex, no leading zeros. */
export function toChainIdHex(chainId: number): Hex {
  return `0x${chainId.toString(16)}`;
}

/** A short, safe rendering of a dApp value for error messages (never echoes large payloads). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Serialized size of a JSON value in bytes (UTF-16 length is a good enough bound); cycles → Infinity. */
export function jsonSize(value: unknown): number {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? 0 : s.length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** A secp256k1 private key as the keyring holds it (bytes) or as 0x hex. */
export type PrivateKeyInput = Hex | Uint8Array;

/** viem signers take 0x hex keys. */
export function privateKeyHex(key: PrivateKeyInput): Hex {
  if (typeof key === 'string') {
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new Error('A private key is 32 bytes of 0x hex');
    return key;
  }
  if (key.length !== 32) throw new Error('A private key is 32 bytes');
  return bytesToHex(key);
}
