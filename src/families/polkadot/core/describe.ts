/**
 * A decoded call made readable for the approval window: plain JSON (bytes as hex, integers as
 * decimal strings, nested calls kept as { pallet, method, args }), with the balance amounts of
 * known transfer calls also in whole DOT/KSM. Argument names and order are the metadata's.
 */
import { formatUnits } from './amounts.ts';
import { toHex } from './hex.ts';
import type { DecodedCall } from './metadata.ts';

export interface CallView {
  pallet: string;
  method: string;
  args: unknown;
  /** For balance transfers: recipient (SS58 as decoded) and amount in whole units. */
  transfer?: { to: string | null; amount: string | null; all?: boolean };
}

/** Papi's decoded values → JSON (bigint → string, Uint8Array → hex, enums stay { type, value }). */
export function toPlain(v: unknown, depth = 0): unknown {
  if (depth > 32) return '…';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return toHex(v);
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof (o as { asHex?: unknown }).asHex === 'function') return (o as unknown as { asHex(): string }).asHex();
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, toPlain(x, depth + 1)]));
  }
  return v;
}

/** A MultiAddress::Id (or plain AccountId) as its SS58 string, else null. */
export function destOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Id' && typeof (v as { value?: unknown }).value === 'string') return (v as { value: string }).value;
  return null;
}

export function describeCall(call: DecodedCall, decimals: number): CallView {
  const view: CallView = { pallet: call.pallet, method: call.method, args: toPlain(call.args) };
  if (call.pallet === 'Balances') {
    const a = call.args;
    if (call.method === 'transfer_all') view.transfer = { to: destOf(a.dest), amount: null, all: true };
    else if (typeof a.value === 'bigint' && 'dest' in a) view.transfer = { to: destOf(a.dest), amount: formatUnits(a.value, decimals) };
  }
  return view;
}

/** Walks nested calls (utility.batch*, proxy.proxy, multisig.as_multi …) depth-first. */
export function* innerCalls(call: DecodedCall, depth = 0): Generator<DecodedCall> {
  yield call;
  if (depth > 8) return;
  const visit = function* (v: unknown): Generator<DecodedCall> {
    if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
      const o = v as { type?: unknown; value?: unknown };
      // A RuntimeCall value is { type: Pallet, value: { type: method, value: args } }.
      if (typeof o.type === 'string' && o.value && typeof o.value === 'object' && typeof (o.value as { type?: unknown }).type === 'string' && /^[A-Z]/.test(o.type)) {
        const inner = o.value as { type: string; value: unknown };
        if (/^[a-z_0-9]+$/.test(inner.type)) {
          const args = inner.value && typeof inner.value === 'object' ? (inner.value as Record<string, unknown>) : {};
          yield* innerCalls({ pallet: o.type, method: inner.type, args }, depth + 1);
          return;
        }
      }
      for (const x of Array.isArray(v) ? v : Object.values(v)) yield* visit(x);
    }
  };
  for (const a of Object.values(call.args)) yield* visit(a);
}
