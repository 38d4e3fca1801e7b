/**
 * The payment-link dispatcher (src/core/payments/parse.ts) bound to the codecs the popup uses: every
 * family's standard, loaded from its popup entry (src/families/ui.ts → `payment`) the way
 * src/ui/popup/paymentStandards.ts loads them, so the tests read links exactly as the Send field does.
 */
import { buildPaymentUri as build, parsePaymentUri as parse, paymentUriFamily as familyOf } from '../../src/core/payments/parse.ts';
import type { ParsePaymentOptions, PaymentFamily, PaymentRequest, PaymentRequestInput } from '../../src/core/payments/types.ts';
import { loadPaymentCodecs } from '../../src/ui/popup/paymentStandards.ts';

export const PAYMENT_CODECS = await loadPaymentCodecs();

export function parsePaymentUri(text: string, options: ParsePaymentOptions = {}): PaymentRequest {
  return parse(text, PAYMENT_CODECS, options);
}

export function buildPaymentUri(input: PaymentRequestInput): string {
  return build(input, PAYMENT_CODECS);
}

export function paymentUriFamily(text: string): PaymentFamily | undefined {
  return familyOf(text, PAYMENT_CODECS);
}
