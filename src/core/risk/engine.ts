/**
 * The generic pre-sign risk engine: pure, offline rules over a chain-independent description of a
 * request (security checklist §H and the offline rules of "§2 Pre-sign risk rules"): large
 * transfers (R26), frequency, unlimited approvals (R1), address poisoning (R8), chain-id
 * mismatch (R10), insecure origins, first-time recipients (R7), known recipients (R9), tokens sent
 * to their own contract (R6) and burn addresses (R17). Chain modules compute the facts (decoded
 * approval, chain ids); this module only judges them. Output is sorted danger → warning → info.
 */
import { findKnown, findLookalikes, comparableAddress } from './lookalike.ts';
import { FAMILY_CORES } from '../chains/registry.ts';
import type { RiskCode, RiskInput, RiskSeverity, RiskWarning } from './types.ts';

export type RiskFinding = RiskWarning<RiskCode>;

const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_LARGE_SHARE = 0.5;
/** Scale for exact decimal comparison of whole-unit amounts. */
const SCALE = 36;

const SEVERITY_ORDER: Record<RiskSeverity, number> = { danger: 0, warning: 1, info: 2 };

/** "1.5" / 1.5 → 1.5 × 10^36 as a bigint; undefined for anything that is not a plain decimal. */
function toScaled(v: string | number): bigint | undefined {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return undefined;
    s = v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  } else {
    s = v.trim();
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return undefined;
  const frac = (m[2] ?? '').slice(0, SCALE).padEnd(SCALE, '0');
  return BigInt(m[1] ?? '0') * 10n ** BigInt(SCALE) + BigInt(frac || '0');
}

export function isInsecureOrigin(origin: string): boolean {
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return true;
  }
  if (u.protocol === 'https:') return false;
  if (u.protocol === 'http:') return !(u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]');
  // chrome-extension:, file:, data: … are not web origins a dApp should sign from.
  return true;
}

function limitFor(limits: Readonly<Record<string, string | number>> | undefined, symbol: string): string | number | undefined {
  if (!limits) return undefined;
  if (limits[symbol] !== undefined) return limits[symbol];
  const upper = symbol.toUpperCase();
  const key = Object.keys(limits).find((k) => k.toUpperCase() === upper);
  return key !== undefined ? limits[key] : undefined;
}

function largeTransfer(input: RiskInput): RiskFinding | undefined {
  const a = input.amount;
  if (!a) return undefined;
  const value = toScaled(a.value);
  if (value === undefined) return undefined;
  const t = input.userThresholds ?? {};
  const limit = limitFor(t.singleTransferLimit, a.symbol);
  const limitScaled = limit !== undefined ? toScaled(limit) : undefined;
  if (limitScaled !== undefined && limitScaled > 0n && value >= limitScaled) {
    return { code: 'LARGE_TRANSFER', severity: 'warning', params: { reason: 'limit', amount: a.value, symbol: a.symbol, limit: String(limit) } };
  }
  if (a.usd !== undefined && t.singleTransferLimitUsd !== undefined && t.singleTransferLimitUsd > 0 && a.usd >= t.singleTransferLimitUsd) {
    return { code: 'LARGE_TRANSFER', severity: 'warning', params: { reason: 'usd', amount: a.value, symbol: a.symbol, usd: a.usd, limitUsd: t.singleTransferLimitUsd } };
  }
  const balance = a.balance !== undefined ? toScaled(a.balance) : undefined;
  if (balance !== undefined && balance > 0n) {
    const share = t.largeShareOfBalance ?? DEFAULT_LARGE_SHARE;
    // value / balance ≥ share, in integers (share with 6 decimal places).
    const shareMicros = BigInt(Math.round(share * 1_000_000));
    if (value * 1_000_000n >= balance * shareMicros) {
      const percent = Number((value * 10_000n) / balance) / 100;
      return {
        code: 'LARGE_TRANSFER',
        severity: 'warning',
        params: { reason: value >= balance ? 'whole_balance' : 'share_of_balance', amount: a.value, symbol: a.symbol, percentOfBalance: percent },
      };
    }
  }
  return undefined;
}

function frequentTransfers(input: RiskInput, now: number): RiskFinding | undefined {
  const max = input.userThresholds?.maxTransfersPerHour;
  if (max === undefined || max <= 0) return undefined;
  const lastHour = (input.recentTransfers ?? []).filter((ts) => ts <= now && now - ts < HOUR_MS).length;
  const count = lastHour + 1;
  if (count > max) return { code: 'FREQUENT_TRANSFERS', severity: 'warning', params: { count, limit: max, windowMinutes: 60 } };
  return undefined;
}

/** Runs every rule that applies to the request. */
export function assessRisk(input: RiskInput): RiskFinding[] {
  const now = input.now ?? Date.now();
  const out: RiskFinding[] = [];
  const known = input.knownAddresses ?? [];
  const family = input.chainFamily;
  const moves = input.kind === 'transfer' || input.kind === 'contract';

  if (input.chainIdMismatch !== undefined && input.chainIdMismatch !== false) {
    const params: Record<string, string> = typeof input.chainIdMismatch === 'object' ? { expected: String(input.chainIdMismatch.expected), actual: String(input.chainIdMismatch.actual) } : {};
    out.push({ code: 'CHAIN_ID_MISMATCH', severity: 'danger', params });
  }

  if (input.origin !== null && isInsecureOrigin(input.origin)) {
    out.push({ code: 'INSECURE_ORIGIN', severity: 'warning', params: { origin: input.origin } });
  }

  if (input.kind === 'approve' && input.unlimitedApproval === true) {
    out.push({ code: 'UNLIMITED_APPROVAL', severity: 'danger', params: input.recipient !== undefined ? { spender: input.recipient } : {} });
  }

  if (input.recipient !== undefined && input.recipient.length > 0) {
    const recipient = input.recipient;
    const exact = findKnown(family, recipient, known);
    if (!exact) {
      for (const k of findLookalikes(family, recipient, known)) {
        out.push({
          code: 'ADDRESS_LOOKALIKE',
          severity: 'danger',
          params: { address: recipient, similarTo: k.address, source: k.source, ...(k.label !== undefined ? { label: k.label } : {}) },
        });
      }
    }
    if (input.tokenContract !== undefined && comparableAddress(family, input.tokenContract).key === comparableAddress(family, recipient).key) {
      out.push({ code: 'CONTRACT_RECIPIENT_FOR_TOKEN', severity: 'danger', params: { token: input.tokenContract } });
    }
    if (input.kind === 'transfer') {
      const burnKey = comparableAddress(family, recipient).key;
      if ((FAMILY_CORES[family].burnAddresses ?? []) /* burn / zero addresses (R17), the family's own list */.some((b) => comparableAddress(family, b).key === burnKey)) {
        out.push({ code: 'BURN_RECIPIENT', severity: 'danger', params: { address: recipient } });
      }
      if (exact) {
        out.push({ code: 'KNOWN_RECIPIENT', severity: 'info', params: { source: exact.source, ...(exact.label !== undefined ? { label: exact.label } : {}) } });
      } else {
        out.push({ code: 'NEW_RECIPIENT', severity: 'info', params: { address: recipient } });
      }
    }
  }

  if (moves) {
    const large = largeTransfer(input);
    if (large) out.push(large);
  }
  if (input.kind === 'transfer') {
    const frequent = frequentTransfers(input, now);
    if (frequent) out.push(frequent);
  }

  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The highest severity in a list of warnings, or undefined when there are none. */
export function highestSeverity(warnings: readonly RiskWarning[]): RiskSeverity | undefined {
  let best: RiskSeverity | undefined;
  for (const w of warnings) if (best === undefined || SEVERITY_ORDER[w.severity] < SEVERITY_ORDER[best]) best = w.severity;
  return best;
}
