/**
 * Antelope asset strings ("1.2345 EOS"): the amount is an int64 of the symbol's smallest unit,
 * the symbol 1–7 capital letters with a precision (decimals) of 0–18. Parsing what a user types
 * never rounds: more decimals than the token has is an error, not a truncation.
 */
import { EosError } from './errors.ts';

export interface EosSymbol {
  code: string;
  precision: number;
}

const INT64_MAX = 2n ** 63n - 1n;

export function checkSymbolCode(code: string): string {
  if (typeof code !== 'string' || !/^[A-Z]{1,7}$/.test(code)) throw new EosError('invalid-params', `Not a token symbol (1–7 capital letters): ${String(code)}`);
  return code;
}

/** "1.5" with precision 4 → 15000n; refuses signs, exponents, too many decimals and int64 overflow. */
export function parseUnits(amount: string, precision: number): bigint {
  const text = typeof amount === 'string' ? amount.trim() : '';
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new EosError('invalid-amount', `Not an amount: "${amount}" (use digits and an optional decimal point)`);
  const frac = m[2] ?? '';
  if (frac.length > precision) throw new EosError('invalid-amount', `This token has ${precision} decimals; "${amount}" has ${frac.length}`);
  const units = BigInt(m[1]! + frac.padEnd(precision, '0'));
  if (units > INT64_MAX) throw new EosError('invalid-amount', `Amount too large: ${amount}`);
  return units;
}

export function formatUnits(units: bigint, precision: number): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(precision + 1, '0');
  const body = precision ? `${s.slice(0, -precision)}.${s.slice(-precision)}` : s;
  return neg ? `-${body}` : body;
}

/** "1.5000 EOS" from units and symbol. */
export function assetString(units: bigint, sym: EosSymbol): string {
  return `${formatUnits(units, sym.precision)} ${sym.code}`;
}

/** Parses "1.2345 EOS" into units and symbol (the precision is the number of decimals written). */
export function parseAsset(text: string): { units: bigint; symbol: EosSymbol } {
  const m = typeof text === 'string' ? /^(-?\d+)(?:\.(\d+))? ([A-Z]{1,7})$/.exec(text.trim()) : null;
  if (!m) throw new EosError('invalid-amount', `Not an asset: "${String(text)}" (expected e.g. "1.0000 EOS")`);
  const frac = m[2] ?? '';
  const units = BigInt(`${m[1]!}${frac}`);
  return { units, symbol: { code: m[3]!, precision: frac.length } };
}
