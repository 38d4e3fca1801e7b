/**
 * Fee-rate choices shown to the user: slow / normal / fast from an Esplora /fee-estimates map
 * (confirmation target in blocks → sat/vB), or a custom sat/vB. Targets: fast = next block,
 * normal = 6 blocks (~1 h), slow = 144 blocks (~1 day). A missing target uses the nearest shorter
 * target available (never a cheaper one), rates are rounded up to 0.01 sat/vB, kept ordered
 * (slow ≤ normal ≤ fast) and never below the minimum relay fee rate.
 */
import { BitcoinError } from './errors.ts';
import type { EsploraClient, FeeEstimates } from './esplora.ts';

export type FeeLevel = 'slow' | 'normal' | 'fast';

export interface FeeRates {
  slow: number;
  normal: number;
  fast: number;
  /** False when the server had no estimates (fresh regtest) and the fallback was used. */
  estimated: boolean;
}

export type FeeChoice = { level: FeeLevel } | { custom: number };

/** Default relay floor (sat/vB). Bitcoin Core ≥ 29 may relay lower; pass minFeeRate to opt in. */
export const MIN_RELAY_FEE_RATE = 1;
/** Upper sanity bound for a custom rate; anything above is almost certainly a typo. */
export const MAX_FEE_RATE = 10_000;
export const FEE_TARGETS: Readonly<Record<FeeLevel, number>> = { fast: 1, normal: 6, slow: 144 };

const roundUp2 = (r: number): number => Math.ceil(r * 100 - 1e-9) / 100;

function rateForTarget(estimates: FeeEstimates, target: number): number | undefined {
  const keys = Object.keys(estimates)
    .map(Number)
    .filter((k) => Number.isInteger(k) && k > 0)
    .sort((a, b) => a - b);
  if (keys.length === 0) return undefined;
  // The largest target ≤ the wanted one (faster, so at least as expensive); else the smallest.
  let pick = keys[0]!;
  for (const k of keys) if (k <= target) pick = k;
  return estimates[String(pick)];
}

/** slow/normal/fast from a fee-estimates map; fallback (default: min relay for all) when empty. */
export function feeRatesFromEstimates(estimates: FeeEstimates, opts: { minFeeRate?: number; fallback?: Omit<FeeRates, 'estimated'> } = {}): FeeRates {
  const min = opts.minFeeRate ?? MIN_RELAY_FEE_RATE;
  const fast = rateForTarget(estimates, FEE_TARGETS.fast);
  const normal = rateForTarget(estimates, FEE_TARGETS.normal);
  const slow = rateForTarget(estimates, FEE_TARGETS.slow);
  if (fast === undefined || normal === undefined || slow === undefined) {
    const fb = opts.fallback ?? { slow: min, normal: min, fast: min };
    return { ...fb, estimated: false };
  }
  const s = Math.max(min, roundUp2(slow));
  const n = Math.max(s, roundUp2(normal));
  const f = Math.max(n, roundUp2(fast));
  return { slow: s, normal: n, fast: f, estimated: true };
}

/** Fetches /fee-estimates and turns it into the three levels. */
export async function fetchFeeRates(client: EsploraClient, opts: { minFeeRate?: number } = {}): Promise<FeeRates> {
  return feeRatesFromEstimates(await client.getFeeEstimates(), opts);
}

/** The sat/vB for a user's choice; custom rates are checked (INVALID_FEE_RATE). */
export function resolveFeeRate(choice: FeeChoice, rates: FeeRates | undefined, opts: { minFeeRate?: number; maxFeeRate?: number } = {}): number {
  const min = opts.minFeeRate ?? MIN_RELAY_FEE_RATE;
  const max = opts.maxFeeRate ?? MAX_FEE_RATE;
  if ('level' in choice) {
    if (!rates) throw new BitcoinError('INVALID_FEE_RATE', 'Fee estimates are not available; enter a custom fee rate');
    return rates[choice.level];
  }
  return checkFeeRate(choice.custom, { minFeeRate: min, maxFeeRate: max });
}

/** Validates a sat/vB rate (finite, ≥ min relay, ≤ sanity max, at most 3 decimals). */
export function checkFeeRate(feeRate: number, opts: { minFeeRate?: number; maxFeeRate?: number } = {}): number {
  const min = opts.minFeeRate ?? MIN_RELAY_FEE_RATE;
  const max = opts.maxFeeRate ?? MAX_FEE_RATE;
  if (typeof feeRate !== 'number' || !Number.isFinite(feeRate)) throw new BitcoinError('INVALID_FEE_RATE', 'Fee rate must be a number of sat/vB');
  if (feeRate < min) throw new BitcoinError('INVALID_FEE_RATE', `Fee rate must be at least ${min} sat/vB`, { min });
  if (feeRate > max) throw new BitcoinError('INVALID_FEE_RATE', `Fee rate above ${max} sat/vB looks like a mistake`, { max });
  return Math.round(feeRate * 1000) / 1000;
}
