/**
 * TRON address and unit utilities of the injected `tronWeb` facade (tronweb semantics), split from
 * tronProviders.ts. Page code: the base58check address codec (addressCodec.ts, over @noble/hashes).
 */
import { fromHex, toHex } from '../../../inpage/hex';
import { base58check } from './addressCodec';

/** "T…" → 21 bytes, or null when not a valid base58check TRON address. */
export function decodeBase58(a: unknown): Uint8Array | null {
  if (typeof a !== 'string' || !/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(a)) return null;
  try {
    const b = base58check.decode(a);
    return b.length === 21 && b[0] === 0x41 ? b : null;
  } catch {
    return null;
  }
}

function tronAddressToHex(a: string): string {
  const b = decodeBase58(a);
  if (!b) throw new Error('Invalid TRON address');
  return toHex(b);
}

function tronHexToAddress(h: string): string {
  const x = h.replace(/^0x/i, '');
  if (!/^41[0-9a-fA-F]{40}$/.test(x)) throw new Error('Invalid hex TRON address');
  return base58check.encode(fromHex(x));
}

export function hexOf(address: string): string {
  try {
    return tronAddressToHex(address);
  } catch {
    return address;
  }
}

// Sync utilities (tronweb semantics)

export function toSun(v: unknown): string {
  const m = /^(\d+)(?:\.(\d{0,6}))?$/.exec(String(v).trim());
  if (!m) throw new Error('Invalid TRX amount');
  return (BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'))).toString();
}

export function fromSun(v: unknown): string {
  const s = BigInt(String(v).split('.')[0]!);
  const frac = (s % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${s / 1_000_000n}${frac ? `.${frac}` : ''}`;
}

// The encoder is made on use: a TextEncoder at load would cost every page load its interface object.
export const fromUtf8 = (s: string): string => `0x${toHex(new TextEncoder().encode(s))}`;
export const toUtf8 = (h: string): string => new TextDecoder().decode(fromHex(h));

export const address = Object.freeze({
  toHex: (a: string): string => (/^(0x)?41[0-9a-fA-F]{40}$/.test(a) ? a.replace(/^0x/, '').toLowerCase() : tronAddressToHex(a)),
  fromHex: (h: string): string => (decodeBase58(h) ? h : tronHexToAddress(h.replace(/^0x/, '').length === 40 ? `41${h.replace(/^0x/, '')}` : h)),
});
