/** Small display helpers for the popup (no viem: the popup bundle stays small). */

/** Decimal whole-unit text → base units; undefined when not a plain non-negative decimal with at most `decimals` places. */
export function toBaseUnits(text: string, decimals: number): bigint | undefined {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return undefined;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return undefined;
  return BigInt(m[1]!) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
}

/** Base units → exact decimal text ("1.5"), no trailing zeros. */
export function fromBaseUnits(value: bigint, decimals: number): string {
  const neg = value < 0n;
  const abs = neg ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = decimals > 0 ? (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** wei (decimal string) → gwei text. */
export function weiToGwei(wei: string | undefined): string {
  if (!wei || !/^\d+$/.test(wei)) return '';
  return fromBaseUnits(BigInt(wei), 9);
}

/** gwei text → wei decimal string; undefined when invalid. */
export function gweiToWei(gwei: string): string | undefined {
  return toBaseUnits(gwei, 9)?.toString();
}

/** A long amount shortened for a list row: at most `digits` fraction digits, rounded down, marked with "…". */
export function shortAmount(text: string | null, digits = 6): string {
  if (text === null) return '—';
  const [w, f = ''] = text.split('.');
  if (f.length <= digits) return text;
  return `${w}.${f.slice(0, digits)}…`;
}

export function shortAddress(a: string): string {
  return a.length > 16 ? `${a.slice(0, 8)}…${a.slice(-6)}` : a;
}
