/**
 * Address comparison for the risk rules, per chain family: a normalised key for equality (hex
 * addresses are case-insensitive, base58 ones are not) and the "body" whose first and last
 * characters address poisoning imitates (R8: prefix ≥ 4 and suffix ≥ 4 equal, address different).
 * Fixed leading characters (0x, TRON's T, bech32 hrp, ss58 network byte) are not counted.
 */
import type { Family } from '../types.ts';
import { assertNever } from '../../families/ids.ts';
import type { KnownAddress } from './types.ts';

export const LOOKALIKE_PREFIX = 4;
export const LOOKALIKE_SUFFIX = 4;

export interface ComparableAddress {
  /** Equal keys mean the same account. */
  key: string;
  /** The part whose prefix/suffix a poisoner copies. */
  body: string;
}

export function comparableAddress(family: Family, address: string): ComparableAddress {
  const a = address.trim();
  switch (family) {
    case 'evm': {
      const body = a.toLowerCase().replace(/^0x/, '');
      return { key: body, body };
    }
    case 'aptos': {
      const body = a.toLowerCase().replace(/^0x/, '').padStart(64, '0');
      return { key: body, body };
    }
    case 'tron':
      return { key: a, body: a.replace(/^T/, '') };
    case 'bitcoin': {
      const bech = /^(bc|tb|bcrt)1([qp])(.+)$/i.exec(a);
      if (bech) {
        const lower = a.toLowerCase();
        return { key: lower, body: (bech[3] ?? '').toLowerCase() };
      }
      return { key: a, body: a.slice(1) };
    }
    case 'polkadot':
      return { key: a, body: a.slice(1) };
    case 'eos':
      return { key: a.toLowerCase(), body: a.toLowerCase() };
    case 'solana':
      return { key: a, body: a };
    default:
      return assertNever(family, 'family');
  }
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
