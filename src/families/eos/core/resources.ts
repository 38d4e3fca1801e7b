/**
 * CPU / NET / RAM of an account as get_account reports them, and whether a transaction of a given
 * size is likely to be refused for lack of them (explained before signing rather than after the
 * node answers tx_cpu_usage_exceeded).
 */
export interface ResourceUse {
  used: number;
  available: number;
  max: number;
}

export interface EosResources {
  cpu: ResourceUse;
  net: ResourceUse;
  ram: { used: number; quota: number };
}

/** A simple transfer costs a few hundred µs of CPU and ~150 bytes of NET; these are the floors checked. */
export const TRANSFER_CPU_US = 400;
export const TRANSFER_NET_BYTES = 160;

const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
};
const use = (v: unknown): ResourceUse => {
  const o = (v ?? {}) as Record<string, unknown>;
  // -1 means unlimited on chains without resource limits.
  const max = num(o.max);
  const available = num(o.available);
  return { used: num(o.used), available: max < 0 ? Number.POSITIVE_INFINITY : available, max };
};

/** From a get_account response. */
export function resourcesOf(account: Record<string, unknown>): EosResources {
  return { cpu: use(account.cpu_limit), net: use(account.net_limit), ram: { used: num(account.ram_usage), quota: num(account.ram_quota) } };
}

export type ResourceShortfall = { resource: 'cpu' | 'net'; needed: number; available: number };

export function resourceShortfall(r: EosResources, cpuUs = TRANSFER_CPU_US, netBytes = TRANSFER_NET_BYTES): ResourceShortfall | null {
  if (r.cpu.available < cpuUs) return { resource: 'cpu', needed: cpuUs, available: r.cpu.available };
  if (r.net.available < netBytes) return { resource: 'net', needed: netBytes, available: r.net.available };
  return null;
}
