/** Planck ↔ whole units (DOT has 10 decimals, KSM 12), exact, for display and parsing what a user typed. */
import { PolkadotError } from './errors.ts';

export function formatUnits(planck: bigint, decimals: number): string {
  const neg = planck < 0n;
  const v = neg ? -planck : planck;
  const base = 10n ** BigInt(decimals);
  const whole = v / base;
  const frac = (v % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

export function parseUnits(text: string, decimals: number): bigint {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) throw new PolkadotError('invalid', 'The amount must be a positive number like 1.5');
  const [whole = '0', frac = ''] = t.split('.');
  if (frac.length > decimals) throw new PolkadotError('invalid', `At most ${decimals} decimal places`);
  const v = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  if (v <= 0n) throw new PolkadotError('invalid', 'The amount must be more than zero');
  if (v >= 1n << 128n) throw new PolkadotError('invalid', 'The amount is too large');
  return v;
}
