/**
 * Aptos facts for the pre-sign checks. Danger: rotating the account's authentication key (whoever
 * holds the new key owns the account), offering the signer or rotation capability to another
 * account, and any script payload (arbitrary bytecode the wallet cannot decode). Warning: a call
 * into a module outside the framework (0x1, 0x3, 0x4) that the simulation shows withdrawing the
 * user's assets, or whose effect could not be simulated. Codes are translated by the UI.
 */
import type { RiskWarning } from '../../../core/risk/types.ts';
import type { Payload } from './transaction.ts';
import { longAddress } from './typeTag.ts';

export type AptosRiskCode = 'APTOS_SCRIPT_PAYLOAD' | 'APTOS_KEY_ROTATION' | 'APTOS_CAPABILITY_OFFER' | 'APTOS_UNKNOWN_MODULE_MOVES_ASSETS' | 'APTOS_SIMULATION_FAILED';

const FRAMEWORK = new Set(['0x1', '0x3', '0x4'].map(longAddress));

export interface SimulationFacts {
  success: boolean;
  vmStatus: string;
  /** Event types the simulation emitted (…::Withdraw, …::CoinWithdraw…). */
  eventTypes: string[];
}

const isWithdraw = (type: string): boolean => /::(Withdraw|CoinWithdraw|WithdrawEvent)(<|$)/.test(type);

export function aptosRiskWarnings(payload: Payload, sim: SimulationFacts | null): RiskWarning<AptosRiskCode>[] {
  const out: RiskWarning<AptosRiskCode>[] = [];
  if (sim && !sim.success) out.push({ code: 'APTOS_SIMULATION_FAILED', severity: 'danger', params: { status: sim.vmStatus.slice(0, 200) } });
  if (payload.kind === 'script') {
    out.push({ code: 'APTOS_SCRIPT_PAYLOAD', severity: 'danger', params: {} });
    return out;
  }
  const e = payload.kind === 'multisig' ? payload.entry : payload;
  if (!e) return out;
  const fn = `${e.module}::${e.function}`;
  if (e.address === longAddress('0x1') && e.module === 'account') {
    if (e.function.startsWith('rotate_authentication_key')) out.push({ code: 'APTOS_KEY_ROTATION', severity: 'danger', params: { function: fn } });
    if (/^offer_.*_capability$/.test(e.function)) out.push({ code: 'APTOS_CAPABILITY_OFFER', severity: 'danger', params: { function: fn } });
  }
  if (!FRAMEWORK.has(e.address)) {
    if (!sim) out.push({ code: 'APTOS_UNKNOWN_MODULE_MOVES_ASSETS', severity: 'warning', params: { module: `${e.address}::${e.module}`, verified: false } });
    else if (sim.eventTypes.some(isWithdraw)) out.push({ code: 'APTOS_UNKNOWN_MODULE_MOVES_ASSETS', severity: 'warning', params: { module: `${e.address}::${e.module}`, verified: true } });
  }
  return out;
}
