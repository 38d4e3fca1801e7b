/**
 * The payment-link standards the popup knows, from each family's popup entry (src/families/ui.ts,
 * `payment`): the URI schemes are eager and tiny (the Send field recognises a link by its scheme,
 * Receive offers "Request a payment"); the parsers and builders (src/families/<f>/core/paymentUri.ts)
 * load with the first link read or built. No family is named here.
 */
import { FAMILIES, type Family } from '../../families/ids';
import type { FamilyUiEntry } from '../../families/types';
import type { PaymentCodecs } from '../../core/payments/types';
import * as entries from '../../families/ui';

const FAMILY_UI: Readonly<Record<Family, FamilyUiEntry>> = entries;

/** URI scheme (lower case) → family, for every family with a payment-link standard. */
export const PAYMENT_SCHEMES: Readonly<Record<string, Family>> = Object.fromEntries(
  FAMILIES.flatMap((f) => {
    const payment = FAMILY_UI[f].payment;
    return payment ? [[payment.scheme.toLowerCase(), f]] : [];
  }),
);

/** True for a family whose popup entry has a payment-link standard. */
export function hasPaymentStandard(family: Family): boolean {
  return FAMILY_UI[family].payment !== undefined;
}

let codecs: Promise<PaymentCodecs> | null = null;

/**
 * Every family's codec, by scheme (loaded once: small, and a pasted text's scheme is only known
 * when it is read; the parser's "not supported" error names the schemes it knows).
 */
export function loadPaymentCodecs(): Promise<PaymentCodecs> {
  return (codecs ??= Promise.all(
    FAMILIES.flatMap((f) => {
      const payment = FAMILY_UI[f].payment;
      return payment ? [payment.codec().then((codec) => [payment.scheme.toLowerCase(), codec] as const)] : [];
    }),
  ).then((pairs) => Object.fromEntries(pairs)));
}
