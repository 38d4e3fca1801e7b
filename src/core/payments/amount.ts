/**
 * Exact amount arithmetic for payment URIs: decimal strings ("20.3" BTC, "0.01" USDC) to base
 * units and back, and EIP-681 numbers with scientific notation ("2.014e18" wei) to integers. All
 * in bigint and string; a floating-point number never touches an amount.
 */
import { PaymentUriError } from './errors.ts';
import type { PaymentAmount } from './types.ts';

export const UINT256_MAX = (1n << 256n) - 1n;

/** Base units → shortest decimal string ("1.5", "0.00000001", "20"). */
export function formatBaseUnits(base: bigint, decimals: number): string {
  if (base < 0n) throw new PaymentUriError('NEGATIVE_AMOUNT', 'An amount cannot be negative');
  const s = base.toString().padStart(decimals + 1, '0');
  const whole = s.slice(0, s.length - decimals);
  const frac = s.slice(s.length - decimals).replace(/0+$/, '');
  return frac === '' ? whole : `${whole}.${frac}`;
}

/** Strips leading zeros of the whole part and trailing zeros of the fraction. */
function canonicalDecimal(whole: string, frac: string): string {
  const w = whole.replace(/^0+(?=\d)/, '') || '0';
  const f = frac.replace(/0+$/, '');
  return f === '' ? w : `${w}.${f}`;
}

export interface DecimalRules {
  /** Field name used in messages ('amount'). */
  field: string;
  /** Accept ".5" and "5." (BIP-21's grammar does; Solana Pay requires the leading 0). */
  allowBareDot: boolean;
  /** Upper bound in base units, inclusive. */
  max: bigint;
}

/**
 * A plain decimal in whole units ("20.30") checked against the asset's decimals. Signs, commas,
 * exponents and spaces are refused with a specific code; returns the exact base units.
 */
export function parseDecimalAmount(text: string, decimals: number | undefined, rules: DecimalRules): { decimal: string; base?: bigint } {
  const { field } = rules;
  if (text === '') throw new PaymentUriError('INVALID_AMOUNT', `The ${field} is empty`, { field });
  if (/^-/.test(text)) throw new PaymentUriError('NEGATIVE_AMOUNT', `The ${field} cannot be negative`, { field, value: text });
  if (/^\d*\.?\d*[eE][+-]?\d*$/.test(text)) {
    throw new PaymentUriError('INVALID_AMOUNT', `The ${field} must be a plain decimal number (no scientific notation)`, { field, value: text });
  }
  if (/,/.test(text)) throw new PaymentUriError('INVALID_AMOUNT', `The ${field} must use "." as the decimal point and no thousands separators`, { field, value: text });
  const m = rules.allowBareDot ? /^(\d*)(?:\.(\d*))?$/.exec(text) : /^(\d+)(?:\.(\d+))?$/.exec(text);
  const whole = m?.[1] ?? '';
  const frac = m?.[2] ?? '';
  if (!m || whole + frac === '') throw new PaymentUriError('INVALID_AMOUNT', `The ${field} "${text}" is not a decimal number`, { field, value: text });
  const decimal = canonicalDecimal(whole, frac);
  const significantFrac = frac.replace(/0+$/, '');
  if (decimals === undefined) {
    // Token decimals unknown yet: still bound the size so a huge string cannot pass through.
    if (whole.replace(/^0+/, '').length > 78) throw new PaymentUriError('AMOUNT_OVERFLOW', `The ${field} is too large`, { field });
    return { decimal };
  }
  if (significantFrac.length > decimals) {
    throw new PaymentUriError('TOO_MANY_DECIMALS', `The ${field} has more than ${decimals} decimal places`, { field, value: text, decimals });
  }
  const base = BigInt(whole === '' ? '0' : whole) * 10n ** BigInt(decimals) + BigInt((significantFrac.padEnd(decimals, '0') || '0'));
  if (base > rules.max) throw new PaymentUriError('AMOUNT_OVERFLOW', `The ${field} exceeds the largest possible amount`, { field, value: text });
  return { decimal, base };
}

/**
 * An EIP-681 `number`: [sign] digits [. digits] [e digits], which must denote an integer
 * ("2.014e18" = 2014000000000000000). Negative, fractional or above `max` values are refused.
 */
export function parseEip681Number(text: string, field: string, max: bigint = UINT256_MAX): bigint {
  const m = /^([+-]?)(\d*)(?:\.(\d+))?(?:[eE](\d*))?$/.exec(text);
  if (!m || (m[2] === '' && m[3] === undefined)) {
    throw new PaymentUriError('INVALID_AMOUNT', `"${field}" must be a number such as 1000000000000000000 or 1e18`, { field, value: text });
  }
  const [, sign, whole = '', frac = '', exp = ''] = m;
  const exponent = exp === '' ? 0 : Number(exp.replace(/^0+(?=\d)/, ''));
  // An exponent beyond 78 digits cannot fit 256 bits; refusing early also avoids computing 10^huge.
  if (!Number.isSafeInteger(exponent) || exponent > 78 + frac.length) {
    if (/^0*$/.test(whole + frac)) return 0n;
    throw new PaymentUriError('AMOUNT_OVERFLOW', `"${field}" is larger than a 256-bit integer`, { field, value: text });
  }
  const significantFrac = frac.replace(/0+$/, '');
  if (significantFrac.length > exponent) {
    throw new PaymentUriError('TOO_MANY_DECIMALS', `"${field}" must be a whole number of base units (the exponent must cover every decimal)`, { field, value: text });
  }
  const value = BigInt((whole || '0') + significantFrac) * 10n ** BigInt(exponent - significantFrac.length);
  if (sign === '-' && value !== 0n) throw new PaymentUriError('NEGATIVE_AMOUNT', `"${field}" cannot be negative`, { field, value: text });
  if (value > max) throw new PaymentUriError('AMOUNT_OVERFLOW', `"${field}" is larger than the largest allowed value`, { field, value: text });
  return value;
}

/** A canonical decimal string in whole units → base units (TOO_MANY_DECIMALS when it does not fit). */
export function decimalToBase(decimal: string, decimals: number, field = 'amount'): bigint {
  const { base } = parseDecimalAmount(decimal, decimals, { field, allowBareDot: false, max: UINT256_MAX });
  if (base === undefined) throw new PaymentUriError('INVALID_AMOUNT', `The ${field} could not be converted`, { field });
  return base;
}

/** Fills in the half of an amount a standard leaves out, once the asset's decimals are known. */
export function resolvePaymentAmount(amount: PaymentAmount, decimals: number): { base: bigint; decimal: string; decimals: number } {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) {
    throw new PaymentUriError('INVALID_PARAMETER', 'Token decimals must be an integer from 0 to 255', { decimals });
  }
  switch (amount.known) {
    case 'both':
      if (amount.decimals === decimals) return { base: amount.base, decimal: amount.decimal, decimals };
      return { base: decimalToBase(amount.decimal, decimals), decimal: amount.decimal, decimals };
    case 'base':
      return { base: amount.base, decimal: formatBaseUnits(amount.base, decimals), decimals };
    case 'decimal':
      return { base: decimalToBase(amount.decimal, decimals), decimal: amount.decimal, decimals };
  }
}

/** The amount as the decimal string a standard wants, given the decimals the builder knows. */
export function amountAsDecimal(amount: PaymentAmount, decimals: number | undefined, field = 'amount'): string {
  if (amount.known === 'base') {
    if (decimals === undefined) throw new PaymentUriError('FIELD_NOT_SUPPORTED', `The ${field} must be given in whole units for this standard`, { field });
    return formatBaseUnits(amount.base, decimals);
  }
  return amount.decimal;
}

/** The amount in base units, given the decimals the builder knows. */
export function amountAsBase(amount: PaymentAmount, decimals: number | undefined, field = 'amount'): bigint {
  if (amount.known === 'decimal') {
    if (decimals === undefined) throw new PaymentUriError('FIELD_NOT_SUPPORTED', `The ${field} must be given in base units for this standard`, { field });
    return resolvePaymentAmount(amount, decimals).base;
  }
  return amount.base;
}
