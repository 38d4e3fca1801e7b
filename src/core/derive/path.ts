/**
 * BIP32-style path strings ("m/44'/60'/0'/0/5"): parsing, and the account index rules every
 * family shares (an integer in [0, 2^31), so it can always be used as a hardened index).
 */
import { KeyDerivationError } from './errors.ts';

export const HARDENED_OFFSET = 0x80000000;

/** Throws unless index is an integer in [0, 2^31). */
export function assertAccountIndex(index: unknown): asserts index is number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= HARDENED_OFFSET) {
    throw new KeyDerivationError('Account index must be an integer from 0 to 2147483647');
  }
}

/** Parses "m/a'/b/..." into child numbers (hardened ones offset by 2^31). */
export function parsePath(path: string): number[] {
  const parts = path.split('/');
  if (parts[0] !== 'm') throw new KeyDerivationError(`Derivation path must start with "m": ${path}`);
  return parts.slice(1).map((part) => {
    const m = /^(\d{1,10})('|h|H)?$/.exec(part);
    const n = m?.[1] === undefined ? NaN : Number(m[1]);
    if (!Number.isInteger(n) || n >= HARDENED_OFFSET) throw new KeyDerivationError(`Invalid derivation path segment in ${path}`);
    return m?.[2] ? n + HARDENED_OFFSET : n;
  });
}

/** Splits a path into its parent path and last child number, e.g. "m/44'/0'" → ["m/44'", 2^31]. */
export function splitLastSegment(path: string): [parent: string, child: number] | null {
  const i = path.lastIndexOf('/');
  if (i < 0) return null;
  const child = parsePath(`m/${path.slice(i + 1)}`)[0];
  return child === undefined ? null : [path.slice(0, i), child];
}
