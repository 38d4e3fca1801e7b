/**
 * Address comparison for the risk rules, by each family's rule (its core object): a normalised key for equality (hex
 * addresses are case-insensitive, base58 ones are not) and the "body" whose first and last
 * characters address poisoning imitates (R8: prefix ≥ 4 and suffix ≥ 4 equal, address different).
 * Fixed leading characters (0x, TRON's T, bech32 hrp, ss58 network byte) are not counted.
 */
import type { Family } from '../types.ts';
import { FAMILY_CORES } from '../chains/registry.ts';
import type { KnownAddress } from './types.ts';

export const LOOKALIKE_PREFIX = 4;
export const LOOKALIKE_SUFFIX = 4;

export interface ComparableAddress {
  /** Equal keys mean the same account. */
  key: string;
  /** The part whose prefix/suffix a poisoner copies. */
  body: string;
}

/** The family's own rule (FamilyCore.comparableAddress), on the trimmed address. */
export function comparableAddress(family: Family, address: string): ComparableAddress {
  return FAMILY_CORES[family].comparableAddress(address.trim());
}

/** Indexes (in `candidate`) where it differs from `known`, for highlighting in the UI. */
export function differingIndexes(candidate: string, known: string): number[] {
  const out: number[] = [];
  const n = Math.max(candidate.length, known.length);
  for (let i = 0; i < n; i++) if (candidate[i] !== known[i]) out.push(i);
  return out;
}

/** Known addresses that share prefix and suffix with `address` but are a different account. */
export function findLookalikes(family: Family, address: string, known: readonly KnownAddress[]): KnownAddress[] {
  const c = comparableAddress(family, address);
  if (c.body.length < LOOKALIKE_PREFIX + LOOKALIKE_SUFFIX + 1) return [];
  const pre = c.body.slice(0, LOOKALIKE_PREFIX);
  const suf = c.body.slice(-LOOKALIKE_SUFFIX);
  return known.filter((k) => {
    const kc = comparableAddress(family, k.address);
    return kc.key !== c.key && kc.body.length === c.body.length && kc.body.slice(0, LOOKALIKE_PREFIX) === pre && kc.body.slice(-LOOKALIKE_SUFFIX) === suf;
  });
}

/** The known entry for exactly this address, preferring own > addressBook > whitelist > history. */
export function findKnown(family: Family, address: string, known: readonly KnownAddress[]): KnownAddress | undefined {
  const key = comparableAddress(family, address).key;
  const rank: Record<KnownAddress['source'], number> = { own: 0, addressBook: 1, whitelist: 2, history: 3 };
  return known.filter((k) => comparableAddress(family, k.address).key === key).sort((x, y) => rank[x.source] - rank[y.source])[0];
}
