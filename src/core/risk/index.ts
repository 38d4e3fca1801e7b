/** Pre-sign risk engine: re-exports only. */
export { assessRisk, highestSeverity, isInsecureOrigin, type RiskFinding } from './engine.ts';
export { comparableAddress, differingIndexes, findKnown, findLookalikes, LOOKALIKE_PREFIX, LOOKALIKE_SUFFIX, type ComparableAddress } from './lookalike.ts';
export type { KnownAddress, KnownAddressSource, RiskAmount, RiskCode, RiskInput, RiskKind, RiskParamValue, RiskSeverity, RiskThresholds, RiskWarning } from './types.ts';
