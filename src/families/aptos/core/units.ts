/** Amounts: base units (octas for APT, 8 decimals) ↔ decimal text, exact, no floating point. */
import { AptosError } from './errors.ts';

export function formatUnits(amount: bigint, decimals: number): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  if (decimals === 0) return `${negative ? '-' : ''}${abs}`;
  const base = 10n ** BigInt(decimals);
  const frac = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / base}${frac ? `.${frac}` : ''}`;
}

export function parseUnits(text: string, decimals: number): bigint {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(String(text));
  if (!m || ((m[1] ?? '') === '' && (m[2] ?? '') === '')) throw new AptosError('MALFORMED', `Not a decimal amount: ${JSON.stringify(String(text).slice(0, 40))}`);
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  if (frac.length > decimals) throw new AptosError('MALFORMED', `At most ${decimals} decimal places are allowed`);
  const v = BigInt(whole === '' ? '0' : whole) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  if (v >= 1n << 64n) throw new AptosError('MALFORMED', 'The amount does not fit in u64');
  return v;
}
