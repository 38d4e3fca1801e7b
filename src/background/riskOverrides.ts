/**
 * The activity log's record of danger warnings the user overrode (approved anyway after ticking
 * "I understand the risk"): which site, what kind of request, which warnings, when. Public data
 * only, in storage.local, newest first, bounded.
 */
import type { ApprovalRecord, RiskOverride } from '../protocol/approvals';
import { localArea } from './storageCache';

const KEY = 'riskOverrides';
const MAX_ITEMS = 200;

export async function listRiskOverrides(): Promise<RiskOverride[]> {
  return ((await localArea.get(KEY))[KEY] as RiskOverride[] | undefined) ?? [];
}

export async function recordRiskOverride(r: ApprovalRecord): Promise<void> {
  const item: RiskOverride = { origin: r.origin, family: r.family, kind: r.kind, codes: r.warnings.filter((w) => w.severity === 'danger').map((w) => w.code), time: Date.now() };
  await localArea.set({ [KEY]: [item, ...(await listRiskOverrides())].slice(0, MAX_ITEMS) });
}
