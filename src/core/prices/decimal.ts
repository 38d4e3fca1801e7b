/**
 * Exact decimal arithmetic for fiat values: amounts and prices are decimal strings, held as a
 * bigint and a scale, so "0.1 ETH × 3000.07" is 300.007 exactly (no float drift). Only the
 * display rounds, in Intl.NumberFormat, which takes the decimal string as is.
 */

/** A non-negative decimal: value = int / 10^scale. */
export interface Dec {
  int: bigint;
  scale: number;
}

const DECIMAL = /^(\d{1,40})(?:\.(\d{1,40}))?$/;

/** Parses "123.45" (no sign, no exponent, at most 40 digits each side); null when it is not one. */
export function parseDecimal(text: string): Dec | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { int: BigInt(m[1]! + frac), scale: frac.length };
}

/** The plain decimal text of a Dec, without trailing fraction zeros ("300.007", "5"). */
export function formatDecimal(d: Dec): string {
  const s = d.int.toString().padStart(d.scale + 1, '0');
  if (d.scale === 0) return s;
  const whole = s.slice(0, s.length - d.scale);
  const frac = s.slice(s.length - d.scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

export function mulDecimal(a: Dec, b: Dec): Dec {
  return { int: a.int * b.int, scale: a.scale + b.scale };
}

export function addDecimal(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { int: a.int * 10n ** BigInt(scale - a.scale) + b.int * 10n ** BigInt(scale - b.scale), scale };
}

/** amount × price as exact decimal text; null when either is not a plain decimal. */
export function fiatValue(amount: string, price: string): string | null {
  const a = parseDecimal(amount);
  const p = parseDecimal(price);
  return a && p ? formatDecimal(mulDecimal(a, p)) : null;
}

/** The exact sum of decimal strings ("0" for none); null when one is not a plain decimal. */
export function sumDecimals(values: readonly string[]): string | null {
  let total: Dec = { int: 0n, scale: 0 };
  for (const v of values) {
    const d = parseDecimal(v);
    if (!d) return null;
    total = addDecimal(total, d);
  }
  return formatDecimal(total);
}

/**
 * A price API's JSON number as decimal text. JSON.parse already turned it into a double; its
 * shortest round-trip form (Number#toString) is the decimal the API sent for any price of up to
 * 15 significant digits, which is all a price API sends. Exponent forms (1e-7, 2.5e+21) are
 * expanded. Null for a negative, non-finite or absurd value.
 */
export function numberToDecimal(n: unknown): string | null {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 1e18) return null;
  const s = n.toString();
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return null;
  const digits = m[1]! + (m[2] ?? '');
  const exp = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
  const d: Dec = exp >= 0 ? { int: BigInt(digits) * 10n ** BigInt(exp), scale: 0 } : { int: BigInt(digits), scale: -exp };
  if (d.scale > 40) return null;
  return formatDecimal(d);
}
