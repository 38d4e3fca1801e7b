/**
 * The payment-link standards the popup knows, from each family's popup entry (src/families/ui.ts,
 * `paymentScheme`): the URI schemes are eager and tiny (the Send field recognises a link by its
 * scheme, Receive offers "Request a payment"); the parsers and builders are the families' UI parts'
 * `paymentCodec` (src/families/<f>/core/paymentUri.ts), loaded with the first link read or built.
 * No family is named here.
 */
import { FAMILIES, type Family } from '../../families/ids';
import type { FamilyUiEntry } from '../../families/types';
import type { PaymentCodec, PaymentCodecs } from '../../core/payments/types';
import * as entries from '../../families/ui';

const FAMILY_UI: Readonly<Record<Family, FamilyUiEntry>> = entries;

/** URI scheme (lower case) → family, for every family with a payment-link standard. */
export const PAYMENT_SCHEMES: Readonly<Record<string, Family>> = Object.fromEntries(
  FAMILIES.flatMap((f) => {
    const scheme = FAMILY_UI[f].paymentScheme;
    return scheme ? [[scheme.toLowerCase(), f]] : [];
  }),
);

/** True for a family whose popup entry has a payment-link standard. */
export function hasPaymentStandard(family: Family): boolean {
  return FAMILY_UI[family].paymentScheme !== undefined;
}

async function codecOf(family: Family): Promise<PaymentCodec> {
  const codec = (await FAMILY_UI[family].parts?.())?.paymentCodec;
  // A family that names a scheme ships its codec with its parts (tests/unit/familyIds.test.ts checks each one).
  if (!codec) throw new Error(`The ${family} popup parts have no payment-link codec`);
  return codec;
}

let codecs: Promise<PaymentCodecs> | null = null;

/**
 * Every family's codec, by scheme (loaded once: a pasted text's scheme is only known when it is
 * read, and the parser's "not supported" error names every scheme it knows).
 */
export function loadPaymentCodecs(): Promise<PaymentCodecs> {
  codecs ??= Promise.all(Object.entries(PAYMENT_SCHEMES).map(async ([scheme, family]) => [scheme, await codecOf(family)] as const)).then((pairs) => Object.fromEntries(pairs));
  // A failed load (an extension update mid-session) is tried again next time rather than kept.
  codecs.catch(() => {
    codecs = null;
  });
  return codecs;
}
