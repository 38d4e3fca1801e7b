/** Warnings in the order a reader must see them: danger first, then warning, then the rest (stable). */
import type { RiskWarning } from '../../protocol/approvals';

const RANK: Record<string, number> = { danger: 0, warning: 1, info: 2 };

export function bySeverity(list: readonly RiskWarning[]): RiskWarning[] {
  return list.map((w, i) => ({ w, i })).sort((a, b) => (RANK[a.w.severity] ?? 3) - (RANK[b.w.severity] ?? 3) || a.i - b.i).map((x) => x.w);
}
