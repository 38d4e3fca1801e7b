/**
 * Risk facts of a Polkadot call, for the shared engine (amount, recipient) and the family's own
 * warnings for calls that hand over control or move everything: proxy.* (another account acts for
 * you), utility.batch* containing transfers (one approval, many transfers), balances.transferAll,
 * multisig.*, and system.remark look-alikes (a "message" that is really a call).
 */
import type { RiskFacts } from '../../types.ts';
import { describeCall, destOf, innerCalls } from './describe.ts';
import type { DecodedCall } from './metadata.ts';

/** The shape of the approval window's warnings (params are strings or numbers). */
export interface PolkadotWarning {
  code: PolkadotRiskCode;
  severity: 'info' | 'warning' | 'danger';
  params: Record<string, string | number>;
}

export type PolkadotRiskCode = 'POLKADOT_PROXY' | 'POLKADOT_BATCH_TRANSFERS' | 'POLKADOT_TRANSFER_ALL' | 'POLKADOT_MULTISIG' | 'POLKADOT_REMARK_LOOKALIKE' | 'POLKADOT_ALLOW_DEATH';

const TRANSFERS = new Set(['transfer_keep_alive', 'transfer_allow_death', 'transfer', 'transfer_all', 'force_transfer']);
const REMARKS = new Set(['remark', 'remark_with_event']);

export function polkadotWarnings(call: DecodedCall): PolkadotWarning[] {
  const out: PolkadotWarning[] = [];
  const add = (code: PolkadotRiskCode, severity: PolkadotWarning['severity'], params: PolkadotWarning['params'] = {}): void => {
    if (!out.some((w) => w.code === code)) out.push({ code, severity, params });
  };
  const all = [...innerCalls(call)];
  for (const c of all) {
    if (c.pallet === 'Proxy') add('POLKADOT_PROXY', 'danger', { method: c.method });
    if (c.pallet === 'Multisig') add('POLKADOT_MULTISIG', 'warning', { method: c.method });
    if (c.pallet === 'Balances' && c.method === 'transfer_all') add('POLKADOT_TRANSFER_ALL', 'danger');
    if (c.pallet === 'Balances' && c.method === 'transfer_allow_death') add('POLKADOT_ALLOW_DEATH', 'warning');
    // A remark is harmless; a call named like one in another pallet is not what it looks like.
    if (REMARKS.has(c.method) && c.pallet !== 'System') add('POLKADOT_REMARK_LOOKALIKE', 'danger', { pallet: c.pallet, method: c.method });
  }
  if (call.pallet === 'Utility' && all.slice(1).some((c) => c.pallet === 'Balances' && TRANSFERS.has(c.method))) {
    add('POLKADOT_BATCH_TRANSFERS', 'danger', { count: all.slice(1).filter((c) => c.pallet === 'Balances' && TRANSFERS.has(c.method)).length });
  }
  return out;
}

/** Facts for the shared engine: a top-level balance transfer is a transfer; anything else is a signature. */
export function polkadotFacts(call: DecodedCall, symbol: string, decimals: number, balance?: string): RiskFacts {
  const view = describeCall(call, decimals);
  if (view.transfer?.amount) {
    return { kind: 'transfer', amount: { value: view.transfer.amount, symbol, ...(balance ? { balance } : {}) }, ...(view.transfer.to ? { recipient: view.transfer.to } : {}) };
  }
  const to = call.pallet === 'Balances' ? destOf(call.args.dest) : null;
  return { kind: 'sign', ...(to ? { recipient: to } : {}) };
}
