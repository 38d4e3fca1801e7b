/**
 * TRON fee estimation: bandwidth from the signed transaction's size (paid from free or staked
 * bandwidth, otherwise burned at the bandwidth price), energy for contract calls (from staked
 * energy, otherwise burned at the energy price), and the activation fee for TRX sent to an
 * address that does not exist yet. Prices come from /wallet/getchainparameters.
 */
import type { TronAccountResources } from './api.ts';

export interface TronChainFees {
  /** Sun per energy unit (getEnergyFee). */
  energyFeeSun: bigint;
  /** Sun per bandwidth byte (getTransactionFee). */
  bandwidthFeeSun: bigint;
  /** Burned instead of bandwidth when a transfer creates an account without enough staked bandwidth (getCreateAccountFee). */
  createAccountFeeSun: bigint;
  /** Charged by the transfer itself for creating an account (getCreateNewAccountFeeInSystemContract). */
  createNewAccountFeeSun: bigint;
  /** Upper bound of fee_limit (getMaxFeeLimit). */
  maxFeeLimitSun: bigint;
}

/** Mainnet values at the time of writing, used only for parameters a node does not report. */
export const DEFAULT_TRON_FEES: TronChainFees = {
  energyFeeSun: 100n,
  bandwidthFeeSun: 1000n,
  createAccountFeeSun: 100_000n,
  createNewAccountFeeSun: 1_000_000n,
  maxFeeLimitSun: 15_000_000_000n,
};

export function chainFeesFromParameters(p: Readonly<Record<string, bigint>>): TronChainFees {
  return {
    energyFeeSun: p.getEnergyFee ?? DEFAULT_TRON_FEES.energyFeeSun,
    bandwidthFeeSun: p.getTransactionFee ?? DEFAULT_TRON_FEES.bandwidthFeeSun,
    createAccountFeeSun: p.getCreateAccountFee ?? DEFAULT_TRON_FEES.createAccountFeeSun,
    createNewAccountFeeSun: p.getCreateNewAccountFeeInSystemContract ?? DEFAULT_TRON_FEES.createNewAccountFeeSun,
    maxFeeLimitSun: p.getMaxFeeLimit ?? DEFAULT_TRON_FEES.maxFeeLimitSun,
  };
}

/** Reserved per contract for the result java-tron appends (MAX_RESULT_SIZE_IN_TX). */
const RESULT_BYTES = 64;
const SIGNATURE_FIELD_BYTES = 67; // tag + length + 65-byte signature

/**
 * Bandwidth bytes of the transaction once signed: the Transaction message (raw_data field plus
 * signature fields) and the result reserve java-tron charges.
 */
export function estimateBandwidthBytes(rawDataHex: string, signatures = 1): number {
  const rawLen = rawDataHex.length / 2;
  let lenBytes = 1;
  for (let v = rawLen >> 7; v > 0; v >>= 7) lenBytes++;
  return 1 + lenBytes + rawLen + signatures * SIGNATURE_FIELD_BYTES + RESULT_BYTES;
}

export interface TronFeeEstimate {
  bandwidthBytes: number;
  /** TRX burned for bandwidth (0 when free or staked bandwidth covers it). */
  bandwidthBurnSun: bigint;
  energy: bigint;
  /** TRX burned for energy beyond the account's available staked energy. */
  energyBurnSun: bigint;
  /** Account-creation charges when the recipient is not activated (TRX transfers). */
  activationFeeSun: bigint;
  /** Expected total burn. */
  totalSun: bigint;
  /** The fee_limit put in a contract call (the most energy may cost); undefined for TRX transfers. */
  feeLimitSun?: bigint;
}

const max0 = (v: bigint): bigint => (v > 0n ? v : 0n);

export function availableBandwidth(r: TronAccountResources): { free: bigint; staked: bigint } {
  return { free: max0(r.freeNetLimit - r.freeNetUsed), staked: max0(r.netLimit - r.netUsed) };
}

export function availableEnergy(r: TronAccountResources): bigint {
  return max0(r.energyLimit - r.energyUsed);
}

export function estimateTronFee(p: {
  fees: TronChainFees;
  resources: TronAccountResources;
  bandwidthBytes: number;
  energy?: bigint;
  createsAccount?: boolean;
  feeLimitSun?: bigint;
}): TronFeeEstimate {
  const bw = availableBandwidth(p.resources);
  const bytes = BigInt(p.bandwidthBytes);
  let bandwidthBurnSun = 0n;
  let activationFeeSun = 0n;
  if (p.createsAccount) {
    // Account creation cannot use free bandwidth: staked bandwidth or a fixed burn, plus the system-contract fee.
    activationFeeSun = p.fees.createNewAccountFeeSun + (bw.staked >= bytes ? 0n : p.fees.createAccountFeeSun);
  } else if (bw.staked < bytes && bw.free < bytes) {
    bandwidthBurnSun = bytes * p.fees.bandwidthFeeSun;
  }
  const energy = p.energy ?? 0n;
  const energyBurnSun = max0(energy - availableEnergy(p.resources)) * p.fees.energyFeeSun;
  return {
    bandwidthBytes: p.bandwidthBytes,
    bandwidthBurnSun,
    energy,
    energyBurnSun,
    activationFeeSun,
    totalSun: bandwidthBurnSun + energyBurnSun + activationFeeSun,
    ...(p.feeLimitSun !== undefined ? { feeLimitSun: p.feeLimitSun } : {}),
  };
}

/**
 * fee_limit for a call expected to use `energy`: the energy's full price plus 20 % (fee_limit caps
 * all energy used, staked or burned), within the chain maximum.
 */
export function feeLimitFor(energy: bigint, fees: TronChainFees): bigint {
  const limit = (energy * fees.energyFeeSun * 12n + 9n) / 10n;
  return limit > fees.maxFeeLimitSun ? fees.maxFeeLimitSun : limit;
}
